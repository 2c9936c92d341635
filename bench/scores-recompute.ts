/**
 * 履职积分 recomputation at a large city's volume, on SQLite and PostgreSQL (when it answers): 5,000 members and ten
 * years of 履职活动 (200,000 activities, 2,000,000 participations; 500 members, 10,000 and 100,000 with --quick), plus
 * a proposal per member in the year. Recomputing every member's score for one working year (the catalogue's batched
 * member figures — one grouped query per figure source — scored and stored as the year's snapshot) must take ≤ 5 s,
 * against a brute-force baseline in the same run: each member's figures asked one member at a time (`compute` with
 * the member as subject), as the catalogue would without `computeMembers`. Both must give every member the same total.
 * Prints JSON lines (bench/lib.ts); progress on stderr.
 */
import { performance } from 'node:perf_hooks';
import { dialects } from '../test/support/db.ts';
import { startWorld, type World } from '../test/support/factories.ts';
import { systemActor } from '../src/kernel/server/actor.ts';
import { newId } from '../src/kernel/universal/ids.ts';
import { addDays } from '../src/kernel/universal/working-days.ts';
import { activityKinds } from '../src/modules/activities/domain/activity-rules.ts';
import { currentWorkYear, workYearFor } from '../src/modules/organizations/index.ts';
import { scoreOf, type RuleSet } from '../src/modules/scores/domain/rules.ts';
import { recomputeYear } from '../src/modules/scores/server/scoring.ts';
import { crashed, crashes, emit, note, quick, round } from './lib.ts';

const MEMBERS = quick ? 500 : 5000;
const ACTIVITIES = quick ? 10_000 : 200_000;
const PER_ACTIVITY = 10;
const TARGET_S = 5;

/** The year's rules: the items the bench's records feed (activities, proposals), 济南-like bands. */
const rules: RuleSet = {
  base: 60, maxTotal: 120, minimum: 60,
  items: [
    { figure: 'activities.member.participations', label: '参加履职活动', points: 2, cap: 40, min: 3 },
    { figure: 'activities.member.deeds', label: '服务为民办好事', points: 1, cap: 10, min: null },
    { figure: 'proposals.member.led', label: '领衔提案', points: 3, cap: null, min: 1 },
    { figure: 'proposals.member.filed', label: '立案提案', points: 5, cap: null, min: null },
    { figure: 'proposals.member.key', label: '重点提案', points: 5, cap: null, min: null },
  ],
  bands: [{ label: '优秀', min: 85 }, { label: '称职', min: 60 }, { label: '不称职', min: -1000 }],
};

