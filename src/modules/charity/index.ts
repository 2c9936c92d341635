/** What other modules' server code may use of the 公益 module (imports from other modules go through this file only). */
export { charityModule } from './module.ts';
export { charitySeedFigures } from './server/seed.ts';
