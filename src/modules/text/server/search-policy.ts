/**
 * Who may find an item in the cross-module search (全文检索): the module that owns the record decides. Each module
 * registers one policy per source it indexes; without one, an item is found only by its owner and, in its tenant,
 * by holders of `<source>.read_all`. Policies are kept per database, like the attachments' access policies.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { TextDb } from './tables.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';

/**
 * What the owning module tells about a record the actor may see, for the facets: its current state (状态) and handling
 * unit (承办单位). Missing facts fall back to what the record's last `text.index` carried.
 */
export interface SearchRecordFacts { state?: string | null; stateLabel?: string | null; unitId?: string | null }

/**
 * Of these records (ids in the owning module), which may the actor see? Called with up to a thousand ids at once.
 * A policy may answer with the visible ids, or with a map from each visible id to its current facts.
 */
export type SearchAccessPolicy = (actor: Actor, refIds: string[]) => Promise<ReadonlySet<string> | ReadonlyMap<string, SearchRecordFacts>>;

const registries = new WeakMap<object, Map<string, SearchAccessPolicy>>();

function registryOf(db: AnyModuleDb): Map<string, SearchAccessPolicy> {
  let r = registries.get(db);
  if (!r) registries.set(db, (r = new Map()));
  return r;
}

/** Register the search policy of one source (a module calls this from its `routes` or `subscribe`, with its context). */
export function registerSearchPolicy(ctx: { db: AnyModuleDb }, source: string, policy: SearchAccessPolicy): void {
  registryOf(ctx.db).set(source, policy);
}

export interface CandidateFacts { id: string; source: string; refId: string; tenantId: string; ownerUserId: string | null }

const has = (a: Actor, p: string) => a.permissions.has('*') || a.permissions.has(p);

/** The candidates the actor may see: text item id → the owning module's facts; a failing policy hides its items. */
export async function visibleCandidateFacts(db: TextDb, actor: Actor, items: CandidateFacts[]): Promise<Map<string, SearchRecordFacts>> {
  const out = new Map<string, SearchRecordFacts>();
  const none: SearchRecordFacts = {};
  const bySource = new Map<string, CandidateFacts[]>();
  for (const it of items) {
    if (it.tenantId !== actor.tenantId) continue;
    const list = bySource.get(it.source);
    if (list) list.push(it); else bySource.set(it.source, [it]);
  }
  for (const [source, list] of bySource) {
    const policy = registryOf(db).get(source);
    if (!policy) {
      for (const it of list) if (it.ownerUserId === actor.userId || has(actor, `${source}.read_all`)) out.set(it.id, none);
      continue;
    }
    let allowed: ReadonlySet<string> | ReadonlyMap<string, SearchRecordFacts>;
    try { allowed = await policy(actor, list.map((x) => x.refId)); } catch { allowed = new Set(); }
    if (allowed instanceof Map) {
      for (const it of list) { const f = allowed.get(it.refId); if (f) out.set(it.id, f); }
    } else {
      for (const it of list) if (allowed.has(it.refId)) out.set(it.id, none);
    }
  }
  return out;
}

/** The ids (text item ids) of the candidates the actor may see; a failing policy hides its items. */
export async function visibleCandidates(db: TextDb, actor: Actor, items: CandidateFacts[]): Promise<Set<string>> {
  return new Set((await visibleCandidateFacts(db, actor, items)).keys());
}
