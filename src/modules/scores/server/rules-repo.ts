/**
 * A year's rules (积分规则) in the database: the version in force is the highest; saving adds the next version over
 * the one read (a stale one is a 409 VERSION_CONFLICT); a year without rules of its own shows the default (济南).
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError, invalid, versionConflict } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { defaultRules } from '../domain/presets.ts';
import type { RuleSet } from '../domain/rules.ts';
import type { RuleSaveBody } from '../contract.ts';
import { scoresDb } from './tables.ts';

export interface RulesInForce {
  year: number;
  version: number;
  source: string | null;
  rules: RuleSet;
  createdAt: string | null;
  createdByName: string | null;
}

export async function rulesOf(db: AnyModuleDb, tenantId: string, year: number): Promise<RulesInForce> {
  const row = await scoresDb(db).selectFrom('scores_rule_sets').selectAll().where('tenant_id', '=', tenantId).where('year', '=', year)
    .orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return { year, version: 0, source: '济南', rules: defaultRules(), createdAt: null, createdByName: null };
  return { year, version: Number(row.version), source: row.source, rules: JSON.parse(row.rules) as RuleSet, createdAt: row.created_at, createdByName: row.created_by_name };
}

export async function versionsOf(db: AnyModuleDb, tenantId: string, year: number) {
  const rows = await scoresDb(db).selectFrom('scores_rule_sets').select(['version', 'source', 'created_at', 'created_by_name'])
    .where('tenant_id', '=', tenantId).where('year', '=', year).orderBy('version', 'desc').execute();
  return rows.map((r) => ({ version: Number(r.version), source: r.source, createdAt: r.created_at, createdByName: r.created_by_name }));
}

/** The rule checks zod cannot express: distinct grade labels, the same figure not scored twice. */
export function checkRules(rules: RuleSet): void {
  const labels = new Set<string>();
  rules.bands.forEach((b, i) => {
    if (labels.has(b.label)) throw invalid(`bands.${i}.label`, '「等次名称」', `「${b.label}」重复`);
    labels.add(b.label);
  });
  const figures = new Set<string>();
  rules.items.forEach((it, i) => {
    if (figures.has(it.figure)) throw invalid(`items.${i}.figure`, '「统计数字」', `${it.figure} 已有积分项，同一统计数字只能计分一次`);
    figures.add(it.figure);
  });
}

/** Save the next version of a year's rules over `body.version`; returns the new version. Audited in the same transaction. */
export async function saveRules(ctx: ModuleContext, actor: Actor, year: number, body: RuleSaveBody, ip?: string): Promise<number> {
  const { version, source, ...rules } = body;
  checkRules(rules);
  const next = version + 1;
  const id = newId();
  await ctx.uow.run(async (w) => {
    const db = scoresDb(w.trx);
    const latest = await db.selectFrom('scores_rule_sets').select('version').where('tenant_id', '=', actor.tenantId).where('year', '=', year)
      .orderBy('version', 'desc').limit(1).executeTakeFirst();
    if (Number(latest?.version ?? 0) !== version) throw new AppError('VERSION_CONFLICT', `${year} 年度积分规则已被他人修改（当前为第 ${latest?.version ?? 0} 版），请刷新后重试`);
    try {
      await db.insertInto('scores_rule_sets').values({
        id, tenant_id: actor.tenantId, year, version: next, source: source ?? null, rules: JSON.stringify(rules),
        created_by: actor.userId, created_by_name: actor.displayName, created_at: w.now,
      }).execute();
    } catch {
      // the unique (tenant, year, version): another save of the same version committed first
      throw versionConflict(`${year} 年度积分规则`);
    }
    await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'scores_rules.save', entityType: 'scores_rule_set', entityId: id, data: { year, version: next, source: source ?? null }, ip });
  });
  return next;
}
