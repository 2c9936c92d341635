/**
 * The kinds of record the module owns: a studio (seen by every user of the module in its CPPCC) and its records, each
 * opening the studio's page.
 */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import { studiosDb, type StudiosTables } from './tables.ts';

const entity = (type: string, label: string, labelEn: string, table: keyof StudiosTables, studioCol: 'id' | 'studio_id'): EntityDecl => ({
  type, label, labelEn,
  link: (id) => (studioCol === 'id' ? `/studios/${encodeURIComponent(id)}` : '/studios'),
  async visibleIds(ctx, actor, ids) {
    if (ids.length === 0) return new Set<string>();
    const rows = await studiosDb(ctx.db).selectFrom(table as 'studios').select(['id', 'tenant_id']).where('id', 'in', ids).execute();
    return new Set(rows.filter((r) => r.tenant_id === actor.tenantId).map((r) => r.id));
  },
});

export const studiosEntities: EntityDecl[] = [
  entity('studio', '委员工作室', 'Members\' studio', 'studios', 'id'),
  entity('studio_activity', '工作室活动', 'Studio activity', 'studio_activities', 'studio_id'),
  entity('studio_case', '调解案件', 'Mediation case', 'studio_cases', 'studio_id'),
  entity('studio_loan', '助力贷款', 'Loan', 'studio_loans', 'studio_id'),
  entity('studio_project', '引进项目', 'Project introduced', 'studio_projects', 'studio_id'),
];
