/**
 * 公开提案查询: proposals whose proposers agreed to publication (同意公开) and whose reply has been released are readable
 * without signing in — the proposal, its proposers as public record, the lead unit and the reply with its class. No
 * contact data, internal notes, history or evaluations leave through these routes.
 */
import { z } from 'zod';
import type { ExpressionBuilder } from 'kysely';
import type { App } from '../../../kernel/server/http/server.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { ilike } from '../../../kernel/server/db/dialect.ts';
import { notFound } from '../../../kernel/universal/errors.ts';
import { proposalTypeLabels, type ProposalType } from '../contract.ts';
import { publicDetail, publicListQuery, publicPage, type PublicListItem } from '../contract.ts';
import { publicStates } from '../domain/proposal-policy.ts';
import { findOrg } from './directory.ts';
import { getOrg } from '../../organizations/index.ts';
import { proposalDb, type ProposalTables } from './tables.ts';
import type { ModuleTables } from '../../../kernel/server/db/tables.ts';
import { findProposal, type ProposalRow } from './proposal-repository.ts';
import { readProposalSettings } from './settings.ts';
import { clock } from '../../../kernel/universal/clock.ts';

const tags = ['public'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 404: errorBody };

/** 同意公开 and 已答复 (the reply released): the public part of a tenant's proposals. */
const publicWhere = (eb: ExpressionBuilder<ModuleTables<ProposalTables>, 'proposals'>) => eb.and([
  eb('proposals.is_public', '=', 1), eb('proposals.state', 'in', [...publicStates]), eb('proposals.replied_at', 'is not', null),
]);

export function isPublicRecord(r: Pick<ProposalRow, 'is_public' | 'state' | 'replied_at'>): boolean {
  return Number(r.is_public) === 1 && (publicStates as readonly string[]).includes(r.state) && !!r.replied_at;
}

export function publicProposalRoutes(app: App, ctx: ModuleContext) {
  const db = proposalDb(ctx.db);
  // the CPPCCs that publish proposals (a handful of rows), read again at most once a minute
  let committees: { at: number; list: Array<{ id: string; name: string }> } | null = null;
  const committeeList = async () => {
    if (committees && clock.nowMs() - committees.at < 60_000) return committees.list;
    const rows = await db.selectFrom('proposals').select('tenant_id').where(publicWhere).distinct().execute();
    const list: Array<{ id: string; name: string }> = [];
    for (const r of rows as Array<{ tenant_id: string }>) {
      const o = await findOrg(db, r.tenant_id);
      if (o) list.push({ id: o.id, name: o.name });
    }
    // a CPPCC above others (the city above its counties) first, then by name
    const parents = new Set<string>();
    for (const c of list) {
      const row = await getOrg(db, c.id);
      if (row?.parent_id) parents.add(row.parent_id);
    }
    list.sort((a, b) => Number(parents.has(b.id)) - Number(parents.has(a.id)) || a.name.localeCompare(b.name, 'zh'));
    committees = { at: clock.nowMs(), list: list };
    return committees.list;
  };
  const classLabel = async (tenantId: string) => {
    const s = await readProposalSettings(ctx, tenantId);
    return (code: string | null) => (code ? s.replyClasses.find((c) => c.code === code)?.label ?? code : null);
  };
  const item = (r: ProposalRow, label: (c: string | null) => string | null): PublicListItem => ({
    id: r.id, year: Number(r.year), sessionLabel: r.session_label, number: r.number ?? null, title: r.title, proposerName: r.proposer_name,
    leadUnitName: r.lead_unit_name ?? null, replyClass: r.released_class ?? null, replyClassLabel: label(r.released_class ?? null), repliedAt: r.replied_at ?? null,
  });

  app.get('/api/public/proposals', {
    schema: {
      tags, summary: '公开提案查询（无需登录）：同意公开且已答复的提案，可按标题关键词和年度查询，分页', security: [],
      querystring: publicListQuery, response: { 200: publicPage, ...errors },
    },
  }, async (req) => {
    const q = req.query;
    const list = await committeeList();
    const committee = q.committee ?? list[0]?.id ?? '';
    const base = db.selectFrom('proposals').where('proposals.tenant_id', '=', committee).where(publicWhere)
      .$if(q.year !== undefined, (b) => b.where('proposals.year', '=', q.year!))
      .$if(!!q.q, (b) => b.where('proposals.title', ilike(ctx.dialect), `%${q.q!.replace(/[\\%_]/g, '')}%`));
    const [rows, count] = await Promise.all([
      base.select(['id', 'year', 'session_label', 'number', 'title', 'proposer_name', 'lead_unit_name', 'released_class', 'replied_at'])
        .orderBy('proposals.year', 'desc').orderBy('proposals.number_seq').orderBy('proposals.id')
        .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    const label = committee ? await classLabel(committee) : () => null;
    return { items: (rows as ProposalRow[]).map((r) => item(r, label)), total: Number(count?.n ?? 0), page: q.page, pageSize: q.pageSize, committees: list, committee };
  });

  app.get('/api/public/proposals/:id', {
    schema: {
      tags, summary: '公开提案详情（无需登录）：提案正文、提案人和附议人、主办单位、答复内容和答复类别', security: [],
      params: z.object({ id: z.string().min(1).max(40).describe('提案编号') }), response: { 200: publicDetail, ...errors },
    },
  }, async (req) => {
    const r = await findProposal(db, req.params.id);
    if (!r || !isPublicRecord(r)) throw notFound('公开提案');
    const [cos, tenant, label] = await Promise.all([
      db.selectFrom('proposal_cosigners').select(['name', 'kind', 'confirmed_at']).where('proposal_id', '=', r.id).orderBy('name').execute(),
      findOrg(db, r.tenant_id),
      classLabel(r.tenant_id),
    ]);
    return {
      ...item(r, label), committeeName: tenant?.name ?? '', typeLabel: proposalTypeLabels[r.type as ProposalType] ?? r.type,
      cosignerNames: (cos as Array<{ name: string; kind: string; confirmed_at: string | null }>).filter((c) => c.kind !== 'merged' && c.confirmed_at).map((c) => c.name),
      background: r.background, analysis: r.analysis, suggestions: r.suggestions, replyText: r.released_text ?? '',
    };
  });
}
