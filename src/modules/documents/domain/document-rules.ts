/**
 * 公文 rules (pure: no database, no HTTP): the types with their templates (通知, 请示, 报告, 函, 纪要), the sign-off chain
 * of each type (拟稿 → 核稿 → 会签 → 签发, configurable per type per CPPCC), the states a document passes through and who
 * may act at each, the 文号 of a type and year, the characters counted (字数) and the diff between two versions.
 */
import { diffChars } from 'diff';
import { z } from 'zod';

/** 公文种类 */
export const documentTypes = ['notice', 'request', 'report', 'letter', 'minutes'] as const;
export type DocumentType = (typeof documentTypes)[number];

export interface TypeDef {
  label: string;
  labelEn: string;
  /** the 发文字号's 机关代字 after the issuer's abbreviation: 长政协发〔2025〕12号 */
  code: string;
  /** 上行文 (请示, 报告) carry 签发人 on the 文号 line */
  upward: boolean;
  /** the template a new draft starts from; {主送} is replaced by the addressee */
  template: { title: string; body: string };
}

export const typeDefs: Record<DocumentType, TypeDef> = {
  notice: {
    label: '通知', labelEn: 'Notice', code: '发', upward: false,
    template: { title: '关于……的通知', body: '各专门委员会，各县（区）政协，机关各部门：\n为……，经研究，现就有关事项通知如下：\n一、……\n二、……\n三、……\n请认真贯彻执行。' },
  },
  request: {
    label: '请示', labelEn: 'Request', code: '请', upward: true,
    template: { title: '关于……的请示', body: '市委：\n为……，根据……，我们拟……。现将有关情况请示如下：\n一、基本情况\n……\n二、拟办事项\n……\n妥否，请批示。' },
  },
  report: {
    label: '报告', labelEn: 'Report', code: '报', upward: true,
    template: { title: '关于……情况的报告', body: '市委：\n根据……要求，现将……情况报告如下：\n一、主要工作\n……\n二、存在的问题\n……\n三、下一步打算\n……\n特此报告。' },
  },
  letter: {
    label: '函', labelEn: 'Letter', code: '函', upward: false,
    template: { title: '关于……的函', body: '……：\n为……，现就……事宜函告如下：\n……\n请予支持为盼。' },
  },
  minutes: {
    label: '纪要', labelEn: 'Minutes', code: '纪', upward: false,
    template: { title: '……会议纪要', body: '……年……月……日，……主持召开……会议，研究……事项。现纪要如下：\n一、……\n二、……\n出席：……\n列席：……' },
  },
};

export const typeLabel = (t: string) => typeDefs[t as DocumentType]?.label ?? t;

/**
 * A sign-off chain (审签流程): who 核稿 (a role), who 会签 (several parties, each a role; all must agree; none means the
 * step is skipped) and who 签发 (a role). 拟稿 is whoever drafts (the office).
 */
export const chainSchema = z.object({
  review: z.string().min(1).max(40).describe('核稿角色'),
  countersign: z.array(z.string().min(1).max(40)).max(8).describe('会签角色'),
  sign: z.string().min(1).max(40).describe('签发角色'),
});
export type Chain = z.infer<typeof chainSchema>;
export const chainsSchema = z.record(z.enum(documentTypes), chainSchema).describe('各文种的审签流程');
export type Chains = Partial<Record<DocumentType, Chain>>;

/** The default chains: the office reviews, a 请示 is countersigned by the 提案委 and the 专委会 staff, a leader signs. */
export const defaultChains: Record<DocumentType, Chain> = {
  notice: { review: 'office_staff', countersign: [], sign: 'leader' },
  request: { review: 'office_staff', countersign: ['proposal_staff', 'committee_staff'], sign: 'leader' },
  report: { review: 'office_staff', countersign: [], sign: 'leader' },
  letter: { review: 'office_staff', countersign: [], sign: 'leader' },
  minutes: { review: 'office_staff', countersign: [], sign: 'leader' },
};
export const chainOf = (chains: Chains | undefined, type: DocumentType): Chain => chains?.[type] ?? defaultChains[type];

/** The states: 拟稿中 → 核稿中 → 会签中 → 待签发 → 已签发 → 已分发, and 退回修改. */
export const documentStates = ['draft', 'reviewing', 'countersigning', 'signing', 'signed', 'distributed', 'returned'] as const;
export type DocumentState = (typeof documentStates)[number];
export const stateDefs: Record<DocumentState, { label: string; labelEn: string; tone: string }> = {
  draft: { label: '拟稿中', labelEn: 'Drafting', tone: 'default' },
  reviewing: { label: '核稿中', labelEn: 'Reviewing', tone: 'processing' },
  countersigning: { label: '会签中', labelEn: 'Countersigning', tone: 'processing' },
  signing: { label: '待签发', labelEn: 'To sign', tone: 'blue' },
  signed: { label: '已签发', labelEn: 'Signed', tone: 'success' },
  distributed: { label: '已分发', labelEn: 'Distributed', tone: 'success' },
  returned: { label: '退回修改', labelEn: 'Returned', tone: 'warning' },
};
export const stateLabel = (s: string) => stateDefs[s as DocumentState]?.label ?? s;
/** The step of the chain a state belongs to (a comment made in that state is that step's). */
export const stepOfState = (s: string) => ({ draft: '拟稿', returned: '拟稿', reviewing: '核稿', countersigning: '会签', signing: '签发', signed: '分发', distributed: '分发' } as Record<string, string>)[s] ?? s;
/** The steps of the chain as the detail page shows them. */
export const stepNames = ['拟稿', '核稿', '会签', '签发', '分发'] as const;

