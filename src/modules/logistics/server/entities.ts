/**
 * The kinds of record the module owns: 接待方案, 会务保障清单, 用车申请. Their names, the pages work items and notices
 * link to, their titles (for other modules' links) and which ids an actor may see (search, attachments).
 */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import { canSeeOfficeRecord, canSeeTrip } from '../domain/policy.ts';
import { formatLocal } from '../domain/schedule.ts';
import { logisticsDb } from './tables.ts';

export const logisticsEntities: EntityDecl[] = [
  {
    type: 'logistics_reception', label: '接待方案', labelEn: 'Reception', link: (id) => `/office/receptions/${encodeURIComponent(id)}`,
    async titles(ctx, ids) {
      const rows = await logisticsDb(ctx.db).selectFrom('logistics_receptions').select(['id', 'title']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.title]));
    },
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const rows = await logisticsDb(ctx.db).selectFrom('logistics_receptions').select(['id', 'tenant_id']).where('id', 'in', ids).execute();
      return new Set(rows.filter((r) => canSeeOfficeRecord(r, actor)).map((r) => r.id));
    },
  },
  {
    type: 'logistics_checklist', label: '会务保障清单', labelEn: 'Logistics checklist', link: (id) => `/office/checklists/${encodeURIComponent(id)}`,
    async titles(ctx, ids) {
      const rows = await logisticsDb(ctx.db).selectFrom('logistics_checklists').select(['id', 'title']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.title]));
    },
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const rows = await logisticsDb(ctx.db).selectFrom('logistics_checklists').select(['id', 'tenant_id']).where('id', 'in', ids).execute();
      return new Set(rows.filter((r) => canSeeOfficeRecord(r, actor)).map((r) => r.id));
    },
  },
  {
    type: 'logistics_trip', label: '用车申请', labelEn: 'Vehicle request', link: (id) => `/office/trips/${encodeURIComponent(id)}`,
    async titles(ctx, ids) {
      const rows = await logisticsDb(ctx.db).selectFrom('logistics_trips').select(['id', 'purpose', 'starts_at']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, `${r.purpose}（${formatLocal(r.starts_at)}）`]));
    },
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const rows = await logisticsDb(ctx.db).selectFrom('logistics_trips').select(['id', 'tenant_id', 'owner_user_id']).where('id', 'in', ids).execute();
      return new Set(rows.filter((r) => canSeeTrip(r, actor)).map((r) => r.id));
    },
  },
];
