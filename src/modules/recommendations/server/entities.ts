/**
 * The kinds of record the module owns, as the manifest declares them: the entity type (as stored in tasks, history,
 * audit and attachments), its Chinese name, the page work items (待办) and notifications link to, and which ids an
 * actor may see (used by the search and by attachments: the evidence of a reply is read by whoever sees the record).
 */
import type { EntityAccess, EntityDecl } from '../../../kernel/server/contributions.ts';
import { canSeeItem } from '../domain/recommendations-policy.ts';
import { recommendationsDb } from './tables.ts';

const link = (id: string) => `/recommendations/${encodeURIComponent(id)}`;

const visibleIds: EntityAccess['visibleIds'] = async (ctx, actor, ids) => {
  if (ids.length === 0) return new Set<string>();
  const rows = await recommendationsDb(ctx.db).selectFrom('recommendations').select(['id', 'tenant_id', 'unit_id']).where('id', 'in', ids).execute();
  return new Set(rows.filter((r) => canSeeItem(r, actor)).map((r) => r.id));
};

export const recommendationsEntities: EntityDecl[] = [
  { type: 'recommendation', label: '建议落实', labelEn: 'Recommendation', link, visibleIds },
  // the office's work item on a department's extension request opens the recommendation
  { type: 'recommendation_extension', label: '建议落实延期申请', labelEn: 'Extension request', link, visibleIds },
];
