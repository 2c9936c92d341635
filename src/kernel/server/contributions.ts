/**
 * What a module contributes to the platform, declared in its manifest instead of registered as a side effect:
 * business roles, settings, periodic jobs, entities (label, link, visibility, search text, attachments), push
 * channels and figures. The composition root collects the declarations into one catalogue (`ctx.contributions`).
 */
import type { z } from 'zod';
import type { Actor } from './actor.ts';
import type { ModuleContext } from './module.ts';
import type { Figure } from '../universal/figures.ts';

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

/** A periodic job run on every instance (each run must be safe when several instances run it). */
export interface JobDecl {
  name: string;
  /** Chinese label, for logs */
  label: string;
  everyMs: number;
  /** delay of the first run after start (default: min(everyMs, 60 s)) */
  firstAfterMs?: number;
  run(ctx: ModuleContext): Promise<unknown>;
}

/** What a record's search hit or attachment may show to an actor. */
export interface EntityAccess {
  /** of the given ids, those the actor may see (optionally with facts the search page shows) */
  visibleIds(ctx: ModuleContext, actor: Actor, ids: string[]): Promise<ReadonlySet<string> | ReadonlyMap<string, { state?: string | null; stateLabel?: string | null; unitId?: string | null }>>;
}

/** A kind of record a module owns: its type, name, page, who may see which ids, search sources and attachments. */
export interface EntityDecl {
  /** entity type as stored in tasks, history and attachments: 'proposal', 'opinion', … */
  type: string;
  /** Chinese name: 提案 */
  label: string;
  labelEn?: string;
  /** web path of one record */
  link(id: string): string;
  /** which of these ids the actor may see; used by search, attachments and links */
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
export type { Figure, FigureList } from '../universal/figures.ts';

/** What a source declares of one figure: its key, label and unit, and whether it is an organisation's or a member's. */
export interface FigureDecl {
  /** stable key: '<module>.<name>' */
  key: string;
  label: string;
  unit: string;
  /** 'organisation': counted over the tenant; 'member': counted over `scope.subject` */
  scope: 'organisation' | 'member';
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
}
