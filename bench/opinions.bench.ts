/**
 * 社情民意 at a province's volume: 200,000 reports (10,000 with --quick) over five years, spread over the city and its
 * counties, with copies sent up, adoptions, instructions and issues, loaded in batches. Measures
 *  (a) the editors' queue and filtered lists under concurrent load (p99 ≤ 50 ms), against a bare Fastify route in the same run;
 *  (b) a year's statistics with every breakdown (≤ 200 ms, median and max of repeated calls), against one count(*) over that year;
 *  (c) an issue of 10 pieces built as a Word document (≤ 2 s).
 */
import { sql, type Kysely } from 'kysely';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { buildApp, openAndMigrate } from '../src/server/app.ts';
import { seedDemoIfEmpty } from '../src/server/seed.ts';
import { insertBatches } from '../src/kernel/server/db/bulk.ts';
import { optimiseForReading } from '../src/kernel/server/db/dialect.ts';
import { newId } from '../src/kernel/universal/ids.ts';
import { chinaToday, addDays } from '../src/kernel/universal/working-days.ts';
import { loadActor } from '../src/modules/identity/index.ts';
import { opinionStatsOf } from '../src/modules/opinions/server/stats.ts';
import { listReports, periodBounds } from '../src/modules/opinions/server/report-repository.ts';
import { reportListQuery } from '../src/modules/opinions/contract.ts';
import { backfillLineageLevels } from '../src/modules/opinions/server/perf-migrations.ts';
import { createTestDatabase, type DialectKind } from '../test/support/db.ts';
import { emit, getJson, signIn, load, median, note, quick, round, settle, startChildServer, type LoadResult } from './lib.ts';
import { seededRandom } from '../src/kernel/universal/seeded-random.ts';

const CONNECTIONS = 20;
const P99_TARGET_MS = 50;
const STATS_TARGET_MS = 200;
const DOCX_TARGET_MS = 2000;
const YEARS = 5;

const subjects = ['农村饮水安全', '老旧小区加装电梯', '城区停车难', '中小学课后服务', '乡村医生队伍建设', '农产品冷链物流', '养老服务驿站运营', '县域医共体建设', '煤矿塌陷区治理', '小微企业融资', '返乡创业扶持', '社区食堂'];
const bodyOf = (s: string) => `近期，群众反映${s}方面存在突出问题：统筹不够，投入不足，宣传不到位。建议建立联席会议制度，加大财政投入，加强督查考核，畅通反映渠道。`;

interface Volume { cityId: string; editorUserId: string; year: number; records: number; events: number; copies: number; issues: number }

/**
 * Load `count` reports: about 45% the city's own (its members, informants, parties, groups and committees), the rest
 * the counties' (each county's members); a third of the accepted county reports travel up to the city as copies,
 * accepted city reports go to the province; adoptions and instructions at every level; ~80 issues a year per CPPCC.
 */
