/**
 * 委员工作室 rules (pure: no database, no HTTP): the kinds of studio and of record, the permissions, who may record in
 * a studio, who may see a mediation case's parties (当事人信息), and exact money arithmetic. Amounts are whole 元 held
 * as integers (a loan of 126.5 万元 is 1,265,000); the forms speak 万元, parsed from their decimal text without floating
 * point, and totals are shown in 万元 or 亿元.
 */

/** Permission codes: '<module>.<verb>'. */
export const studiosPermissions = {
  /** 办公室: set up studios, name conveners, record in any studio */
  manage: 'studios.manage',
  /** 委员: see the studios; record in the studios one belongs to */
  record: 'studios.record',
  /** every studio's records and the figures (office, leaders) */
  readAll: 'studios.read_all',
} as const;

/** 工作室类别 */
export const studioKinds = ['legal', 'finance', 'university', 'devzone', 'chamber', 'other'] as const;
export type StudioKind = (typeof studioKinds)[number];
export const studioKindLabels: Record<StudioKind, string> = {
  legal: '法律', finance: '金融', university: '高校', devzone: '开发区', chamber: '商会', other: '其他',
};

/** 调解结果: a case still open has none (调解中). */
export const caseOutcomes = ['success', 'failed', 'referred'] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];
export const caseOutcomeLabels: Record<CaseOutcome, string> = { success: '调解成功', failed: '调解未成功', referred: '转办' };
export const outcomeLabel = (o: string | null) => (o ? caseOutcomeLabels[o as CaseOutcome] ?? o : '调解中');

/** 当事人身份 */
export const partyRoles = ['applicant', 'respondent', 'third'] as const;
export type PartyRole = (typeof partyRoles)[number];
export const partyRoleLabels: Record<PartyRole, string> = { applicant: '申请人', respondent: '被申请人', third: '第三人' };

/** 招商项目状态 */
export const projectStatuses = ['talks', 'signed', 'landed'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];
export const projectStatusLabels: Record<ProjectStatus, string> = { talks: '洽谈', signed: '签约', landed: '落地' };

/** 融资需求状态: open until a loan is granted on it. */
export const needStates = ['open', 'granted'] as const;
export const needStateLabels: Record<string, string> = { open: '待对接', granted: '已放贷' };

/** Which record kinds a studio of a kind keeps besides activities (the page's tabs). */
export function recordKindsOf(kind: string): Array<'cases' | 'finance' | 'projects'> {
  if (kind === 'legal') return ['cases'];
  if (kind === 'finance') return ['finance', 'projects'];
  if (kind === 'devzone' || kind === 'chamber') return ['projects'];
  return [];
}

interface ActorLike { userId: string; tenantId: string; permissions?: ReadonlySet<string> }
const has = (actor: ActorLike, p: string) => !actor.permissions || actor.permissions.has('*') || actor.permissions.has(p);
export const readsAll = (actor: ActorLike) => has(actor, studiosPermissions.readAll);
export const managesStudios = (actor: ActorLike) => has(actor, studiosPermissions.manage);
export const canUseStudios = (actor: ActorLike) => has(actor, studiosPermissions.record) || managesStudios(actor) || readsAll(actor);

/** A studio as the rules see it: its CPPCC, its convener (召集人) and its members' user ids. */
export interface StudioLike { tenant_id: string; convener_user_id: string | null; memberIds: readonly string[] }

/** 记录: the office, or a member of the studio (the convener is one) who holds the permission. */
export function mayRecordIn(s: StudioLike, actor: ActorLike): boolean {
  if (s.tenant_id !== actor.tenantId) return false;
  if (managesStudios(actor)) return true;
  return has(actor, studiosPermissions.record) && (s.memberIds.includes(actor.userId) || s.convener_user_id === actor.userId);
}

/** 管理成员 and editing the studio: the office, or the studio's convener. */
export function mayManageStudio(s: StudioLike, actor: ActorLike): boolean {
  if (s.tenant_id !== actor.tenantId) return false;
  return managesStudios(actor) || (s.convener_user_id === actor.userId && has(actor, studiosPermissions.record));
}

/** 当事人信息 (names, phones, addresses): only the studio's members and the office staff. */
export const seesParties = (s: StudioLike, actor: ActorLike) => mayRecordIn(s, actor);

/** A name as others see it: the surname and two stars whatever its length (张**), so the length tells nothing. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return `${chars[0]}**`;
}

// ---------- money: whole 元 as integers ----------

/** The largest amount a single record may hold: 1,000 亿元 (within Number's exact integers with room for totals). */
export const MAX_YUAN = 100_000_000_000;

/**
 * 万元 as typed ("126.5", "3", "0.0125") → whole 元, exactly: the decimal text is split, never multiplied as a float.
 * Null when it is not a positive amount with at most 4 decimals (1 元 is the smallest step) or exceeds MAX_YUAN.
 */
export function yuanFromWan(text: string | number): number | null {
  const s = String(text).trim();
  const m = /^(\d{1,9})(?:\.(\d{1,4}))?$/.exec(s);
  if (!m) return null;
  const yuan = Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
  return yuan > 0 && yuan <= MAX_YUAN ? yuan : null;
}

/** Whole 元 in a unit of 10^digits 元 as exact decimal text without trailing zeros: (2_602_000_000, 8) → "26.02". */
export function decimalOf(yuan: number, digits: number): string {
  const unit = 10 ** digits;
  const sign = yuan < 0 ? '-' : '';
  const abs = Math.abs(yuan);
  const whole = Math.floor(abs / unit);
  const frac = String(abs % unit).padStart(digits, '0').replace(/0+$/, '');
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}

/** 万元 as a number for figures and rows (a total's value, a row's `amountWan`). */
export const wanOf = (yuan: number) => Number(decimalOf(yuan, 4));

/** How an amount reads: 26.02亿元, 84.3万元, 800元. */
export function formatYuan(yuan: number): string {
  const abs = Math.abs(yuan);
  if (abs >= 100_000_000) return `${decimalOf(yuan, 8)}亿元`;
  if (abs >= 10_000) return `${decimalOf(yuan, 4)}万元`;
  return `${yuan}元`;
}

/** The exact sum of whole-元 amounts (refuses a non-integer, which would make totals drift). */
export function sumYuan(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) {
    if (!Number.isSafeInteger(a)) throw new Error(`amount ${a} is not whole 元`);
    total += a;
  }
  if (!Number.isSafeInteger(total)) throw new Error('total exceeds exact integers');
  return total;
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
