/**
 * Proposals (提案) at the volume of ten years of a large city: 100,000 proposals (10,000 with `--quick`) spread over
 * eleven years, every type, sector, committee and handling unit, with replies on time and late, ratings and co-signers.
 * About one assigned proposal in ten also has a 分办 unit with its own reply, whose timeliness the statistics judge apart.
 * (a) the list with filters (year + state, a unit's, a sector's of a year) and (b) the office's review queue (this year's
 * submitted proposals) under load: p99 ≤ 50 ms, the bare Fastify route measured in the same run as the baseline;
 * (c) a year's statistics ≤ 100 ms: `proposalStatsOf` and the HTTP route, median and max of repeated runs, against a
 * single count(*) over the year in the same run. `--explain` prints the plans of the statistics' queries to stderr.
 */
import { sql, type Kysely } from 'kysely';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { buildApp, openAndMigrate } from '../src/server/app.ts';
import { seedDemoIfEmpty } from '../src/server/seed.ts';
import { newId } from '../src/kernel/universal/ids.ts';
import { chinaToday } from '../src/kernel/universal/working-days.ts';
import { proposalStatsOf } from '../src/modules/proposals/server/proposal-stats.ts';
import { createTestDatabase, type DialectKind } from '../test/support/db.ts';
import { emit, getJson, insertInOneTransaction, signIn, load, median, note, quick, round, settle, startChildServer, type LoadResult } from './lib.ts';
import { seededRandom } from '../src/kernel/universal/seeded-random.ts';

const CONNECTIONS = 20;
const P99_TARGET_MS = 50;
const STATS_TARGET_MS = 100;
const explain = process.argv.includes('--explain');
const replyClasses = [{ code: 'A', label: 'A 已解决或基本解决' }, { code: 'B', label: 'B 列入计划拟解决' }, { code: 'C', label: 'C 留作参考' }];

/** Pick from weighted choices. */
function weighted<T>(rnd: () => number, choices: Array<[T, number]>): T {
  const total = choices.reduce((n, [, w]) => n + w, 0);
  let x = rnd() * total;
  for (const [v, w] of choices) { x -= w; if (x < 0) return v; }
  return choices[choices.length - 1][0];
}

const pastStates: Array<[string, number]> = [['closed', 82], ['not_filed', 9], ['merged', 4], ['withdrawn', 3], ['replied', 2]];
const currentStates: Array<[string, number]> = [
  ['draft', 2], ['submitted', 15], ['returned', 2], ['filed', 5], ['assigned', 5], ['in_progress', 30], ['extension_requested', 1],
  ['reply_signoff', 2], ['reply_check', 5], ['replied', 10], ['closed', 17], ['not_filed', 5], ['merged', 2], ['withdrawn', 1],
];
const types: Array<[string, number]> = [['individual', 75], ['joint', 10], ['party', 6], ['group', 3], ['committee', 3], ['sector', 3]];
const topics = ['老旧小区改造', '农村饮水安全', '中小学课后服务', '县域医共体建设', '太行山旅游公路', '煤矿安全生产', '养老服务体系', '营商环境优化', '上党文化传承', '城市停车难', '黄河流域生态保护', '职业教育产教融合'];
const unfiled = new Set(['draft', 'submitted', 'returned', 'not_filed', 'merged', 'withdrawn']);
const unassigned = new Set([...unfiled, 'filed']);
const repliedStates = new Set(['replied', 'closed']);

const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();


/**
 * Load `count` proposals into the tenant over eleven years (this year and the ten before): past years closed or
 * declined, this year's in every state; proposers are the tenant's members (their sectors and committees come with
 * their profiles), units the tenant's handling units; about 85% of replies on time.
 */
