/**
 * What other modules' server code may use of the 委员工作室 module (imports from other modules go through this file only).
 */
export { studiosModule } from './module.ts';
export { studioSeedFigures } from './server/seed.ts';
