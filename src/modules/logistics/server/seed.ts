/**
 * Demo data for the 2025 working year, reproducing the seed article: 24 receptions (接待), the logistics of 212
 * activities (200余场会务保障) and 500 vehicle trips (约500车次), on a fleet of 8 vehicles and 8 drivers, no vehicle or
 * driver ever booked twice at once. Written in bulk (one transaction, batched inserts) with each record's history.
 * After the working year (the demo runs later), a few open records for today: a request waiting for approval, one
 * approved and waiting for a car, one dispatched today.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import { insertBatches } from '../../../kernel/server/db/bulk.ts';
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { seedWorkflowRows } from '../../../kernel/server/work-items.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { seededRandom } from '../../../kernel/universal/seeded-random.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import { findPeople } from '../../identity/index.ts';
import { workYearFor } from '../../organizations/index.ts';
import { receptionTotals } from './office.ts';
import { logisticsDb } from './tables.ts';
import { tripSpec } from './trips.ts';

export const logisticsSeedFigures = { year: 2025, receptions: 24, checklists: 212, trips: 500, vehicles: 8, drivers: 8 } as const;

const VEHICLES: Array<[string, number, string]> = [
  ['晋DA1001', 5, '轿车'], ['晋DA1002', 5, '轿车'], ['晋DA1003', 5, '轿车'], ['晋DB2001', 7, '商务车'],
  ['晋DB2002', 7, '商务车'], ['晋DB2003', 7, '越野车'], ['晋DC3001', 19, '中巴'], ['晋DC3002', 33, '大巴'],
];
const DRIVERS: Array<[string, string]> = [['王建军', '13903550101'], ['李国平', '13903550102'], ['张志强', '13903550103'], ['赵文斌', '13903550104'], ['刘海涛', '13903550105'], ['陈晓东', '13903550106'], ['杨春生', '13903550107'], ['郭永红', '13903550108']];
const GUEST_UNITS = ['省政协办公厅', '晋城市政协', '晋中市政协', '河南省安阳市政协', '河北省邯郸市政协', '省政协提案委员会', '全国政协委员调研组', '长治市委统战部', '省政协文史委员会', '临汾市政协', '运城市政协', '河南省新乡市政协'];
const PURPOSES: Array<[string, string]> = [
  ['赴潞州区开展委员之家活动', '潞州区'], ['陪同省政协调研组调研', '上党区'], ['送达会议材料', '市委办公厅'], ['提案办理督办走访', '市住建局'],
  ['委员视察沁河流域生态保护', '沁源县'], ['参加省政协会议', '太原市'], ['协商议事会现场', '屯留区'], ['送文化下乡活动', '壶关县'],
  ['社情民意信息调研', '襄垣县'], ['对口协商会会务', '市政协机关'], ['机场接站', '长治王村机场'], ['高铁站接站', '长治东站'],
];
const CHECK_ITEMS: Array<[string, string]> = [
  ['会场', '会场布置（桌签、横幅）'], ['会场', '座次安排'], ['会场', '音响、话筒、投影调试'], ['材料', '会议材料印制、装袋'], ['材料', '签到表'],
  ['茶歇', '茶水、茶歇'], ['标识', '指引标识、停车引导'], ['车辆', '参会人员用车'], ['宣传', '摄影、新闻稿'],
];
const ACTIVITY_TITLES = ['主席会议', '常委会议', '专题协商会', '对口协商会', '委员读书分享会', '委员讲坛', '提案办理协商会', '视察调研座谈会', '委员之家活动', '界别协商会', '秘书长办公会', '网络议政会'];

type Row = Record<string, unknown>;
const at = (date: string, hhmm: string) => new Date(Date.parse(`${date}T${hhmm}:00+08:00`)).toISOString();

/** Split `total` over `n` parts as evenly as the days allow. */
const spread = (total: number, n: number) => Array.from({ length: n }, (_, i) => Math.floor(((i + 1) * total) / n) - Math.floor((i * total) / n));

