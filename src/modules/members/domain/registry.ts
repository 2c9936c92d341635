/**
 * 委员管理: who may read and keep the registry, and the one rule of who sees a member's contact details (联系方式:
 * 手机、邮箱、通讯地址) whole — the member themself and the office (`registry.contact`); everyone else sees them masked.
 */

/** 查看委员管理（本级委员档案） */
export const PERM_REGISTRY_READ = 'registry.read';
/** 维护委员档案和联络记录，导入导出 */
export const PERM_REGISTRY_MANAGE = 'registry.manage';
/** 查看委员联系方式明文 */
export const PERM_REGISTRY_CONTACT = 'registry.contact';

interface Viewer { userId: string; permissions: ReadonlySet<string> }

export function seesContacts(viewer: Viewer, memberUserId: string): boolean {
  return viewer.userId === memberUserId || viewer.permissions.has('*') || viewer.permissions.has(PERM_REGISTRY_CONTACT);
}

/** 138****5678 */
export function maskPhone(v: string | null): string | null {
  if (!v) return v;
  return v.length >= 7 ? `${v.slice(0, 3)}****${v.slice(-4)}` : '****';
}
/** z***@example.cn */
export function maskEmail(v: string | null): string | null {
  if (!v) return v;
  const at = v.indexOf('@');
  return at > 0 ? `${v[0]}***${v.slice(at)}` : '***';
}
/** the first six characters, then **** (the district stays, the street and number go) */
export function maskAddress(v: string | null): string | null {
  if (!v) return v;
  return `${[...v].slice(0, 6).join('')}****`;
}

/** The contact details as `viewer` may see them. */
export function contactsFor(viewer: Viewer, memberUserId: string, c: { phone: string | null; email: string | null; address: string | null }) {
  if (seesContacts(viewer, memberUserId)) return { phone: c.phone, email: c.email, address: c.address, contactsMasked: false };
  return { phone: maskPhone(c.phone), email: maskEmail(c.email), address: maskAddress(c.address), contactsMasked: true };
}
