/**
 * 征集结果: the counts per question and option (the chart's data), free-text answers grouped into themes with their
 * keywords, and the whole as an Excel workbook (a summary sheet and every answer) and as a Word summary in the
 * official layout.
 */
import ExcelJS from 'exceljs';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { fangsong, heiti, officialMargins, xiaobiaosong } from '../../../kernel/server/official-docx.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import type { SurveyResults } from '../contract.ts';
import { questionKindLabels, tally, visibleQuestions, type Answers } from '../domain/survey-form.ts';
import { allAnswers, questionsOf } from './repository.ts';
import { surveysDb, type SurveyAnswerRow, type SurveysItemRow } from './tables.ts';
import { themesOf } from './themes.ts';

export const respondentKindLabels: Record<string, string> = { account: '登录账号', phone: '手机验证', anonymous: '匿名' };

const parse = (a: SurveyAnswerRow): Answers => { try { return JSON.parse(a.answers) as Answers; } catch { return {}; } };

/** Up to `n` answers of a theme with different wording (many people write the same sentence). */
function distinctExamples(xs: Array<{ answerId: string; text: string }>, n: number) {
  const seen = new Set<string>();
  const out: typeof xs = [];
  for (const x of xs) {
    const key = x.text.replace(/[。，,.！!\s]|希望早日解决|谢谢政协关心群众出行|请相关部门重视/g, '');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(x);
    if (out.length === n) break;
  }
  return out;
}

/** The survey's results from its answers (themes for each free-text question). */
export async function resultsOf(db: AnyModuleDb, s: SurveysItemRow): Promise<{ results: SurveyResults; rows: SurveyAnswerRow[] }> {
  // answers are only ever added and a published form does not change: the same count and newest answer, the same results
  const mark = await surveysDb(db).selectFrom('survey_answers').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('last')]).where('survey_id', '=', s.id).executeTakeFirst();
  const key = `${Number(s.version)}:${Number(mark?.n ?? 0)}:${mark?.last ?? ''}`;
  const hit = cache.get(s.id);
  if (hit && hit.key === key) return hit.value;
  const value = await computeResults(db, s);
  cache.delete(s.id);
  cache.set(s.id, { key, value });
  if (cache.size > 50) cache.delete(cache.keys().next().value!);
  return value;
}

/** The results of the surveys read lately (per app process), keyed by what would change them. */
const cache = new Map<string, { key: string; value: { results: SurveyResults; rows: SurveyAnswerRow[] } }>();

async function computeResults(db: AnyModuleDb, s: SurveysItemRow): Promise<{ results: SurveyResults; rows: SurveyAnswerRow[] }> {
  const rows = await allAnswers(db, s.id);
  const sets = rows.map(parse);
  const questions = questionsOf(s);
  const counted = tally(questions, sets);
  const results: SurveyResults = {
    id: s.id, title: s.title, answers: rows.length, publicAnswers: rows.filter((r) => r.respondent_kind !== 'account').length,
    questions: counted.map((q) => {
      if (q.kind !== 'text') return q;
      const texts: Array<{ answerId: string; text: string }> = [];
      rows.forEach((r, i) => { const v = sets[i][q.id]; if (typeof v === 'string' && v.trim()) texts.push({ answerId: r.id, text: v }); });
      const themes = themesOf(texts.map((t) => t.text)).map((t) => ({
        keywords: t.keywords, count: t.members.length, examples: distinctExamples(t.members.map((m) => texts[m]), 3),
      }));
      return { ...q, themes };
    }),
  };
  return { results, rows };
}

/** The themes of every free-text question of these surveys, as rows (the figure 意见主题's list). */
export async function themeRowsOf(db: AnyModuleDb, surveys: SurveysItemRow[]) {
  const out: Array<{ id: string; surveyId: string; surveyTitle: string; questionTitle: string; keywords: string[]; count: number }> = [];
  for (const s of surveys) {
    if (!questionsOf(s).some((q) => q.kind === 'text')) continue;
    const { results } = await resultsOf(db, s);
    for (const q of results.questions) {
      (q.themes ?? []).forEach((t, i) => out.push({ id: `${s.id}:${q.id}:${i + 1}`, surveyId: s.id, surveyTitle: s.title, questionTitle: q.title, keywords: t.keywords, count: t.count }));
    }
  }
  return out;
}

const answerText = (s: SurveysItemRow, a: Answers, id: string): string => {
  const q = questionsOf(s).find((x) => x.id === id);
  const v = a[id];
  if (!q || v === undefined) return '';
  if (q.kind === 'single' && typeof v === 'number') return q.options?.[v] ?? '';
  if (q.kind === 'multiple' && Array.isArray(v)) return v.map((i) => q.options?.[i] ?? '').join('；');
  return String(v);
};

