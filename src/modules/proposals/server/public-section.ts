/**
 * 已公开提案 on the public portal (门户): the same records as 公开提案查询 (`public-routes.ts`): proposals whose
 * proposers agreed to publication (同意公开) and whose reply has been released, newest reply first, each with its
 * text and the released reply. Nothing else of a proposal (contact data, notes, history, evaluations) leaves here.
 */
import type { PublicSection } from '../../../kernel/server/contributions.ts';
import { escapeHtml, excerpt, textToHtml } from '../../../kernel/universal/html.ts';
import { proposalTypeLabels, type ProposalType } from '../contract.ts';
import { publicStates } from '../domain/proposal-policy.ts';
import { findProposal, type ProposalRow } from './proposal-repository.ts';
import { isPublicRecord } from './public-routes.ts';
import { readProposalSettings } from './settings.ts';
import { proposalDb } from './tables.ts';

const day = (iso: string | null | undefined) => (iso ?? '').slice(0, 10);

export const publicProposalSection: PublicSection = {
  key: 'proposals.public',
  title: '已公开提案',
  titleEn: 'Published proposals',
  order: 40,
  // a reply released (a transition), publication agreed or withdrawn on an edit
  events: ['proposal.transitioned', 'proposal.updated'],
  async list(ctx, tenantId, page) {
    const db = proposalDb(ctx.db);
    const base = db.selectFrom('proposals').where('tenant_id', '=', tenantId).where('is_public', '=', 1)
      .where('state', 'in', [...publicStates]).where('replied_at', 'is not', null);
    const [rows, count] = await Promise.all([
      base.select(['id', 'number', 'title', 'proposer_name', 'lead_unit_name', 'replied_at'])
        .orderBy('replied_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return {
      total: Number(count?.n ?? 0),
      items: rows.map((r) => ({
        id: r.id, title: r.title, date: day(r.replied_at),
        summary: [r.number ?? '', `提案人：${r.proposer_name}`, r.lead_unit_name ? `主办单位：${r.lead_unit_name}` : ''].filter(Boolean).join('　'),
      })),
    };
  },
  async item(ctx, tenantId, id) {
    const r = await findProposal(proposalDb(ctx.db), id) as ProposalRow | undefined;
    if (!r || r.tenant_id !== tenantId || !isPublicRecord(r)) return null;
    const settings = await readProposalSettings(ctx, r.tenant_id);
    const classLabel = r.released_class ? settings.replyClasses.find((c) => c.code === r.released_class)?.label ?? r.released_class : null;
    const facts = [
      ['提案编号', r.number ?? ''], ['提案类别', proposalTypeLabels[r.type as ProposalType] ?? r.type], ['提案人', r.proposer_name],
      ['主办单位', r.lead_unit_name ?? ''], ['答复类别', classLabel ?? ''], ['答复日期', day(r.replied_at)],
    ].filter(([, v]) => v);
    const html = [
      `<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`,
      r.background ? `<h2>案由</h2>${textToHtml(r.background)}` : '',
      r.analysis ? `<h2>情况分析</h2>${textToHtml(r.analysis)}` : '',
      r.suggestions ? `<h2>具体建议</h2>${textToHtml(r.suggestions)}` : '',
      `<h2>答复</h2>${textToHtml(r.released_text) || '<p>答复正文未公开。</p>'}`,
      `<p class="more"><a href="/public/proposals/${encodeURIComponent(r.id)}">在公开提案查询中查看</a></p>`,
    ].join('');
    return {
      id: r.id, title: r.title, date: day(r.replied_at), kicker: `${r.session_label ?? ''}提案`.trim(), html,
      description: excerpt(`${r.proposer_name}：${r.suggestions || r.background}`, 120),
    };
  },
};
