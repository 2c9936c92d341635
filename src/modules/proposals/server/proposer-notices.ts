/**
 * 提案人的通知: each step of a proposal that changes what its proposer and co-signers (联名) see tells them, in the inbox,
 * by e-mail when configured, and by a live push: 立案, 不予立案 (with the reason, and the 转办 offer), 退回修改 (with the
 * reason), 并案, 交办 and 重新交办 (to which units), 签收, 办结 and 跨年度跟踪; the proposer also hears each co-signer's
 * answer (联名确认 / 谢绝联名), and when the last one has confirmed that the proposal can be submitted. Delivered from the
 * outbox after the step, each person told once per event (as 社情民意 tells its submitters). The person who took the
 * step is not told of it. A 退回修改 opens the proposer's work item: that work item's notice is theirs, naming the reason
 * and the due date (`returnedTaskNotice`), so they get one notice, not two; the co-signers get the step's notice.
 */
import type { DomainEvent } from '../../../kernel/server/events.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { OwnTaskNotice, TaskNoticeFacts } from '../../../kernel/server/contributions.ts';
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
  /** 退回修改: the day the proposer's work item is due */
  dueDate?: string | null;
  /** 联名确认 / 谢绝联名: the co-signer who answered */
  cosigner?: string | null;
  /** 联名确认 / 谢绝联名: invited co-signers still to answer after this one, and those on the proposal */
  cosignersPending?: number | null;
  cosignerCount?: number | null;
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
      return { title: '提案被退回修改', what: `被退回修改${f.reason ? `，理由：${sentence(f.reason)}` : ''}。请${f.dueDate ? `于 ${f.dueDate} 前` : ''}修改后重新提交。` };
    case 'cosign': {
      const who = f.cosigner || '一位联名委员';
      const pending = Number(f.cosignersPending ?? 0);
      const next = pending > 0 ? `还有 ${pending} 位联名委员未确认。` : '联名委员均已确认，提案现在可以提交。';
      return { title: '联名委员已确认', what: `已由${who}确认联名。${next}` };
    }
    case 'decline_cosign': {
      const who = f.cosigner || '一位联名委员';
      const pending = Number(f.cosignersPending ?? 0);
      const next = Number(f.cosignerCount ?? 0) === 0
        ? '目前没有联名委员，请邀请其他委员联名或改为个人提案。'
        : pending > 0 ? `还有 ${pending} 位联名委员未确认。` : '其余联名委员均已确认，提案现在可以提交。';
      return { title: '联名委员谢绝联名', what: `${who}谢绝联名。${next}` };
    }
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

/** A co-signer's answer as its history entry keeps it: who answered and the counts after it. */
async function cosignStepOf(ctx: ModuleContext, r: ProposalRow, action: string, actorId: string | undefined, at: string | undefined): Promise<Partial<StepFacts>> {
  const steps = (await listHistory(ctx.db, 'proposal', r.id, { actions: [action] })).filter((s) => !actorId || s.actor_id === actorId);
  const step = (at ? steps.filter((s) => s.at <= at) : steps).at(-1) ?? steps.at(-1);
  if (!step) return {};
  const data = (typeof step.data === 'string' ? JSON.parse(step.data) : step.data ?? {}) as { cosignersPending?: number; cosignerCount?: number };
  return {
    cosigner: step.actor_name ?? null,
    cosignersPending: data.cosignersPending ?? Number(r.cosigners_pending ?? 0),
    cosignerCount: data.cosignerCount ?? Number(r.cosigner_count ?? 0),
  };
}

async function factsOf(ctx: ModuleContext, r: ProposalRow, action: string, at: string | undefined, actorId?: string): Promise<StepFacts> {
  const f: StepFacts = { number: r.number, isKey: Number(r.is_key ?? 0) === 1, leadUnit: (r.lead_unit_name as string | null) ?? null, mode: (r.handling_mode as string | null) ?? null };
  if (action === 'cosign' || action === 'decline_cosign') Object.assign(f, await cosignStepOf(ctx, r, action, actorId, at));
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
  const notice = proposerNotice(action, await factsOf(ctx, r, action, e.at, e.actorId))!;
  const { proposer, cosigners } = await proposersOf(ctx, r);
  // a co-signer's answer is the proposer's news; a 退回修改 reaches the proposer as their work item's notice
  const toProposer = action !== 'return';
  const toCosigners = action !== 'cosign' && action !== 'decline_cosign';
  const link = `/proposals/${r.id}`;
  const key = e.id ? `proposer:${e.id}` : undefined;
  const send = async (userIds: string[], whose: string) => {
    const to = userIds.filter((u) => u && u !== e.actorId);
    if (!to.length) return;
    // 立案 names the new number itself
    const named = action === 'file' ? r.title : titleOf(r);
    await ctx.notifier.notify({ tenantId: r.tenant_id, userIds: to, kind: 'proposal', title: notice.title, body: `${whose}「${named}」${notice.what}`, link, key });
  };
  if (toProposer) await send([proposer], '您的提案');
  if (toCosigners) await send(cosigners, '您联名的提案');
}

/**
 * The notice of the proposer's 退回修改 work item (the proposal entity's `taskNotice`): the step's notice, with the
 * reason, and the work item's due date, linking to the proposal where they revise it. Null for other work items.
 */
export async function returnedTaskNotice(ctx: ModuleContext, t: TaskNoticeFacts): Promise<OwnTaskNotice | null> {
  if (t.state !== 'returned') return null;
  const r = await findProposal(ctx.db, t.entityId);
  if (!r) return null;
  const f = await factsOf(ctx, r, 'return', t.at);
  const notice = proposerNotice('return', { ...f, dueDate: t.dueDate })!;
  // titled as every new work item is (新待办：退回修改), the body the step's own notice with the due date
  return { title: `新待办：${t.label}`, body: `您的提案「${titleOf(r)}」${notice.what}` };
}

/** Subscribe to the proposal's steps (delivered from the outbox, at least once). */
export function subscribeProposerNotices(ctx: ModuleContext): void {
  ctx.events.on('proposal.transitioned', (e) => tellProposers(ctx, e));
}
