/** What a feature module declares (its manifest) and what it receives from the composition root (its context). */
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { DialectName } from './db/dialect.ts';
import type { EventBus } from './events.ts';
import type { WorkingCalendar, DueDateColumn } from './calendar.ts';
import type { WorkflowRunner } from './workflow-runner.ts';
import type { Outbox } from './outbox.ts';
import type { UnitOfWork } from './unit-of-work.ts';
import type { MigrationDef } from './migrate.ts';
import type { App } from './http/server.ts';
import type { Actor } from './actor.ts';
import type { WorkflowDef } from '../universal/workflow.ts';
import type { FigureCatalogue } from './figures.ts';
import type { RoleDef, SettingDecl, JobDecl, EntityDecl, PushChannelDecl, FigureSource, PublicSource } from './contributions.ts';
import type { Contributions } from './contributions-catalogue.ts';

export interface PermissionDef {
  code: string; // '<module>.<verb>', e.g. 'proposal.review'
  name: string; // Chinese
  /** roles granted this permission when the database is first created; 安全管理员 can change grants later */
  defaultRoles: readonly string[];
}

/** Sends a message to one person through one channel (e-mail, SMS, WeChat). */
export interface NotificationChannel {
  name: string;
  send(to: { userId: string; email?: string | null; phone?: string | null; displayName: string }, msg: { title: string; body: string; link?: string }): Promise<void>;
}

export interface Notifier {
  /**
   * in-app notification (inbox) plus any channels the user can be reached on; with a `key` (an event's id and the
   * step it tells of) each user is told once, however often the subscriber that calls it is delivered
   */
  notify(n: { tenantId: string; userIds: string[]; kind: string; title: string; body: string; link?: string; channels?: string[]; key?: string }): Promise<void>;
}

export interface ModuleContext {
  config: Config;
  db: Kysely<any>;
  dialect: DialectName;
  events: EventBus;
  /** the durable outbox: events written with the change they describe, delivered after commit */
  outbox: Outbox;
  /** one transaction for a command that changes several records (transitions, versions, audit, events) */
  uow: UnitOfWork;
  calendar: WorkingCalendar;
  workflows: WorkflowRunner;
  notifier: Notifier;
  /** read a per-tenant setting with a default (configurable parameters: deadlines, reason lists, …) */
  settings: SettingsReader;
  /** what every module declared in its manifest: roles, settings, entities (links, visibility), jobs, instances */
  contributions: Contributions;
  /** every module's figures (统计数字) for a scope, as an actor may see them (the member record reads others' through it) */
  figures: FigureCatalogue;
  log: { info: (...a: unknown[]) => void; warn: (...a: unknown[]) => void; error: (...a: unknown[]) => void };
}

export interface SettingsReader {
  get<T>(tenantId: string, key: string, fallback: T): Promise<T>;
  set(tenantId: string, key: string, value: unknown, actor: Actor): Promise<void>;
}

/** Data that a module's demo seed may use: the organisations and users created before it. */
export interface SeedContext {
  cityId: string;
  countyIds: Record<string, string>;
  unitIds: Record<string, string>; // government handling units by name
  committeeIds: Record<string, string>; // special committees by name
  sectorIds: Record<string, string>; // 界别 by name
  memberUserIds: string[]; // the ~500 members' user ids in the city
  demoUsers: Record<string, { userId: string; orgId: string; username: string }>; // by demo account name
}

export interface ModuleManifest {
  name: string; // 'proposals'
  label: string; // '提案'
  permissions: PermissionDef[];
  migrations: MigrationDef[];
  workflows?: WorkflowDef<any>[];
  routes?: (app: App, ctx: ModuleContext) => Promise<void> | void;
  /**
   * the module's per-app instance (its services, e.g. the text module's indexes), made once per app before
   * subscriptions and routes; the module reaches it with `ctx.contributions.instance(name)`
   */
  instance?: (ctx: ModuleContext) => object;
  /** subscribe to domain events (notifications, indexing, …) */
  subscribe?: (ctx: ModuleContext) => void;
  /** load demo data into an empty database; runs in manifest order */
  seed?: (ctx: ModuleContext, seed: SeedContext) => Promise<void>;
  /** business roles the module brings (the kernel knows only the three administrator roles) */
  roles?: RoleDef[];
  /** configurable per-tenant parameters shown on the settings page */
  settings?: SettingDecl<any>[];
  /** periodic jobs, started with the app and stopped when it closes */
  jobs?: JobDecl[];
  /** the kinds of record the module owns: label, link, visibility, search sources, attachments */
  entities?: EntityDecl[];
  /** server-push channels (to users, or to everyone in a room) */
  channels?: PushChannelDecl[];
  /** the module's figures (统计数字), read by statistics pages, the member record, dashboards and the annual review */
  figures?: FigureSource;
  /** what the module shows on the public portal (门户), read by the portal module without signing in */
  public?: PublicSource;
  /** columns holding working-day deadlines (besides work items'), moved when a year's holiday schedule is entered */
  dueDates?: DueDateColumn[];
}
