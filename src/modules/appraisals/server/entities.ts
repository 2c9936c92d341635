/**
 * The kinds of record the module owns, as the manifest declares them: the entity type (as stored in tasks, history and
 * audit), its Chinese name, the page work items (待办) and notifications link to, and which ids an actor may see.
 */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import { viewerOf } from '../domain/appraisals-policy.ts';
import { appraisalsDb } from './tables.ts';

export const appraisalsEntities: EntityDecl[] = [
  {
    type: 'appraisal', label: '民主评议', labelEn: 'Democratic appraisal', link: (id) => `/appraisals/${encodeURIComponent(id)}`,
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const db = appraisalsDb(ctx.db);
      const rows = await db.selectFrom('appraisals').select(['id', 'tenant_id', 'state']).where('id', 'in', ids).execute();
      const units = await db.selectFrom('appraisal_units').select(['appraisal_id', 'unit_id']).where('appraisal_id', 'in', ids).where('unit_id', '=', actor.orgId).execute();
      const mine = new Set(units.map((u) => u.appraisal_id));
      return new Set(rows.filter((r) => viewerOf(r, actor, mine.has(r.id) ? [actor.orgId] : [])).map((r) => r.id));
    },
  },
  {
    // a department's 提交自查报告 work item is keyed by its row of the appraisal; it opens the appraisal
    type: 'appraisal-self-report', label: '民主评议自查报告', labelEn: 'Appraisal self-report',
    async link(id, ctx) {
      const r = await appraisalsDb(ctx.db).selectFrom('appraisal_units').select('appraisal_id').where('id', '=', id).executeTakeFirst();
      return r ? `/appraisals/${encodeURIComponent(r.appraisal_id)}` : '/appraisals';
    },
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const rows = await appraisalsDb(ctx.db).selectFrom('appraisal_units').select(['id', 'tenant_id', 'unit_id']).where('id', 'in', ids).execute();
      return new Set(rows.filter((r) => r.tenant_id === actor.tenantId && r.unit_id === actor.orgId).map((r) => r.id));
    },
  },
];
