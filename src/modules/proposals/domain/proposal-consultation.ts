/**
 * 面商: a handling unit records each consultation with the proposer (办前面商、办中沟通) — method, date, people and notes;
 * the proposer and everyone who may see the proposal read them. Pure rules, no I/O.
 */
import { consultationMethodCodes } from '../contract.ts';

/** 沟通方式: the code list 面谈 / 座谈会 / 电话 / 邮件 / 书信 / 其它. */
export const consultationMethods = consultationMethodCodes;
export type ConsultationMethod = (typeof consultationMethods)[number];
export const consultationMethodLabels: Record<ConsultationMethod, string> = {
  face_to_face: '面谈', forum: '座谈会', phone: '电话', email: '邮件', letter: '书信', other: '其它',
};

/** States in which the units are handling the proposal, or may still talk with the proposer about the reply. */
export const consultationStates = ['assigned', 'objected', 'in_progress', 'extension_requested', 'reply_signoff', 'reply_check', 'replied', 'rehandle'] as const;

/** May the actor record a consultation: a handling unit (主办, 分办 or 会办) of the proposal while it is being handled. */
export function canRecordConsultation(
  r: { state: string; tenant_id: string },
  a: { orgId: string; tenantId: string; roles: readonly string[] },
  unitIds: readonly string[],
): boolean {
  return (consultationStates as readonly string[]).includes(r.state)
    && r.tenant_id === a.tenantId
    && unitIds.includes(a.orgId)
    && a.roles.some((x) => x === 'unit_handler' || x === 'unit_leader');
}
