/**
 * The kinds of record the module owns, as the manifest declares them: the entity type (as stored in tasks, history,
 * audit and attachments), its Chinese name, the page work items (待办) and notifications link to, and which ids an
 * actor may see (used by the search and, by default, by attachments).
 */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import { canSeeItem } from '../domain/review-policy.ts';
import { reviewDb } from './tables.ts';

export const reviewEntities: EntityDecl[] = [
  {
    type: 'review_item', label: '工作回眸', labelEn: 'Item', link: (id) => `/review/${encodeURIComponent(id)}`,
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const rows = await reviewDb(ctx.db).selectFrom('review_items').select(['id', 'tenant_id', 'owner_user_id']).where('id', 'in', ids).execute();
      return new Set(rows.filter((r) => canSeeItem(r, actor)).map((r) => r.id));
    },
  },
];
