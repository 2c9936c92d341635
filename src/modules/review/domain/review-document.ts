/**
 * The annual review document (工作回眸) as data (pure): its sections in the order of the CPPCC's duties, which figure
 * goes into which section (a layout the office adjusts), and the wording with placeholders. The wording never holds a
 * number: `{proposals.filed}` is replaced by the figure's live value and unit, `{proposals.filed|previous}` by last
 * year's, `{proposals.filed|change}` by the change, so an edit of the text cannot change a figure.
 */

/** The sections (篇章), in the order of the CPPCC's duties: 协商, 监督, 参政议政, 委员工作, 自身建设; 其他 holds figures no section claims. */
export const reviewSections = [
  { code: 'consult', heading: '协商议政' },
  { code: 'supervise', heading: '民主监督' },
  { code: 'advise', heading: '参政议政' },
  { code: 'members', heading: '委员工作' },
  { code: 'self', heading: '自身建设' },
] as const;
export type SectionCode = (typeof reviewSections)[number]['code'] | 'other';
export const sectionCodes = reviewSections.map((s) => s.code) as readonly string[];
export const OTHER_SECTION = { code: 'other' as const, heading: '其他工作' };
export const sectionHeading = (code: string) => reviewSections.find((s) => s.code === code)?.heading ?? OTHER_SECTION.heading;

/**
 * Which figures go into which section: key patterns per section, a pattern being a whole key (`proposals.key`) or a
 * prefix ending in a dot or underscore (`proposals.`, `opinions.members`). A figure goes to the section of its longest
 * matching pattern; a figure no pattern matches goes to 其他工作, so a module that starts declaring figures is never lost.
 */
export type SectionLayout = Record<string, string[]>;
export const defaultLayout: SectionLayout = {
  // 协商: consultation meetings, the grassroots platforms, live deliberation and opinion collection
  consult: ['consultations.', 'platforms.', 'live.', 'surveys.'],
  // 监督: recommendations tracked to done, investigations and inspections, appraisals of departments
  supervise: ['recommendations.', 'inspections.', 'appraisals.'],
  advise: ['proposals.', 'opinions.'],
  members: ['proposals.members', 'proposals.participants', 'proposals.absent', 'opinions.members', 'activities.'],
  self: [],
};

const matches = (pattern: string, key: string) => key === pattern || (key.startsWith(pattern) && /[._]$/.test(pattern)) || key.startsWith(`${pattern}_`) || key.startsWith(`${pattern}.`);

/** The section a figure belongs to by the layout. */
export function sectionOf(layout: SectionLayout, key: string): SectionCode {
  let best: { code: string; len: number } | null = null;
  for (const code of sectionCodes) {
    for (const p of layout[code] ?? []) {
      if (matches(p, key) && (!best || p.length > best.len)) best = { code, len: p.length };
    }
  }
  return (best?.code ?? 'other') as SectionCode;
}

/** The wording of a new review: a sentence per section; the figures themselves are placeholders. */
export const defaultWording: Record<string, string> = {
  consult: '围绕市委中心工作和群众关心的问题，组织开展专题协商、对口协商和界别协商，召开协商会议{consultations.held}，报送协商成果{consultations.outcomes_sent}。'
    + '“有事来商量”协商平台{platforms.platforms}，开展协商活动{platforms.activities}，形成协商成果{platforms.results}，推动落实{platforms.implemented}。',
  supervise: '聚焦重大决策部署贯彻落实情况开展民主监督，跟踪督办提案办理和建议落实：交有关部门办理建议{recommendations.received}，已反馈{recommendations.answered}，已落实{recommendations.implemented}。',
  advise: '全年共收到提案{proposals.received}，经审查立案{proposals.filed}，其中重点提案{proposals.key}；已答复{proposals.replied}。'
    + '共收到社情民意信息{opinions.submitted}，编发{opinions.issues}，刊发篇目{opinions.pieces}，向上级报送{opinions.sent_up}，被采用{opinions.adopted}。',
  members: '提交提案的委员{proposals.participants}，有信息被录用或采用的委员{opinions.members_adopted}，委员履职积极性不断提高。',
  self: '加强思想政治建设和机关建设，提升履职能力和服务水平。',
};

/** A placeholder: `{key}`, `{key|previous}` or `{key|change}`. */
export const PLACEHOLDER = /\{([a-z_]+(?:\.[a-z0-9_]+)+)(?:\|(previous|change))?\}/g;
export type PlaceholderPart = 'value' | 'previous' | 'change';

/** The wording cut into text and placeholders, in order. */
export type WordingPiece = { text: string } | { key: string; part: PlaceholderPart };
export function parseWording(text: string): WordingPiece[] {
  const out: WordingPiece[] = [];
  let at = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index! > at) out.push({ text: text.slice(at, m.index) });
    out.push({ key: m[1], part: (m[2] as PlaceholderPart | undefined) ?? 'value' });
    at = m.index! + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/**
 * What is wrong with a section's wording, or null: a placeholder naming no declared figure, or a number written with a
 * figure's unit (「464件」), which would be a figure nobody can follow to its records.
 */
export function wordingProblem(text: string, declared: ReadonlySet<string>, units: readonly string[]): string | null {
  for (const p of parseWording(text)) {
    if ('key' in p && !declared.has(p.key)) return `引用了不存在的统计数字「${p.key}」`;
  }
  const plain = parseWording(text).map((p) => ('text' in p ? p.text : ' ')).join('');
  if (units.length) {
    const unit = new RegExp(`\\d[\\d,.，]*\\s*(?:${units.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
    const hit = plain.match(unit);
    if (hit) return `不能直接写入数字「${hit[0]}」，请插入统计数字（如 {proposals.filed}），数字随记录自动更新`;
  }
  return null;
}

/** 较上年增加 12 件 / 减少 3 件 / 持平, or 无上年数据. */
export function changeText(value: number, previous: number | null, unit: string): string {
  if (previous === null) return '无上年数据';
  const d = Math.round((value - previous) * 100) / 100;
  if (d === 0) return '与上年持平';
  return `较上年${d > 0 ? '增加' : '减少'}${Math.abs(d)}${unit}`;
}

/** The change in percent of last year's value, one decimal; null without a previous value or when it was 0. */
export function changePercent(value: number, previous: number | null): number | null {
  if (previous === null || previous === 0) return null;
  return Math.round(((value - previous) / previous) * 1000) / 10;
}
