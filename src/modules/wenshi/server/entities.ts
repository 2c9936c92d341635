/**
 * The kinds of record the module owns: 文史资料 (materials, with their search source and attachments) and 辑刊 (issues).
 * `visibleIds` answers the search and the attachments module with the same policy as the module's own lists.
 */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import { readsAll } from '../domain/wenshi-policy.ts';
import { canSeeMaterial } from '../domain/wenshi-policy.ts';
import { MATERIAL_SOURCE } from './commands.ts';
import { wenshiDb } from './tables.ts';

export const wenshiEntities: EntityDecl[] = [
  {
    type: 'wenshi_material', label: '文史资料', labelEn: 'Historical material', link: (id) => `/wenshi/${encodeURIComponent(id)}`,
    searchSources: [MATERIAL_SOURCE],
    async titles(ctx, ids) {
      if (!ids.length) return new Map();
      const rows = await wenshiDb(ctx.db).selectFrom('wenshi_materials').select(['id', 'title']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.title]));
    },
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const rows = await wenshiDb(ctx.db).selectFrom('wenshi_materials').select(['id', 'tenant_id', 'owner_user_id', 'published']).where('id', 'in', ids).execute();
      return new Set(rows.filter((r) => canSeeMaterial(r, actor)).map((r) => r.id));
    },
  },
  {
    type: 'wenshi_issue', label: '《长治文史》辑刊', labelEn: 'Issue of Changzhi Wenshi', link: (id) => `/wenshi/issues/${encodeURIComponent(id)}`,
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const rows = await wenshiDb(ctx.db).selectFrom('wenshi_issues').select(['id', 'tenant_id', 'published']).where('id', 'in', ids).execute();
      return new Set(rows.filter((r) => r.tenant_id === actor.tenantId && (readsAll(actor) || Number(r.published) === 1)).map((r) => r.id));
    },
  },
];
