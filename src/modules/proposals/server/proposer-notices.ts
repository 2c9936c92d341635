/**
 * 提案人的通知: each step of a proposal that changes what its proposer and co-signers (联名) see tells them, in the inbox,
 * by e-mail when configured, and by a live push: 立案, 不予立案 (with the reason, and the 转办 offer), 退回修改 (with the
 * reason), 并案, 交办 and 重新交办 (to which units), 签收, 办结 and 跨年度跟踪. Delivered from the outbox after the step,
 * each person told once per event (as 社情民意 tells its submitters). The person who took the step is not told of it.
 */
import type { DomainEvent } from '../../../kernel/server/events.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { listHistory } from '../../../kernel/server/work-items.ts';
import { conversionTargetLabels, type ConversionTarget } from '../domain/proposal-conversion.ts';
import { findProposal, type ProposalRow } from './proposal-repository.ts';
import { readProposalSettings } from './settings.ts';

/** What a proposer is told of a step: the notice's title and the body's sentence after 「title」. */
export interface ProposerNotice { title: string; what: string }

/** The facts of a step a notice may name. */
export interface StepFacts {
  number?: string | null;
  isKey?: boolean;
  /** the reason given (退回修改, 不予立案's note) */
  reason?: string | null;
  /** 不予立案理由, as the tenant's list labels it */
  reasonLabel?: string | null;
  /** 转办 offered with 不予立案 */
  offer?: ConversionTarget | null;
  /** 并案: the proposal it was merged into */
  target?: string | null;
  /** 交办: the lead unit and the others */
  leadUnit?: string | null;
  otherUnits?: string[];
  mode?: string | null;
}

const sentence = (s: string) => s.replace(/[。；，\s]+$/, '');

/** The notice for a step, or null when the step tells the proposers nothing. Pure. */
export function proposerNotice(action: string, f: StepFacts): ProposerNotice | null {
  switch (action) {
    case 'file':
      return { title: '提案已立案', what: `已立案${f.number ? `，编号为${f.number}` : ''}${f.isKey ? '，并列为重点提案' : ''}。` };
    case 'not_file': {
      const why = [f.reasonLabel, f.reason].filter(Boolean).map((s) => sentence(String(s))).join('；');
      const offer = f.offer ? `经审查可${conversionTargetLabels[f.offer]}办理，请在待办中答复是否同意。` : '';
      return { title: '提案不予立案', what: `不予立案${why ? `，理由：${why}` : ''}。${offer}` };
    }
    case 'return':
      return { title: '提案被退回修改', what: `被退回修改${f.reason ? `，理由：${sentence(f.reason)}` : ''}。请修改后重新提交。` };
    case 'merge':
      return { title: '提案已并案', what: `已并入${f.target ? `「${f.target}」` : '另一件提案'}办理，答复时分别答复。` };
    case 'assign':
    case 'reassign': {
      const others = f.otherUnits?.length ? `，${f.mode === 'split' ? '分办' : '会办'}单位：${f.otherUnits.join('、')}` : '';
      return { title: action === 'assign' ? '提案已交办' : '提案已重新交办', what: `已${action === 'assign' ? '' : '重新'}交办，主办单位：${f.leadUnit ?? '承办单位'}${others}。` };
    }
    case 'sign':
      return { title: '承办单位已签收', what: `已由${f.leadUnit ?? '承办单位'}签收，正在办理。` };
    case 'close':
      return { title: '提案已办结', what: '已办结。' };
    case 'follow_up':
      return { title: '提案跨年度跟踪办理', what: `已列入跨年度跟踪，由${f.leadUnit ?? '承办单位'}继续办理${f.reason ? `，要求：${sentence(f.reason)}` : ''}。` };
    default:
      return null;
  }
}

const titleOf = (r: ProposalRow) => (r.number ? `${r.number} ${r.title}` : r.title);

