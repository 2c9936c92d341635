/** What other modules and the command line may use from 用户与权限. */
export {
  createUser, prepareUsers, takenUsernames, insertPreparedUsers, loadActor, getUser, findPeople, tenantHasUsers, contactsOf, usersHoldingRoles, tenantUsersHoldingRoles, usersAddressedBy, type NewUser, type PersonRef,
} from './server/users.ts';
export { hashPassword, verifyPassword, temporaryPassword } from './server/passwords.ts';
export { syncPermissionCatalogue, catalogueOf, builtinRoles } from './server/permissions.ts';
export { totpNow, totpAt, TOTP_PERIOD_MS, sealTotpSecret, openTotpSecret } from './server/totp.ts';
export { registerSsoProvider, type SsoProvider, type ExternalIdentity } from './server/sso.ts';
export { SESSIONS_CHANGED, liveSessionIds } from './server/sessions.ts';
