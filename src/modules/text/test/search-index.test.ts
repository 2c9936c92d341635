/** Finding the newest matches on both databases: the same matches as a plain scan of the stored words, newest first, facts from the covering index. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql, CompiledQuery } from 'kysely';
import { dialects, createTestDatabase, type TestDatabase } from '../../../../test/support/db.ts';
import { openDatabase, type DbHandle } from '../../../kernel/server/db/dialect.ts';
import { migrateToLatest } from '../../../kernel/server/migrate.ts';
import { kernelMigrations } from '../../../kernel/server/kernel-module.ts';
import { textMigrations } from '../server/migrations.ts';
import { TextService } from '../server/text-service.ts';
import { findMatches, sqliteFindStatement } from '../server/search-index.ts';
import { readParts, rollSearchParts } from '../server/search-store.ts';
import { TextSearch, indexTokens, indexWords } from '../server/search.ts';

/** A fixed pseudo-random sequence, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 0x100000000);
}

/** How often `word` occurs among a text's words (as segmented for the index): what the kept counts must give. */
const bodyCount = (body: string, word: string) => indexTokens(body).filter((w) => w === word).length;

// common and rare words, so that some queries fill the window from the newest items and others reach the oldest
const vocabulary = ['小区', '停车', '电梯', '教育', '收费', '物业', '噪音', '油烟', '医疗', '养老', '交通', '环境'];
const weights = [0.6, 0.4, 0.3, 0.3, 0.2, 0.2, 0.1, 0.1, 0.05, 0.05, 0.02, 0.01];

