/** The permissions of 委员履职 (member duty records), shared by the manifest, the routes and the web pages. */

/** 查看本人履职档案 (我的履职) */
export const PERM_READ_OWN = 'member.record_own';
/** 查看本级全部委员的履职档案和委员名录 */
export const PERM_READ_ALL = 'member.read_all';
