/**
 * The kinds of record the module owns: activities (open to every member of their CPPCC; photos hang on them through
 * the attachments module) and service records (the member's own, or all for those who read all).
 */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import { readsAll } from '../domain/activity-rules.ts';
import { activitiesDb } from './tables.ts';

export const activitiesEntities: EntityDecl[] = [
  {
    type: 'activity', label: '履职活动', labelEn: 'Activity', link: (id) => `/activities/${encodeURIComponent(id)}`,
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const rows = await activitiesDb(ctx.db).selectFrom('activities').select(['id', 'tenant_id']).where('id', 'in', ids).execute();
      return new Set(rows.filter((r) => r.tenant_id === actor.tenantId).map((r) => r.id));
    },
  },
  {
    type: 'activity_service', label: '服务记录', labelEn: 'Service record', link: () => '/activities/services',
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const rows = await activitiesDb(ctx.db).selectFrom('activity_services').select(['id', 'tenant_id', 'user_id']).where('id', 'in', ids).execute();
      return new Set(rows.filter((r) => r.tenant_id === actor.tenantId && (r.user_id === actor.userId || readsAll(actor))).map((r) => r.id));
    },
  },
  {
    // 读书心得 (书香政协): shared with the CPPCC's members (the groups read each other's notes)
    type: 'activity_reading_note', label: '读书心得', labelEn: 'Reading note', link: () => '/activities/reading/notes',
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const rows = await activitiesDb(ctx.db).selectFrom('activity_reading_notes').select(['id', 'tenant_id']).where('id', 'in', ids).execute();
      return new Set(rows.filter((r) => r.tenant_id === actor.tenantId).map((r) => r.id));
    },
  },
  {
    type: 'reading_group', label: '读书群', labelEn: 'Reading group', link: (id) => `/activities/reading/${encodeURIComponent(id)}`,
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const rows = await activitiesDb(ctx.db).selectFrom('activity_reading_groups').select(['id', 'tenant_id']).where('id', 'in', ids).execute();
      return new Set(rows.filter((r) => r.tenant_id === actor.tenantId).map((r) => r.id));
    },
  },
];
