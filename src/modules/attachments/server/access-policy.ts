/**
 * Who may download an attachment: its uploader, or anyone the owning module says can see the record it belongs to.
 * The owning module declares the record's entity in its manifest (`attachments`, or else `visibleIds`); the app's
 * catalogue (`ctx.contributions`) answers for it.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';

export async function canAccessAttachment(
  ctx: Pick<ModuleContext, 'contributions'>,
  actor: Actor,
  a: { created_by: string; tenant_id: string; entity_type: string | null; entity_id: string | null },
): Promise<boolean> {
  if (a.created_by === actor.userId) return true;
  if (!a.entity_type || !a.entity_id) return false;
  try {
    return await ctx.contributions.attachmentAccess(actor, a.entity_type, a.entity_id, 'read');
  } catch {
    return false;
  }
}
