/**
 * HTTP under load: the authenticated worklist and a paged proposals list over 100,000 records, each against a bare
 * Fastify JSON route measured in the same run (50 connections; targets: p99 ≤ 30 ms, throughput ≥ 40% of the bare route).
 */
import type { Kysely } from 'kysely';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { buildApp, openAndMigrate } from '../src/server/app.ts';
import { seedDemoIfEmpty } from '../src/server/seed.ts';
import { newId } from '../src/kernel/universal/ids.ts';
import type { Actor } from '../src/kernel/server/actor.ts';
import { permissionsOfRoles } from '../src/modules/identity/server/permissions.ts';
import { listProposals } from '../src/modules/proposals/server/proposal-repository.ts';
import { createTestDatabase, type DialectKind } from '../test/support/db.ts';
import { emit, getJson, insertInOneTransaction, signIn, load, note, quick, round, settle, startChildServer, type LoadResult } from './lib.ts';
import { seededRandom } from '../src/kernel/universal/seeded-random.ts';

const CONNECTIONS = 50;
const P99_TARGET_MS = 30;
const RATIO_TARGET = 0.4;
const BENCH_ROLE = 'proposal_staff';
const BENCH_USER = 'proposal';

const topics = ['老旧小区改造', '农村饮水安全', '中小学课后服务', '县域医共体建设', '太行山旅游公路', '煤矿安全生产', '养老服务体系', '营商环境优化', '上党文化传承', '城市停车难', '黄河流域生态保护', '职业教育产教融合'];
const terminal = ['closed', 'closed', 'closed', 'closed', 'not_filed', 'merged', 'withdrawn'];
const active = ['submitted', 'filed', 'assigned', 'in_progress', 'in_progress', 'in_progress', 'replied', 'reply_check', 'returned', 'draft'];
/** who works on a proposal in each active state: the proposal office, the lead unit or the proposer */
const taskOf: Record<string, { role: string; where: 'tenant' | 'unit' | 'proposer'; label: string }> = {
  submitted: { role: 'proposal_staff', where: 'tenant', label: '待审查' },
  filed: { role: 'proposal_staff', where: 'tenant', label: '待交办' },
  reply_check: { role: 'proposal_staff', where: 'tenant', label: '待审核答复' },
  assigned: { role: 'unit_handler', where: 'unit', label: '待签收' },
  in_progress: { role: 'unit_handler', where: 'unit', label: '办理中' },
  replied: { role: 'member', where: 'proposer', label: '待评价' },
  returned: { role: 'member', where: 'proposer', label: '待修改' },
  draft: { role: 'member', where: 'proposer', label: '暂存' },
};


/**
 * Bulk-load `count` proposals into the bench user's tenant, one work item (task) each: most are past years' closed
 * proposals, about 2% are this year's open ones whose tasks wait for the proposal office, the units or the proposers.
 */