export async function loadVolume(db: Kysely<any>, count: number): Promise<Volume> {
  const rnd = seededRandom(3543);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const cppccs = await db.selectFrom('organizations').select(['id', 'name', 'level', 'tenant_id']).where('kind', '=', 'cppcc').execute() as any[];
  const city = cppccs.find((c) => c.level === 'city');
  const counties = cppccs.filter((c) => c.level === 'county');
  if (!city || counties.length === 0) throw new Error('the demo data has no city or county CPPCC');
  const editor = await db.selectFrom('users').select('id').where('username', '=', 'editor').executeTakeFirstOrThrow();
  const people = await db.selectFrom('users').innerJoin('member_profiles', 'member_profiles.user_id', 'users.id')
    .select(['users.id as id', 'users.display_name as name', 'users.tenant_id as tenant_id']).execute() as any[];
  const informants = await db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['users.id as id', 'users.display_name as name']).where('user_roles.role_code', '=', 'informant').where('users.tenant_id', '=', city.id).execute() as any[];
  const units = await db.selectFrom('organizations').select('id').where('tenant_id', '=', city.id).where('kind', 'in', ['party', 'group', 'committee']).execute() as any[];
  const membersOf = new Map<string, any[]>();
  for (const p of people) membersOf.set(p.tenant_id, [...(membersOf.get(p.tenant_id) ?? []), p]);
  const today = chinaToday();
  const year = Number(today.slice(0, 4));
  const firstYear = year - YEARS + 1;
  const stamp = (day: string) => `${day}T0${Math.floor(rnd() * 8) + 1}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}:00.000Z`;
  const dayOf = () => {
    const y = firstYear + Math.floor(rnd() * YEARS);
    const last = y === year ? Math.max(1, Math.floor((Date.parse(today) - Date.parse(`${y}-01-01`)) / 86_400_000)) : 364;
    return addDays(`${y}-01-01`, Math.floor(rnd() * last));
  };
  const reports: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const issues: Record<string, unknown>[] = [];
  const event = (r: any, kind: string, level: string) => events.push({
    id: newId(), tenant_id: r.tenant_id, tenant_name: '', report_id: r.id, root_report_id: r.root_report_id, submitter_user_id: r.submitter_user_id,
    submitter_name: r.submitter_name, kind, level, adoption_type: kind === 'adoption' ? (rnd() < 0.2 ? 'composite' : 'single') : null,
    leader_level: kind === 'instruction' ? level : null, text: kind === 'instruction' ? '请有关部门研究。' : null, department: null, points: 0,
    recorded_by: '研究中心', external_id: null, at: r.updated_at,
  });
  let copies = 0;
  for (let i = 0; i < count; i++) {
    const inCity = rnd() < 0.45;
    const tenant = inCity ? city : pick(counties);
    const day = dayOf();
    const at = stamp(day);
    const recent = Date.parse(today) - Date.parse(day) < 20 * 86_400_000;
    const ownMembers = membersOf.get(tenant.id) ?? [];
    const u = rnd();
    const submitter = inCity && u < 0.08 && informants.length ? pick(informants) : pick(ownMembers.length ? ownMembers : people);
    const orgId = inCity && u > 0.9 && units.length ? pick(units).id : tenant.id;
    const s = rnd();
    const state = recent ? (s < 0.75 ? 'submitted' : s < 0.85 ? 'returned' : 'accepted')
      : s < 0.03 ? 'withdrawn' : s < 0.58 ? 'retained' : s < 0.68 ? 'accepted' : s < 0.75 ? 'verified' : 'reported';
    const accepted = ['accepted', 'verified', 'reported'].includes(state);
    const id = newId();
    const subject = pick(subjects);
    const r: any = {
      id, tenant_id: tenant.id, year: Number(day.slice(0, 4)), title: `关于${subject}的建议（${i + 1}）`, body: bodyOf(subject), submitted_title: '', submitted_body: '',
      urgent: rnd() < 0.04 ? 1 : 0, topic: null, submitter_user_id: submitter.id, submitter_name: submitter.name, submitter_org_id: orgId,
      source_report_id: null, source_tenant_id: null, source_tenant_name: null, root_report_id: id, up_copy_id: null,
      sent_up_at: null, sent_up_to: null, issue_id: null, issue_number: null, return_reason: null,
      returned_at: state === 'returned' || rnd() < 0.06 ? at : null, accepted_at: accepted ? at : null, verified_at: state === 'verified' || state === 'reported' ? at : null,
      revision_count: 1, state, version: 3, created_at: at, updated_at: at, submitted_at: at,
    };
    r.submitted_title = r.title;
    r.submitted_body = r.body;
    if (state === 'reported') r.issue_number = `第${1 + Math.floor(rnd() * 80)}期`;
    reports.push(r);
    if (accepted && !recent && rnd() < 0.33) {
      r.sent_up_at = at;
      r.sent_up_to = inCity ? '山西省政协' : city.name;
      if (!inCity) {
        // the copy in the city's queue, with its lineage
        const copyId = newId();
        r.up_copy_id = copyId;
        const cs = rnd();
        const copy: any = {
          ...r, id: copyId, tenant_id: city.id, submitter_org_id: tenant.id, source_report_id: id, source_tenant_id: tenant.id, source_tenant_name: tenant.name,
          up_copy_id: null, sent_up_at: null, sent_up_to: null, issue_number: null, returned_at: null,
          state: cs < 0.6 ? 'retained' : 'accepted', accepted_at: cs < 0.6 ? null : at, verified_at: null,
        };
        reports.push(copy);
        copies++;
        if (copy.accepted_at && rnd() < 0.3) event(copy, 'adoption', 'city');
        if (copy.accepted_at && rnd() < 0.05) event(copy, 'instruction', 'city');
      }
    }
    if (accepted && !recent) {
      const e = rnd();
      if (e < 0.08) event(r, 'adoption', inCity ? 'city' : 'county');
      if (r.sent_up_at && inCity && e < 0.17) event(r, 'adoption', 'province');
      if (r.sent_up_at && inCity && e < 0.01) event(r, 'adoption', 'national');
      if (e < 0.02) event(r, 'instruction', inCity ? 'city' : 'county');
      if (r.sent_up_at && e < 0.005) event(r, 'instruction', 'province');
    }
  }
  for (const t of [city, ...counties]) {
    for (let y = firstYear; y <= year; y++) {
      const n = t === city ? 86 : 12;
      for (let k = 1; k <= n; k++) {
        const at = `${addDays(`${y}-01-10`, Math.floor((k * 340) / n))}T02:00:00.000Z`;
        if (at.slice(0, 10) > today) break;
        issues.push({
          id: newId(), tenant_id: t.id, year: y, number_seq: 1000 + k, number: `第${k}期`, title: '社情民意', piece_count: 1 + (k % 7 === 0 ? 1 : 0),
          recipients: null, signed_by: '秘书长', signed_at: at, distributed_at: at, state: 'distributed', version: 4, created_at: at, updated_at: at,
        });
      }
    }
  }
  await db.transaction().execute(async (trx) => {
    await insertBatches(trx, 'opinion_reports', reports, 300);
    await insertBatches(trx, 'opinion_events', events, 500);
    // the 采用层级 / 批示层级 marks the application writes with each event
    await backfillLineageLevels(trx);
    await insertBatches(trx, 'opinion_issues', issues, 500);
  });
  return { cityId: city.id, editorUserId: editor.id, year, records: reports.length, events: events.length, copies, issues: issues.length };
}



