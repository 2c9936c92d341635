/**
 * What a module contributes to the platform, declared in its manifest instead of registered as a side effect:
 * business roles, settings, periodic jobs, entities (label, link, visibility, search text, attachments), push
 * channels and figures. The composition root collects the declarations into one catalogue (`ctx.contributions`).
 */
import type { z } from 'zod';
import type { Actor } from './actor.ts';
import type { ModuleContext } from './module.ts';
import type { DomainEvent } from './events.ts';
import type { Listener } from './realtime/addressing.ts';
import type { Figure, Highlight } from '../universal/figures.ts';

/** A business role a module brings: code in English, names in Chinese and English. */
export interface RoleDef {
  code: string;
  name: string;
  nameEn: string;
  /** one of the three separated administrator roles (三员分立): two-factor sign-in, no business data */
  admin?: boolean;
}

/** A configurable per-tenant parameter (系统参数), shown and validated on the settings page. */
export interface SettingDecl<T = unknown> {
  /** stable key, '<module>.<name>' */
  key: string;
  /** Chinese label */
  label: string;
  schema: z.ZodType<T>;
  default: T;
}

/**
 * A periodic job run on every instance (each run must be safe when several instances run it). The kernel owns the
 * timers: the first run comes `firstAfterMs` after the app started its outbox, the next `everyMs` after a run ends, so
 * runs of one job never overlap on one instance; closing the app stops the timers and waits for a run under way.
 */
export interface JobDecl {
  name: string;
  /** Chinese label, for logs */
  label: string;
  everyMs: number;
  /** delay of the first run after start (default: min(everyMs, 60 s)) */
  firstAfterMs?: number;
  run(ctx: ModuleContext): Promise<unknown>;
}

/** What the owning module tells about a visible record, for the search facets: its current state and handling unit. */
export interface RecordFacts { state?: string | null; stateLabel?: string | null; unitId?: string | null }

/** Of these ids, those the actor may see: a set, or a map from each visible id to its current facts. */
export type VisibleIds = ReadonlySet<string> | ReadonlyMap<string, RecordFacts>;

/** What a record's search hit or attachment may show to an actor. */
export interface EntityAccess {
  /** of the given ids (up to a thousand at once), those the actor may see (optionally with facts the search shows) */
  visibleIds(ctx: ModuleContext, actor: Actor, ids: string[]): Promise<VisibleIds>;
}

/** A kind of record a module owns: its type, name, page, who may see which ids, search sources and attachments. */
export interface EntityDecl {
  /** entity type as stored in tasks, history and attachments: 'proposal', 'opinion', … */
  type: string;
  /** Chinese name: 提案 */
  label: string;
  labelEn?: string;
  /**
   * web path of one record's page, which work items (待办) and notifications link to; a work item on a part of a
   * record (a 承办任务 of a proposal) may look up the record it belongs to
   */
  link(id: string, ctx: ModuleContext): string | Promise<string>;
  /**
   * what people call each of these records (a 提案's number and title, a user's name), for lists that name records by
   * their ids, such as the audit log; ids it does not know are left out
   */
  titles?(ctx: ModuleContext, ids: string[]): Promise<ReadonlyMap<string, string>>;
  /** which of these ids the actor may see; used by search and, without `attachments`, by attachments */
  visibleIds?: EntityAccess['visibleIds'];
  /** search sources whose hits are records of this entity (e.g. 'proposal' and its 'reply'); visibility by visibleIds */
  searchSources?: string[];
  /** may the actor read (or, with 'write', add) attachments of this record; default: visibleIds */
  attachments?(ctx: ModuleContext, actor: Actor, id: string, mode: 'read' | 'write'): Promise<boolean>;
  /**
   * 交办记录: the tenant's records of this kind that a person assigned to a handling unit, each with its text and the
   * unit of the latest decision, read from the owning module's tables (the unit suggestion learns from them)
   */
  assignmentHistory?(ctx: ModuleContext, tenantId: string): Promise<AssignedText[]>;
  /** the ids of the records that are one with this one (并案: merged into it, or merged with it into another), itself included */
  sameRecords?(ctx: ModuleContext, id: string): Promise<string[]>;
  /**
   * the notice of a work item (待办) a state of one of these records opened, when the owning module words it itself so
   * that one notice carries both the work and what the step says (a 退回修改 names its reason); null for the common
   * 「新待办」 notice
   */
  taskNotice?(ctx: ModuleContext, task: TaskNoticeFacts): Promise<OwnTaskNotice | null>;
}

