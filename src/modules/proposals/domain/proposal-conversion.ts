/**
 * 转办 of a declined proposal (不予立案): the office may offer to turn it into a social-conditions report (转社情民意) or
 * to pass it to the departments for reference (转参考件); this happens only with the proposer's consent (征得提案人同意).
 * Pure: the guards the lifecycle uses and the labels the presenter shows.
 */
import type { GuardContext } from '../../../kernel/universal/workflow.ts';

/** 转办去向: 社情民意 / 参考件. */
export const conversionTargets = ['opinion', 'reference'] as const;
export type ConversionTarget = (typeof conversionTargets)[number];
export const conversionTargetLabels: Record<ConversionTarget, string> = { opinion: '转社情民意', reference: '转参考件' };
/** What the proposal shows once converted. */
export const convertedLabels: Record<ConversionTarget, string> = { opinion: '已转社情民意', reference: '已转参考件' };

/** 征询状态: offered and waiting for the proposer, consented, refused. */
export const conversionStatuses = ['pending', 'accepted', 'refused'] as const;
export type ConversionStatus = (typeof conversionStatuses)[number];
export const conversionStatusLabels: Record<ConversionStatus, string> = { pending: '待提案人确认', accepted: '提案人已同意', refused: '提案人不同意' };

/** The work item the proposer gets for the consent (entity type of the `tasks` row, one per proposal). */
export const conversionEntity = 'proposal-conversion';

interface Rec { proposer_user_id: string; conversion_status?: unknown; conversion_offer?: unknown; [k: string]: unknown }

/** Only the first proposer answers an offer that is still open. */
export function conversionAnswerable({ record, actor }: GuardContext<Rec>): string | null {
  if (record.proposer_user_id !== actor.userId) return '只有第一提案人可以答复转办征询';
  if (record.conversion_status !== 'pending' || !record.conversion_offer) return '这件提案没有待答复的转办征询';
  return null;
}