function report(name: string, kind: DialectKind, r: LoadResult, bare: LoadResult, extra: Record<string, unknown>) {
  emit({ name: `${name}_p99_${kind}`, value: r.requests ? r.p99 : undefined, unit: 'ms', target: `<= ${P99_TARGET_MS}`, baseline: bare.p99, p50: r.p50, connections: CONNECTIONS, errors: r.errors, non2xx: r.non2xx, ...extra });
  emit({ name: `${name}_rps_${kind}`, value: round(r.rps, 0), unit: 'req/s', baseline: round(bare.rps, 0), requests: r.requests });
}

/** (c): an issue of 10 pieces as a Word document, with the builder of server/issue-docx.ts when it is there. */
async function benchDocx(kind: DialectKind, db: Kysely<any>, cityId: string) {
  let build: ((input: any) => Promise<Buffer>) | undefined;
  try {
    build = (await import('../src/modules/opinions/server/issue-docx.ts')).buildIssueDocx;
  } catch {
    emit({ name: `opinions_issue_docx_${kind}`, skipped: 'server/issue-docx.ts (buildIssueDocx) is not available' });
    return;
  }
  const rows = await db.selectFrom('opinion_reports').select(['title', 'body', 'submitter_name']).where('tenant_id', '=', cityId).where('state', '=', 'reported').limit(12).execute() as any[];
  // pieces of about 1,500 characters, the guide's length; two of them composite
  const pieces = Array.from({ length: 10 }, (_, i) => {
    const r = rows[i % rows.length];
    const sources = (i % 5 === 4 ? [r, rows[(i + 1) % rows.length], rows[(i + 2) % rows.length]] : [r]).map((x) => ({ submitterName: x.submitter_name, member: true }));
    return { seq: i + 1, kind: sources.length > 1 ? 'composite' : 'single', title: r.title, body: Array.from({ length: 12 }, () => r.body).join('\n'), sources };
  });
  const input = {
    title: '社情民意', year: 2025, number: '第86期', editorUnit: '政协长治市委员会研究中心', date: '2025-12-20', signedBy: '秘书长', pieces,
    distribution: { report: ['市委书记', '市长'], send: ['山西省政协研究室'], issue: ['市直有关部门'] }, copies: 60,
  };
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < (quick ? 3 : 10); i++) {
    const t = performance.now();
    bytes = (await build!(input)).length;
    times.push(performance.now() - t);
  }
  emit({ name: `opinions_issue_docx_${kind}`, value: round(median(times), 1), unit: 'ms', target: `<= ${DOCX_TARGET_MS}`, max: round(Math.max(...times), 1), pieces: 10, bytes });
}

