/**
 * Demo 有事来商量 data modelled on the seed article's 2025: 2,311 platforms in the towns and villages of the city's
 * counties held 1,402 consultations in the 2025 working year and saw 513 results implemented (落实) in it, distributed
 * over the counties. Some results of late 2025 were implemented the next year or are still open, and when the clock is
 * past 2025 the last weeks have fresh consultations whose results wait on the worklist. The demo member of 潞州区
 * (`county`) convenes one village platform. Rows and their history go in with bulk inserts, consistent with each
 * result's state.
 */
import { appendAudit } from '../../../kernel/server/audit.ts';
import { insertBatches } from '../../../kernel/server/db/bulk.ts';
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { seedWorkflowRows } from '../../../kernel/server/work-items.ts';
import { openTaskRow } from '../../../kernel/server/workflow-runner.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { seededRandom } from '../../../kernel/universal/seeded-random.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import { workYearFor } from '../../organizations/index.ts';
import { evaluations, resultLifecycle } from '../domain/result-lifecycle.ts';
import { platformsDb } from './tables.ts';

/** The article's figures for 2025, and the demo's own choices beside them. */
export const platformSeedFigures = { year: 2025, platforms: 2311, activities: 1402, implemented: 513, /** handed over in 2025 */ results: 640 } as const;

/** Split `total` over `weights` so the parts add up exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  const left = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k++) parts[order[k][1]]++;
  return parts;
}

const TOWN_ROOTS = ['东关', '西街', '南垂', '北董', '黄碾', '苏店', '韩店', '郝家庄', '西池', '堠北庄', '老顶山', '马厂', '店上', '辛安泉', '合室', '侯堡', '下良', '善福', '王桥', '虒亭', '段柳', '故县', '洪水', '郭村', '阎寨', '交川', '石哲', '常隆'];
const VILLAGE_ROOTS = ['李家', '王家', '张庄', '赵家', '刘庄', '陈家', '杨家', '黄家', '周家', '吴家', '徐家', '孙家', '马庄', '朱家', '胡家', '郭家', '何家', '高家', '林家', '罗家', '梁家', '宋家', '郑家', '谢家', '韩家', '唐家', '冯家', '于家', '董家', '萧家', '程家', '曹家', '袁家', '邓家', '许家', '傅家', '沈家', '曾家', '彭家', '吕家'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '郭', '牛', '申', '秦', '暴', '郝', '段', '常', '史', '冯'];
const GIVEN = ['建国', '秀英', '志强', '海燕', '国平', '丽娟', '红梅', '卫东', '晓明', '桂兰', '永刚', '春生', '俊峰', '彩霞', '玉珍', '文斌'];
const TOPICS = [
  '村内道路硬化', '背街小巷路灯安装', '农村饮水管网改造', '老旧小区加装电梯', '村卫生室设备更新', '垃圾集中清运点选址', '留守老人助餐点建设', '小区停车位规划',
  '村集体经济增收', '农田灌溉渠修缮', '幼儿园接送交通安全', '文化广场健身器材', '冬季清洁取暖改造', '农贸市场秩序整治', '河道垃圾清理', '物业服务收费公开',
];
/** the responsible bodies: the village's own committee, the town's government, a county bureau */
const COUNTY_BUREAUS = ['住建局', '水利局', '交通运输局', '农业农村局', '卫健局', '民政局'];

type Row = Record<string, any>;

