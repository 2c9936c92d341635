/**
 * The kinds of record the module owns, as the manifest declares them: the entity type (as stored in history and
 * audit), its Chinese name, the page links open, and which ids an actor may see.
 */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import { canSeeItem } from '../domain/surveys-policy.ts';
import { surveysDb } from './tables.ts';

export const surveysEntities: EntityDecl[] = [
  {
    type: 'survey', label: '网络征集', labelEn: 'Survey', link: (id) => `/surveys/${encodeURIComponent(id)}`,
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const rows = await surveysDb(ctx.db).selectFrom('surveys_items').select(['id', 'tenant_id', 'owner_user_id']).where('id', 'in', ids).execute();
      return new Set(rows.filter((r) => canSeeItem(r, actor)).map((r) => r.id));
    },
  },
];
