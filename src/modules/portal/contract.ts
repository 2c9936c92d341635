/**
 * The 门户 API's shapes shared by the server and the web page: 门户设置 (GET/PUT /api/portal/settings). The public pages
 * are HTML written by the server and have no JSON contract.
 */
export { portalSettingsSchema, portalContactSchema, sectionChoiceSchema, type PortalSettings, type PortalContact, type SectionChoice } from './domain/portal-settings.ts';