export async function seedPlatforms(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  const db = platformsDb(ctx.db);
  const countyIds = Object.values(seed.countyIds);
  if (!countyIds.length) return;
  if (await db.selectFrom('platforms_registry').select('id').limit(1).executeTakeFirst()) return;
  const F = platformSeedFigures;
  const rand = seededRandom(2311_1402_513);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const between = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));
  const name = () => `${pick(SURNAMES)}${pick(GIVEN)}`;
  const today = ctx.calendar.today();
  const wy = await workYearFor(ctx.settings, seed.cityId, F.year);
  const yearEnd = wy.endsOn < today ? wy.endsOn : today;
  const span = Math.max(1, (Date.parse(yearEnd) - Date.parse(wy.startsOn)) / 86_400_000);
  const dayIn = (from: string, days: number) => addDays(from, Math.floor(rand() * Math.max(1, days)));
  const ts = (day: string, h = 10) => `${day}T${String(h - 8 < 0 ? 0 : h - 8).padStart(2, '0')}:${String(between(0, 59)).padStart(2, '0')}:00.000Z`;

  // the counties' shares of the city's platforms, consultations and results (larger districts hold more)
  const weights = countyIds.map((_, i) => [1.35, 1.2, 0.95, 1.0, 1.15, 0.8, 0.7, 0.9, 1.1, 0.85, 0.6, 0.75][i % 12]);
  const platformsPer = apportion(F.platforms, weights);
  const activitiesPer = apportion(F.activities, weights.map((w, i) => w * (1 + ((i * 7) % 5) / 10)));
  const implementedPer = apportion(F.implemented, weights.map((w, i) => w * (1 + ((i * 3) % 4) / 10)));
  const resultsPer = apportion(F.results, implementedPer.map((n) => n + 1));

  const platforms: Row[] = [];
  const activities: Row[] = [];
  const results: Row[] = [];
  const history: Row[] = [];
  const tasks: Row[] = [];
  const system = { id: 'system', name: '系统', org: null as string | null };
  const established = addDays(wy.startsOn, -400);
  const luzhou = seed.countyIds['潞州区'];
  const countyName = new Map(Object.entries(seed.countyIds).map(([n, id]) => [id, n]));
  const countyMember = seed.demoUsers.county;

  countyIds.forEach((tenant, ci) => {
    const mine: Row[] = [];
    const towns = Math.max(6, Math.round(platformsPer[ci] / 16));
    for (let k = 0; k < platformsPer[ci]; k++) {
      const t = k % towns;
      const town = `${TOWN_ROOTS[(t + ci * 3) % TOWN_ROOTS.length]}${t >= TOWN_ROOTS.length ? t : ''}${t % 5 === 4 ? '街道' : '镇'}`;
      const v = Math.floor(k / towns);
      // the first platform of each town is the town's own 协商议事室; the rest are its villages' and communities'
      const village = v === 0 ? '' : `${VILLAGE_ROOTS[(v - 1) % VILLAGE_ROOTS.length]}${v > VILLAGE_ROOTS.length ? Math.ceil(v / VILLAGE_ROOTS.length) : ''}${t % 5 === 4 ? '社区' : '村'}`;
      const convenedByDemo = tenant === luzhou && countyMember && k === towns; // a village of the first town
      const p = {
        id: newId(), tenant_id: tenant, town, village, name: `${town}${village}“有事来商量”${village ? '议事点' : '协商议事室'}`,
        convener_user_id: convenedByDemo ? countyMember.userId : null, convener_name: convenedByDemo ? '赵委员' : name(),
        convener_phone: `139${String(between(0, 99_999_999)).padStart(8, '0')}`, member_user_ids: convenedByDemo ? countyMember.userId : '',
        established_on: addDays(established, between(0, 300)), active: 1, version: 1, created_at: ts(established), updated_at: ts(established),
      };
      platforms.push(p);
      mine.push(p);
    }
    const demoPlatform = mine.find((p) => p.convener_user_id);

    // the year's consultations, on random platforms of the county, in date order
    const held: Row[] = [];
    for (let k = 0; k < activitiesPer[ci]; k++) {
      const p = k === 0 && demoPlatform ? demoPlatform : pick(mine);
      const day = dayIn(wy.startsOn, span);
      held.push(activityRow(p, day, pick(TOPICS)));
    }
    held.sort((a, b) => (a.held_on < b.held_on ? -1 : 1));
    activities.push(...held);
    // results: the earliest consultations' results were implemented within the year; the rest later or not yet
    const implementedN = implementedPer[ci];
    const resultN = Math.min(resultsPer[ci], held.length);
    for (let k = 0; k < resultN; k++) {
      const a = held[Math.floor((k * held.length) / Math.max(resultN, 1))];
      const p = mine.find((x) => x.id === a.platform_id)!;
      const done = k < implementedN;
      const due = addDays(a.held_on, between(20, 90));
      let on: string | null = null;
      if (done) on = a.held_on >= yearEnd ? a.held_on : addDays(a.held_on, Math.min(between(5, 60), Math.max(0, (Date.parse(yearEnd) - Date.parse(a.held_on)) / 86_400_000)));
      else {
        // implemented after the year, if the clock is far enough on
        const later = addDays(wy.endsOn, between(10, 80));
        if (later <= today) on = later;
      }
      results.push(resultRow(p, a, due, on, done || on !== null ? (rand() < 0.7 ? 'evaluated' : 'implemented') : 'handed'));
    }
  });

  // the last weeks, when the clock is past the 2025 working year: fresh consultations with results waiting
  const recentFrom = addDays(today, -60) > wy.endsOn ? addDays(today, -60) : null;
  if (recentFrom) {
    countyIds.forEach((tenant) => {
      const mine = platforms.filter((p) => p.tenant_id === tenant);
      const demoPlatform = mine.find((p) => p.convener_user_id);
      for (let k = 0; k < 6; k++) {
        const p = k === 0 && demoPlatform ? demoPlatform : pick(mine);
        const a = activityRow(p, dayIn(recentFrom, 55), pick(TOPICS));
        activities.push(a);
        const open = k % 2 === 0;
        results.push(resultRow(p, a, addDays(a.held_on, 30), open ? null : addDays(a.held_on, 3) > today ? today : addDays(a.held_on, 3), open ? 'handed' : 'implemented'));
      }
    });
  }

  function bodyFor(p: Row): string {
    const r = rand();
    if (r < 0.45 && p.village) return `${p.village}${String(p.village).endsWith('社区') ? '居民委员会' : '村民委员会'}`;
    if (r < 0.8) return `${p.town}${String(p.town).endsWith('街道') ? '办事处' : '人民政府'}`;
    return `${countyName.get(p.tenant_id) ?? ''}${pick(COUNTY_BUREAUS)}`;
  }

  function activityRow(p: Row, day: string, topic: string): Row {
    const residents = between(6, 40);
    return {
      id: newId(), tenant_id: p.tenant_id, platform_id: p.id, topic_id: null, topic: `${p.village || p.town}${topic}`, held_on: day,
      members_count: between(1, 4), residents_count: residents, participants: `${p.convener_name}、${name()}、${name()}等${residents}名群众代表`,
      minutes: `会议围绕${topic}听取群众意见，相关部门现场答复，形成协商意见。`, recorded_by: p.convener_user_id ?? 'system', recorded_by_name: p.convener_name,
      version: 1, created_at: ts(day, 17), updated_at: ts(day, 17),
    };
  }

  function resultRow(p: Row, a: Row, due: string, implementedOn: string | null, state: string): Row {
    const r: Row = {
      id: newId(), tenant_id: p.tenant_id, platform_id: p.id, activity_id: a.id, convener_user_id: p.convener_user_id,
      content: `${a.topic}：${pick(['两周内完成方案并公示', '列入年度民生实事', '本月内整改到位', '协调资金分步实施'])}`,
      responsible_body: bodyFor(p), handed_on: a.held_on, due_date: due,
      state, feedback: implementedOn ? '已按协商意见完成，群众代表现场验收。' : null, implemented_on: implementedOn,
      evaluation: state === 'evaluated' ? (rand() < 0.82 ? evaluations[0] : rand() < 0.8 ? evaluations[1] : evaluations[2]) : null,
      version: state === 'handed' ? 1 : state === 'implemented' ? 2 : 3, created_at: a.created_at, updated_at: implementedOn ? ts(implementedOn, 16) : a.created_at,
    };
    const actor = p.convener_user_id ? { id: p.convener_user_id, name: p.convener_name, org: p.tenant_id } : system;
    const h = (from: string | null, to: string, action: string, at: string, note: string | null = null) =>
      history.push({ id: newId(), tenant_id: r.tenant_id, entity_type: resultLifecycle.id, entity_id: r.id, from_state: from, to_state: to, action, actor_id: actor.id, actor_name: actor.name, actor_org_id: actor.org, note, data: null, at });
    h(null, 'handed', 'create', r.created_at);
    if (implementedOn) h('handed', 'implemented', 'implement', ts(implementedOn, 15), r.feedback);
    if (state === 'evaluated') h('implemented', 'evaluated', 'evaluate', ts(implementedOn!, 16));
    const task = openTaskRow(resultLifecycle, r as any, ctx.calendar, { title: `${r.content.slice(0, 40)}（${r.responsible_body}）`, since: (implementedOn ?? r.handed_on), now: r.updated_at });
    if (task) tasks.push(task);
    return r;
  }

  await ctx.db.transaction().execute(async (trx) => {
    await insertBatches(trx, 'platforms_registry', platforms, 200);
    await insertBatches(trx, 'platforms_activities', activities, 200);
    await insertBatches(trx, 'platforms_results', results, 200);
    // 乡镇工作人员: the demo's town staff account keeps to the town of the demo convener's platform
    const townStaff = seed.demoUsers.townplat;
    const demoTown = platforms.find((p) => p.convener_user_id)?.town;
    if (townStaff && demoTown) await trx.insertInto('platforms_staff_towns').values({ user_id: townStaff.userId, tenant_id: luzhou, town: demoTown, updated_at: `${established}T02:00:00.000Z` }).execute();
    await seedWorkflowRows(trx, { history, tasks }, { history: 400, tasks: 200 });
    await appendAudit(trx, ctx.dialect, {
      tenantId: seed.cityId, actorId: 'system', actorName: '系统', action: 'platforms.seed', entityType: 'platforms_platform', entityId: null,
      data: { platforms: platforms.length, activities: activities.length, results: results.length, figures: F },
    });
  });
}
