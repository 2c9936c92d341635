/**
 * What other modules' server code may use of the 公文 module (imports from other modules go through this file only).
 */
export { documentsModule } from './module.ts';
export { documentNumber, documentTypes, typeDefs } from './domain/document-rules.ts';
