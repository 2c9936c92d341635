/** The 委员 module has no tables of its own: it reads the members through the lookups of 组织机构 and 用户与权限. */
export type MembersTables = Record<never, never>;
