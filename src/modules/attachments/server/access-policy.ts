/**
 * Who may download an attachment: its uploader, or anyone the owning module says can see the record it belongs to.
 * Each module registers one policy per entity type it owns (AttachmentAccessPolicy); policies are kept per database,
 * so several app instances in one process do not share each other's.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';

/** May this actor see the record (entityType, entityId)? Tenancy and ownership are the owning module's rules. */
export type AttachmentAccessPolicy = (actor: Actor, entityType: string, entityId: string) => Promise<boolean>;

const registries = new WeakMap<object, Map<string, AttachmentAccessPolicy>>();

function registryOf(db: AnyModuleDb): Map<string, AttachmentAccessPolicy> {
  let r = registries.get(db);
  if (!r) registries.set(db, (r = new Map()));
  return r;
}

/** Register the policy for one entity type (a module calls this from its `routes` or `subscribe`, with its context). */
export function registerAttachmentPolicy(ctx: { db: AnyModuleDb }, entityType: string, policy: AttachmentAccessPolicy): void {
  registryOf(ctx.db).set(entityType, policy);
}

export async function canAccessAttachment(
  db: AnyModuleDb,
  actor: Actor,
  a: { created_by: string; tenant_id: string; entity_type: string | null; entity_id: string | null },
): Promise<boolean> {
  if (a.created_by === actor.userId) return true;
  if (!a.entity_type || !a.entity_id) return false;
  const policy = registryOf(db).get(a.entity_type);
  if (!policy) return false;
  try {
    return await policy(actor, a.entity_type, a.entity_id);
  } catch {
    return false;
  }
}
