/** What other modules may use from 委员履职: its permission codes. Proposals and opinions never read this module. */
export { PERM_READ_ALL, PERM_READ_OWN } from './domain/permissions.ts';
