/**
 * What other modules' server code may use of the 调研视察 module (imports from other modules go through this file only).
 */
export { inspectionsModule } from './module.ts';
export { inspectionLifecycle, inspectionKinds, inspectionKindLabels } from './domain/inspection-lifecycle.ts';
export { canSeeInspection } from './domain/inspection-rules.ts';
