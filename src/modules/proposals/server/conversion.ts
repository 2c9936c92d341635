/**
 * 转办 of a declined proposal with the proposer's consent: the offer made on 不予立案 opens a work item for the
 * proposer (转办征询); consent records what the proposal became and, for 社情民意, publishes `proposal.converted` so that
 * the 社情民意 module creates the report (crediting the proposer and co-signers, linked back to the proposal).
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Work } from '../../../kernel/server/unit-of-work.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { proposalConvertedEvent, type ProposalConvertedPayload, type ProposalDetail } from '../contract.ts';
import {
  conversionEntity, conversionStatusLabels, conversionTargetLabels, convertedLabels, type ConversionStatus, type ConversionTarget,
} from '../domain/proposal-conversion.ts';
import type { ProposalRow } from './proposal-repository.ts';
import { proposalDb } from './tables.ts';


const titleOf = (r: ProposalRow) => (r.number ? `${r.number} ${r.title}` : r.title);

/** 不予立案 with an offer: remember it and ask the proposer (a work item due with the revision window; they are told). */
export async function offerConversion(ctx: ModuleContext, w: Work, record: ProposalRow, offer: ConversionTarget, actor: Actor, dueDays: number) {
  await w.openTask({
    tenantId: record.tenant_id, entityType: conversionEntity, entityId: record.id, recordType: 'proposal', state: 'not_filed', title: titleOf(record),
    label: `转办征询（${conversionTargetLabels[offer]}）`, userId: record.proposer_user_id,
    dueDate: ctx.calendar.addWorkingDays(ctx.calendar.today(), dueDays), actor,
  });
  return { conversion_offer: offer, conversion_status: 'pending' };
}

/** 同意转办: the proposal becomes a 社情民意 report (its id chosen now) or a 参考件. */
export async function consentConversion(w: Work, record: ProposalRow, now: string) {
  await w.closeTasks(conversionEntity, record.id);
  const to = record.conversion_offer as ConversionTarget;
  return { conversion_status: 'accepted', converted_to: to, converted_at: now, converted_ref_id: to === 'opinion' ? newId() : null };
}

/** 不同意转办: it stays 不予立案. */
export async function refuseConversion(w: Work, record: ProposalRow) {
  await w.closeTasks(conversionEntity, record.id);
  return { conversion_status: 'refused' };
}

/**
 * With a consent to 社情民意: tell the 社情民意 module through the outbox, in the consent's transaction, so the report is
 * created even if the instance stops right after commit (it creates the report once, however often this is delivered).
 */
export async function emitConversion(w: Work, r: ProposalRow, actor: Actor): Promise<void> {
  if (r.converted_to !== 'opinion' || !r.converted_ref_id) return;
  const cos = await proposalDb(w.trx).selectFrom('proposal_cosigners').select(['user_id', 'name']).where('proposal_id', '=', r.id)
    .where('confirmed_at', 'is not', null).orderBy('name').execute();
  const payload: ProposalConvertedPayload = {
    proposalId: r.id, reportId: String(r.converted_ref_id), number: r.number, year: Number(r.year), title: r.title,
    body: [['背景情况', r.background], ['问题分析', r.analysis], ['具体建议', r.suggestions]].filter(([, v]) => v).map(([k, v]) => `${k}\n${v}`).join('\n\n'),
    proposer: { userId: r.proposer_user_id, name: r.proposer_name, orgId: r.proposer_org_id },
    cosigners: cos.map((c: any) => ({ userId: c.user_id, name: c.name })),
  };
  await w.emit({
    type: proposalConvertedEvent, tenantId: r.tenant_id, entityType: 'proposal', entityId: r.id, actorId: actor.userId,
    payload: payload as unknown as Record<string, unknown>,
  });
}

/** What the detail shows of a conversion (null when none was offered). */
export function conversionInfoOf(r: ProposalRow): ProposalDetail['conversion'] {
  const offer = r.conversion_offer as ConversionTarget | null | undefined;
  if (!offer) return null;
  const status = (r.conversion_status ?? 'pending') as ConversionStatus;
  const to = (r.converted_to ?? null) as ConversionTarget | null;
  return {
    offer, offerLabel: conversionTargetLabels[offer] ?? offer, status, statusLabel: conversionStatusLabels[status] ?? status,
    convertedTo: to, convertedLabel: to ? convertedLabels[to] : null, convertedAt: (r.converted_at as string | null) ?? null,
    reportId: to === 'opinion' ? ((r.converted_ref_id as string | null) ?? null) : null,
  };
}
