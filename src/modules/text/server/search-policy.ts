/**
 * Who may find an item in the cross-module search (全文检索): the module that owns the record decides. Each module
 * registers one policy per source it indexes; without one, an item is found only by its owner and, in its tenant,
 * by holders of `<source>.read_all`. Policies are kept per database, like the attachments' access policies.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../../kernel/server/actor.ts';

/** Of these records (ids in the owning module), which may the actor see? Called with up to a few hundred ids at once. */
export type SearchAccessPolicy = (actor: Actor, refIds: string[]) => Promise<Set<string>>;

const registries = new WeakMap<object, Map<string, SearchAccessPolicy>>();

function registryOf(db: Kysely<any>): Map<string, SearchAccessPolicy> {
  let r = registries.get(db);
  if (!r) registries.set(db, (r = new Map()));
  return r;
}

/** Register the search policy of one source (a module calls this from its `routes` or `subscribe`, with its context). */
export function registerSearchPolicy(ctx: { db: Kysely<any> }, source: string, policy: SearchAccessPolicy): void {
  registryOf(ctx.db).set(source, policy);
}

export interface CandidateFacts { id: string; source: string; refId: string; tenantId: string; ownerUserId: string | null }

const has = (a: Actor, p: string) => a.permissions.has('*') || a.permissions.has(p);

/** The ids (text item ids) of the candidates the actor may see; a failing policy hides its items. */
export async function visibleCandidates(db: Kysely<any>, actor: Actor, items: CandidateFacts[]): Promise<Set<string>> {
  const out = new Set<string>();
  const bySource = new Map<string, CandidateFacts[]>();
  for (const it of items) {
    if (it.tenantId !== actor.tenantId) continue;
    const list = bySource.get(it.source);
    if (list) list.push(it); else bySource.set(it.source, [it]);
  }
  for (const [source, list] of bySource) {
    const policy = registryOf(db).get(source);
    if (!policy) {
      for (const it of list) if (it.ownerUserId === actor.userId || has(actor, `${source}.read_all`)) out.add(it.id);
      continue;
    }
    let allowed: Set<string>;
    try { allowed = await policy(actor, list.map((x) => x.refId)); } catch { allowed = new Set(); }
    for (const it of list) if (allowed.has(it.refId)) out.add(it.id);
  }
  return out;
}
