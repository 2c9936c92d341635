/**
 * Who may find an item in the cross-module search (全文检索): the module that owns the record decides, through the
 * entity it declares in its manifest (`searchSources` and `visibleIds`, read from `ctx.contributions`). For a source
 * no entity claims, an item is found only by its owner and, in its tenant, by holders of `<source>.read_all`.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { RecordFacts, VisibleIds } from '../../../kernel/server/contributions.ts';

/**
 * What the owning module tells about a record the actor may see, for the facets: its current state (状态) and handling
 * unit (承办单位). Missing facts fall back to what the record's last `text.index` carried.
 */
export type SearchRecordFacts = RecordFacts;

/**
 * Of these records (ids in the owning module) of one search source, which may the actor see? Called with up to a
 * thousand ids at once; null when no module claims the source (the default rule applies).
 */
export type SearchVisibility = (actor: Actor, source: string, refIds: string[]) => Promise<VisibleIds | null>;

/** No module claims any source: the default rule for every item. */
export const noSearchVisibility: SearchVisibility = async () => null;

export interface CandidateFacts { id: string; source: string; refId: string; tenantId: string; ownerUserId: string | null }

const has = (a: Actor, p: string) => a.permissions.has('*') || a.permissions.has(p);

/** The candidates the actor may see: text item id → the owning module's facts; a failing rule hides its items. */
export async function visibleCandidateFacts(visibility: SearchVisibility, actor: Actor, items: CandidateFacts[]): Promise<Map<string, SearchRecordFacts>> {
  const out = new Map<string, SearchRecordFacts>();
  const none: SearchRecordFacts = {};
  const bySource = new Map<string, CandidateFacts[]>();
  for (const it of items) {
    if (it.tenantId !== actor.tenantId) continue;
    const list = bySource.get(it.source);
    if (list) list.push(it); else bySource.set(it.source, [it]);
  }
  for (const [source, list] of bySource) {
    let allowed: VisibleIds | null;
    try { allowed = await visibility(actor, source, list.map((x) => x.refId)); } catch { allowed = new Set(); }
    if (!allowed) {
      for (const it of list) if (it.ownerUserId === actor.userId || has(actor, `${source}.read_all`)) out.set(it.id, none);
      continue;
    }
    if (allowed instanceof Map) {
      for (const it of list) { const f = allowed.get(it.refId); if (f) out.set(it.id, f); }
    } else {
      for (const it of list) if (allowed.has(it.refId)) out.set(it.id, none);
    }
  }
  return out;
}

/** The ids (text item ids) of the candidates the actor may see; a failing rule hides its items. */
export async function visibleCandidates(visibility: SearchVisibility, actor: Actor, items: CandidateFacts[]): Promise<Set<string>> {
  return new Set((await visibleCandidateFacts(visibility, actor, items)).keys());
}
