// Statements compiled once and run with fresh parameters (db/prepared.ts) write and read what the same Kysely query
// would, on SQLite and PostgreSQL; an expression among the values is built as usual.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openDatabase, type DbHandle } from '../src/kernel/server/db/dialect.ts';
import { affected, insertRow, runPrepared } from '../src/kernel/server/db/prepared.ts';
import { createTestDatabase, dialects, type TestDatabase } from './support/db.ts';

for (const d of await dialects()) {
  describe(`prepared statements (${d.kind})`, { skip: d.skip }, () => {
    let tdb: TestDatabase;
    let h: DbHandle;
    before(async () => {
      tdb = await createTestDatabase(d.kind);
      h = await openDatabase({ databaseUrl: tdb.config.databaseUrl, dataDir: tdb.config.dataDir });
      await h.db.schema.createTable('p_items').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('n', 'integer').addColumn('note', 'text').execute();
    });
    after(async () => { await h?.destroy(); await tdb?.drop(); });

    const read = (id: string) => runPrepared<{ id: string; n: number; note: string | null }>(h.db, 'p:read', [id], (db, p) => db.selectFrom('p_items').selectAll().where('id', '=', p[0]));

    test('the same statement runs again with other parameters, inside and outside a transaction', async () => {
      await insertRow(h.db, 'p_items', { id: 'a', n: 1, note: null });
      await h.db.transaction().execute((trx) => insertRow(trx, 'p_items', { id: 'b', n: 2, note: '乙' }));
      // another column list is another statement
      await insertRow(h.db, 'p_items', { id: 'c', n: 3 });
      assert.deepEqual((await read('a')).rows.map((r) => [r.id, Number(r.n), r.note]), [['a', 1, null]]);
      assert.deepEqual((await read('b')).rows.map((r) => [r.id, Number(r.n), r.note]), [['b', 2, '乙']]);
      assert.deepEqual((await read('c')).rows.map((r) => [r.id, Number(r.n), r.note]), [['c', 3, null]]);
      const bump = (id: string, from: number) => runPrepared(h.db, 'p:bump', [from + 1, id, from], (db, p) =>
        db.updateTable('p_items').set({ n: p[0] }).where('id', '=', p[1]).where('n', '=', p[2]));
      assert.equal(affected(await bump('a', 1)), 1);
      assert.equal(affected(await bump('a', 1)), 0, 'the condition holds its parameter too');
      assert.equal(Number((await read('a')).rows[0].n), 2);
    });

    test('an expression among the values is SQL, not a parameter: the statement is built for it', async () => {
      const set = (id: string, n: unknown) => runPrepared(h.db, 'p:set', [n, id], (db, p) => db.updateTable('p_items').set({ n: p[0] as number }).where('id', '=', p[1]));
      await set('b', 5);
      await set('b', sql<number>`n + 10`);
      assert.equal(Number((await read('b')).rows[0].n), 15);
      await set('b', 7);
      assert.equal(Number((await read('b')).rows[0].n), 7);
    });
  });
}
