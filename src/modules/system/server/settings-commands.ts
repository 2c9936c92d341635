/** Reading and changing per-tenant settings declared in the manifests (`ctx.contributions.settings`), with an optimistic version check and audit. */
import { AppError, notFound, versionConflict } from '../../../kernel/universal/errors.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import { appendAudit } from '../../../kernel/server/audit.ts';
import { isUniqueViolation } from '../../../kernel/server/db/dialect.ts';
import { toAppError } from '../../../kernel/server/http/validation.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { SettingDecl } from '../../../kernel/server/contributions.ts';
import type { Owned } from '../../../kernel/server/contributions-catalogue.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { systemDb } from './tables.ts';

type Ctx = Pick<ModuleContext, 'db' | 'dialect' | 'contributions'>;

/** A declared setting and the module that declares it. */
export type SettingDef = Owned<SettingDecl>;

export interface StoredSetting { def: SettingDef; value: unknown; isDefault: boolean; version: number; updatedAt: string | null }

function defOf(ctx: Ctx, key: string): SettingDef {
  const def = ctx.contributions.settings.get(key);
  if (!def) throw notFound(`系统参数「${key}」`);
  return def;
}

export async function readSetting(ctx: Ctx, tenantId: string, key: string): Promise<StoredSetting> {
  const def = defOf(ctx, key);
  const row = await ctx.db.selectFrom('settings').select(['value', 'version', 'updated_at']).where('tenant_id', '=', tenantId).where('key', '=', key).executeTakeFirst();
  if (!row) return { def, value: def.default, isDefault: true, version: 0, updatedAt: null };
  return { def, value: JSON.parse(String(row.value)), isDefault: false, version: Number(row.version), updatedAt: String(row.updated_at) };
}

export async function listSettings(ctx: Ctx, tenantId: string): Promise<StoredSetting[]> {
  const keys = [...ctx.contributions.settings.keys()].sort();
  return Promise.all(keys.map((k) => readSetting(ctx, tenantId, k)));
}

/**
 * 修改系统参数. `version` is the version the caller read (0 when it was the default); a stale version gets a 409.
 * Without a version the write is unconditional.
 */
export async function writeSetting(ctx: Ctx, actor: Actor, key: string, value: unknown, version: number | undefined, ip?: string): Promise<StoredSetting> {
  const def = defOf(ctx, key);
  const parsed = def.schema.safeParse(value);
  if (!parsed.success) {
    const err = toAppError(def.schema, parsed.error, 'body');
    throw new AppError('VALIDATION_FAILED', `「${def.label}」${err.message.replace(/^「[^」]*」/, '')}`, { field: 'value', details: err.details?.map((d) => ({ field: d.field ? `value.${d.field}` : 'value', message: d.message })) });
  }
  const now = clock.iso();
  const json = JSON.stringify(parsed.data);
  const tenantId = actor.tenantId;
  let newVersion = 0;
  try {
    await systemDb(ctx.db).transaction().execute(async (trx) => {
      const cur = await trx.selectFrom('settings').select(['version', 'value']).where('tenant_id', '=', tenantId).where('key', '=', key).executeTakeFirst();
      const curVersion = cur ? Number(cur.version) : 0;
      if (version !== undefined && version !== curVersion) throw versionConflict(`系统参数「${def.label}」`);
      newVersion = curVersion + 1;
      if (cur) {
        const r = await trx.updateTable('settings').set({ value: json, version: newVersion, updated_at: now })
          .where('tenant_id', '=', tenantId).where('key', '=', key).where('version', '=', curVersion).executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw versionConflict(`系统参数「${def.label}」`);
      } else {
        await trx.insertInto('settings').values({ tenant_id: tenantId, key, value: json, version: newVersion, updated_at: now }).execute();
      }
      await appendAudit(trx, ctx.dialect, {
        tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'settings.set', entityType: 'setting', entityId: key,
        data: { value: parsed.data, before: cur ? JSON.parse(String(cur.value)) : null, version: newVersion }, ip,
      });
    });
  } catch (e) {
    // two first writes of the same key at once: the loser saw no row and collided on insert
    if (isUniqueViolation(e)) throw versionConflict(`系统参数「${def.label}」`);
    throw e;
  }
  return { def, value: parsed.data, isDefault: false, version: newVersion, updatedAt: now };
}
