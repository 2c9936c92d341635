/**
 * What other modules may use from 组织机构. Tenancy policy: a user sees the records of their own tenant
 * (their CPPCC: the city or one county) only; a county user never sees another county's records unless
 * they were sent to them. A city administrator administers the city and the counties below it.
 */
export { allTenantIds, tenantOf, orgTree, getOrg, visibleTenantIds, listUnits, listSectors, listCommittees, memberIdsOf, standingMemberIdsOf, countMembers, memberGroupsOf, memberIdsOfGroup, orgNames, orgFullNames, isMemberOf, membersAmong, memberSectorsOf, memberProfileOf, sectorNames, type OrgRow, type MemberGroupRow, type MemberGroupsQuery } from './server/org-repository.ts';
export { orgKinds, orgKindLabels, type OrgKind, type OrgLevel } from './domain/org-kinds.ts';
export { currentWorkYear, workYearCalendarOf, workYearFor, workYearSettingKey, settingsIn } from './server/work-year.ts';
export { termNumberOf, termLabel, termPosts, committeeRoles, leaveReasons, contactKinds, contactKindLabels, type ContactKind } from './domain/registry.ts';
export { registryRowsOf, memberTenantOf, checkRegistryPatch, writeRegistry, contactLogOf, addContactLog, type RegistryRow, type RegistryTermRow, type RegistryPatch, type ContactLogRow } from './server/registry-repository.ts';