/** Every list path's page read in process by listReports (no page cache): p50 per path, the worst path's p99 as the value. */
async function measureUncached(kind: DialectKind, tdb: { config: Parameters<typeof openAndMigrate>[0] }, editorUserId: string, paths: string[]) {
  const handle = await openAndMigrate(tdb.config);
  try {
    const actor = await loadActor(handle.db, editorUserId);
    const perPath: Record<string, number> = {};
    const all: number[] = [];
    for (const pth of paths) {
      const q = reportListQuery.parse(Object.fromEntries(new URL(pth, 'http://x').searchParams));
      const xs: number[] = [];
      for (let i = 0; i < (quick ? 5 : 15); i++) {
        const t = performance.now();
        await listReports(handle.db, handle.dialect, actor, q);
        xs.push(performance.now() - t);
      }
      all.push(...xs);
      perPath[pth.replace('/api/opinions?', '').replace(/[A-Z0-9]{26}/g, '…')] = round(median(xs), 1);
    }
    all.sort((a, b) => a - b);
    emit({
      name: `opinions_list_uncached_p99_${kind}`, value: round(all[Math.floor(all.length * 0.99)], 1), unit: 'ms', p50: round(median(all), 1), queries: all.length,
      per_path_p50: perPath, note: 'each path read from the database alone, one at a time, without the page cache',
    });
  } finally {
    await handle.destroy();
  }
}

