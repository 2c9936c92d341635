/** Per-tenant settings: the parameters that vary between cities (deadlines, reason lists, windows) live here, not in code. */
import type { Kysely } from 'kysely';
import type { Actor } from './actor.ts';
import type { DialectName } from './db/dialect.ts';
import type { SettingsReader } from './module.ts';
import { appendAudit } from './audit.ts';
import { clock } from '../universal/clock.ts';

export function createSettings(db: Kysely<any>, dialect: DialectName): SettingsReader {
  return {
    async get<T>(tenantId: string, key: string, fallback: T): Promise<T> {
      const row = await db.selectFrom('settings').select('value').where('tenant_id', '=', tenantId).where('key', '=', key).executeTakeFirst();
      return row ? (JSON.parse(row.value as string) as T) : fallback;
    },
    async set(tenantId: string, key: string, value: unknown, actor: Actor): Promise<void> {
      const now = clock.iso();
      await db.transaction().execute(async (trx) => {
        const cur = await trx.selectFrom('settings').select('version').where('tenant_id', '=', tenantId).where('key', '=', key).executeTakeFirst();
        if (cur) await trx.updateTable('settings').set({ value: JSON.stringify(value), version: Number(cur.version) + 1, updated_at: now }).where('tenant_id', '=', tenantId).where('key', '=', key).execute();
        else await trx.insertInto('settings').values({ tenant_id: tenantId, key, value: JSON.stringify(value), version: 1, updated_at: now }).execute();
        await appendAudit(trx, dialect, { tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'settings.set', entityType: 'setting', entityId: key, data: { value } });
      });
    },
  };
}
