/**
 * The kinds of record the module owns: the trip (调研视察), as stored in tasks, history, audit and attachments, with its
 * page and which ids an actor may see (the search, the worklist's links and the photos attached to a trip use it).
 */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import { canSeeInspection } from '../domain/inspection-rules.ts';
import { jsonList } from './repository.ts';
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
  {
    // 批示: a leader's instruction on a sent report; its document (批示件) is attached to it. Whoever sees the trip reads
    // it, and so does a department responsible for a recommendation it concerns (which sees the 批示 on its worklist
    // through the tracker, not the trip itself). Files are linked by the recording command only, never added later.
    type: 'inspection_instruction', label: '调研视察批示', labelEn: 'Instruction on an inspection report',
    async link(id, ctx) {
      const row = await inspectionsDb(ctx.db).selectFrom('inspection_instructions').select('inspection_id').where('id', '=', id).executeTakeFirst();
      return row ? `/inspections/${encodeURIComponent(row.inspection_id)}` : '/inspections';
    },
    async attachments(ctx, actor, id, mode) {
      if (mode !== 'read') return false;
      const db = inspectionsDb(ctx.db);
      const i = await db.selectFrom('inspection_instructions').select(['inspection_id', 'tenant_id', 'recommendation_nos']).where('id', '=', id).executeTakeFirst();
      if (!i || i.tenant_id !== actor.tenantId) return false;
      const trip = await db.selectFrom('inspections').select(['id', 'tenant_id', 'lead_committee_id']).where('id', '=', i.inspection_id).executeTakeFirst();
      if (!trip) return false;
      const mine = await db.selectFrom('inspection_participants').select('id').where('inspection_id', '=', trip.id).where('user_id', '=', actor.userId).executeTakeFirst();
      if (canSeeInspection(trip, actor, !!mine)) return true;
      const nos = i.recommendation_nos ? new Set(JSON.parse(i.recommendation_nos) as number[]) : null;
      const recs = await db.selectFrom('inspection_findings').select(['seq', 'unit_ids']).where('inspection_id', '=', trip.id).where('type', '=', 'recommendation').execute();
      return recs.some((f) => (!nos || nos.has(Number(f.seq))) && jsonList(f.unit_ids).includes(actor.orgId));
    },
  },
];
