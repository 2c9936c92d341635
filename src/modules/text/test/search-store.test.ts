/** PostgreSQL's partitioned full-text index: words stored before it existed are carried over, and parts close as they fill. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/db.ts';
import { skipUnless } from '../../../../test/support/services.ts';
import { openDatabase, type DbHandle } from '../../../kernel/server/db/dialect.ts';
import { migrateToLatest } from '../../../kernel/server/migrate.ts';
import { kernelMigrations } from '../../../kernel/server/kernel-module.ts';
import { textMigrations } from '../server/migrations.ts';
import { findMatches } from '../server/search-index.ts';
import { countWords, readParts, rollSearchParts } from '../server/search-store.ts';
import { TextService } from '../server/text-service.ts';
import { clock } from '../../../kernel/universal/clock.ts';

describe('the partitioned full-text index (postgres)', { skip: await skipUnless('pg') }, () => {
  let tdb: TestDatabase;
  let h: DbHandle;
  before(async () => {
    tdb = await createTestDatabase('postgres');
    h = await openDatabase({ databaseUrl: tdb.config.databaseUrl, dataDir: tdb.config.dataDir });
  });
  after(async () => { await h?.destroy(); await tdb?.drop(); });

  test('migrations 0404 and 0405 carry the words stored in the items into the new index and drop the old index and column', async () => {
    const before0404 = textMigrations.filter((m) => m.name < '0404');
    await migrateToLatest(h.db, h.dialect, [...kernelMigrations, ...before0404]);
    const now = clock.iso();
    await h.db.insertInto('text_items').values([
      { id: 'a', tenant_id: 'city', source: 'proposal', ref_id: 'p1', title: '老旧小区加装电梯', body: '', search_key: 10, created_at: now, updated_at: now, search_tsv: sql`$$'小区' '电梯'$$::tsvector` },
      { id: 'b', tenant_id: 'city', source: 'proposal', ref_id: 'p2', title: '小区停车', body: '', search_key: 20, created_at: now, updated_at: now, search_tsv: sql`$$'小区' '停车'$$::tsvector` },
      { id: 'c', tenant_id: 'county', source: 'report', ref_id: 'r1', title: '小区停车难', body: '', search_key: 30, created_at: now, updated_at: now, search_tsv: sql`$$'小区' '停车'$$::tsvector` },
    ]).execute();
    await migrateToLatest(h.db, h.dialect, [...kernelMigrations, ...textMigrations]);
    const indexes = (await sql<{ i: string }>`select indexname as i from pg_indexes where schemaname = current_schema() and tablename = 'text_items'`.execute(h.db)).rows.map((r) => r.i);
    assert.ok(!indexes.includes('text_items_search') && indexes.includes('text_items_search_key'), indexes.join());
    const columns = (await sql<{ c: string }>`select column_name as c from information_schema.columns where table_schema = current_schema() and table_name = 'text_items'`.execute(h.db)).rows.map((r) => r.c);
    assert.ok(columns.includes('search_key') && !columns.includes('search_tsv'), 'the old words column is dropped (0405)');
    // the word counts stay in the rows (0406): TOAST moves a wide row's words out first, which a search reads through the index only
    const storage = (await sql<{ s: string }>`select distinct a.attstorage as s from pg_attribute a join pg_inherits i on i.inhrelid = a.attrelid
      where i.inhparent = 'text_search'::regclass and a.attname = 'word_counts'`.execute(h.db)).rows.map((r) => r.s);
    assert.deepEqual(storage, ['m']);
    assert.equal(await countWords(h.db, h.dialect), 3);
    assert.deepEqual((await findMatches(h.db, h.dialect, { tenantId: 'city', words: ['小区'], limit: 10 })).map((m) => m.refId), ['p2', 'p1']);
    assert.deepEqual((await findMatches(h.db, h.dialect, { tenantId: 'county', words: ['停车'], limit: 10 })).map((m) => m.refId), ['r1']);
    const comments = (await sql<{ name: string; comment: string | null }>`select c.relname as name, obj_description(c.oid, 'pg_class') as comment from pg_class c
      join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relname like 'text_search%' and c.relkind in ('r', 'p')`.execute(h.db)).rows;
    assert.ok(comments.length >= 2 && comments.every((c) => c.comment?.startsWith('derived:')), JSON.stringify(comments));
  });

  test('an open part is closed at its highest key only once it is full; a closed part still takes edits of its items', async () => {
    const service = new TextService(h.db, h.dialect);
    const open = async () => (await readParts(h.db)).at(-1)!;
    const before = await readParts(h.db);
    assert.equal(await rollSearchParts(h.db, 5), false, 'three items: not full');
    await service.indexItems('city', Array.from({ length: 4 }, (_, i) => ({ source: 'proposal', refId: `n${i}`, title: `第${i}号`, body: '公交线路调整。' })));
    assert.equal(await rollSearchParts(h.db, 5), true);
    const after = await readParts(h.db);
    assert.equal(after.length, before.length + 1);
    const top = (await sql<{ k: string }>`select max(search_key)::text as k from text_items`.execute(h.db)).rows[0].k;
    assert.equal(after.at(-2)!.to, String(BigInt(top) + 1n), 'closed just above its highest key');
    assert.equal((await open()).to, null);
    const storage = (await sql<{ s: string }>`select a.attstorage as s from pg_attribute a where a.attrelid = ${(await open()).name}::regclass and a.attname = 'word_counts'`.execute(h.db)).rows[0].s;
    assert.equal(storage, 'm', 'a new part keeps the counts in its rows too');
    assert.equal(await rollSearchParts(h.db, 5), false, 'the new part is empty');
    // an item of the closed part edited: its words are replaced where they are, not duplicated
    await service.indexItem('city', { source: 'proposal', refId: 'n0', title: '第0号', body: '地铁站点调整。' });
    assert.deepEqual((await findMatches(h.db, h.dialect, { tenantId: 'city', words: ['地铁'], limit: 10 })).map((m) => m.refId), ['n0']);
    assert.deepEqual((await findMatches(h.db, h.dialect, { tenantId: 'city', words: ['公交'], limit: 10 })).map((m) => m.refId), ['n3', 'n2', 'n1']);
    assert.equal(await countWords(h.db, h.dialect), 7);
    const inOpen = Number((await sql<{ n: string }>`select count(*) as n from ${sql.table((await open()).name)}`.execute(h.db)).rows[0].n);
    assert.equal(inOpen, 0);
  });
});