/** The state after `from` on this chain when the step's actor agrees (会签 skipped when nobody countersigns). */
export function nextState(chain: Chain, from: DocumentState): DocumentState {
  if (from === 'draft' || from === 'returned') return 'reviewing';
  if (from === 'reviewing') return chain.countersign.length > 0 ? 'countersigning' : 'signing';
  if (from === 'countersigning') return 'signing';
  if (from === 'signing') return 'signed';
  return 'distributed';
}

/** What an actor may do now (the API returns it as `actions`; the web shows one button each). */
export type DocumentAction = 'edit' | 'submit' | 'approve' | 'countersign' | 'return' | 'sign' | 'distribute' | 'remind' | 'comment';
export const actionLabels: Record<DocumentAction, string> = {
  edit: '修改', submit: '送核稿', approve: '核稿通过', countersign: '会签同意', return: '退回修改', sign: '签发', distribute: '分发', remind: '催阅', comment: '发表意见',
};

export interface ActorFacts { userId: string; roles: readonly string[]; drafts: boolean }
export interface DocFacts { state: DocumentState; ownerUserId: string; chain: Chain; countersignedRoles: readonly string[] }

/** The countersign parties (roles) the actor may still answer for in this round. */
export function pendingCountersigns(doc: DocFacts, actor: ActorFacts): string[] {
  if (doc.state !== 'countersigning') return [];
  return doc.chain.countersign.filter((r) => actor.roles.includes(r) && !doc.countersignedRoles.includes(r));
}

/** The one decision of who may do what: a drafter never reviews or signs their own draft (两人以上把关). */
export function allowedActions(doc: DocFacts, actor: ActorFacts): DocumentAction[] {
  const out: DocumentAction[] = [];
  const owner = doc.ownerUserId === actor.userId;
  if ((doc.state === 'draft' || doc.state === 'returned') && owner) out.push('edit', 'submit');
  if (doc.state === 'reviewing' && !owner && actor.roles.includes(doc.chain.review)) out.push('approve', 'return', 'edit');
  if (pendingCountersigns(doc, actor).length > 0 && !owner) out.push('countersign', 'return');
  if (doc.state === 'signing' && !owner && actor.roles.includes(doc.chain.sign)) out.push('sign', 'return');
  if ((doc.state === 'signed' || doc.state === 'distributed') && actor.drafts) out.push('distribute');
  if (doc.state === 'distributed' && actor.drafts) out.push('remind');
  if (out.length > 0 || owner) out.push('comment');
  return [...new Set(out)];
}

/** Have all countersign parties agreed (in this round)? */
export const allCountersigned = (chain: Chain, agreed: readonly string[]) => chain.countersign.every((r) => agreed.includes(r));

/** 发文字号: 长政协发〔2025〕12号 (the year in 六角括号, the number without leading zeros, GB/T 9704). */
export function documentNumber(issuerAbbr: string, type: DocumentType, year: number, seq: number): string {
  return `${issuerAbbr}${typeDefs[type].code}〔${year}〕${seq}号`;
}

/** 字数: the characters of title and body, without whitespace (as Word counts 字数 for Chinese text). */
export function countChars(title: string, body: string): number {
  return (title + body).replace(/\s+/g, '').length;
}

/** The diff between two versions' texts, character by character: unchanged, inserted and deleted runs. */
export interface DiffPart { op: 'same' | 'ins' | 'del'; text: string }
export function diffTexts(a: string, b: string): DiffPart[] {
  return diffChars(a, b).map((p) => ({ op: p.added ? 'ins' : p.removed ? 'del' : 'same', text: p.value }));
}

/** The distinct two-character pieces (二元组) of a text without whitespace, for the archive's title index. */
export function titleGrams(text: string): string[] {
  const chars = [...text.replace(/\s+/g, '').toLowerCase()];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return [...out];
}

/**
 * 年度 of a document in the archive: its 文号's year once signed, the China year it was drafted in before (the same
 * rule as the archive's year filter). The title index keeps it beside each piece so that a word and a year are
 * looked up together.
 */
export function archiveYear(r: { number_year: number | null; created_at: string }): number {
  if (r.number_year) return r.number_year;
  return new Date(Date.parse(r.created_at) + 8 * 3_600_000).getUTCFullYear();
}

/** What a 文号 (or a part of one) tells: the type by its code, the year in 〔〕, the sequence before 号. */
export function parseNumber(text: string): { type?: DocumentType; year?: number; seq?: number } {
  const out: { type?: DocumentType; year?: number; seq?: number } = {};
  const y = /〔(\d{4})〕/.exec(text);
  if (y) out.year = Number(y[1]);
  const n = /〕(\d+)号/.exec(text);
  if (n) out.seq = Number(n[1]);
  const code = /([^〔\d])〔/.exec(text)?.[1];
  const type = documentTypes.find((t) => typeDefs[t].code === code);
  if (type) out.type = type;
  return out;
}
