/**
 * 面商: a handling unit records a consultation with the proposer. One unit of work: the record, the proposal's version
 * bumped under the version the caller read (a stale page gets 409), the step in the proposal's history with its audit
 * record, and the `proposal.consulted` event in the outbox.
 */
import type { Actor } from '../../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../../kernel/server/module.ts';
import { forbidden, invalid, notFound, versionConflict } from '../../../../kernel/universal/errors.ts';
import { newId } from '../../../../kernel/universal/ids.ts';
import type { ConsultationBody } from '../../contract.ts';
import { canRecordConsultation } from '../../domain/proposal-consultation.ts';
import { canSeeProposal } from '../../domain/proposal-policy.ts';
import { findOrg } from '../directory.ts';
import { findProposal, loadFacts } from '../proposal-repository.ts';
import { formatDate } from '../../../../kernel/universal/china-time.ts';
import { proposalDb } from '../tables.ts';

export async function recordConsultation(ctx: ModuleContext, actor: Actor, id: string, body: ConsultationBody, ip?: string): Promise<void> {
  const row = await findProposal(ctx.db, id);
  const facts = row ? await loadFacts(ctx.db, id) : null;
  if (!row || !facts || !canSeeProposal(row, actor, facts)) throw notFound('提案');
  // the page that sent it shows an older proposal: read it again first
  if (body.version !== undefined && body.version !== Number(row.version)) throw versionConflict('提案');
  if (!canRecordConsultation(row, actor, facts.unitIds)) throw forbidden('记录面商（只有承办单位在办理期间可以记录）');
  if (Number.isNaN(Date.parse(body.date))) throw invalid('date', '「面商日期」', '不是有效日期');
  if (body.date > ctx.calendar.today()) throw invalid('date', '「面商日期」', '不能晚于今天');
  if (row.filed_at && body.date < formatDate(row.filed_at)) throw invalid('date', '「面商日期」', '不能早于立案日期');
  const unit = await findOrg(ctx.db, actor.orgId);
  const unitName = unit?.name ?? '承办单位';
  await ctx.uow.run(async (w) => {
    const consultationId = newId();
    await proposalDb(w.trx).insertInto('proposal_consultations').values({
      id: consultationId, tenant_id: row.tenant_id, proposal_id: id, unit_id: actor.orgId, unit_name: unitName,
      method: body.method, date: body.date, people: body.people, notes: body.notes,
      recorded_by_user_id: actor.userId, recorded_by_name: actor.displayName, created_at: w.now,
    }).execute();
    // guarded by the version read above: another write in between (a transition, another unit's 面商) is a 409
    await w.bumpVersion('proposals', id, Number(row.version), { updated_at: w.now }, '提案');
    const data = { consultationId, unitId: actor.orgId, method: body.method, date: body.date };
    await w.record({
      tenantId: row.tenant_id, entityType: 'proposal', entityId: id, to: row.state, action: 'consultation', actor, ip,
      note: `${unitName}：${body.people}`, data,
      audit: { action: 'proposal.consultation', data },
      event: { type: 'proposal.consulted', payload: { ...data, version: Number(row.version) + 1 } },
    });
  });
}