export async function loadProposalVolume(db: Kysely<any>, tenantId: string, count: number) {
  const rnd = seededRandom(546_464_046);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const members = await db.selectFrom('member_profiles').innerJoin('users', 'users.id', 'member_profiles.user_id')
    .select(['users.id as id', 'users.display_name as name']).where('member_profiles.tenant_id', '=', tenantId).execute();
  const units = await db.selectFrom('organizations').select(['id', 'name']).where('tenant_id', '=', tenantId).where('kind', '=', 'gov_unit').execute();
  const sectors = (await db.selectFrom('sectors').select('id').where('tenant_id', '=', tenantId).execute()).map((r: any) => r.id as string);
  const committees = (await db.selectFrom('organizations').select('id').where('tenant_id', '=', tenantId).where('kind', '=', 'committee').execute()).map((r: any) => r.id as string);
  if (!members.length || !units.length) throw new Error('the demo data has no members or handling units to attach proposals to');
  const thisYear = Number(chinaToday().slice(0, 4));
  const existing = await db.selectFrom('proposals').select(['year', (eb) => eb.fn.max('number_seq').as('max')]).where('tenant_id', '=', tenantId).groupBy('year').execute();
  const seqByYear = new Map<number, number>(existing.map((r: any) => [Number(r.year), Number(r.max ?? 0)]));
  const proposals: Record<string, unknown>[] = [];
  const unitRows: Record<string, unknown>[] = [];
  const cosigners: Record<string, unknown>[] = [];
  /** 承办任务 of the 分办 units (about one proposal in ten is handled 分办 besides its lead unit) */
  const parts: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const year = thisYear - Math.floor(rnd() * 11);
    const current = year === thisYear;
    const state = weighted(rnd, current ? currentStates : pastStates);
    const type = weighted(rnd, types);
    const proposer = pick(members);
    const id = newId();
    // submitted in the session window (Jan–Feb: 大会提案) or later in the year (平时提案)
    const session = rnd() < 0.85;
    const submitted = new Date(Date.UTC(year, session ? Math.floor(rnd() * 2) : 2 + Math.floor(rnd() * 8), 1 + Math.floor(rnd() * 27), 1 + Math.floor(rnd() * 9))).toISOString();
    const filed = !unfiled.has(state);
    const assigned = !unassigned.has(state);
    const replied = repliedStates.has(state);
    const seq = filed ? (seqByYear.get(year) ?? 0) + 1 : null;
    if (seq) seqByYear.set(year, seq);
    const lead = assigned ? pick(units) : null;
    const filedAt = filed ? addDays(submitted, 20 + Math.floor(rnd() * 20)) : null;
    const due = assigned ? addDays(filedAt!, 95).slice(0, 10) : null;
    const repliedAt = replied ? addDays(`${due}T08:00:00.000Z`, rnd() < 0.85 ? -Math.floor(rnd() * 60) - 1 : Math.floor(rnd() * 20) + 1) : null;
    const cls = replied ? weighted(rnd, [['A', 60], ['B', 30], ['C', 10]]) : null;
    // 签发: the unit's leader signed the reply off a few days before the office released it (按期答复 counts by it)
    const sentAt = repliedAt ? addDays(repliedAt, -3) : null;
    const sat = state === 'closed' ? weighted(rnd, [['satisfied', 85], ['basically_satisfied', 12], ['unsatisfied', 3]]) : null;
    proposals.push({
      id, tenant_id: tenantId, year, session_label: `${year}年会议`, number_seq: seq, number: seq ? `第${String(seq).padStart(4, '0')}号` : null,
      title: `关于${pick(topics)}的建议（${i + 1}）`, background: '', analysis: '', suggestions: '', type, category: state === 'draft' ? null : session ? 'session' : 'recess',
      proposer_user_id: proposer.id, proposer_name: proposer.name, proposer_org_id: null,
      sector_id: type === 'sector' && sectors.length ? pick(sectors) : null, committee_id: type === 'committee' && committees.length ? pick(committees) : null,
      lead_unit_id: lead?.id ?? null, lead_unit_name: lead?.name ?? null, handling_mode: lead ? 'single' : null,
      reply_class: cls, reply_text: cls ? '答复' : null, satisfaction: sat, not_filed_reason: state === 'not_filed' ? 'vague' : null,
      is_key: filed && rnd() < 0.08 ? 1 : 0, is_excellent: state === 'closed' && rnd() < 0.01 ? 1 : 0, is_public: rnd() < 0.85 ? 1 : 0,
      due_date: due, state, version: 1, created_at: submitted, updated_at: repliedAt ?? filedAt ?? submitted,
      submitted_at: state === 'draft' ? null : submitted, filed_at: filedAt, replied_at: repliedAt,
      signer_id: null, signer_name: sentAt ? `${lead?.name ?? ''}分管领导` : null, signed_at: sentAt, reply_sent_at: sentAt,
      converted_to: state === 'not_filed' && rnd() < 0.3 ? 'opinion' : null,
    });
    if (lead) {
      unitRows.push({ proposal_id: id, unit_id: lead.id, tenant_id: tenantId, unit_name: lead.name, role: 'lead', created_at: filedAt });
      const other = pick(units);
      const r = rnd();
      if (other.id !== lead.id && r < 0.2) {
        unitRows.push({ proposal_id: id, unit_id: other.id, tenant_id: tenantId, unit_name: other.name, role: 'co', created_at: filedAt });
        proposals[proposals.length - 1].handling_mode = 'joint';
      } else if (other.id !== lead.id && r < 0.3) {
        proposals[proposals.length - 1].handling_mode = 'split';
        // 分办: the other unit answers for its own part, on time or late by its own reply's 报出
        unitRows.push({ proposal_id: id, unit_id: other.id, tenant_id: tenantId, unit_name: other.name, role: 'split', created_at: filedAt });
        const ownSent = replied ? addDays(`${due}T08:00:00.000Z`, rnd() < 0.8 ? -Math.floor(rnd() * 40) - 1 : Math.floor(rnd() * 15) + 1) : null;
        parts.push({
          id: newId(), tenant_id: tenantId, proposal_id: id, unit_id: other.id, unit_name: other.name, role: 'split', title: `关于${pick(topics)}的建议（${i + 1}）`,
          reply_class: ownSent ? cls : null, reply_text: ownSent ? '分办答复' : null, opinion: null, due_date: ownSent ? null : due,
          signed_at: filedAt, done_at: ownSent, signer_id: null, signer_name: ownSent ? `${other.name}分管领导` : null, signed_off_at: ownSent,
          reply_sent_at: ownSent, state: ownSent ? 'replied' : 'in_progress', version: ownSent ? 4 : 2, created_at: filedAt, updated_at: ownSent ?? filedAt,
        });
      }
    }
    if (type === 'joint') {
      const seen = new Set([proposer.id]);
      for (let k = 0; k < 2 + Math.floor(rnd() * 3); k++) {
        const m = pick(members);
        if (seen.has(m.id)) continue;
        seen.add(m.id);
        cosigners.push({ proposal_id: id, user_id: m.id, tenant_id: tenantId, name: m.name, kind: 'invited', confirmed_at: submitted });
      }
    }
  }
  await insertInOneTransaction(db, 'proposals', proposals, 200);
  await insertInOneTransaction(db, 'proposal_units', unitRows);
  await insertInOneTransaction(db, 'proposal_cosigners', cosigners);
  await insertInOneTransaction(db, 'proposal_assignments', parts);
  return { thisYear, units: units.map((u: any) => u.id as string), sectors };
}