/** The work item a record's step opened, as the owning module's `taskNotice` sees it. */
export interface TaskNoticeFacts {
  entityId: string;
  /** the state that opened the work item */
  state: string;
  label: string;
  title: string;
  dueDate: string | null;
  /** the instant of the step (the event's), to find the step's own history entry */
  at?: string;
}

/** A work item's notice as the owning module words it. */
export interface OwnTaskNotice { title: string; body: string }

/** One decided assignment (交办) of a record: its id, its text (title and body) and the handling unit chosen. */
export interface AssignedText {
  id: string;
  text: string;
  unitId: string;
}

/**
 * A stream of server pushes (实时推送频道), named by the server-sent event browsers listen to. The hub in
 * `kernel/server/realtime` pushes every broadcast event whose type the channel takes, on every instance:
 * - `addressedTo: 'user'`: to the connected users the event's `audience` includes;
 * - `addressedTo: 'room'`: to everyone whose stream joined the room the event names (`roomOf`, by default
 *   `payload.room`). A browser joins with `GET /api/events/stream?rooms=<channel>:<key>,…`; each join is checked by
 *   `canJoin` when the stream opens (a refused join refuses the stream with 403).
 *
 * An event that records a change reaches the channel through the outbox (`Work.emit`, `Outbox.write`): at least once,
 * after commit. A push worth nothing after a moment (a reaction count, someone typing) may be sent with
 * `EventBus.publish` instead: at most once, lost by a browser that is not connected at that instant.
 */
export type PushChannelDecl = UserPushChannel | RoomPushChannel;

interface PushChannelBase {
  /** the server-sent event name browsers listen to: lower-case letters, digits and dashes, unique across modules */
  name: string;
  /** the domain event types that become pushes on this channel */
  events: readonly string[] | ((type: string) => boolean);
  /**
   * what one listener receives for an event (default: type, entity, payload and time); null sends nothing to that
   * listener (e.g. a notification's item for another user)
   */
  data?(e: DomainEvent, to: Listener): unknown;
}

/** Pushes to the users an event's audience names (their own worklist, their inbox). */
export interface UserPushChannel extends PushChannelBase {
  addressedTo: 'user';
}

/** Pushes to everyone who joined a room (a live deliberation, a meeting), on any instance. */
export interface RoomPushChannel extends PushChannelBase {
  addressedTo: 'room';
  /** may this actor join the room with this key? Refused joins answer 403. */
  canJoin(ctx: ModuleContext, actor: Actor, key: string): Promise<boolean> | boolean;
  /** the room key an event is pushed to; default `payload.room`; null pushes it nowhere */
  roomOf?(e: DomainEvent): string | null;
  /** Chinese name of the room kind, for the refusal message (e.g. 协商议题) */
  label?: string;
}

/**
 * The scope a figure is counted over: an organisation (the tenant, a CPPCC) and a period; with `subject`, one member's
 * own figures (履职) in that organisation and period instead of the organisation's.
 */
export interface FigureScope {
  tenantId: string;
  /** inclusive dates, YYYY-MM-DD */
  from: string;
  to: string;
  /** the 工作年度 when the period is one (figures counted by year, such as proposals by session year, need it) */
  year?: number;
  /** a member's own figures */
  subject?: { userId: string };
}

/** One figure (统计数字): a value with the list whose rows it counts. The shape is shared with contracts and pages. */
export type { Figure, FigureList, Highlight } from '../universal/figures.ts';

/** What a source declares of one figure: its key, label and unit, and whether it is an organisation's or a member's. */
export interface FigureDecl {
  /** stable key: '<module>.<name>' */
  key: string;
  label: string;
  unit: string;
  /** 'organisation': counted over the tenant; 'member': counted over `scope.subject` */
  scope: 'organisation' | 'member';
  /**
   * 需关注: the figure counts what is late or waiting too long (overdue replies, results still missing), so a dashboard
   * shows it among what needs attention; a nonzero value is the bad news (decision 0046)
   */
  attention?: boolean;
  /**
   * A family of figures, one for each special committee (专委会) of the CPPCC (decision 0087): the key has one segment
   * `*` standing for the committee's id (`opinions.committee.*.submitted`), the source answers a figure for each
   * committee with that segment filled in and `part` naming the committee; the declaration itself is never a figure.
   */
  per?: 'committee';
}

/** The figures a family declaration (`per`) stands for: its key with the `*` segment as any one segment. */
export function familyPattern(d: FigureDecl): RegExp | null {
  if (!d.per) return null;
  return new RegExp(`^${d.key.split('.').map((s) => (s === '*' ? '[^.]+' : s.replace(/[^a-z0-9_]/g, ''))).join('\\.')}$`);
}

