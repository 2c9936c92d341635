/**
 * The 文史资料 archive at volume, on SQLite and PostgreSQL (when it answers), through the real app in process: 100,000
 * materials (10,000 with --quick) in 1,000 published issues, searched by a member the way the archive page does — by
 * period, topic, place, people, keyword, year and issue — one request at a time, p99 per query. The baseline, in the
 * same run, is the brute-force scan: the same filters applied in JavaScript to every material of the CPPCC read at
 * once (what a page without the indexed query would cost). Both must find the same number of rows.
 * Prints JSON lines (bench/lib.ts); progress on stderr.
 */
import { performance } from 'node:perf_hooks';
import { dialects } from '../test/support/db.ts';
import { startWorld, type World } from '../test/support/factories.ts';
import { newId } from '../src/kernel/universal/ids.ts';
import { wenshiPeriods } from '../src/modules/wenshi/domain/wenshi-catalogue.ts';
import { seedMaterials } from '../src/modules/wenshi/server/seed-data.ts';
import { crashed, emit, inFlight, note, percentile, quick, round } from './lib.ts';

const MATERIALS = quick ? 10_000 : 100_000;
const PER_ISSUE = 100;
const READ_P99_MS = 200;
const chinaStart = (y: number) => new Date(Date.parse(`${y}-01-01T00:00:00+08:00`)).toISOString();

interface Row { title: string; body: string; period: string | null; place: string | null; people: string | null; topic: string | null; created_at: string; issue_id: string | null; published: number }

async function run(w: World, kind: string) {
  const db = w.zx.ctx.db;
  const tenant = w.ids.cityId;
  note(`${kind}: loading ${MATERIALS} materials in ${MATERIALS / PER_ISSUE} issues`);
  const t0 = performance.now();
  const issues: Array<Record<string, unknown>> = [];
  for (let i = 0; i < MATERIALS / PER_ISSUE; i++) {
    const year = 2000 + (i % 26);
    issues.push({ id: newId(), tenant_id: tenant, number: i + 1, year, title: '长治文史', editor: '文史委', published: 1, published_at: `${year}-11-20T02:00:00.000Z`, version: 2, created_at: `${year}-03-01T02:00:00.000Z`, updated_at: `${year}-11-20T02:00:00.000Z` });
  }
  for (let i = 0; i < issues.length; i += 500) await db.insertInto('wenshi_issues' as never).values(issues.slice(i, i + 500) as never).execute();
  const BATCH = 2000;
  for (let start = 0; start < MATERIALS; start += BATCH) {
    const rows: Array<Record<string, unknown>> = [];
    for (let i = start; i < Math.min(MATERIALS, start + BATCH); i++) {
      const m = seedMaterials[i % seedMaterials.length];
      const issue = issues[Math.floor(i / PER_ISSUE)];
      const created = `${Number(issue.year) - 1}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}T02:00:00.000Z`;
      const title = `${m.title}（${i}）`;
      rows.push({
        id: newId(), tenant_id: tenant, title, body: `${m.text}第${i}篇。`, original_title: title, original_body: m.text, source: i % 3 ? 'member' : 'public',
        owner_user_id: null, contributor_name: '投稿人', contributor_contact: null, period: i % 17 === 0 ? wenshiPeriods[i % wenshiPeriods.length] : m.period, place: m.place, people: m.people || null, topic: m.topic,
        decline_reason: null, issue_id: issue.id, section: m.section, seq: (i % PER_ISSUE) + 1, published: 1, state: 'selected', version: 5, created_at: created, updated_at: created,
      });
    }
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 250) await trx.insertInto('wenshi_materials' as never).values(rows.slice(i, i + 250) as never).execute();
    });
    if ((start / BATCH) % 10 === 0) note(`${kind}: ${start + rows.length} materials loaded`);
  }
  emit({ name: `wenshi_load_${kind}`, value: round((performance.now() - t0) / 1000, 1), unit: 's', materials: MATERIALS, issues: issues.length });
  if (kind === 'postgres') await (db as any).executeQuery({ sql: 'ANALYZE', parameters: [], query: { kind: 'RawNode' } }).catch(() => {});

  const member = await w.as('member');
  const issueId = String(issues[7].id);
  type Q = { name: string; query: Record<string, string>; match: (r: Row) => boolean };
  const has = (v: string | null, s: string) => !!v && v.includes(s);
  const queries: Q[] = [
    { name: 'period', query: { period: '抗日战争时期（1937–1945）' }, match: (r) => r.period === '抗日战争时期（1937–1945）' },
    { name: 'topic', query: { topic: '上党战役' }, match: (r) => has(r.topic, '上党战役') },
    { name: 'place', query: { place: '平顺' }, match: (r) => has(r.place, '平顺') },
    { name: 'people', query: { people: '申纪兰' }, match: (r) => has(r.people, '申纪兰') },
    { name: 'keyword', query: { q: '黄崖洞' }, match: (r) => [r.title, r.body, r.people, r.place, r.topic].some((v) => has(v, '黄崖洞')) },
    { name: 'year', query: { year: '2010' }, match: (r) => r.created_at >= chinaStart(2010) && r.created_at < chinaStart(2011) },
    { name: 'issue', query: { issueId }, match: (r) => r.issue_id === issueId },
    { name: 'period_topic_year', query: { period: '解放战争时期（1945–1949）', topic: '上党战役', year: '2015' }, match: (r) => r.period === '解放战争时期（1945–1949）' && has(r.topic, '上党战役') && r.created_at >= chinaStart(2015) && r.created_at < chinaStart(2016) },
  ];
  const n = quick ? 30 : 60;
  const scanN = quick ? 10 : 5;
  for (const q of queries) {
    const url = `/api/wenshi?archive=true&pageSize=20&${new URLSearchParams(q.query)}`;
    const first = await member.get(url);
    if (first.status !== 200) throw new Error(`${url}: ${first.status} ${JSON.stringify(first.body).slice(0, 200)}`);
    const api = await inFlight(Array.from({ length: n }, () => () => member.get(url)), 1);
    // brute force: every material of the CPPCC read, filtered in JavaScript
    let found = 0;
    const scan = await inFlight(Array.from({ length: scanN }, () => async () => {
      const rows = (await db.selectFrom('wenshi_materials' as never).select(['title', 'body', 'period', 'place', 'people', 'topic', 'created_at', 'issue_id', 'published'] as never)
        .where('tenant_id' as never, '=', tenant as never).execute()) as unknown as Row[];
      found = rows.filter((r) => Number(r.published) === 1 && q.match(r)).length;
      return found;
    }), 1);
    emit({
      name: `wenshi_archive_${q.name}_p99_${kind}`, value: round(percentile(api.times, 99), 1), unit: 'ms', target: `<= ${READ_P99_MS}`, baseline: round(percentile(scan.times, 99), 1),
      p50: round(percentile(api.times, 50), 1), total: first.body.total, scanFound: found, agree: first.body.total === found, requests: n, materials: MATERIALS,
    });
  }
}

for (const d of await dialects()) {
  if (d.skip) { emit({ name: `wenshi_${d.kind}`, skipped: String(d.skip) }); continue; }
  let w: World | undefined;
  try {
    w = await startWorld(d.kind, { members: 5, config: { webDist: '/nonexistent-web-dist' } });
    await run(w, d.kind);
  } catch (e) {
    crashed(`wenshi_${d.kind}`, e);
  } finally {
    await w?.close().catch(() => {});
  }
}
