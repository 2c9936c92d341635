/** Demo 门户设置 of the city CPPCC: its portal's line under the title, its contact and the order of its sections. */
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { portalSettingsSchema } from '../domain/portal-settings.ts';
import { portalDb } from './tables.ts';

export async function seedPortal(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  const db = portalDb(ctx.db);
  const office = seed.demoUsers.office;
  if (!office || await db.selectFrom('portal_settings').select('id').where('id', '=', seed.cityId).executeTakeFirst()) return;
  const settings = portalSettingsSchema.parse({
    subtitle: '协商民主 · 履职为民',
    contact: {
      address: '山西省长治市潞州区英雄中路市民主党派大楼', postcode: '046000', phone: '0355-2196110', email: 'czzx@changzhi.example.cn',
      hours: '工作日 上午 8:30–12:00，下午 14:30–17:30（法定节假日除外）',
      note: '欢迎通过「网络征集」和「网络议政」栏目参与协商议政。反映社情民意请联系您身边的政协委员。',
    },
    // the news columns first (when the news module declares them), then the proposals and the consultations
    sections: [],
  });
  await db.insertInto('portal_settings').values({
    id: seed.cityId, tenant_id: seed.cityId, settings: JSON.stringify(settings), version: 1, updated_at: clock.iso(), updated_by: office.userId,
  }).execute();
}
