/** The kinds of record the module owns: a drive (公益活动), seen by every user of the module in its CPPCC. */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import { charityDb } from './tables.ts';

export const charityEntities: EntityDecl[] = [
  {
    type: 'charity_drive', label: '公益活动', labelEn: 'Charity drive', link: (id) => `/charity/${encodeURIComponent(id)}`,
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const rows = await charityDb(ctx.db).selectFrom('charity_drives').select(['id', 'tenant_id']).where('id', 'in', ids).execute();
      return new Set(rows.filter((r) => r.tenant_id === actor.tenantId).map((r) => r.id));
    },
  },
];
