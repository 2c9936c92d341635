/**
 * 公益 rules (pure): permissions, who reads a beneficiary's personal data (受助学生 names and schools: the office staff
 * only; everyone else reads masked names, 张**, and no school), and exact money: amounts are whole 元 held as integers,
 * totals shown in 万元 (84.3万元).
 */

export const charityPermissions = {
  /** 办公室: drives, donations and beneficiaries */
  manage: 'charity.manage',
  /** see the drives, their totals and the donations (members, leaders) */
  read: 'charity.read',
  /** the figures of the whole CPPCC (office, leaders) */
  readAll: 'charity.read_all',
  /** 受助学生's names and schools (个人信息) */
  readPrivate: 'charity.read_private',
} as const;

interface ActorLike { userId: string; tenantId: string; permissions?: ReadonlySet<string> }
const has = (actor: ActorLike, p: string) => !actor.permissions || actor.permissions.has('*') || actor.permissions.has(p);
export const managesCharity = (actor: ActorLike) => has(actor, charityPermissions.manage);
export const readsPrivate = (actor: ActorLike) => has(actor, charityPermissions.readPrivate);
export const readsAllCharity = (actor: ActorLike) => has(actor, charityPermissions.readAll);
export const canUseCharity = (actor: ActorLike) => has(actor, charityPermissions.read) || managesCharity(actor) || readsAllCharity(actor);

/** 捐赠方: a member (委员, counted in their 履职档案) or a unit (企业、单位), named as typed. */
export const donorKinds = ['member', 'unit'] as const;
export const donorKindLabels: Record<string, string> = { member: '委员', unit: '单位' };

/** A name as others see it: the surname and two stars whatever its length (张**). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? '' : `${chars[0]}**`;
}

/** A beneficiary as the actor may see them. */
export function beneficiaryView<T extends { student_name: string; school: string }>(r: T, actor: ActorLike): { studentName: string; school: string | null; masked: boolean } {
  if (readsPrivate(actor)) return { studentName: r.student_name, school: r.school, masked: false };
  return { studentName: maskName(r.student_name), school: null, masked: true };
}

export const MAX_YUAN = 10_000_000_000;

/** Whole 元 in a unit of 10^digits 元 as exact decimal text: (843_000, 4) → "84.3". */
export function decimalOf(yuan: number, digits: number): string {
  const unit = 10 ** digits;
  const abs = Math.abs(yuan);
  const frac = String(abs % unit).padStart(digits, '0').replace(/0+$/, '');
  return `${yuan < 0 ? '-' : ''}${Math.floor(abs / unit)}${frac ? `.${frac}` : ''}`;
}
export const wanOf = (yuan: number) => Number(decimalOf(yuan, 4));
export const formatYuan = (yuan: number) => (Math.abs(yuan) >= 10_000 ? `${decimalOf(yuan, 4)}万元` : `${yuan}元`);

/** A drive's totals (raised, given, beneficiaries) and what is left, exactly. */
export function driveTotals(donations: readonly number[], grants: readonly number[]) {
  const sum = (xs: readonly number[]) => xs.reduce((a, x) => {
    if (!Number.isSafeInteger(x)) throw new Error(`amount ${x} is not whole 元`);
    return a + x;
  }, 0);
  const raised = sum(donations), given = sum(grants);
  return { raisedYuan: raised, givenYuan: given, balanceYuan: raised - given, beneficiaries: grants.length };
}

/** Split `total` over `weights` so the parts add up exactly (largest remainder); for the demo's figures. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  const left = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k++) parts[order[k % order.length][1]]++;
  return parts;
}