function reportLoad(name: string, kind: DialectKind, r: LoadResult, bare: LoadResult, extra: Record<string, unknown>) {
  emit({ name: `${name}_p99_${kind}`, value: r.requests ? r.p99 : undefined, unit: 'ms', target: `<= ${P99_TARGET_MS}`, baseline: bare.p99, p50: r.p50, rps: round(r.rps, 0), requests: r.requests, errors: r.errors, non2xx: r.non2xx, connections: CONNECTIONS, ...extra });
  if (r.errors || r.non2xx) throw new Error(`${name}: ${r.non2xx} non-2xx answers and ${r.errors} errors under load`);
}

/** Time `fn` `runs` times after one warm-up; median and max in ms. */
async function timed(runs: number, fn: () => Promise<unknown>) {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return { median: round(median(ms)), max: round(Math.max(...ms)) };
}

/** The plans of the statistics' main queries (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN). */
async function printPlans(db: Kysely<any>, kind: DialectKind, tenantId: string, year: number) {
  const queries: Array<[string, string]> = [
    ['year scan', `select state, type, count(*) from proposals where tenant_id = '${tenantId}' and year = ${year} group by state, type`],
    ['units', `select pu.unit_id, count(*) from proposal_units pu join proposals p on p.id = pu.proposal_id where p.tenant_id = '${tenantId}' and p.year = ${year} group by pu.unit_id`],
    ['cosigners', `select c.user_id from proposal_cosigners c join proposals p on p.id = c.proposal_id where p.tenant_id = '${tenantId}' and p.year = ${year} and c.confirmed_at is not null`],
    ['committees', `select cm.committee_id, count(*) from proposals p join committee_memberships cm on cm.user_id = p.proposer_user_id where p.tenant_id = '${tenantId}' and p.year = ${year} and p.committee_id is null group by cm.committee_id`],
  ];
  for (const [label, q] of queries) {
    const rows = (await sql.raw(`${kind === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'} ${q}`).execute(db)).rows as any[];
    note(`${kind} plan of ${label}:\n  ${rows.map((r) => r.detail ?? r['QUERY PLAN']).join('\n  ')}`);
  }
}

