/**
 * 门户设置 as stored: read (the defaults when the office never saved any) and saved under the optimistic version in a
 * unit of work, with its audit record and the `portal.settings_changed` event, which drops the CPPCC's cached pages
 * on every instance.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { isUniqueViolation } from '../../../kernel/server/db/dialect.ts';
import { versionConflict } from '../../../kernel/universal/errors.ts';
import { emptyPortalSettings, portalSettingsSchema, type PortalSettings } from '../domain/portal-settings.ts';
import { portalDb } from './tables.ts';

export const PORTAL_SETTINGS_CHANGED = 'portal.settings_changed';

export async function readPortalSettings(ctx: Pick<ModuleContext, 'db'>, tenantId: string): Promise<{ settings: PortalSettings; version: number }> {
  const row = await portalDb(ctx.db).selectFrom('portal_settings').select(['settings', 'version']).where('id', '=', tenantId).executeTakeFirst();
  if (!row) return { settings: emptyPortalSettings(), version: 0 };
  // a stored value the schema no longer takes (a field added since) is read with the defaults filled in
  const parsed = portalSettingsSchema.safeParse(JSON.parse(row.settings));
  return { settings: parsed.success ? parsed.data : emptyPortalSettings(), version: Number(row.version) };
}

/** Save a CPPCC's settings read at `version` (0: never saved); another save in between is a 409. */
export async function savePortalSettings(ctx: ModuleContext, actor: Actor, version: number, settings: PortalSettings, ip?: string): Promise<void> {
  const tenantId = actor.tenantId;
  try {
    await ctx.uow.run(async (w) => {
      const json = JSON.stringify(settings);
      if (version === 0) {
        await w.trx.insertInto('portal_settings').values({ id: tenantId, tenant_id: tenantId, settings: json, version: 1, updated_at: w.now, updated_by: actor.userId }).execute();
      } else {
        await w.bumpVersion('portal_settings', tenantId, version, { settings: json, updated_at: w.now, updated_by: actor.userId }, '门户设置');
      }
      await w.audit({ tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'portal.settings', entityType: 'portal_settings', entityId: tenantId, data: { version: version + 1 }, ip });
      await w.emit({ type: PORTAL_SETTINGS_CHANGED, tenantId, entityType: 'portal_settings', entityId: tenantId, actorId: actor.userId, payload: { version: version + 1 } });
    });
  } catch (err) {
    // two first saves at once: the second finds the row the first wrote
    if (version === 0 && isUniqueViolation(err)) throw versionConflict('门户设置');
    throw err;
  }
}
