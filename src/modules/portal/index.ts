/**
 * What other modules' server code may use of the 门户 module (imports from other modules go through this file only).
 * Modules do not call the portal: they declare `public` sections in their manifests and the portal renders them.
 */
export { portalModule } from './module.ts';
export { PORTAL_SETTINGS_CHANGED } from './server/settings-repository.ts';
