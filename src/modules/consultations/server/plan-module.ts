/**
 * What 协商选题 and 年度协商计划 add to the module's manifest: permissions, migrations, lifecycles, entities, figures,
 * routes, the proposer's notices and the demo plan. `withPlan` merges them into the manifest it is given.
 */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import type { ModuleManifest } from '../../../kernel/server/module.ts';
import { planLifecycle, planPermissions, topicLifecycle } from '../domain/plan-lifecycle.ts';
import { withPlanFigures } from './plan-figures.ts';
import { planMigrations } from './plan-migrations.ts';
import { subscribePlanNotices } from './plan-notices.ts';
import { canSeePlan, canSeeTopic } from './plan-repository.ts';
import { planRoutes } from './plan-routes.ts';
import { seedPlan } from './plan-seed.ts';
import { planDb } from './plan-tables.ts';

export const planPermissionDefs: ModuleManifest['permissions'] = [
  { code: planPermissions.propose, name: '提出协商选题', defaultRoles: ['committee_staff', 'office_staff'] },
  { code: planPermissions.manage, name: '整理协商选题、编制和调整年度协商计划', defaultRoles: ['office_staff'] },
  { code: planPermissions.approve, name: '审定年度协商计划（主席会议）', defaultRoles: ['leader'] },
  { code: planPermissions.read, name: '查看已审定的年度协商计划', defaultRoles: ['member', 'committee_staff', 'office_staff', 'leader'] },
];

export const planEntities: EntityDecl[] = [
  {
    type: 'consultation_topic', label: '协商选题', labelEn: 'Consultation topic', link: (id) => `/consultations/topics/${encodeURIComponent(id)}`,
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const rows = await planDb(ctx.db).selectFrom('consultation_topics').select(['id', 'tenant_id', 'proposer_org_id', 'proposer_user_id']).where('id', 'in', ids).execute();
      return new Set(rows.filter((r) => canSeeTopic(r, actor)).map((r) => r.id));
    },
  },
  {
    // a plan item's files (附件): read by whoever may see its plan, added by those who manage it
    type: 'consultation_plan_item', label: '协商计划项', labelEn: 'Plan item',
    async link(id, ctx) {
      const r = await planDb(ctx.db).selectFrom('consultation_plan_items').select('plan_id').where('id', '=', id).executeTakeFirst();
      return `/consultations/plans/${encodeURIComponent(r?.plan_id ?? '')}`;
    },
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const rows = await planDb(ctx.db).selectFrom('consultation_plan_items as i').innerJoin('consultation_plans as p', 'p.id', 'i.plan_id')
        .select(['i.id as id', 'p.tenant_id as tenant_id', 'p.state as state']).where('i.id', 'in', ids).execute();
      return new Set(rows.filter((r) => canSeePlan(r, actor)).map((r) => r.id));
    },
  },
  {
    type: 'consultation_plan', label: '年度协商计划', labelEn: 'Annual consultation plan', link: (id) => `/consultations/plans/${encodeURIComponent(id)}`,
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const rows = await planDb(ctx.db).selectFrom('consultation_plans').select(['id', 'tenant_id', 'state']).where('id', 'in', ids).execute();
      return new Set(rows.filter((r) => canSeePlan(r, actor)).map((r) => r.id));
    },
  },
];

/** The manifest with topics and the annual plan added. */
export function withPlan(m: ModuleManifest): ModuleManifest {
  return {
    ...m,
    permissions: [...m.permissions, ...planPermissionDefs],
    migrations: [...m.migrations, ...planMigrations],
    workflows: [...(m.workflows ?? []), topicLifecycle, planLifecycle],
    entities: [...(m.entities ?? []), ...planEntities],
    figures: withPlanFigures(m.figures),
    async routes(app, ctx) {
      await m.routes?.(app, ctx);
      planRoutes(app, ctx);
    },
    subscribe(ctx) {
      m.subscribe?.(ctx);
      subscribePlanNotices(ctx);
    },
    async seed(ctx, seed) {
      await m.seed?.(ctx, seed);
      await seedPlan(ctx, seed);
    },
  };
}