export async function loadVolume(db: Kysely<any>, tenantId: string, count: number) {
  const rnd = seededRandom(20240101);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const members = await db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['users.id as id', 'users.display_name as name', 'users.org_id as org_id'])
    .where('user_roles.role_code', '=', 'member').limit(500).execute();
  const units = await db.selectFrom('user_roles').select('org_id').distinct().where('role_code', '=', 'unit_handler').execute();
  if (members.length === 0 || units.length === 0) throw new Error('the demo data has no members or handling units to attach proposals to');
  const thisYear = new Date().getFullYear();
  // numbers continue after those the demo data already assigned (提案编号 is unique per tenant and year)
  const existing = await db.selectFrom('proposals').select(['year', (eb) => eb.fn.max('number_seq').as('max')])
    .where('tenant_id', '=', tenantId).groupBy('year').execute();
  const seqByYear = new Map<number, number>(existing.map((r: any) => [Number(r.year), Number(r.max ?? 0)]));
  const proposals: Record<string, unknown>[] = [];
  const tasks: Record<string, unknown>[] = [];
  const started = Date.now() - count * 60_000;
  for (let i = 0; i < count; i++) {
    const isActive = rnd() < 0.02;
    const year = isActive ? thisYear : thisYear - 1 - Math.floor(rnd() * 10);
    const state = isActive ? pick(active) : pick(terminal);
    const proposer = pick(members);
    const unit = pick(units).org_id as string;
    const filed = !['draft', 'submitted', 'returned', 'not_filed', 'merged', 'withdrawn'].includes(state);
    let seq: number | null = null;
    if (filed) { seq = (seqByYear.get(year) ?? 0) + 1; seqByYear.set(year, seq); }
    const at = new Date(started + i * 60_000).toISOString();
    const id = newId();
    const title = `关于${pick(topics)}的建议（${i + 1}）`;
    proposals.push({
      id, tenant_id: tenantId, year, session_label: `${year}年大会`, number_seq: seq, number: seq ? `${year}-${String(seq).padStart(4, '0')}` : null,
      title, background: '', analysis: '', suggestions: '', type: 'individual', category: 'session',
      proposer_user_id: proposer.id, proposer_name: proposer.name, proposer_org_id: proposer.org_id,
      lead_unit_id: filed ? unit : null, lead_unit_name: filed ? '承办单位' : null, handling_mode: filed ? 'single' : null,
      state, version: 1, created_at: at, updated_at: at, submitted_at: state === 'draft' ? null : at, filed_at: filed ? at : null,
    });
    const t = taskOf[state];
    tasks.push({
      id: newId(), tenant_id: tenantId, entity_type: 'proposal', entity_id: id, state, title, label: t?.label ?? '已办结',
      assignee_user_id: t?.where === 'proposer' ? proposer.id : null,
      assignee_org_id: t?.where === 'proposer' ? null : t?.where === 'unit' ? unit : tenantId,
      assignee_role: t?.where === 'proposer' ? null : t?.role ?? BENCH_ROLE,
      due_date: t ? `${thisYear}-12-${String(1 + (i % 28)).padStart(2, '0')}` : null,
      status: t ? 'open' : 'done', created_at: at, closed_at: t ? null : at,
    });
  }
  await insertInOneTransaction(db, 'proposals', proposals, 500);
  await insertInOneTransaction(db, 'tasks', tasks, 500);
}



function report(name: string, kind: DialectKind, r: LoadResult, bare: LoadResult, extra: Record<string, unknown>) {
  // no completed request means no latency figure, not a latency of 0
  emit({ name: `${name}_p99_${kind}`, value: r.requests ? r.p99 : undefined, unit: 'ms', target: `<= ${P99_TARGET_MS}`, baseline: bare.p99, p50: r.p50, errors: r.errors, non2xx: r.non2xx, bytes_per_response: r.bytesPerResponse, ...extra });
  emit({ name: `${name}_rps_${kind}`, value: round(r.rps, 0), unit: 'req/s', baseline: round(bare.rps, 0), requests: r.requests });
  emit({ name: `${name}_throughput_ratio_${kind}`, value: round(r.rps / bare.rps, 3), unit: 'ratio', target: `>= ${RATIO_TARGET}`, baseline: 1 });
}