/** 导出 Excel: 汇总 (each question's counts, themes) and 答卷明细 (one row per answer, one column per question). */
export async function resultsWorkbook(s: SurveysItemRow, results: SurveyResults, rows: SurveyAnswerRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '智慧政协';
  const sum = wb.addWorksheet('汇总');
  sum.columns = [{ width: 8 }, { width: 48 }, { width: 14 }, { width: 14 }];
  sum.addRow([s.title]).font = { bold: true, size: 14 };
  sum.addRow([`答卷 ${results.answers} 份，其中社会公众 ${results.publicAnswers} 份`]);
  results.questions.forEach((q, i) => {
    sum.addRow([]);
    sum.addRow([`第${i + 1}题`, `${q.title}（${questionKindLabels[q.kind]}）`, `作答 ${q.answered}`]).font = { bold: true };
    if (q.kind === 'text') {
      for (const t of q.themes ?? []) sum.addRow(['', `主题：${t.keywords.join('、')}`, t.count, results.answers ? `${((t.count / Math.max(1, q.answered)) * 100).toFixed(1)}%` : '']);
    } else {
      for (const c of q.counts) sum.addRow(['', c.label, c.count, q.answered ? `${((c.count / q.answered) * 100).toFixed(1)}%` : '']);
      if (q.average !== null) sum.addRow(['', '平均分', q.average]);
    }
  });
  const detail = wb.addWorksheet('答卷明细');
  const questions = questionsOf(s);
  detail.addRow(['序号', '提交时间', '方式', ...questions.map((q, i) => `${i + 1}. ${q.title}`)]).font = { bold: true };
  rows.forEach((r, i) => {
    const a = parse(r);
    const shown = new Set(visibleQuestions(questions, a).map((q) => q.id));
    detail.addRow([i + 1, r.created_at.replace('T', ' ').slice(0, 19), respondentKindLabels[r.respondent_kind] ?? r.respondent_kind, ...questions.map((q) => (shown.has(q.id) ? answerText(s, a, q.id) : '（未显示）'))]);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const para = (text: string, o: { font?: typeof fangsong; size?: number; center?: boolean; before?: number; after?: number; indent?: boolean } = {}) => new Paragraph({
  alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { before: o.before ?? 0, after: o.after ?? 0, line: 560 },
  indent: o.indent ? { firstLine: 640 } : undefined,
  children: [new TextRun({ text, font: o.font ?? fangsong, size: o.size ?? 32 })],
});

/** 征集情况报告 (Word): how many answered, each question's result in a sentence, the themes of the free-text answers. */
export async function resultsDocument(s: SurveysItemRow, results: SurveyResults, committeeName: string): Promise<Buffer> {
  const children: Paragraph[] = [
    para(`关于「${s.title}」网络征集情况的报告`, { font: xiaobiaosong, size: 44, center: true, before: 240, after: 360 }),
    para(`${committeeName}于${s.opens_on ?? ''}至${s.closes_on ?? ''}开展「${s.title}」网络征集和问卷调查，共收到答卷${results.answers}份，其中社会公众${results.publicAnswers}份。现将征集情况报告如下。`, { indent: true, after: 240 }),
  ];
  const cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  results.questions.forEach((q, i) => {
    children.push(para(`${cn[i] ?? String(i + 1)}、${q.title}`, { font: heiti, before: 240, after: 120 }));
    if (q.kind === 'text') {
      children.push(para(`共${q.answered}人填写意见建议，归纳为以下主要方面：`, { indent: true }));
      (q.themes ?? []).forEach((t, k) => {
        children.push(para(`${k + 1}. 关于${t.keywords.slice(0, 3).join('、')}（${t.count}条）。${t.examples[0] ? `如：“${t.examples[0].text.slice(0, 80)}”` : ''}`, { indent: true }));
      });
    } else {
      const sorted = [...q.counts].sort((a, b) => b.count - a.count);
      const pct = (n: number) => (q.answered ? `${((n / q.answered) * 100).toFixed(1)}%` : '0%');
      const line = sorted.filter((c) => c.count > 0).map((c) => `${c.label}${c.count}人（${pct(c.count)}）`).join('，');
      children.push(para(`共${q.answered}人作答：${line || '暂无'}。${q.average !== null ? `平均${q.average}分。` : ''}`, { indent: true }));
    }
  });
  children.push(para(committeeName, { before: 480 }));
  const doc = new Document({ creator: committeeName, title: s.title, sections: [{ properties: { page: { margin: { ...officialMargins } } }, children }] });
  return Packer.toBuffer(doc);
}
