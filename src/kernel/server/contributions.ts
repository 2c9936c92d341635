/**
 * What a module contributes to the platform, declared in its manifest instead of registered as a side effect:
 * business roles, settings, periodic jobs, entities (label, link, visibility, search text, attachments), push
 * channels and figures. The composition root collects the declarations into one catalogue (`ctx.contributions`).
 */
import type { z } from 'zod';
import type { Actor } from './actor.ts';
import type { ModuleContext } from './module.ts';

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
  /** which of these ids the actor may see; used by search and, without `attachments`, by attachments */
  visibleIds?: EntityAccess['visibleIds'];
  /** search sources whose hits are records of this entity (e.g. 'proposal' and its 'reply'); visibility by visibleIds */
  searchSources?: string[];
  /** may the actor read (or, with 'write', add) attachments of this record; default: visibleIds */
  attachments?(ctx: ModuleContext, actor: Actor, id: string, mode: 'read' | 'write'): Promise<boolean>;
}

/**
 * A stream of server pushes. 'user': to the users an event names (its audience); 'room': to everyone who joined a
 * room (a live deliberation, a meeting), named by the event's `room`.
 */
export interface PushChannelDecl {
  /** the server-sent event name browsers listen to */
  name: string;
  addressedTo: 'user' | 'room';
  /** the domain event types that become pushes on this channel */
  events: readonly string[] | ((type: string) => boolean);
}

/** The scope a figure is counted over. */
export interface FigureScope {
  tenantId: string;
  /** inclusive dates, YYYY-MM-DD */
  from: string;
  to: string;
  /** the 工作年度 when the period is one */
  year?: number;
}

/** One figure (统计数字): a value with the list whose rows it counts. */
export interface Figure {
  /** stable key: '<module>.<name>' */
  key: string;
  /** Chinese label */
  label: string;
  value: number;
  /** 件, 人, 篇, 次, 分, % */
  unit: string;
  /** a share of another figure: the part's key and the percentage (0–100, one decimal) */
  share?: { of: string; percent: number };
  /**
   * where the records behind it are listed: the API path (its `total` equals `value` when counting records) and the
   * web path, both with the same query
   */
  list?: { api: string; web: string; query: Record<string, string> };
}

/** A module's figures for a scope, as the actor may see them. */
export interface FigureSource {
  /** the keys this source produces, with labels, in display order */
  figures: readonly { key: string; label: string; unit: string }[];
  compute(ctx: ModuleContext, scope: FigureScope, actor: Actor): Promise<Figure[]>;
}
