/**
 * 年度通报: a year's ranking of submitters, units and special committees by points (from the events of each report's
 * lineage, as `/api/opinions/scores` counts them), with counts submitted / accepted / adopted / instructed; as JSON, as a
 * 通报 Word document (关于YYYY年度社情民意信息工作情况的通报, GB/T 9704 form) and as an Excel workbook.
 */
import ExcelJS from 'exceljs';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { a4, bodyLine, fangsong, heiti, officialMargins, pageNumberFooter, songti, xiaobiaosong } from '../../../kernel/server/official-docx.ts';
import { chinaToday } from '../../../kernel/universal/working-days.ts';
import { getOrg, listCommittees, memberGroupsOf, memberIdsOf, orgNames } from '../../organizations/index.ts';
import type { OpinionRanking, RankingRow } from '../contract.ts';
import { computeRanking, rankingKindLabels, type RankedEntry, type RankingEvent, type RankingReport } from '../domain/ranking.ts';
import { periodBounds, withYearDays } from './report-repository.ts';
import { chineseDate } from './issue-docx.ts';
import { periodReportTotals } from './stats.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { opinionDb, type OpinionDb } from './tables.ts';

const present = (e: RankedEntry): RankingRow => ({
  rank: e.rank, key: e.key, name: e.name, kind: e.kind, kindLabel: rankingKindLabels[e.kind] ?? e.kind,
  submitted: e.submitted, accepted: e.accepted, adopted: e.adopted, instructed: e.instructed, points: e.points,
});

/** The year's ranking of one CPPCC. */
export async function rankingOf(db: OpinionDb, tenantId: string, year: number): Promise<OpinionRanking> {
  // the year is the CPPCC's 工作年度 (decision 0041), the same days as the statistics of the year
  const p = periodBounds(await withYearDays(db, tenantId, { year }));
  const scored = ['adoption', 'instruction'];
  // events of the year on the lineages of this CPPCC's reports (its own, and the copies that came up to it)
  const eventRoots = db.selectFrom('opinion_events').select('opinion_events.root_report_id')
    .where('opinion_events.at', '>=', p.lo).where('opinion_events.at', '<', p.hi).where('opinion_events.kind', 'in', scored);
  const [events, reports, memberRows, groupRows, committeeList, issues, tenant, figures] = await Promise.all([
    db.selectFrom('opinion_events').select(['root_report_id', 'tenant_id', 'kind', 'points', 'at'])
      .where('at', '>=', p.lo).where('at', '<', p.hi).where('kind', 'in', scored)
      .where('root_report_id', 'in', db.selectFrom('opinion_reports').select('opinion_reports.root_report_id').where('opinion_reports.tenant_id', '=', tenantId))
      .execute(),
    db.selectFrom('opinion_reports')
      .select(['id', 'root_report_id', 'source_report_id', 'source_tenant_id', 'source_tenant_name', 'submitter_user_id', 'submitter_name', 'submitter_org_id', 'submitted_at', 'accepted_at'])
      .where('tenant_id', '=', tenantId)
      .where((eb) => eb.or([
        eb.and([eb('submitted_at', '>=', p.lo), eb('submitted_at', '<', p.hi)]),
        eb.and([eb('accepted_at', '>=', p.lo), eb('accepted_at', '<', p.hi)]),
        eb('root_report_id', 'in', eventRoots),
      ]))
      .execute(),
    memberIdsOf(db, tenantId).execute(),
    memberGroupsOf(db, tenantId, 'committee').execute(),
    listCommittees(db, tenantId),
    db.selectFrom('opinion_issues').select([(eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.sum('piece_count').as('pieces')])
      .where('tenant_id', '=', tenantId).where('created_at', '>=', p.lo).where('created_at', '<', p.hi).executeTakeFirst(),
    getOrg(db, tenantId),
    periodReportTotals(db, tenantId, { from: p.from, to: p.to }),
  ]);
  const orgIds = [...new Set((reports as RankingReport[]).map((r) => r.submitter_org_id).filter((x): x is string => !!x && x !== tenantId))];
  const orgs = await orgNames(db, orgIds);
  const committeeName = new Map((committeeList as any[]).map((c) => [c.id as string, (c.short_name ?? c.name) as string]));
  const committeesOf = new Map<string, Array<{ id: string; name: string }>>();
  for (const g of groupRows as any[]) {
    const list = committeesOf.get(g.user_id) ?? [];
    list.push({ id: g.group_id, name: committeeName.get(g.group_id) ?? '专门委员会' });
    committeesOf.set(g.user_id, list);
  }
  const res = computeRanking({
    reports: reports as RankingReport[], events: (events as any[]).map((e) => ({ ...e, points: Number(e.points) })) as RankingEvent[],
    lo: p.lo, hi: p.hi, orgs, memberIds: new Set((memberRows as any[]).map((m) => m.user_id as string)), committeesOf,
  });
  return {
    year, from: p.from, to: p.to, tenantName: tenant?.name ?? '',
    // the year's figures (收到, 录用, 被采用, 获批示) are the statistics' of the year, one definition (decision 0032); the
    // ranking's rows count by each figure's own date (decision 0016) and its points by the events'
    summary: {
      ...res.totals, submitted: figures.submitted, accepted: figures.accepted, adopted: figures.adopted, instructed: figures.instructed,
      issues: Number((issues as any)?.n ?? 0), pieces: Number((issues as any)?.pieces ?? 0),
    },
    submitters: res.submitters.map(present), units: res.units.map(present), committees: res.committees.map(present),
  };
}

/** Per-member points of a year (for the member duty record, 履职档案). */
// a lookup other modules call with their own view: it narrows the handle to this module's
export async function memberPointsOf(anyDb: AnyModuleDb, tenantId: string, year: number) {
  const db = opinionDb(anyDb);
  const r = await rankingOf(db, tenantId, year);
  return r.submitters.filter((s) => s.kind === 'member').map((s) => ({
    userId: s.key, name: s.name, points: s.points, submitted: s.submitted, accepted: s.accepted, adopted: s.adopted, instructed: s.instructed, rank: s.rank,
  }));
}

/* ---------------- the 通报 as Word ---------------- */

const line = bodyLine;
const red = 'C00000';
const run = (text: string, f = fangsong, size = 32, extra: { bold?: boolean; color?: string } = {}) => new TextRun({ text, font: f, size, ...extra });
const para = (text: string, opts: { indent?: boolean; f?: typeof fangsong; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({ alignment: opts.align ?? AlignmentType.JUSTIFIED, spacing: line, indent: opts.indent === false ? undefined : { firstLine: 640 }, children: [run(text, opts.f ?? fangsong)] });

const headers = ['名次', '名称', '类别', '报送', '录用', '采用', '批示', '积分'];
function rankingTable(rows: RankingRow[]): Table {
  const cell = (text: string, head = false, left = false) => new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    children: [new Paragraph({ alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER, children: [run(text, head ? heiti : fangsong, 24)] })],
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({
        children: [String(r.rank), r.name, r.kindLabel, String(r.submitted), String(r.accepted), String(r.adopted), String(r.instructed), String(r.points)]
          .map((x, i) => cell(x, false, i === 1)),
      })),
    ],
  });
}