export async function benchProposals(kind: DialectKind): Promise<void> {
  const records = quick ? 10_000 : 100_000;
  const seconds = quick ? 2 : 8;
  const runs = quick ? 5 : 15;
  const tdb = await createTestDatabase(kind, { webDist: path.join(tmpdir(), 'zx-bench-no-web') });
  const servers: Array<{ stop(): Promise<void> }> = [];
  const handle = await openAndMigrate(tdb.config);
  let zx: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    zx = await buildApp(tdb.config, { handle });
    const seeded = await seedDemoIfEmpty(zx.ctx);
    if (!seeded) throw new Error('seedDemoIfEmpty loaded nothing into a fresh database');
    const db = zx.ctx.db;
    const staff = await db.selectFrom('users').select(['username', 'tenant_id']).where('username', '=', 'proposal').executeTakeFirstOrThrow();
    const password = seeded.accounts.find((a) => a.username === 'proposal')!.password;
    const tenantId = staff.tenant_id as string;
    const t0 = Date.now();
    const vol = await loadProposalVolume(db, tenantId, records);
    // fresh statistics for the planners (and PostgreSQL's visibility map, which index-only scans need), as a database
    // that has grown to this size would have from autovacuum
    await sql.raw(kind === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE').execute(db);
    note(`${kind}: loaded ${records} proposals in ${Date.now() - t0} ms`);
    const statsYear = vol.thisYear - 1;
    if (explain) await printPlans(db, kind, tenantId, statsYear);

    // (c) a year's statistics in this process, against one count(*) over the same year
    const yearRows = Number((await db.selectFrom('proposals').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).where('year', '=', statsYear).executeTakeFirst())?.n ?? 0);
    const baseline = await timed(runs, () => db.selectFrom('proposals').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).where('year', '=', statsYear).executeTakeFirst());
    const stats = await timed(runs, () => proposalStatsOf(db, tenantId, { year: statsYear }, replyClasses, chinaToday()));
    emit({ name: `proposals_stats_year_median_${kind}`, value: stats.median, unit: 'ms', target: `<= ${STATS_TARGET_MS}`, baseline: baseline.median, max: stats.max, baseline_max: baseline.max, runs, year_rows: yearRows, records });

    // the servers run in their own processes; the load generator runs here
    await zx.close();
    zx = undefined;
    const bareServer = await startChildServer('bare');
    servers.push(bareServer);
    const appServer = await startChildServer('app', { DATA_DIR: tdb.config.dataDir, DATABASE_URL: tdb.config.databaseUrl ?? '', WEB_DIST: tdb.config.webDist });
    servers.push(appServer);
    const headers = await signIn(appServer.url, staff.username as string, password);
    const health = `${appServer.url}/api/health`;

    // the statistics through HTTP (sign-in, validation, settings and serialisation included)
    const viaHttp = await timed(runs, () => getJson(appServer.url + `/api/proposals/stats?year=${statsYear}`, headers));
    emit({ name: `proposals_stats_http_median_${kind}`, value: viaHttp.median, unit: 'ms', target: `<= ${STATS_TARGET_MS}`, baseline: baseline.median, max: viaHttp.max, runs });

    const years = Array.from({ length: 10 }, (_, i) => vol.thisYear - i);
    const pages = (make: (i: number) => string, n = 40) => Array.from({ length: n }, (_, i) => make(i));
    const lists: Array<[string, string[]]> = [
      ['proposals_list_year_state', pages((i) => `/api/proposals?year=${years[i % years.length]}&state=${i % 3 ? 'closed' : 'not_filed'}&page=${1 + (i % 5)}&pageSize=20`)],
      ['proposals_list_unit', pages((i) => `/api/proposals?unitId=${vol.units[i % vol.units.length]}&page=${1 + (i % 3)}&pageSize=20`)],
      ['proposals_list_sector_year', pages((i) => `/api/proposals?sectorId=${vol.sectors[i % vol.sectors.length]}&year=${years[i % years.length]}&page=1&pageSize=20`)],
      ['proposals_review_queue', pages((i) => `/api/proposals?year=${vol.thisYear}&state=submitted&page=${1 + (i % 4)}&pageSize=20`)],
    ];
    // every path answers, then a warm-up, then the bare route and each list in turn
    for (const [, ps] of lists) for (const p of ps.slice(0, 3)) await getJson(appServer.url + p, headers);
    const queue = await getJson(appServer.url + lists[3][1][0], headers);
    await load({ url: `${bareServer.url}/bare`, connections: CONNECTIONS, seconds: 1 });
    for (const [, ps] of lists) await load({ url: appServer.url, connections: CONNECTIONS, seconds: 1, headers, paths: ps });
    await settle(health);
    const bare = await load({ url: `${bareServer.url}/bare`, connections: CONNECTIONS, seconds });
    emit({ name: `proposals_bare_fastify_p99_${kind}`, value: bare.p99, unit: 'ms', rps: round(bare.rps, 0) });
    for (const [name, ps] of lists) {
      await settle(health);
      const r = await load({ url: appServer.url, connections: CONNECTIONS, seconds, headers, paths: ps });
      reportLoad(name, kind, r, bare, { records, paths_cycled: ps.length, ...(name === 'proposals_review_queue' ? { queue_total: queue.total } : {}) });
    }
  } finally {
    if (zx) await zx.close();
    else await handle.destroy().catch(() => undefined);
    for (const s of servers) await s.stop();
    await tdb.drop();
  }
}
