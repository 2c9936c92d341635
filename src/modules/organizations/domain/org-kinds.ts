/** The kinds of organisation in a CPPCC's world and the tenancy rule that follows from the tree. Pure. */

/**
 * 组织类型: cppcc = 政协 (province, city or county; each is a tenant), office = 机关内设机构 (办公室, 研究中心),
 * committee = 专门委员会 (专委会), gov_unit = 承办单位, party = 民主党派, group = 人民团体.
 */
export const orgKinds = ['cppcc', 'office', 'committee', 'gov_unit', 'party', 'group'] as const;
export type OrgKind = (typeof orgKinds)[number];

export const orgKindLabels: Record<OrgKind, string> = {
  cppcc: '政协',
  office: '内设机构',
  committee: '专门委员会',
  gov_unit: '承办单位',
  party: '民主党派',
  group: '人民团体',
};

/** 层级: the administrative level of a CPPCC organisation (only cppcc organisations have one). */
export const orgLevels = ['province', 'city', 'county'] as const;
export type OrgLevel = (typeof orgLevels)[number];

export const orgLevelLabels: Record<OrgLevel, string> = { province: '省级', city: '市级', county: '县级' };

export interface OrgNodeLike {
  id: string;
  parent_id: string | null;
  kind: string;
  tenant_id: string;
}

/**
 * 租户: the tenant of a new organisation is itself when it is a CPPCC, otherwise its parent's tenant
 * (the nearest CPPCC ancestor, including itself).
 */
export function tenantForNew(kind: OrgKind, id: string, parent: OrgNodeLike | null): string {
  if (kind === 'cppcc') return id;
  if (!parent) throw new Error('a non-CPPCC organisation needs a parent');
  return parent.tenant_id;
}

/** Which level a child CPPCC may have under a parent CPPCC level. */
export function childLevelOf(parent: OrgLevel | null): OrgLevel | null {
  if (parent === 'province') return 'city';
  if (parent === 'city') return 'county';
  return null;
}

/**
 * The tenants an actor of `tenantId` may administer: their own and every CPPCC below it
 * (a city administrator manages its counties; a county administrator only their county).
 */
export function descendantTenants(cppccs: ReadonlyArray<{ id: string; parent_id: string | null; tenant_id: string }>, tenantId: string): string[] {
  const byParentTenant = new Map<string, string[]>();
  const tenantOfId = new Map(cppccs.map((c) => [c.id, c.tenant_id]));
  for (const c of cppccs) {
    if (!c.parent_id) continue;
    const parentTenant = tenantOfId.get(c.parent_id);
    // a CPPCC's parent is normally a CPPCC itself; if not, look at the parent's tenant via the map of all rows
    const key = parentTenant ?? c.parent_id;
    if (!byParentTenant.has(key)) byParentTenant.set(key, []);
    byParentTenant.get(key)!.push(c.id);
  }
  const out: string[] = [];
  const seen = new Set<string>();
  const stack = [tenantId];
  while (stack.length) {
    const t = stack.pop()!;
    if (seen.has(t)) continue;
    seen.add(t);
    out.push(t);
    for (const child of byParentTenant.get(t) ?? []) stack.push(child);
  }
  return out;
}

export interface TreeNode<T> { node: T; children: TreeNode<T>[] }

/** Build a forest from flat rows ordered by sort then name; rows whose parent is absent become roots. */
export function buildTree<T extends { id: string; parent_id: string | null }>(rows: readonly T[]): Array<T & { children: Array<T & { children: unknown[] }> }> {
  type N = T & { children: N[] };
  const byId = new Map<string, N>();
  for (const r of rows) byId.set(r.id, { ...r, children: [] } as N);
  const roots: N[] = [];
  for (const r of rows) {
    const n = byId.get(r.id)!;
    const p = r.parent_id ? byId.get(r.parent_id) : undefined;
    if (p) p.children.push(n);
    else roots.push(n);
  }
  return roots;
}