export async function benchOpinions(kind: DialectKind): Promise<void> {
  const count = quick ? 10_000 : 200_000;
  const seconds = quick ? 3 : 10;
  const tdb = await createTestDatabase(kind, { webDist: path.join(tmpdir(), 'zx-bench-no-web') });
  const servers: Array<{ stop(): Promise<void> }> = [];
  const handle = await openAndMigrate(tdb.config);
  let handleOpen = true;
  try {
    const zx = await buildApp(tdb.config, { handle });
    const seeded = await seedDemoIfEmpty(zx.ctx);
    if (!seeded) throw new Error('seedDemoIfEmpty loaded nothing into a fresh database');
    const t0 = Date.now();
    const v = await loadVolume(zx.ctx.db, count);
    await optimiseForReading(zx.ctx.db, zx.ctx.dialect);
    // after a bulk load PostgreSQL's autovacuum would set the visibility map that index-only scans need; do it now
    if (kind === 'postgres') await sql`vacuum analyze opinion_reports`.execute(zx.ctx.db);
    note(`${kind}: loaded ${v.records} reports (${v.copies} copies sent up), ${v.events} events, ${v.issues} issues in ${Date.now() - t0} ms`);
    emit({ name: `opinions_bulk_load_${kind}`, value: Date.now() - t0, unit: 'ms', reports: v.records, events: v.events });

    // (b) a year's statistics in process, against one count(*) over the same year
    const actor = await loadActor(zx.ctx.db, v.editorUserId);
    const statsYear = v.year - 1;
    const p = periodBounds({ year: statsYear });
    const countYear = async () => zx.ctx.db.selectFrom('opinion_reports').select((eb) => eb.fn.countAll().as('n'))
      .where('tenant_id', '=', actor.tenantId).where('submitted_at', '>=', p.lo).where('submitted_at', '<', p.hi).executeTakeFirst();
    const timed = async (f: () => Promise<unknown>, n: number) => {
      await f();
      const xs: number[] = [];
      for (let i = 0; i < n; i++) { const t = performance.now(); await f(); xs.push(performance.now() - t); }
      return xs;
    };
    const base = await timed(countYear, quick ? 5 : 20);
    let stats: Awaited<ReturnType<typeof opinionStatsOf>> | undefined;
    const st = await timed(async () => { stats = await opinionStatsOf(zx.ctx.db, zx.ctx.dialect, actor, { year: statsYear }); }, quick ? 5 : 20);
    const yearCount = Number((await countYear())?.n ?? 0);
    emit({ name: `opinions_year_count_${kind}`, value: round(median(base), 2), unit: 'ms', max: round(Math.max(...base), 2), reports_in_year: yearCount });
    emit({
      name: `opinions_year_stats_${kind}`, value: round(median(st), 1), unit: 'ms', target: `<= ${STATS_TARGET_MS}`, baseline: round(median(base), 2),
      max: round(Math.max(...st), 1), reports_in_year: yearCount, submitted: stats?.totals[0].value,
      breakdown_rows: stats?.breakdowns.reduce((n, b) => n + b.rows.length, 0),
    });
    if (stats?.totals[0].value !== yearCount) throw new Error(`the statistics count ${stats?.totals[0].value} reports for ${statsYear}, count(*) ${yearCount}`);

    // (c) the Word export of an issue
    await benchDocx(kind, zx.ctx.db, v.cityId);

    // (a) the editors' queue and filtered lists over HTTP, the server in its own process
    const committee = stats?.breakdowns.find((b) => b.kind === 'committee')?.rows[0]?.id;
    const sector = stats?.breakdowns.find((b) => b.kind === 'sector')?.rows[0]?.id;
    const county = stats?.breakdowns.find((b) => b.kind === 'county')?.rows[0]?.id;
    const unit = stats?.breakdowns.find((b) => b.kind === 'unit')?.rows.find((r) => r.id !== v.cityId)?.id;
    await zx.close();
    handleOpen = false;
    const bareServer = await startChildServer('bare');
    servers.push(bareServer);
    const appServer = await startChildServer('app', { DATA_DIR: tdb.config.dataDir, DATABASE_URL: tdb.config.databaseUrl ?? '', WEB_DIST: tdb.config.webDist });
    servers.push(appServer);
    const password = seeded.accounts.find((a) => a.username === 'editor')?.password ?? seeded.accounts[0].password;
    const headers = await signIn(appServer.url, 'editor', password);
    const queuePath = '/api/opinions?state=submitted&page=1&pageSize=20';
    const queue = await getJson(appServer.url + queuePath, headers);
    const y = statsYear;
    const listPaths = [
      `/api/opinions?year=${y}&page=1&pageSize=20`,
      `/api/opinions?year=${y}&page=5&pageSize=20`,
      `/api/opinions?year=${y}&stage=accepted&pageSize=20`,
      `/api/opinions?year=${y}&stage=adoption&pageSize=20`,
      `/api/opinions?year=${y}&adoptedLevel=province&pageSize=20`,
      `/api/opinions?year=${y}&incoming=true&pageSize=20`,
      `/api/opinions?year=${y}&state=retained&pageSize=20`,
      `/api/opinions?year=${y}&urgent=true&pageSize=20`,
      ...(committee ? [`/api/opinions?year=${y}&committeeId=${committee}&pageSize=20`] : []),
      ...(sector ? [`/api/opinions?year=${y}&sectorId=${sector}&pageSize=20`] : []),
      ...(county ? [`/api/opinions?year=${y}&sourceTenantId=${county}&pageSize=20`] : []),
      ...(unit ? [`/api/opinions?year=${y}&orgId=${unit}&pageSize=20`] : []),
      '/api/opinions?page=1&pageSize=20',
    ];
    // each path read from the database alone, one at a time, without the page cache (what the first reader after a change pays)
    await measureUncached(kind, tdb, v.editorUserId, [queuePath, ...listPaths]);
    for (const pth of listPaths) await getJson(appServer.url + pth, headers);
    const health = `${appServer.url}/api/health`;
    await load({ url: `${bareServer.url}/bare`, connections: CONNECTIONS, seconds: 1 });
    await load({ url: appServer.url + queuePath, connections: CONNECTIONS, seconds: 1, headers });
    await load({ url: appServer.url, connections: CONNECTIONS, seconds: 1, headers, paths: listPaths });
    await settle(health);
    const bare = await load({ url: `${bareServer.url}/bare`, connections: CONNECTIONS, seconds });
    emit({ name: `opinions_bare_fastify_p99_${kind}`, value: bare.p99, unit: 'ms', connections: CONNECTIONS });
    const q = await load({ url: appServer.url + queuePath, connections: CONNECTIONS, seconds, headers });
    report('opinions_editor_queue', kind, q, bare, { queue_total: Number(queue.total ?? 0), reports: v.records });
    await settle(health);
    const l = await load({ url: appServer.url, connections: CONNECTIONS, seconds, headers, paths: listPaths });
    report('opinions_filtered_lists', kind, l, bare, { paths_cycled: listPaths.length, reports: v.records });
    // a wrong answer is a crash; a request that times out is a missed latency target, reported in `errors` above
    if (q.non2xx || l.non2xx) throw new Error(`non-2xx answers under load: queue ${q.non2xx}, lists ${l.non2xx}`);
  } finally {
    if (handleOpen) await handle.destroy();
    for (const s of servers) await s.stop();
    await tdb.drop();
  }
}
