/**
 * The module's tables as its own server code sees them (migrations 2500–2599). Ids and timestamps are text, dates
 * 'YYYY-MM-DD' text, a trip's times China wall-clock text 'YYYY-MM-DDTHH:mm' (see domain/schedule.ts), money in whole
 * yuan (元). A reception's lists (guests, programme, rooms, meals, budget lines) and a checklist's items are JSON text:
 * they are read and written with their record, under its version, and never queried on their own.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

interface Versioned {
  id: string;
  tenant_id: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 接待方案 */
export interface ReceptionsTable extends Versioned {
  title: string;
  /** 来访单位 */
  guest_unit: string;
  start_date: string;
  end_date: string;
  /** JSON: guests [{name, unit, title, count}], programme [{time, place, content}], rooms [{hotel, room, guest, nights}], meals [{date, meal, place, people, standard}], budget [{item, amount, actual}] */
  guests_json: string;
  programme_json: string;
  rooms_json: string;
  meals_json: string;
  budget_json: string;
  /** totals kept with the lists, for the list and the figures: 来宾人数, 预算 and 实际支出 (元) */
  guest_count: number;
  budget_total: number;
  actual_total: number;
  owner_user_id: string;
  owner_name: string;
  state: string;
}

/** 会务保障清单 (one per activity or meeting) */
export interface ChecklistsTable extends Versioned {
  title: string;
  /** the day of the activity */
  event_date: string;
  /** the record of another module it serves (entity type + id, e.g. 'activity'), shown with its title; null for none */
  link_type: string | null;
  link_id: string | null;
  /** JSON [{id, category, label, owner, done}] */
  items_json: string;
  items_total: number;
  items_done: number;
  owner_user_id: string;
  owner_name: string;
}

/** 会务清单模板 */
export interface ChecklistTemplatesTable extends Versioned {
  name: string;
  /** JSON [{category, label}] */
  items_json: string;
}

/** 车辆 */
export interface VehiclesTable extends Versioned {
  plate: string;
  seats: number;
  /** 车型: 轿车, 商务车, 中巴, 越野车 */
  kind: string;
  active: number;
}

/** 驾驶员 */
export interface DriversTable extends Versioned {
  name: string;
  phone: string;
  active: number;
}

/** 用车申请 (and, once the car went, the trip: 出车记录 with its mileage) */
export interface TripsTable extends Versioned {
  owner_user_id: string;
  owner_name: string;
  purpose: string;
  passengers: number;
  destination: string;
  starts_at: string;
  ends_at: string;
  /** the China date of starts_at (the figures' and lists' period) */
  trip_date: string;
  vehicle_id: string | null;
  driver_id: string | null;
  start_km: number | null;
  end_km: number | null;
  km: number | null;
  reason: string | null;
  state: string;
}

export interface LogisticsTables {
  logistics_receptions: ReceptionsTable;
  logistics_checklists: ChecklistsTable;
  logistics_checklist_templates: ChecklistTemplatesTable;
  logistics_vehicles: VehiclesTable;
  logistics_drivers: DriversTable;
  logistics_trips: TripsTable;
}

export const logisticsDb = moduleDb<LogisticsTables>;
export type LogisticsDb = ModuleDb<LogisticsTables>;
export type ReceptionRow = ReceptionsTable;
export type ChecklistRow = ChecklistsTable;
export type TripRow = TripsTable;
export type VehicleRow = VehiclesTable;
export type DriverRow = DriversTable;
