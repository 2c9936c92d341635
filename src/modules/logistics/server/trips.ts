/**
 * 用车: vehicles (车辆), drivers (驾驶员), requests and their trips. Each command runs in one unit of work. 派车 (assign)
 * is where double booking is refused: inside the transition's transaction it takes the vehicle's and the driver's row
 * locks (PostgreSQL `SELECT … FOR UPDATE`, always vehicle before driver, so two dispatchers never deadlock; on SQLite
 * the database's single write lock already serialises), then looks for a booked trip of that vehicle or driver whose
 * times overlap. Two staff assigning the same car at once: the second waits for the first's commit, then sees its
 * trip and gets a 409 CONFLICT naming the vehicle and the time.
 */
import type { Transaction } from 'kysely';
import { requirePermission, type Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import { AppError, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { listHistory } from '../../../kernel/server/work-items.ts';
import { allowedActions, stateView } from '../../../kernel/universal/workflow.ts';
import type { BoardView, TripBody, TripDetail, TripListItem, TripListQuery } from '../contract.ts';
import { actionLabelOf, bookedStates, logisticsPermissions as P, stateLabelOf, tripLifecycle } from '../domain/lifecycles.ts';
import { canSeeTrip, seesAllTrips } from '../domain/policy.ts';
import { addDay, firstClash, formatLocal, intervalProblem } from '../domain/schedule.ts';
import { logisticsDb, type DriverRow, type TripRow, type VehicleRow } from './tables.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';

export const TRIP_LABEL = '用车申请';

/** The vehicle's name on screens and in messages: 「晋D·A1234（商务车）」. */
export const vehicleLabel = (v: Pick<VehicleRow, 'plate' | 'kind'>) => `${v.plate.slice(0, 2)}·${v.plate.slice(2)}（${v.kind}）`;

/** Lock a resource row for the rest of the transaction (PostgreSQL); SQLite's write lock serialises already. */
async function lockRow(trx: Transaction<any>, dialect: ModuleContext['dialect'], table: 'logistics_vehicles' | 'logistics_drivers', id: string) {
  let q = logisticsDb(trx).selectFrom(table).selectAll().where('id', '=', id);
  if (dialect === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The booked trips of a vehicle or driver that overlap [from, to), other than `exceptId` (the trip being re-assigned). */
async function bookingsOverlapping(trx: Transaction<any>, column: 'vehicle_id' | 'driver_id', id: string, from: string, to: string, exceptId: string) {
  return logisticsDb(trx).selectFrom('logistics_trips').select(['id', 'starts_at as from', 'ends_at as to', 'purpose'])
    .where(column, '=', id).where('state', 'in', [...bookedStates]).where('id', '!=', exceptId)
    .where('starts_at', '<', to).where('ends_at', '>', from).orderBy('starts_at').execute();
}

export function tripSpec(ctx: ModuleContext): WorkflowSpec<TripRow & { [k: string]: unknown }> {
  return {
    workflow: tripLifecycle as WorkflowSpec<any>['workflow'],
    table: 'logistics_trips',
    entityLabel: TRIP_LABEL,
    titleOf: (r) => `${r.purpose}（${formatLocal(r.starts_at)}）`,
    canSee: (r, actor) => canSeeTrip(r, actor),
    async apply({ trx, record, transition, input }) {
      if (transition.name === 'assign') {
        const vehicleId = input.vehicleId as string, driverId = input.driverId as string;
        // vehicle first, then driver: every dispatcher locks in the same order
        const vehicle = await lockRow(trx, ctx.dialect, 'logistics_vehicles', vehicleId);
        if (!vehicle || vehicle.tenant_id !== record.tenant_id || !vehicle.active) throw invalid('input.vehicleId', '「车辆」', '不是本单位在用的车辆');
        const driver = await lockRow(trx, ctx.dialect, 'logistics_drivers', driverId);
        if (!driver || driver.tenant_id !== record.tenant_id || !driver.active) throw invalid('input.driverId', '「驾驶员」', '不是本单位在岗的驾驶员');
        if (vehicle.seats < record.passengers) throw invalid('input.vehicleId', '「车辆」', `只有 ${vehicle.seats} 个座位，乘车人数为 ${record.passengers} 人`);
        const wanted = { from: record.starts_at, to: record.ends_at };
        const v = firstClash(wanted, await bookingsOverlapping(trx, 'vehicle_id', vehicleId, wanted.from, wanted.to, record.id));
        if (v) throw new AppError('CONFLICT', `车辆${vehicleLabel(vehicle)}在 ${formatLocal(v.from)} 至 ${formatLocal(v.to)} 已派出（${v.purpose}），与本次用车时间重叠`, { field: 'input.vehicleId' });
        const d = firstClash(wanted, await bookingsOverlapping(trx, 'driver_id', driverId, wanted.from, wanted.to, record.id));
        if (d) throw new AppError('CONFLICT', `驾驶员${driver.name}在 ${formatLocal(d.from)} 至 ${formatLocal(d.to)} 已有出车任务（${d.purpose}），与本次用车时间重叠`, { field: 'input.driverId' });
        return { vehicle_id: vehicleId, driver_id: driverId };
      }
      if (transition.name === 'finish') {
        const startKm = input.startKm as number, endKm = input.endKm as number;
        return { start_km: startKm, end_km: endKm, km: endKm - startKm };
      }
      if (transition.name === 'reject' || transition.name === 'withdraw') return { reason: (input.reason as string | undefined) ?? null };
      return {};
    },
  };
}

/** 申请用车: the request starts 待审批 and opens the approver's work item. */
export async function requestTrip(ctx: ModuleContext, actor: Actor, body: TripBody, ip?: string): Promise<string> {
  requirePermission(actor, P.requestTrip, '申请用车');
  const problem = intervalProblem({ from: body.startsAt, to: body.endsAt });
  if (problem) throw invalid(problem.startsWith('「出发') ? 'startsAt' : 'endsAt', '', problem);
  const id = newId();
  await ctx.uow.run(async (w) => {
    await w.create(tripSpec(ctx), {
      id, tenant_id: actor.tenantId, owner_user_id: actor.userId, owner_name: actor.displayName,
      purpose: body.purpose, passengers: body.passengers, destination: body.destination, starts_at: body.startsAt, ends_at: body.endsAt,
      trip_date: body.startsAt.slice(0, 10), vehicle_id: null, driver_id: null, start_km: null, end_km: null, km: null, reason: null,
    }, actor, ip);
  });
  return id;
}

export async function fireTrip(ctx: ModuleContext, req: { id: string; action: string; version: number; input: Record<string, unknown>; actor: Actor; ip?: string }): Promise<void> {
  await ctx.uow.run(async (w) => {
    await w.fire(tripSpec(ctx), { id: req.id, action: req.action, expectedVersion: req.version, input: req.input, actor: req.actor, ip: req.ip, note: req.input.note as string | undefined });
  });
}

// ---- reading ----

export async function findTrip(db: AnyModuleDb, id: string) {
  return logisticsDb(db).selectFrom('logistics_trips').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function resources(db: AnyModuleDb, tenantId: string) {
  const ldb = logisticsDb(db);
  const [vehicles, drivers] = await Promise.all([
    ldb.selectFrom('logistics_vehicles').selectAll().where('tenant_id', '=', tenantId).orderBy('plate').execute(),
    ldb.selectFrom('logistics_drivers').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute(),
  ]);
  return { vehicles, drivers };
}

type Lookup = { vehicles: Map<string, VehicleRow>; drivers: Map<string, DriverRow> };
async function lookupFor(db: AnyModuleDb, rows: TripRow[]): Promise<Lookup> {
  const vIds = [...new Set(rows.map((r) => r.vehicle_id).filter((x): x is string => !!x))];
  const dIds = [...new Set(rows.map((r) => r.driver_id).filter((x): x is string => !!x))];
  const ldb = logisticsDb(db);
  const [vs, ds] = await Promise.all([
    vIds.length ? ldb.selectFrom('logistics_vehicles').selectAll().where('id', 'in', vIds).execute() : [],
    dIds.length ? ldb.selectFrom('logistics_drivers').selectAll().where('id', 'in', dIds).execute() : [],
  ]);
  return { vehicles: new Map(vs.map((v) => [v.id, v])), drivers: new Map(ds.map((d) => [d.id, d])) };
}

/** The trips the actor may see that match the query, soonest first for open states, with the page's total and kilometres. */
export async function listTrips(db: AnyModuleDb, actor: Actor, q: TripListQuery) {
  let base = logisticsDb(db).selectFrom('logistics_trips').where('tenant_id', '=', actor.tenantId);
  if (q.mine || !seesAllTrips(actor)) base = base.where('owner_user_id', '=', actor.userId);
  if (q.state) base = base.where('state', 'in', q.state.split(','));
  if (q.vehicleId) base = base.where('vehicle_id', '=', q.vehicleId);
  if (q.from) base = base.where('trip_date', '>=', q.from);
  if (q.to) base = base.where('trip_date', '<=', q.to);
  if (q.q) { const like = `%${q.q.replace(/[%_\\]/g, '')}%`; base = base.where((eb) => eb.or([eb('purpose', 'like', like), eb('destination', 'like', like)])); }
  const [rows, agg] = await Promise.all([
    base.selectAll().orderBy('starts_at', 'desc').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('km').as('km')]).executeTakeFirstOrThrow(),
  ]);
  const lookup = await lookupFor(db, rows);
  return { items: rows.map((r) => toTripItem(r, lookup)), total: Number(agg.n), km: Number(agg.km ?? 0), page: q.page, pageSize: q.pageSize };
}

function toTripItem(r: TripRow, l: Lookup): TripListItem {
  const v = r.vehicle_id ? l.vehicles.get(r.vehicle_id) : undefined;
  const d = r.driver_id ? l.drivers.get(r.driver_id) : undefined;
  return {
    id: r.id, purpose: r.purpose, destination: r.destination, passengers: Number(r.passengers), startsAt: r.starts_at, endsAt: r.ends_at,
    ownerName: r.owner_name, vehicle: v ? vehicleLabel(v) : null, driver: d?.name ?? null, driverPhone: d?.phone ?? null,
    km: r.km === null || r.km === undefined ? null : Number(r.km),
    state: r.state, stateLabel: stateLabelOf(tripLifecycle, r.state), stateTone: stateView(tripLifecycle, r.state).tone, version: Number(r.version),
  };
}

export async function tripDetail(db: AnyModuleDb, r: TripRow, actor: Actor): Promise<TripDetail> {
  const [lookup, history] = await Promise.all([lookupFor(db, [r]), listHistory(db, 'logistics_trip', r.id)]);
  return {
    ...toTripItem(r, lookup), vehicleId: r.vehicle_id, driverId: r.driver_id,
    startKm: r.start_km === null ? null : Number(r.start_km), endKm: r.end_km === null ? null : Number(r.end_km), reason: r.reason ?? null,
    progress: stateView(tripLifecycle, r.state),
    actions: allowedActions(tripLifecycle, r.state, { record: r as unknown as TripRow & { [k: string]: unknown }, actor }),
    history: history.map((h) => ({ id: h.id, action: h.action, actionLabel: actionLabelOf(tripLifecycle, h.action), toStateLabel: stateLabelOf(tripLifecycle, h.to_state), actorName: h.actor_name, note: h.note ?? null, at: h.at })),
  };
}

/** 车辆和驾驶员安排: each vehicle's and driver's booked trips over [date, date + days). */
export async function board(db: AnyModuleDb, tenantId: string, date: string, days: number): Promise<BoardView> {
  const from = `${date}T00:00`, to = `${addDay(date, days)}T00:00`;
  const { vehicles, drivers } = await resources(db, tenantId);
  const trips = await logisticsDb(db).selectFrom('logistics_trips').selectAll().where('tenant_id', '=', tenantId).where('state', 'in', [...bookedStates])
    .where('starts_at', '<', to).where('ends_at', '>', from).orderBy('starts_at').execute();
  const l: Lookup = { vehicles: new Map(vehicles.map((v) => [v.id, v])), drivers: new Map(drivers.map((d) => [d.id, d])) };
  const booking = (t: TripRow, other: string | null) => ({ tripId: t.id, startsAt: t.starts_at, endsAt: t.ends_at, purpose: t.purpose, destination: t.destination, ownerName: t.owner_name, state: t.state, other });
  return {
    from: date, to: addDay(date, days - 1),
    vehicles: vehicles.filter((v) => v.active).map((v) => ({ id: v.id, label: vehicleLabel(v), seats: Number(v.seats), kind: v.kind,
      bookings: trips.filter((t) => t.vehicle_id === v.id).map((t) => booking(t, t.driver_id ? l.drivers.get(t.driver_id)?.name ?? null : null)) })),
    drivers: drivers.filter((d) => d.active).map((d) => ({ id: d.id, label: d.name, phone: d.phone,
      bookings: trips.filter((t) => t.driver_id === d.id).map((t) => booking(t, t.vehicle_id && l.vehicles.get(t.vehicle_id) ? vehicleLabel(l.vehicles.get(t.vehicle_id)!) : null)) })),
  };
}

// ---- vehicles and drivers (车辆、驾驶员) ----

export async function saveVehicle(ctx: ModuleContext, actor: Actor, id: string | null, body: { plate: string; seats: number; kind: string; active: boolean; version?: number }, ip?: string): Promise<string> {
  requirePermission(actor, P.dispatch, '管理车辆');
  const ldb = logisticsDb(ctx.db);
  const same = await ldb.selectFrom('logistics_vehicles').select('id').where('tenant_id', '=', actor.tenantId).where('plate', '=', body.plate).executeTakeFirst();
  if (same && same.id !== id) throw invalid('plate', '「车牌号」', `${body.plate} 已登记`);
  const vid = id ?? newId();
  await ctx.uow.run(async (w) => {
    const values = { plate: body.plate, seats: body.seats, kind: body.kind, active: body.active ? 1 : 0, updated_at: w.now };
    if (id) {
      const r = await logisticsDb(w.trx).selectFrom('logistics_vehicles').select('tenant_id').where('id', '=', id).executeTakeFirst();
      if (!r || r.tenant_id !== actor.tenantId) throw notFound('车辆');
      await w.bumpVersion('logistics_vehicles', id, body.version ?? 0, values, '车辆');
    } else await logisticsDb(w.trx).insertInto('logistics_vehicles').values({ id: vid, tenant_id: actor.tenantId, version: 1, created_at: w.now, ...values }).execute();
    await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: id ? 'logistics_vehicle.edit' : 'logistics_vehicle.create', entityType: 'logistics_vehicle', entityId: vid, data: { plate: body.plate }, ip });
  });
  return vid;
}

export async function saveDriver(ctx: ModuleContext, actor: Actor, id: string | null, body: { name: string; phone: string; active: boolean; version?: number }, ip?: string): Promise<string> {
  requirePermission(actor, P.dispatch, '管理驾驶员');
  const did = id ?? newId();
  await ctx.uow.run(async (w) => {
    const values = { name: body.name, phone: body.phone, active: body.active ? 1 : 0, updated_at: w.now };
    if (id) {
      const r = await logisticsDb(w.trx).selectFrom('logistics_drivers').select('tenant_id').where('id', '=', id).executeTakeFirst();
      if (!r || r.tenant_id !== actor.tenantId) throw notFound('驾驶员');
      await w.bumpVersion('logistics_drivers', id, body.version ?? 0, values, '驾驶员');
    } else await logisticsDb(w.trx).insertInto('logistics_drivers').values({ id: did, tenant_id: actor.tenantId, version: 1, created_at: w.now, ...values }).execute();
    await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: id ? 'logistics_driver.edit' : 'logistics_driver.create', entityType: 'logistics_driver', entityId: did, data: { name: body.name }, ip });
  });
  return did;
}