export async function seedLogistics(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  const db = logisticsDb(ctx.db);
  const office = seed.demoUsers.office;
  if (!office) return;
  if (await db.selectFrom('logistics_vehicles').select('id').limit(1).executeTakeFirst()) return;
  const F = logisticsSeedFigures;
  const rand = seededRandom(24_212_500);
  const between = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const tenant = seed.cityId;
  const today = ctx.calendar.today();
  const wy = await workYearFor(ctx.settings, tenant, F.year);
  const last = wy.endsOn < today ? wy.endsOn : addDays(today, -1);
  const officeName = '办公室';
  const requesters = ['office', 'committee', 'leader', 'secgen'].map((u) => seed.demoUsers[u]).filter((u): u is NonNullable<typeof u> => !!u);
  const created = at(wy.startsOn, '08:00');
  const people = await findPeople(ctx.db, [office.userId, ...requesters.map((r) => r.userId)]);
  const nameOf = (id: string) => people.get(id)?.name ?? officeName;
  const hist = (type: string, id: string, steps: Array<[string | null, string, string, string, string]>) =>
    steps.map(([from, to, action, when, actor]) => ({ id: newId(), tenant_id: tenant, entity_type: type, entity_id: id, from_state: from, to_state: to, action, actor_id: actor, actor_name: nameOf(actor), actor_org_id: tenant, note: null, data: null, at: when }));

  const vehicles: Row[] = VEHICLES.map(([plate, seats, kind]) => ({ id: newId(), tenant_id: tenant, plate, seats, kind, active: 1, version: 1, created_at: created, updated_at: created }));
  const drivers: Row[] = DRIVERS.map(([name, phone]) => ({ id: newId(), tenant_id: tenant, name, phone, active: 1, version: 1, created_at: created, updated_at: created }));
  const history: Row[] = [];

  // the working days of the year carry the trips and activities; a few trips fall on weekends too (接站)
  const days: string[] = [];
  for (let d = wy.startsOn; d <= last; d = addDays(d, 1)) days.push(d);
  const workdays = days.filter((d) => ctx.calendar.isWorkday(d));

  // 用车: 500 trips, each day's trips on distinct vehicles and drivers, so nothing overlaps
  const trips: Row[] = [];
  const odometer = vehicles.map(() => between(20_000, 90_000));
  const perDay = spread(F.trips, workdays.length);
  workdays.forEach((day, di) => {
    for (let k = 0; k < perDay[di]; k++) {
      const vi = (di + k) % vehicles.length, dr = (di * 3 + k) % drivers.length;
      const [purpose, destination] = pick(PURPOSES);
      const slot = k % 3 === 0 ? ['08:30', '12:00'] : k % 3 === 1 ? ['14:00', '17:30'] : ['07:30', '18:30'];
      const km = between(12, 320), startKm = odometer[vi];
      odometer[vi] += km;
      const req = pick(requesters);
      const id = newId();
      trips.push({
        id, tenant_id: tenant, owner_user_id: req.userId, owner_name: nameOf(req.userId), purpose, passengers: between(1, Math.min(4, VEHICLES[vi][1] - 1)), destination,
        starts_at: `${day}T${slot[0]}`, ends_at: `${day}T${slot[1]}`, trip_date: day, vehicle_id: vehicles[vi].id, driver_id: drivers[dr].id,
        start_km: startKm, end_km: startKm + km, km, reason: null, state: 'done', version: 4, created_at: at(addDays(day, -2), '09:00'), updated_at: at(day, slot[1]),
      });
      history.push(...hist('logistics_trip', id, [
        [null, 'requested', 'create', at(addDays(day, -2), '09:00'), req.userId], ['requested', 'approved', 'approve', at(addDays(day, -2), '10:00'), office.userId],
        ['approved', 'assigned', 'assign', at(addDays(day, -1), '15:00'), office.userId], ['assigned', 'done', 'finish', at(day, slot[1]), office.userId],
      ]));
    }
  });

  // 接待: 24 reception plans over the year, done, with their lists and budget
  const receptions: Row[] = [];
  spread(workdays.length - 5, F.receptions).reduce((offset, gap, i) => {
    const start = workdays[offset], end = addDays(start, between(0, 2));
    const unit = GUEST_UNITS[i % GUEST_UNITS.length];
    const n = between(3, 12);
    const guests = [{ name: `${unit}考察组`, unit, title: '带队领导及随行人员', count: n }];
    const programme = [
      { time: `${start} 09:00`, place: '市政协机关三楼会议室', content: '座谈交流' },
      { time: `${start} 14:30`, place: pick(['上党门', '太行太岳烈士陵园', '长治高新区', '漳泽湖湿地公园']), content: '实地考察' },
    ];
    const rooms = [{ hotel: '长治宾馆', room: '标准间', guest: guests[0].name, nights: Math.max(1, (Date.parse(end) - Date.parse(start)) / 86_400_000) }];
    const meals = [{ date: start, meal: '工作餐' as const, place: '机关食堂', people: n + 4, standard: '按公务接待标准' }];
    const budget = [{ item: '住宿', amount: n * 300, actual: n * 280 }, { item: '工作餐', amount: (n + 4) * 60, actual: (n + 4) * 55 }, { item: '用车', amount: 400, actual: 360 }];
    const id = newId();
    receptions.push({
      id, tenant_id: tenant, title: `${unit}来长考察交流接待`, guest_unit: unit, start_date: start, end_date: end,
      guests_json: JSON.stringify(guests), programme_json: JSON.stringify(programme), rooms_json: JSON.stringify(rooms), meals_json: JSON.stringify(meals), budget_json: JSON.stringify(budget),
      ...receptionTotals({ guests, budget }), owner_user_id: office.userId, owner_name: nameOf(office.userId), state: 'done', version: 3, created_at: at(addDays(start, -7), '09:00'), updated_at: at(end, '18:00'),
    });
    history.push(...hist('logistics_reception', id, [[null, 'draft', 'create', at(addDays(start, -7), '09:00'), office.userId], ['draft', 'approved', 'approve', at(addDays(start, -5), '10:00'), office.userId], ['approved', 'done', 'complete', at(end, '18:00'), office.userId]]));
    return offset + gap;
  }, 2);

  // 会务: 212 activities' checklists, all ticked; one in five serves a reception's meeting
  const checklists: Row[] = [];
  const perDayChk = spread(F.checklists, workdays.length);
  workdays.forEach((day, di) => {
    for (let k = 0; k < perDayChk[di]; k++) {
      const items = CHECK_ITEMS.filter(() => rand() < 0.8).map(([category, label]) => ({ id: newId(), category, label, owner: pick(DRIVERS)[0].slice(0, 1) + pick(['科长', '主任', '干事']), done: true }));
      const rec = checklists.length % 5 === 0 ? receptions[(checklists.length / 5) % receptions.length] : null;
      checklists.push({
        id: newId(), tenant_id: tenant, title: rec ? `${rec.title as string}座谈会` : `${pick(ACTIVITY_TITLES)}（${Number(day.slice(5, 7))}月${Number(day.slice(8))}日）`, event_date: day,
        link_type: rec ? 'logistics_reception' : null, link_id: rec ? rec.id : null, items_json: JSON.stringify(items), items_total: items.length, items_done: items.length,
        owner_user_id: office.userId, owner_name: nameOf(office.userId), version: 2, created_at: at(addDays(day, -3), '09:00'), updated_at: at(day, '08:00'),
      });
    }
  });
  await ctx.db.transaction().execute(async (trx) => {
    await insertBatches(trx, 'logistics_vehicles', vehicles);
    await insertBatches(trx, 'logistics_drivers', drivers);
    await insertBatches(trx, 'logistics_trips', trips, 200);
    await insertBatches(trx, 'logistics_receptions', receptions, 100);
    await insertBatches(trx, 'logistics_checklists', checklists, 200);
    await insertBatches(trx, 'logistics_checklist_templates', [
      { id: newId(), tenant_id: tenant, name: '会议会务保障', items_json: JSON.stringify(CHECK_ITEMS.map(([category, label]) => ({ category, label }))), version: 1, created_at: created, updated_at: created },
      { id: newId(), tenant_id: tenant, name: '调研视察保障', items_json: JSON.stringify([['车辆', '考察用车'], ['材料', '调研提纲、点位介绍'], ['标识', '点位对接'], ['宣传', '摄影、新闻稿']].map(([category, label]) => ({ category, label }))), version: 1, created_at: created, updated_at: created },
    ]);
    await seedWorkflowRows(trx, { history, tasks: [] });
  });

  // after the working year: today's open requests, through the real commands (their work items open as they would)
  if (today > wy.endsOn) {
    const actor = (u: string, role: string): Actor => {
      const d = seed.demoUsers[u] ?? office;
      return { userId: d.userId, username: u, displayName: people.get(d.userId)?.name ?? officeName, orgId: d.orgId, tenantId: tenant, roles: [role], permissions: new Set(['*']), sessionId: 'seed' };
    };
    const staff = actor('office', 'office_staff'), asker = actor(seed.demoUsers.committee ? 'committee' : 'office', 'committee_staff');
    const spec = tripSpec(ctx);
    const make = async (purpose: string, destination: string, from: string, to: string) => {
      const id = newId();
      await ctx.uow.run((w) => w.create(spec, { id, tenant_id: tenant, owner_user_id: asker.userId, owner_name: asker.displayName, purpose, passengers: 3, destination, starts_at: from, ends_at: to, trip_date: from.slice(0, 10), vehicle_id: null, driver_id: null, start_km: null, end_km: null, km: null, reason: null }, asker));
      return id;
    };
    const tomorrow = addDays(today, 1);
    await make('委员视察城区老旧小区改造', '潞州区英雄街道', `${tomorrow}T08:30`, `${tomorrow}T12:00`);
    const approved = await make('送达协商会材料', '市委办公厅', `${today}T14:00`, `${today}T15:30`);
    await ctx.uow.run((w) => w.fire(spec, { id: approved, action: 'approve', expectedVersion: 1, input: {}, actor: staff }));
    const assigned = await make('陪同省政协调研组调研', '上党区', `${today}T08:30`, `${today}T17:30`);
    await ctx.uow.run((w) => w.fire(spec, { id: assigned, action: 'approve', expectedVersion: 1, input: {}, actor: staff }));
    await ctx.uow.run((w) => w.fire(spec, { id: assigned, action: 'assign', expectedVersion: 2, input: { vehicleId: vehicles[3].id, driverId: drivers[3].id }, actor: staff }));
  }
}