export async function benchHttp(kind: DialectKind): Promise<void> {
  const records = quick ? 10_000 : 100_000;
  const seconds = quick ? 3 : 10;
  const tdb = await createTestDatabase(kind, { webDist: path.join(tmpdir(), 'zx-bench-no-web') });
  let servers: Array<{ stop(): Promise<void> }> = [];
  const handle = await openAndMigrate(tdb.config);
  let handleOpen = true;
  try {
    // a migrated database with the demo data and the volume, prepared in this process
    const zx = await buildApp(tdb.config, { handle });
    const seeded = await seedDemoIfEmpty(zx.ctx);
    if (!seeded) throw new Error('seedDemoIfEmpty loaded nothing into a fresh database');
    // the city's proposal office clerk (demo account 'proposal'), or else any holder of the role
    const staff = await zx.ctx.db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id')
      .select(['users.username as username', 'users.tenant_id as tenant_id']).where('user_roles.role_code', '=', BENCH_ROLE)
      .orderBy((eb) => eb.case().when('users.username', '=', BENCH_USER).then(0).else(1).end()).orderBy('users.username')
      .executeTakeFirst();
    if (!staff) throw new Error(`the demo data has no ${BENCH_ROLE} user`);
    const password = seeded.accounts.find((a) => a.username === staff.username)?.password ?? seeded.accounts[0].password;
    const t0 = Date.now();
    await loadVolume(zx.ctx.db, staff.tenant_id, records);
    note(`${kind}: loaded ${records} proposals and ${records} tasks in ${Date.now() - t0} ms`);
    await zx.close();
    handleOpen = false;

    // the servers run in their own processes; the load generator runs here
    const bareServer = await startChildServer('bare');
    servers.push(bareServer);
    const appServer = await startChildServer('app', { DATA_DIR: tdb.config.dataDir, DATABASE_URL: tdb.config.databaseUrl ?? '', WEB_DIST: tdb.config.webDist });
    servers.push(appServer);
    const headers = await signIn(appServer.url, staff.username, password);

    const worklist = await getJson(appServer.url + '/api/worklist', headers);
    const list = await getJson(appServer.url + '/api/proposals?page=1&pageSize=20', headers);
    const visible = Number(list.total ?? 0);
    const pages = Math.max(1, Math.min(50, Math.ceil(visible / 20)));
    const listPaths = Array.from({ length: pages }, (_, i) => `/api/proposals?page=${i + 1}&pageSize=20`);

    // warm up every route, then measure; the bare route is measured between the two, in the same run
    const health = `${appServer.url}/api/health`;
    await load({ url: `${bareServer.url}/bare`, connections: CONNECTIONS, seconds: 1 });
    await load({ url: `${appServer.url}/api/worklist`, connections: CONNECTIONS, seconds: 1, headers });
    await settle(health);
    await load({ url: appServer.url, connections: CONNECTIONS, seconds: 1, headers, paths: listPaths });
    await settle(health);
    const bare = await load({ url: `${bareServer.url}/bare`, connections: CONNECTIONS, seconds });
    emit({ name: `bare_fastify_p99_${kind}`, value: bare.p99, unit: 'ms' });
    emit({ name: `bare_fastify_rps_${kind}`, value: round(bare.rps, 0), unit: 'req/s' });
    const wl = await load({ url: `${appServer.url}/api/worklist`, connections: CONNECTIONS, seconds, headers });
    report('worklist', kind, wl, bare, { open_tasks_for_user: Number(worklist.total ?? 0), tasks_in_table: records });
    await settle(health);
    const pl = await load({ url: appServer.url, connections: CONNECTIONS, seconds, headers, paths: listPaths });
    report('proposals_list', kind, pl, bare, { records, visible_to_user: visible, pages_cycled: pages });
    // what a page costs when it is not in the read cache (the first reader after a change): the query alone, in this
    // process, on the same database while the servers are idle
    const direct = await openAndMigrate(tdb.config);
    try {
      const u = await direct.db.selectFrom('users').select(['id', 'username', 'display_name', 'org_id', 'tenant_id', 'role_codes'])
        .where('username', '=', staff.username).executeTakeFirstOrThrow() as any;
      const roles = String(u.role_codes ?? '').split(',').filter(Boolean);
      const actor: Actor = { userId: u.id, username: u.username, displayName: u.display_name, orgId: u.org_id, tenantId: u.tenant_id, roles, permissions: await permissionsOfRoles(direct.db, roles), sessionId: 'bench' };
      const times: number[] = [];
      for (let round = 0; round < (quick ? 2 : 4); round++) {
        for (let page = 1; page <= pages; page++) {
          const t = performance.now();
          await listProposals(direct.db, direct.dialect, actor, { page, pageSize: 20 } as any);
          times.push(performance.now() - t);
        }
      }
      times.sort((a, b) => a - b);
      emit({ name: `proposals_list_uncached_p99_${kind}`, value: round(times[Math.floor(times.length * 0.99)], 1), unit: 'ms', p50: round(times[Math.floor(times.length / 2)], 1), queries: times.length, note: 'one page read from the database without the read cache, one at a time' });
    } finally {
      await direct.destroy();
    }
    if (wl.non2xx || pl.non2xx || wl.errors || pl.errors) {
      throw new Error(`errors under load: worklist ${wl.non2xx} non-2xx / ${wl.errors} errors, list ${pl.non2xx} non-2xx / ${pl.errors} errors`);
    }
  } finally {
    if (handleOpen) await handle.destroy();
    for (const s of servers) await s.stop();
    servers = [];
    await tdb.drop();
  }
}
