/**
 * What other modules' server code may use of the 协商议政 module (imports from other modules go through this file only).
 */
export { consultationsModule } from './module.ts';
export { consultationLifecycle } from './domain/consultation-lifecycle.ts';
export { canSeeConsultation } from './domain/consultation-rules.ts';
export { consultationsOn } from './server/repository.ts';
export { consultationForms, consultationFormLabels, type ConsultationForm } from './domain/consultation-forms.ts';
