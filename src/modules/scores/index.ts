/**
 * What other modules' server code may use of the 履职积分 module (imports from other modules go through this file only).
 */
export { scoresModule } from './module.ts';
export { scoreOf, gradeOf, type RuleSet, type RuleItem, type GradeBand, type Score } from './domain/rules.ts';
export { presets } from './domain/presets.ts';