for (const d of await dialects()) {
  describe(`finding the newest matches (${d.kind})`, { skip: d.skip }, () => {
    let tdb: TestDatabase;
    let h: DbHandle;
    /** every item's words as stored, newest last */
    const stored: Array<{ id: string; refId: string; tenant: string; words: Set<string> }> = [];
    before(async () => {
      tdb = await createTestDatabase(d.kind);
      h = await openDatabase({ databaseUrl: tdb.config.databaseUrl, dataDir: tdb.config.dataDir });
      await migrateToLatest(h.db, h.dialect, [...kernelMigrations, ...textMigrations]);
      const service = new TextService(h.db, h.dialect);
      const rand = rng(7);
      const items = Array.from({ length: 1200 }, (_, i) => {
        const picked = vocabulary.filter((_w, k) => rand() < weights[k]);
        return { source: i % 3 ? 'proposal' : 'report', refId: `r${i}`, title: `第${i}号 ${picked.slice(0, 1).join('')}`, body: `${picked.join('，')}。`, createdAt: `20${10 + (i % 15)}-01-01T00:00:00.000Z`, tenant: i % 10 === 9 ? 'county' : 'city' };
      });
      // in chunks, after each of which (but the last) PostgreSQL closes its index's open part once it holds 150 items:
      // the queries below then read several parts, some stopping at the newest
      for (let at = 0; at < items.length; at += 200) {
        const chunk = items.slice(at, at + 200);
        for (const tenant of ['city', 'county']) await service.indexItems(tenant, chunk.filter((x) => x.tenant === tenant));
        if (h.dialect === 'postgres' && at + 200 < items.length) await rollSearchParts(h.db, 150);
      }
      // statistics of the parts (autovacuum's work on a live database): common words are then read in a window of the
      // newest part first
      if (h.dialect === 'postgres') await sql`vacuum analyze text_search`.execute(h.db);
      const rows = await h.db.selectFrom('text_items').select(['id', 'ref_id', 'tenant_id', 'title', 'body']).orderBy('search_key').execute();
      for (const r of rows as any[]) stored.push({ id: r.id, refId: r.ref_id, tenant: r.tenant_id, words: new Set(indexWords(r.title, r.body)) });
    });
    after(async () => { await h?.destroy(); await tdb?.drop(); });

    test('every query gives the newest matches of the tenant holding every word, newest first, up to the limit', async () => {
      const queries = [['小区'], ['小区', '停车'], ['电梯', '教育', '收费'], ['噪音', '油烟'], ['交通', '环境'], ['环境'], ['养老', '小区', '停车', '物业'], ['没有的词']];
      let reachedLimit = 0, belowLimit = 0;
      for (const tenant of ['city', 'county']) {
        for (const words of queries) {
          for (const limit of [5, 50, 2000]) {
            const expected = stored.filter((x) => x.tenant === tenant && words.every((w) => x.words.has(w))).reverse().slice(0, limit).map((x) => x.refId);
            const got = await findMatches(h.db, h.dialect, { tenantId: tenant, words, limit });
            assert.deepEqual(got.map((x) => x.refId), expected, `${tenant} ${words.join(' ')} limit ${limit}`);
            if (expected.length === limit) reachedLimit++; else if (expected.length > 0) belowLimit++;
          }
        }
      }
      assert.ok(reachedLimit > 5 && belowLimit > 5, 'the queries cover both full and partial windows');
    });

    test('each match carries its facts and title as stored', async () => {
      const got = await findMatches(h.db, h.dialect, { tenantId: 'city', words: ['小区'], limit: 20 });
      assert.equal(got.length, 20);
      const rows = await h.db.selectFrom('text_items').selectAll().where('id', 'in', got.map((x) => x.id)).execute();
      const byId = new Map((rows as any[]).map((r) => [r.id, r]));
      for (const m of got) {
        const r = byId.get(m.id);
        assert.deepEqual([m.source, m.refId, m.title, m.createdAt, m.state, m.unitId, m.ownerUserId], [r.source, r.ref_id, r.title, r.created_at, r.state, r.unit_id, r.owner_user_id]);
        assert.deepEqual([m.bodyLength, m.counts], [r.body.length, [bodyCount(r.body, '小区')]], 'the text\'s length and the word\'s count in it come with the match');
      }
    });

    test('an edit is found by its new words at once, and no longer by its old ones', async () => {
      const service = new TextService(h.db, h.dialect);
      await service.indexItem('city', { source: 'proposal', refId: 'r1', title: '关于规范共享单车停放的建议', body: '共享单车乱停放。' });
      assert.deepEqual((await findMatches(h.db, h.dialect, { tenantId: 'city', words: ['单车'], limit: 10 })).map((x) => x.refId), ['r1']);
      const old = stored.find((x) => x.refId === 'r1')!;
      const oldWord = [...old.words].find((w) => vocabulary.includes(w));
      if (oldWord) assert.ok(!(await findMatches(h.db, h.dialect, { tenantId: 'city', words: [oldWord], limit: 5000 })).some((x) => x.refId === 'r1'));
      const [m] = await findMatches(h.db, h.dialect, { tenantId: 'city', words: ['单车'], limit: 10 });
      assert.equal(m.title, '关于规范共享单车停放的建议', 'the title comes back as edited');
      assert.deepEqual([m.bodyLength, m.counts], [8, [1]], 'and the counts of its new text');
      const [both] = await findMatches(h.db, h.dialect, { tenantId: 'city', words: ['建议', '单车'], limit: 10 });
      assert.deepEqual(both.counts, [0, 1], 'a word of the title alone: none in the text');
    });

    test('items indexed before their counts were kept get them on the next first search', async () => {
      const county = (await h.db.selectFrom('text_items').select(['id', 'search_key', 'title', 'body']).where('tenant_id', '=', 'county').execute()) as Array<{ id: string; search_key: number | string; title: string; body: string }>;
      assert.ok(county.length > 50);
      if (h.dialect === 'postgres') await sql`update text_search set body_len = null, word_counts = null where tenant_id = 'county'`.execute(h.db);
      else await sql`delete from text_counts where search_key in (${sql.join(county.map((r) => Number(r.search_key)))})`.execute(h.db);
      const before = await findMatches(h.db, h.dialect, { tenantId: 'county', words: ['小区'], limit: 500 });
      assert.ok(before.length > 10 && before.every((m) => m.counts === null && m.bodyLength === null));
      const city = await findMatches(h.db, h.dialect, { tenantId: 'city', words: ['小区'], limit: 500 });
      assert.ok(city.every((m) => m.counts !== null), 'the other tenant\'s items keep theirs');
      await new TextSearch(h.db, h.dialect).ensureIndex();
      const after = await findMatches(h.db, h.dialect, { tenantId: 'county', words: ['小区'], limit: 500 });
      assert.deepEqual(after.map((m) => m.id), before.map((m) => m.id));
      for (const m of after) {
        const r = county.find((x) => x.id === m.id)!;
        assert.deepEqual([m.bodyLength, m.counts], [r.body.length, [bodyCount(r.body, '小区')]], m.id);
      }
      if (h.dialect === 'postgres') {
        const left = (await sql<{ n: string }>`select count(*) as n from text_search where word_counts is null`.execute(h.db)).rows[0].n;
        assert.equal(Number(left), 0);
      } else {
        const [items, counted] = await Promise.all([sql<{ n: number }>`select count(*) as n from text_items`.execute(h.db), sql<{ n: number }>`select count(*) as n from text_counts`.execute(h.db)]);
        assert.equal(counted.rows[0].n, items.rows[0].n);
      }
    });

    if (d.kind === 'postgres') {
      test('PostgreSQL cuts its index into parts by key; a common word is read in a window of the newest part, a rare one part by part', async () => {
        const parts = await readParts(h.db);
        assert.equal(parts.length, 6, parts.map((p) => p.name).join());
        assert.equal(parts[0].from, null);
        assert.equal(parts.at(-1)!.to, null);
        for (let i = 1; i < parts.length; i++) assert.equal(parts[i].from, parts[i - 1].to, 'the parts cover every key');
        const sizes = await Promise.all(parts.map(async (p) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(p.name)}`.execute(h.db)).rows[0].n)));
        assert.ok(sizes.every((n) => n >= 150 && n <= 200), sizes.join());
        // index scans of each part's key and words indexes made by one call, counted inside a transaction on a connection
        // whose earlier counts were flushed first
        const scans = (words: string, share: number, limit: number) => h.db.connection().execute(async (c) => {
          await sql`select pg_stat_force_next_flush()`.execute(c);
          await sql`select 1`.execute(c);
          return c.transaction().execute(async (trx) => {
          const found = (await sql<{ n: string }>`select count(*) as n from text_search_newest('city', ${words}::tsquery, array[' 小区 ']::text[], ${share}, ${limit})`.execute(trx)).rows[0].n;
          const counts = await Promise.all(parts.map(async (p) => (await sql<{ key: string; words: string; rows: string }>`select
            pg_stat_get_xact_numscans(${`${p.name}_pkey`}::regclass) as key, pg_stat_get_xact_numscans(${`${p.name}_words_idx`}::regclass) as words,
            pg_stat_get_xact_tuples_fetched(${p.name}::regclass) as rows`.execute(trx)).rows[0]));
          return { found: Number(found), key: counts.map((x) => Number(x.key)), words: counts.map((x) => Number(x.words)), rows: counts.map((x) => Number(x.rows)) };
          });
        });
        const common = await scans('小区', 0.6, 5);
        assert.equal(common.found, 5);
        // the window of the newest part (its lower key from the key index) gives all five: the older parts are never read
        assert.ok(common.key.at(-1)! >= 1, String(common.key));
        assert.deepEqual(common.key.slice(0, -1), [0, 0, 0, 0, 0]);
        assert.deepEqual(common.words.slice(0, -1), [0, 0, 0, 0, 0], 'the older parts are never read');
        assert.deepEqual(common.rows.slice(0, -1), [0, 0, 0, 0, 0]);
        const rare = await scans('环境 & 交通', 0.0002, 50);
        assert.deepEqual(rare.words, [1, 1, 1, 1, 1, 1], 'each part by its words index, newest first until the limit');
      });

      test('a part closed by another instance after the cuts were read: the newest items are still found', async () => {
        const service = new TextService(h.db, h.dialect);
        assert.ok((await findMatches(h.db, h.dialect, { tenantId: 'city', words: ['小区'], limit: 5 })).length === 5); // cuts read and kept
        await service.indexItems('city', Array.from({ length: 160 }, (_, i) => ({ source: 'proposal', refId: `late${i}`, title: `第${i}号`, body: '晚到的小区。' })));
        assert.equal(await rollSearchParts(h.db, 150), true);
        await service.indexItem('city', { source: 'proposal', refId: 'newest', title: '最新', body: '晚到的小区，最新一件。' });
        const got = await findMatches(h.db, h.dialect, { tenantId: 'city', words: ['晚到', '小区'], limit: 200 });
        assert.equal(got.length, 161);
        assert.equal(got[0].refId, 'newest');
        assert.deepEqual(got.slice(1, 4).map((x) => x.refId), ['late159', 'late158', 'late157']);
      });
    }

    if (d.kind === 'sqlite') {
      test('SQLite reads the facts of a match from the covering index, never from the row with the text', async () => {
        const statement = sqliteFindStatement({ tenantId: 'city', words: ['小区', '停车'], limit: 10 }).compile(h.db);
        const rows = (await h.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${statement.sql}`, [...statement.parameters]))).rows;
        const plan = rows.map((r) => r.detail).join('\n');
        assert.match(plan, /USING COVERING INDEX text_items_search_facts/, plan);
        assert.doesNotMatch(plan, /TEMP B-TREE/, 'no sort: the index is walked newest first');
      });
    }
  });
}
