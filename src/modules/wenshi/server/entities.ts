/**
 * The kinds of record the module owns, as the manifest declares them: the entity type (as stored in tasks, history,
 * audit and attachments), its Chinese name, the page work items (待办) and notifications link to, and which ids an
 * actor may see (used by the search and, by default, by attachments).
 */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import { canSeeItem } from '../domain/wenshi-policy.ts';
import { wenshiDb } from './tables.ts';

export const wenshiEntities: EntityDecl[] = [
  {
    type: 'wenshi_item', label: '文史资料', labelEn: 'Item', link: (id) => `/wenshi/${encodeURIComponent(id)}`,
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const rows = await wenshiDb(ctx.db).selectFrom('wenshi_items').select(['id', 'tenant_id', 'owner_user_id']).where('id', 'in', ids).execute();
      return new Set(rows.filter((r) => canSeeItem(r, actor)).map((r) => r.id));
    },
  },
];
