/**
 * The kinds of record the module owns: the trip (调研视察), as stored in tasks, history, audit and attachments, with its
 * page and which ids an actor may see (the search, the worklist's links and the photos attached to a trip use it).
 */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import { canSeeInspection } from '../domain/inspection-rules.ts';
import { inspectionsDb } from './tables.ts';

export const inspectionsEntities: EntityDecl[] = [
  {
    type: 'inspection', label: '调研视察', labelEn: 'Investigation or inspection', link: (id) => `/inspections/${encodeURIComponent(id)}`,
    async titles(ctx, ids) {
      if (!ids.length) return new Map();
      const rows = await inspectionsDb(ctx.db).selectFrom('inspections').select(['id', 'title']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.title]));
    },
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const db = inspectionsDb(ctx.db);
      const [rows, mine] = await Promise.all([
        db.selectFrom('inspections').select(['id', 'tenant_id', 'lead_committee_id']).where('id', 'in', ids).execute(),
        db.selectFrom('inspection_participants').select('inspection_id').where('inspection_id', 'in', ids).where('user_id', '=', actor.userId).execute(),
      ]);
      const part = new Set(mine.map((m) => m.inspection_id));
      return new Set(rows.filter((r) => canSeeInspection(r, actor, part.has(r.id))).map((r) => r.id));
    },
  },
];
