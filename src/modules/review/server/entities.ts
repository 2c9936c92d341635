/**
 * The kind of record the module owns: the annual review document (工作回眸), linked from work items (待审定, 待发布) to
 * the review page of its year.
 */
import { can } from '../../../kernel/server/actor.ts';
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import { reviewPermissions } from '../domain/review-lifecycle.ts';
import { reviewDb } from './tables.ts';

export const reviewEntities: EntityDecl[] = [
  {
    type: 'review_document', label: '工作回眸', labelEn: 'Annual review', link: (id) => `/review?doc=${encodeURIComponent(id)}`,
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0 || !can(actor, reviewPermissions.read)) return new Set<string>();
      const rows = await reviewDb(ctx.db).selectFrom('review_documents').select(['id', 'tenant_id']).where('id', 'in', ids).execute();
      return new Set(rows.filter((r) => r.tenant_id === actor.tenantId).map((r) => r.id));
    },
  },
];