/** The reason the step's history entry keeps (退回理由, a review meeting's note), for the step this event tells of. */
async function noteOf(ctx: ModuleContext, r: ProposalRow, action: string, at: string | undefined): Promise<string | null> {
  const steps = await listHistory(ctx.db, 'proposal', r.id, { actions: [action] });
  const upTo = at ? steps.filter((s) => s.at <= at) : steps;
  const step = upTo.at(-1) ?? steps.at(-1);
  return step?.note ?? null;
}

async function factsOf(ctx: ModuleContext, r: ProposalRow, action: string, at: string | undefined): Promise<StepFacts> {
  const f: StepFacts = { number: r.number, isKey: Number(r.is_key ?? 0) === 1, leadUnit: (r.lead_unit_name as string | null) ?? null, mode: (r.handling_mode as string | null) ?? null };
  if (action === 'return' || action === 'not_file' || action === 'follow_up') f.reason = await noteOf(ctx, r, action, at);
  if (action === 'not_file') {
    const code = String(r.not_filed_reason ?? '');
    const settings = await readProposalSettings(ctx, r.tenant_id);
    f.reasonLabel = settings.notFiledReasons.find((c) => c.code === code)?.label ?? (code || null);
    f.offer = (r.conversion_offer as ConversionTarget | null) ?? null;
  }
  if (action === 'merge' && r.merged_into_id) {
    const target = await findProposal(ctx.db, String(r.merged_into_id));
    f.target = target ? titleOf(target) : null;
  }
  if (action === 'assign' || action === 'reassign') {
    const units = await ctx.db.selectFrom('proposal_units').select(['unit_name', 'role']).where('proposal_id', '=', r.id).orderBy('created_at').orderBy('unit_name').execute();
    f.leadUnit = units.find((u: any) => u.role === 'lead')?.unit_name ?? f.leadUnit;
    f.otherUnits = units.filter((u: any) => u.role !== 'lead').map((u: any) => String(u.unit_name));
  }
  return f;
}

/** The proposer and the co-signers who have confirmed (联名), and those credited by a merge. */
async function proposersOf(ctx: ModuleContext, r: ProposalRow): Promise<{ proposer: string; cosigners: string[] }> {
  const cos = await ctx.db.selectFrom('proposal_cosigners').select('user_id').where('proposal_id', '=', r.id).where('confirmed_at', 'is not', null).execute();
  return { proposer: r.proposer_user_id, cosigners: cos.map((c: any) => String(c.user_id)).filter((u) => u !== r.proposer_user_id) };
}

/** Tell the proposer and co-signers of a proposal's step (a `proposal.transitioned` event). */
export async function tellProposers(ctx: ModuleContext, e: DomainEvent): Promise<void> {
  if (!e.entityId) return;
  const action = String((e.payload as { action?: string }).action ?? '');
  if (!proposerNotice(action, {})) return;
  const r = await findProposal(ctx.db, e.entityId);
  if (!r) return;
  const notice = proposerNotice(action, await factsOf(ctx, r, action, e.at))!;
  const { proposer, cosigners } = await proposersOf(ctx, r);
  const link = `/proposals/${r.id}`;
  const key = e.id ? `proposer:${e.id}` : undefined;
  const send = async (userIds: string[], whose: string) => {
    const to = userIds.filter((u) => u && u !== e.actorId);
    if (!to.length) return;
    // 立案 names the new number itself
    const named = action === 'file' ? r.title : titleOf(r);
    await ctx.notifier.notify({ tenantId: r.tenant_id, userIds: to, kind: 'proposal', title: notice.title, body: `${whose}「${named}」${notice.what}`, link, key });
  };
  await send([proposer], '您的提案');
  await send(cosigners, '您联名的提案');
}

/** Subscribe to the proposal's steps (delivered from the outbox, at least once). */
export function subscribeProposerNotices(ctx: ModuleContext): void {
  ctx.events.on('proposal.transitioned', (e) => tellProposers(ctx, e));
}