async function run(w: World, kind: string) {
  const ctx = w.zx.ctx;
  const db = ctx.db;
  const tenantId = w.ids.cityId;
  const year = (await currentWorkYear(ctx.settings, tenantId)).year;
  const members = [...new Set(w.ids.memberUserIds)];
  const staffId = w.people.get('office')!.userId;
  note(`${kind}: ${members.length} members; loading ${ACTIVITIES} activities and ${ACTIVITIES * PER_ACTIVITY} participations over ten years`);
  const years = await Promise.all(Array.from({ length: 10 }, (_, i) => workYearFor(ctx.settings, tenantId, year - 9 + i)));
  const t0 = performance.now();
  const BATCH = 2000;
  for (let start = 0; start < ACTIVITIES; start += BATCH) {
    const acts: Record<string, unknown>[] = [];
    const parts: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(ACTIVITIES, start + BATCH); i++) {
      const wy = years[i % 10];
      const on = addDays(wy.startsOn, (i * 7) % 360);
      const k = activityKinds[i % activityKinds.length];
      const id = newId();
      acts.push({
        id, tenant_id: tenantId, kind: k, service_kind: k === 'service' ? 'clinic' : null, title: `活动 ${i}`, body: '内容', home_id: null, county: null,
        place: null, lat: null, lng: null, radius_m: 500, starts_at: `${on}T01:00:00.000Z`, ends_at: `${on}T03:30:00.000Z`, held_on: on, capacity: null, outcome: '成效',
        signin_secret: 's', owner_user_id: staffId, owner_name: '工作人员', state: 'archived', version: 5, created_at: `${on}T00:00:00.000Z`, updated_at: `${on}T04:00:00.000Z`,
      });
      for (let j = 0; j < PER_ACTIVITY; j++) {
        const u = members[(i * 7 + j * 13) % members.length];
        parts.push({
          id: newId(), activity_id: id, tenant_id: tenantId, user_id: u, name: '委员', kind: k, held_on: on, home_id: null, county: null,
          signed_up_at: null, signed_in_at: `${on}T00:50:00.000Z`, signed_in_by: u, signed_in_by_name: null, distance_m: 20, version: 1,
        });
      }
    }
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < acts.length; i += 500) await trx.insertInto('activities' as never).values(acts.slice(i, i + 500) as never).execute();
      for (let i = 0; i < parts.length; i += 1000) await trx.insertInto('activity_participants' as never).values(parts.slice(i, i + 1000) as never).execute();
    });
    if ((start / BATCH) % 20 === 0) note(`${kind}: ${start + acts.length} activities loaded`);
  }
  // one received proposal per member in the year, a third of them filed, one in ten key
  const proposals = members.map((u, i) => ({
    id: newId(), tenant_id: tenantId, year, session_label: `${year}年会议`, title: `提案 ${i}`, type: 'member', proposer_user_id: u, proposer_name: '委员',
    state: i % 3 === 0 ? 'filed' : 'submitted', version: 2, created_at: `${years[9].startsOn}T02:00:00.000Z`, updated_at: `${years[9].startsOn}T03:00:00.000Z`,
    submitted_at: `${years[9].startsOn}T02:00:00.000Z`, filed_at: i % 3 === 0 ? `${years[9].startsOn}T03:00:00.000Z` : null, is_key: i % 10 === 0 ? 1 : 0, is_excellent: 0,
  }));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < proposals.length; i += 200) await trx.insertInto('proposals' as never).values(proposals.slice(i, i + 200) as never).execute();
  }).catch((e) => { note(`proposals not loaded (${(e as Error).message.slice(0, 120)}); the run scores activities only`); });
  emit({ name: `scores_load_${kind}`, value: round((performance.now() - t0) / 1000, 1), unit: 's', members: members.length, activities: ACTIVITIES, participations: ACTIVITIES * PER_ACTIVITY });
  if (kind === 'postgres') await (db as any).executeQuery({ sql: 'ANALYZE', parameters: [], query: { kind: 'RawNode' } }).catch(() => {});

  await db.insertInto('scores_rule_sets' as never).values({
    id: newId(), tenant_id: tenantId, year, version: 1, source: null, rules: JSON.stringify(rules), created_by: staffId, created_by_name: '办公室', created_at: new Date(0).toISOString(),
  } as never).execute();

  // warm once, then the measured recomputation (batched figures, scoring, the snapshot written in one transaction)
  await recomputeYear(ctx, tenantId, year);
  const r = await recomputeYear(ctx, tenantId, year);
  const stored = await db.selectFrom('scores_results' as never).select(['user_id', 'total'] as never).where('tenant_id' as never, '=', tenantId as never).where('year' as never, '=', year as never).execute() as Array<{ user_id: string; total: number }>;

  // the brute-force baseline: each member's figures one member at a time, then scored the same way
  const wy = years[9];
  const scope = { tenantId, from: wy.startsOn, to: wy.endsOn, year };
  const actor = systemActor(tenantId);
  const b0 = performance.now();
  const brute = new Map<string, number>();
  // every member the recomputation scored (the world's members and the demo member)
  const everyone = stored.map((r) => r.user_id);
  let next = 0;
  const worker = async () => {
    while (next < everyone.length) {
      const u = everyone[next++];
      const groups = await ctx.figures.compute(ctx, { ...scope, subject: { userId: u } }, actor, { modules: ['activities', 'proposals'] });
      brute.set(u, scoreOf(rules, new Map(groups.flatMap((g) => g.figures).map((f) => [f.key, f.value]))).total);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  const bruteS = (performance.now() - b0) / 1000;
  const mismatches = stored.filter((s) => brute.get(s.user_id) !== Number(s.total)).length;
  const participationsInYear = Number((await db.selectFrom('activity_participants' as never).select((eb: any) => eb.fn.countAll().as('n')).where('held_on' as never, '>=', wy.startsOn as never).where('held_on' as never, '<=', wy.endsOn as never).executeTakeFirstOrThrow() as any).n);
  emit({
    name: `scores_recompute_year_${kind}`, value: round(r.ms / 1000, 2), unit: 's', target: `<= ${TARGET_S}`, baseline: round(bruteS, 2),
    members: r.members, stored: stored.length, mismatches, participationsInYear, participations: ACTIVITIES * PER_ACTIVITY,
  });
}

for (const d of await dialects()) {
  if (d.skip) { emit({ name: `scores_recompute_${d.kind}`, skipped: String(d.skip) }); continue; }
  if (process.argv.includes('--sqlite') && d.kind !== 'sqlite') continue;
  let w: World | undefined;
  try {
    note(`${d.kind}: starting a world with ${MEMBERS} members`);
    w = await startWorld(d.kind, { members: MEMBERS, config: { webDist: '/nonexistent-web-dist' } });
    await run(w, d.kind);
  } catch (e) {
    crashed(`scores_recompute_${d.kind}`, e);
  } finally {
    await w?.close().catch(() => {});
  }
}
if (crashes().length) process.exitCode = 1;