/**
 * A module's figures for a scope, as the actor may see them. The source decides what the actor may see: it returns no
 * figures (not an error) for an actor who may not read them. It computes every figure with the same definition its own
 * pages use, so the same key has the same value wherever it is shown.
 */
export interface FigureSource {
  /** the keys this source produces, with labels, in display order */
  figures: readonly FigureDecl[];
  compute(ctx: ModuleContext, scope: FigureScope, actor: Actor): Promise<Figure[]>;
  /**
   * The notable records (重点记录) of an organisation's period, at most `limit` of each kind, newest first; none for an
   * actor who may not read them. The annual review shows them under its sections.
   */
  highlights?(ctx: ModuleContext, scope: FigureScope, actor: Actor, limit: number): Promise<Highlight[]>;
  /**
   * Optional: the figures of several periods of one scope at once (a trend's twelve months), one list per scope in the
   * order given, each exactly what `compute` answers for that scope alone (decision 0054). A source counts them in
   * one grouped query per figure (`kernel/server/db/periods.ts`) rather than one per period; without it the catalogue
   * asks `compute` once per period.
   */
  computePeriods?(ctx: ModuleContext, scopes: readonly FigureScope[], actor: Actor): Promise<Figure[][]>;
  /**
   * Optional: the member figures (scope 'member') of many members of one period at once, the value of each key per
   * member exactly what `compute` answers with `subject: { userId }` (a member missing from the map, or a key missing
   * from a member's record, counts 0). A source counts them in one grouped query per figure (GROUP BY user) rather than
   * one per member; without it the catalogue asks `compute` once per member (the duty score, decision 0062). The caller
   * has already decided the actor may read every one of these members' figures.
   */
  computeMembers?(ctx: ModuleContext, scope: FigureScope, userIds: readonly string[]): Promise<Map<string, Record<string, number>>>;
}

/** One record a module shows on the public portal (门户): a row of a section's list. */
export interface PublicItem {
  id: string;
  title: string;
  /** the date the public sees (published, held, answered), YYYY-MM-DD */
  date: string;
  /** a line or two under the title, plain text */
  summary?: string;
  /** where the item's page is when the owning module serves it itself (a public proposal's page); else the portal's */
  href?: string;
}

/** A record's public page as the portal renders it: the owning module has already sanitised `html`. */
export interface PublicItemPage extends PublicItem {
  /** the body, sanitised HTML (the owning module is responsible: nothing in it may run as script) */
  html: string;
  /** the page's description for search engines and shared links, plain text */
  description?: string;
  /** e.g. the column or kind, shown above the title */
  kicker?: string;
}

/**
 * A section of the public portal (门户) a module fills, without signing in: 要闻动态, 通知公告, 已公开提案, open
 * consultations. The portal module renders every declared section and caches its pages; a section names the domain
 * events that change it, so the portal drops its cached pages when one of them is written (through the outbox).
 */
export interface PublicSection {
  /** stable key, '<module>.<name>', also the path segment of the section's pages */
  key: string;
  /** Chinese title: 要闻动态 */
  title: string;
  titleEn?: string;
  /** lower first on the portal's home (default 100) */
  order?: number;
  /** domain event types whose writing changes what this section shows */
  events: readonly string[];
  /** a page of the tenant's public items, newest first */
  list(ctx: ModuleContext, tenantId: string, page: { limit: number; offset: number }): Promise<{ items: PublicItem[]; total: number }>;
  /** one public item's page; null when it does not exist or is not public (the portal answers 404) */
  item?(ctx: ModuleContext, tenantId: string, id: string): Promise<PublicItemPage | null>;
}

/**
 * Sections that differ from one CPPCC to another (a CPPCC's own news columns): asked for the CPPCC's sections when
 * the portal renders one of its pages (a cache miss). `events` drop the CPPCC's cached pages when the set changes.
 */
export interface TenantPublicSections {
  /** events that change a CPPCC's set of sections (the portal drops all the CPPCC's pages) */
  events: readonly string[];
  /** every event the sections it gives may name in their `events` (the portal listens for them) */
  sectionEvents: readonly string[];
  /** the CPPCC's sections beyond the declared ones, keys '<module>.<name>'; a key the declared sections use is ignored */
  sectionsFor(ctx: ModuleContext, tenantId: string): Promise<readonly PublicSection[]>;
}

/** What a module shows on the public portal. */
export interface PublicSource {
  sections: readonly PublicSection[];
  /** the per-CPPCC section hook */
  perTenant?: TenantPublicSections;
}
