/** 面商: a handling unit records a consultation with the proposer, in one transaction with its audit record. */
import type { Actor } from '../../../../kernel/server/actor.ts';
import { appendAudit } from '../../../../kernel/server/audit.ts';
import type { ModuleContext } from '../../../../kernel/server/module.ts';
import { forbidden, invalid, notFound } from '../../../../kernel/universal/errors.ts';
import { newId } from '../../../../kernel/universal/ids.ts';
import type { ConsultationBody } from '../../contract.ts';
import { canRecordConsultation } from '../../domain/proposal-consultation.ts';
import { canSeeProposal } from '../../domain/proposal-policy.ts';
import { findOrg } from '../directory.ts';
import { findProposal, loadFacts } from '../proposal-repository.ts';
import { clock } from '../../../../kernel/universal/clock.ts';
import { formatDate } from '../../../../kernel/universal/china-time.ts';
import { proposalDb } from '../tables.ts';

export async function recordConsultation(ctx: ModuleContext, actor: Actor, id: string, body: ConsultationBody, ip?: string): Promise<void> {
  const row = await findProposal(ctx.db, id);
  const facts = row ? await loadFacts(ctx.db, id) : null;
  if (!row || !facts || !canSeeProposal(row, actor, facts)) throw notFound('提案');
  if (!canRecordConsultation(row, actor, facts.unitIds)) throw forbidden('记录面商（只有承办单位在办理期间可以记录）');
  if (Number.isNaN(Date.parse(body.date))) throw invalid('date', '「面商日期」', '不是有效日期');
  if (body.date > ctx.calendar.today()) throw invalid('date', '「面商日期」', '不能晚于今天');
  if (row.filed_at && body.date < formatDate(row.filed_at)) throw invalid('date', '「面商日期」', '不能早于立案日期');
  const unit = await findOrg(ctx.db, actor.orgId);
  const now = clock.iso();
  await proposalDb(ctx.db).transaction().execute(async (trx) => {
    await trx.insertInto('proposal_consultations').values({
      id: newId(), tenant_id: row.tenant_id, proposal_id: id, unit_id: actor.orgId, unit_name: unit?.name ?? '承办单位',
      method: body.method, date: body.date, people: body.people, notes: body.notes,
      recorded_by_user_id: actor.userId, recorded_by_name: actor.displayName, created_at: now,
    }).execute();
    await appendAudit(trx, ctx.dialect, {
      tenantId: row.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'proposal.consultation',
      entityType: 'proposal', entityId: id, data: { method: body.method, date: body.date }, ip,
    });
  });
  await ctx.events.publish({ type: 'proposal.consulted', tenantId: row.tenant_id, entityType: 'proposal', entityId: id, actorId: actor.userId, payload: { method: body.method } });
}