/** 关于YYYY年度社情民意信息工作情况的通报: summary of the year's figures and tables of the top N. */
export async function rankingDocx(r: OpinionRanking, opts: { top: number; issuer: string; date?: string }): Promise<Buffer> {
  const s = r.summary;
  const title = `关于${r.year}年度社情民意信息工作情况的通报`;
  const section = (n: string, heading: string, rows: RankingRow[], empty: string) => [
    new Paragraph({ spacing: line, indent: { firstLine: 640 }, children: [run(`${n}、${heading}`, heiti)] }),
    ...(rows.length ? [rankingTable(rows.slice(0, opts.top))] : [para(empty)]),
  ];
  const doc = new Document({
    creator: opts.issuer, title,
    styles: { default: { document: { run: { font: fangsong, size: 32 } } } },
    sections: [{
      properties: { page: { size: { ...a4 }, margin: { ...officialMargins, footer: 992 } } },
      footers: { default: pageNumberFooter({ font: songti }) },
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER, spacing: { after: 360 }, border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: red, space: 8 } },
          children: [run(opts.issuer, xiaobiaosong, 72, { color: red })],
        }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240, line: 700, lineRule: 'exact' }, children: [run(title, xiaobiaosong, 44)] }),
        para('各位委员、特邀信息员，各民主党派、人民团体，各专门委员会，各县区政协：', { indent: false }),
        para(`${r.year}年，${r.tenantName}共收到社情民意信息${s.submitted}篇，录用${s.accepted}篇，编发《社情民意》${s.issues}期${s.pieces}篇；`
          + `信息被各级采用${s.adopted}篇，获得领导批示${s.instructed}篇，${s.submitters}位委员和信息员报送了信息，按积分标准共计${s.points}分。现将报送和采用情况通报如下：`),
        ...section('一', `委员和特邀信息员积分前${Math.min(opts.top, r.submitters.length) || opts.top}名`, r.submitters, '本年度没有计分的报送人。'),
        ...section('二', '报送单位（民主党派、人民团体、专门委员会、承办单位、县区政协）', r.units, '本年度没有报送单位的信息。'),
        ...section('三', '专门委员会（按委员所在专委会合计）', r.committees, '本年度没有专委会委员报送的信息。'),
        para('希望受到通报的委员、单位再接再厉；各单位要进一步围绕中心工作，坚持一事一报、急事急报，不断提高社情民意信息的质量和时效。'),
        new Paragraph({ spacing: line, children: [] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, spacing: line, indent: { right: 640 }, children: [run(opts.issuer)] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, spacing: line, indent: { right: 640 }, children: [run(chineseDate(opts.date ?? chinaToday()))] }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

/* ---------------- the ranking as Excel ---------------- */

export async function rankingWorkbook(r: OpinionRanking): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '智慧政协';
  const summary = wb.addWorksheet('概况');
  summary.columns = [{ width: 24 }, { width: 12 }];
  summary.addRow([`${r.tenantName}${r.year}年度社情民意信息工作情况`]).font = { bold: true, size: 14, name: '黑体' };
  const s = r.summary;
  for (const [k, v] of [['收到信息', s.submitted], ['录用', s.accepted], ['编发期数', s.issues], ['刊发篇目', s.pieces], ['被采用的信息', s.adopted], ['获领导批示的信息', s.instructed], ['报送人数', s.submitters], ['积分合计', s.points]] as const) {
    summary.addRow([k, v]);
  }
  const sheet = (name: string, rows: RankingRow[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [{ width: 8 }, { width: 28 }, { width: 14 }, { width: 8 }, { width: 8 }, { width: 8 }, { width: 8 }, { width: 10 }];
    const head = ws.addRow(headers);
    head.font = { bold: true, name: '宋体' };
    head.eachCell((c) => { c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } }; c.border = { bottom: { style: 'thin' } }; });
    for (const x of rows) ws.addRow([x.rank, x.name, x.kindLabel, x.submitted, x.accepted, x.adopted, x.instructed, x.points]);
  };
  sheet('报送人', r.submitters);
  sheet('报送单位', r.units);
  sheet('专门委员会', r.committees);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
