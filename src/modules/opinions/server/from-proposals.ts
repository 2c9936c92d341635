/**
 * 提案转社情民意: when a proposer consents to the office's offer, the 提案 module publishes `proposal.converted`; this
 * creates the 社情民意 report in the editors' queue, submitted in the proposer's name with the co-signers credited
 * (联名), linked back to the proposal (source_proposal_id). The report's id comes with the event, so a second delivery
 * finds it and creates nothing (idempotent, also under a race: the primary key decides).
 */
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { MigrationDef } from '../../../kernel/server/migrate.ts';
import type { DomainEvent } from '../../../kernel/server/events.ts';
import { isUniqueViolation } from '../../../kernel/server/db/dialect.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { receiveReport } from './report-commands.ts';
import { publishReportText } from './search-index.ts';
import type { ReportRow } from './report-repository.ts';
import { proposalConvertedEvent, type ProposalConvertedPayload } from '../../proposals/contract.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { opinionDb } from './tables.ts';
import { currentWorkYear } from '../../organizations/index.ts';

/** The payload of `proposal.converted`, as the 提案 module's contract describes it. */
type ConvertedPayload = ProposalConvertedPayload;

export const fromProposalMigrations: MigrationDef[] = [
  {
    name: '1130_opinions_from_proposals',
    async up(db) {
      // lineage of a report converted from a declined proposal (提案转社情民意), and the co-signers credited with the proposer
      await db.schema.alterTable('opinion_reports').addColumn('source_proposal_id', 'text').execute();
      await db.schema.alterTable('opinion_reports').addColumn('source_proposal_number', 'text').execute();
      await db.schema.alterTable('opinion_reports').addColumn('co_submitters', 'text').execute();
      await db.schema.createIndex('opinion_reports_source_proposal').on('opinion_reports').column('source_proposal_id').unique().execute();
    },
  },
  {
    name: '1131_opinions_converted_personal',
    async up(db) {
      // a report converted from a member's own proposal is a personal report (个人报送), in the CPPCC's name as a
      // member's own report is; those converted before had no organisation and counted under 其他（导入的信息）
      await db.updateTable('opinion_reports').set((eb) => ({ submitter_org_id: eb.ref('tenant_id') }))
        .where('source_proposal_id', 'is not', null).where('submitter_org_id', 'is', null).execute();
    },
  },
];

function valid(p: Partial<ConvertedPayload>): p is ConvertedPayload {
  return typeof p.proposalId === 'string' && typeof p.reportId === 'string' && typeof p.title === 'string' && typeof p.body === 'string'
    && !!p.proposer && typeof p.proposer.userId === 'string' && Array.isArray(p.cosigners);
}

/** Create the report for one delivery of the event; returns whether this delivery created it. */
export async function createReportFromProposal(ctx: ModuleContext, e: DomainEvent): Promise<boolean> {
  const p = e.payload as Partial<ConvertedPayload>;
  if (!valid(p)) throw new Error(`proposal.converted: malformed payload for ${e.entityId ?? '?'}`);
  const known = await opinionDb(ctx.db).selectFrom('opinion_reports').select('id')
    .where((eb) => eb.or([eb('id', '=', p.reportId), eb('source_proposal_id', '=', p.proposalId)])).executeTakeFirst();
  if (known) return false;
  const now = clock.iso();
  const actor = {
    userId: p.proposer.userId, displayName: p.proposer.name, orgId: p.proposer.orgId ?? e.tenantId, tenantId: e.tenantId,
    roles: [], permissions: new Set<string>(),
  };
  const row = {
    id: p.reportId, tenant_id: e.tenantId, year: (await currentWorkYear(ctx.settings, e.tenantId)).year, title: p.title, body: p.body,
    submitted_title: p.title, submitted_body: p.body, urgent: 0, topic: null,
    // a member's own proposal becomes a personal report (个人报送), in this CPPCC's name as a member's own report is;
    // a proposal of a party, group or committee stays that organisation's (报送单位)
    submitter_user_id: p.proposer.userId, submitter_name: p.proposer.name, submitter_org_id: p.proposer.orgId ?? e.tenantId,
    source_report_id: null, source_tenant_id: null, source_tenant_name: null, root_report_id: p.reportId, up_copy_id: null, sent_up_at: null, sent_up_to: null,
    issue_id: null, issue_number: null, return_reason: null, returned_at: null, accepted_at: null, verified_at: null, revision_count: 1,
    source_proposal_id: p.proposalId, source_proposal_number: p.number ?? null, co_submitters: p.cosigners.length ? JSON.stringify(p.cosigners) : null,
    state: 'submitted', version: 1, created_at: now, updated_at: now, submitted_at: now,
  } as ReportRow;
  const note = `由提案${p.number ? `${p.number}` : ''}「${p.title}」经提案人同意转来${p.cosigners.length ? `，联名：${p.cosigners.map((c) => c.name).join('、')}` : ''}`;
  try {
    // one unit of work: the report, its first revision, its work item (by the lifecycle's rule), history entry, audit
    // record and the `opinion.transitioned` event that tells the editors
    await ctx.uow.run(async (w) => {
      const trx = opinionDb(w.trx);
      await trx.insertInto('opinion_reports').values(row).execute();
      await trx.insertInto('opinion_revisions').values({ id: newId(), report_id: row.id, tenant_id: row.tenant_id, seq: 1, title: row.title, body: row.body, editor_id: actor.userId, editor_name: actor.displayName, note: '原稿（提案转来）', at: now }).execute();
      await receiveReport(w, row, { action: 'create', actor: actor as any, note });
      await w.audit({
        tenantId: row.tenant_id, actorId: 'system', actorName: '系统', action: 'opinion.from_proposal', entityType: 'opinion', entityId: row.id,
        data: { proposalId: p.proposalId, cosigners: p.cosigners.map((c) => c.userId) },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) return false; // another delivery created it at the same moment
    throw err;
  }
  await publishReportText(ctx, row);
  return true;
}

/** Subscribe once per app (registered in the module's manifest). */
export function subscribeFromProposals(ctx: ModuleContext): void {
  ctx.events.on(proposalConvertedEvent, async (e) => { await createReportFromProposal(ctx, e); });
}
