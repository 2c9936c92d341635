// The migration list: an upgrade that adds a migration in a lower module range than migrations already run still applies it.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { migrateToLatest, type MigrationDef } from '../src/kernel/server/migrate.ts';
import { createTestDatabase, dialects } from './support/db.ts';
import { openDatabase } from '../src/kernel/server/db/dialect.ts';

const table = (name: string): MigrationDef => ({
  name,
  async up(db) { await db.schema.createTable(`t_${name.slice(0, 4)}`).addColumn('id', 'text', (c) => c.primaryKey()).execute(); },
});

for (const { kind, skip } of await dialects()) {
  describe(`migrations (${kind})`, { skip }, () => {
    test('a release that adds a migration below ones already run applies it, once', async () => {
      const tdb = await createTestDatabase(kind);
      const h = await openDatabase({ databaseUrl: tdb.config.databaseUrl, dataDir: tdb.config.dataDir });
      try {
        // the first release: a module at 0100 and one at 1100
        assert.deepEqual(await migrateToLatest(h.db, h.dialect, [table('0100_a'), table('1100_b')]), ['0100_a', '1100_b']);
        // the next release adds 1010 (the first module's range lies below 1100, which has run)
        assert.deepEqual(await migrateToLatest(h.db, h.dialect, [table('0100_a'), table('1010_a'), table('1100_b'), table('1110_b')]), ['1010_a', '1110_b']);
        assert.deepEqual(await migrateToLatest(h.db, h.dialect, [table('0100_a'), table('1010_a'), table('1100_b'), table('1110_b')]), [], 'nothing runs twice');
        const n = await sql<{ n: number }>`select count(*) as n from t_1010`.execute(h.db);
        assert.equal(Number(n.rows[0].n), 0, 'the late migration created its table');
      } finally {
        await h.destroy();
        await tdb.drop();
      }
    });
  });
}
