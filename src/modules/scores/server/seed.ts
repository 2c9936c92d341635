/**
 * Demo data: the city CPPCC's 2025 rules (济南's preset as version 1, then a version 2 that raised the charity cap, so
 * the rules page shows a history) and the current year's rules (济南's preset). Scores are not seeded: they are
 * computed from the other modules' records the first time the ranking is opened (and by the job).
 */
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { currentWorkYear } from '../../organizations/index.ts';
import { presetOf } from '../domain/presets.ts';
import { scoresDb } from './tables.ts';

export async function seedScores(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  const office = seed.demoUsers.office;
  const by = { created_by: office?.userId ?? 'system', created_by_name: '市政协办公室' };
  const jinan = presetOf('jinan')!.rules;
  const v2 = { ...jinan, items: jinan.items.map((i) => (i.figure === 'charity.member.donations' ? { ...i, cap: 20 } : i)) };
  const wy = await currentWorkYear(ctx.settings, seed.cityId);
  const current = wy.year;
  const rows = [
    { year: 2025, version: 1, source: '济南', rules: jinan, created_at: '2025-01-06T02:00:00.000Z' },
    { year: 2025, version: 2, source: '济南', rules: v2, created_at: '2025-03-03T02:00:00.000Z' },
    ...(current !== 2025 ? [{ year: current, version: 1, source: '济南', rules: jinan, created_at: `${wy.startsOn}T00:00:00.000Z` }] : []),
  ];
  await scoresDb(ctx.db).insertInto('scores_rule_sets').values(rows.map((r) => ({
    id: newId(), tenant_id: seed.cityId, year: r.year, version: r.version, source: r.source, rules: JSON.stringify(r.rules), ...by, created_at: r.created_at,
  }))).execute();
}
