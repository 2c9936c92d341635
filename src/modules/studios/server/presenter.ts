/**
 * Rows into API objects. A mediation case's parties go out in full only to those who may see them (the studio's
 * members, the office): anyone else gets masked names (张**) and no phone or address. Amounts go out as whole 元 with
 * their 万元 and their reading (26.02亿元).
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import { caseOutcomeLabels, formatYuan, managesStudios, mayManageStudio, mayRecordIn, maskName, needStateLabels, outcomeLabel, partyRoleLabels, projectStatusLabels, recordKindsOf, studioKindLabels, wanOf, type CaseOutcome, type PartyRole, type ProjectStatus, type StudioKind } from '../domain/studio-rules.ts';
import type { CaseItem, StudioListItem } from '../contract.ts';
import type { StudioRow } from './tables.ts';

export const money = (yuan: number | string) => ({ amountYuan: Number(yuan), amountWan: wanOf(Number(yuan)), amountText: formatYuan(Number(yuan)) });

export function toStudioItem(r: StudioRow & { memberCount: number; mine: boolean }): StudioListItem {
  return {
    id: r.id, name: r.name, kind: r.kind, kindLabel: studioKindLabels[r.kind as StudioKind] ?? r.kind,
    convenerUserId: r.convener_user_id, convenerName: r.convener_name, memberCount: r.memberCount, mine: r.mine, version: Number(r.version),
  };
}

/** What the caller may do on a studio's page (its buttons). */
export function studioActions(s: StudioRow & { memberIds: string[] }, actor: Actor) {
  const out: Array<{ name: 'edit' | 'members' | 'activity' | 'case' | 'need' | 'offer' | 'loan' | 'project'; label: string }> = [];
  if (mayManageStudio(s, actor)) out.push({ name: 'edit', label: '修改' }, { name: 'members', label: '管理成员' });
  if (mayRecordIn(s, actor)) {
    out.push({ name: 'activity', label: '记录活动' });
    const kinds = recordKindsOf(s.kind);
    if (kinds.includes('cases')) out.push({ name: 'case', label: '登记调解案件' });
    if (kinds.includes('finance')) out.push({ name: 'need', label: '登记融资需求' }, { name: 'offer', label: '登记银行产品' }, { name: 'loan', label: '记录放贷' });
    if (kinds.includes('projects')) out.push({ name: 'project', label: '登记引进项目' });
  }
  return out;
}

interface Party { role: string; name: string; phone?: string; address?: string }

export function toCaseItem(r: { id: string; studio_id: string; studio_name: string; matter: string; received_on: string; closed_on: string | null; outcome: string | null; agreement: string | null; parties: string; version: number }, handlers: string[], visible: boolean, canEdit: boolean): CaseItem {
  const parties = (JSON.parse(r.parties) as Party[]).map((p) => ({
    role: p.role, roleLabel: partyRoleLabels[p.role as PartyRole] ?? p.role,
    name: visible ? p.name : maskName(p.name), phone: visible ? p.phone ?? null : null, address: visible ? p.address ?? null : null,
  }));
  return {
    id: r.id, studioId: r.studio_id, studioName: r.studio_name, matter: r.matter, receivedOn: r.received_on, closedOn: r.closed_on,
    outcome: r.outcome, outcomeLabel: outcomeLabel(r.outcome), agreement: visible ? r.agreement : r.agreement ? maskAgreement(r.agreement, JSON.parse(r.parties) as Party[]) : null,
    partiesVisible: visible, parties, handlers, version: Number(r.version), canEdit,
  };
}

/** An agreement's text names the parties: others read it with their names masked. */
function maskAgreement(text: string, parties: Party[]): string {
  let out = text;
  for (const p of parties) if (p.name.trim()) out = out.split(p.name.trim()).join(maskName(p.name));
  return out;
}

export const outcomeOptions = Object.entries(caseOutcomeLabels).map(([code, label]) => ({ code: code as CaseOutcome, label }));
export const statusLabel = (s: string) => projectStatusLabels[s as ProjectStatus] ?? s;
export const needLabel = (s: string) => needStateLabels[s] ?? s;
export { managesStudios };
