/**
 * Table types. The kernel declares its own tables here; each feature module declares its tables in
 * `src/modules/<m>/server/tables.ts` and reads the database through `moduleDb<ItsTables>(ctx.db)`, a view that knows the
 * kernel's tables and the module's own and nothing else, so reaching into another module's tables does not type-check
 * (another module's records are read through the lookups its `index.ts` exports).
 *
 * Column types follow the migrations on both databases: dates and timestamps are ISO strings stored as text, integer
 * and bigint columns are numbers (PostgreSQL's int8 is parsed as a number, `dialect.ts`), flags are 0/1 integers, JSON
 * is text. `Generated<T>` marks a column the database fills when an insert leaves it out (a default).
 */
import type { Kysely, Transaction } from 'kysely';

/** 审计日志: append-only, hash-chained (decision 0031 adds the keyed MAC). */
export interface AuditLogTable {
  seq: number;
  at: string;
  tenant_id: string | null;
  actor_id: string;
  actor_name: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  /** JSON */
  data: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
  mac: string | null;
}

/** 流转记录: every transition of a record's workflow. */
export interface WorkflowHistoryTable {
  id: string;
  tenant_id: string;
  entity_type: string;
  entity_id: string;
  from_state: string | null;
  to_state: string;
  action: string;
  actor_id: string;
  actor_name: string;
  actor_org_id: string | null;
  note: string | null;
  /** JSON */
  data: string | null;
  at: string;
}

/** 待办: work items opened by workflows, assigned to a user or to a role within an organisation. */
export interface TasksTable {
  id: string;
  tenant_id: string;
  entity_type: string;
  entity_id: string;
  state: string;
  title: string;
  label: string;
  assignee_user_id: string | null;
  assignee_org_id: string | null;
  assignee_role: string | null;
  /** YYYY-MM-DD */
  due_date: string | null;
  /** 'open' | 'done' | 'cancelled' */
  status: string;
  created_at: string;
  closed_at: string | null;
}

/** 工作日历: days that differ from the weekday rule (holidays, make-up working days). */
export interface CalendarOverridesTable {
  /** YYYY-MM-DD */
  date: string;
  kind: string;
  note: string | null;
  updated_by: string | null;
  updated_at: string;
}

/** 节假日安排: a year's schedule entered by the system administrator where the bundled calendar lacks the year. */
export interface CalendarSchedulesTable {
  year: number;
  holidays: number;
  workdays: number;
  source: string | null;
  entered_by: string;
  entered_at: string;
}

/** 参数设置: per-tenant settings, JSON values with a version. */
export interface SettingsTable {
  tenant_id: string;
  key: string;
  /** JSON */
  value: string;
  version: number;
  updated_at: string;
}

/** The event outbox: domain events written with their change, delivered after commit (outbox.ts). */
export interface OutboxTable {
  id: string;
  type: string;
  tenant_id: string;
  entity_type: string | null;
  entity_id: string | null;
  actor_id: string | null;
  /** JSON */
  audience: string | null;
  /** JSON */
  payload: string;
  at: string;
  origin: string | null;
  attempts: number;
  available_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  delivered_at: string | null;
  last_error: string | null;
}

/** Kysely's record of the migrations run (migrate.ts). */
export interface MigrationsTable {
  name: string;
  timestamp: string;
}

/** The kernel's tables (kernel-module.ts, migrate.ts), which every module's view includes. */
export interface KernelTables {
  audit_log: AuditLogTable;
  workflow_history: WorkflowHistoryTable;
  tasks: TasksTable;
  calendar_overrides: CalendarOverridesTable;
  calendar_schedules: CalendarSchedulesTable;
  settings: SettingsTable;
  outbox: OutboxTable;
  zx_migrations: MigrationsTable;
}

/** The tables a module's view knows: the kernel's and the module's own (`T`); for expression builders, `ExpressionBuilder<ModuleTables<T>, 'table'>`. */
export type ModuleTables<T extends object = object> = KernelTables & T;

/** A module's typed view of the database: the kernel's tables and the module's own (`T`). */
export type ModuleDb<T extends object = object> = Kysely<ModuleTables<T>>;

/** A transaction on a module's view. */
export type ModuleTrx<T extends object = object> = Transaction<KernelTables & T>;

/**
 * The handle a lookup that a module exports to others receives: the caller's own view (of whichever module), or the
 * untyped handle of the composition root. The owning module narrows it to its own view with `moduleDb` at once.
 */
export type AnyModuleDb = Kysely<any>;

/**
 * The database as a module's own code sees it. The handle passed in is the untyped one the composition root holds
 * (`ModuleContext.db`), or another module's view handed to a lookup that this module exports; the view changes types only.
 * A module names its view once, in its `server/tables.ts`: `export const proposalDb = moduleDb<ProposalTables>;`
 * with `export type ProposalDb = ModuleDb<ProposalTables>;` (a transaction on the view is a `ProposalDb` too).
 */
export function moduleDb<T extends object = object>(db: AnyModuleDb): ModuleDb<T> {
  return db as ModuleDb<T>;
}

/** The kernel's own view (no module tables). */
export const kernelDb = (db: AnyModuleDb): ModuleDb => moduleDb(db);
