/**
 * 问卷 (questionnaire) as data, pure: the questions (单选 single, 多选 multiple, 评分 rating, 填空 free text), which are
 * required (必答), and the display logic (显示逻辑: a question shown only when a given option of an earlier choice
 * question is chosen). The same functions check a form when staff save it, decide on the server which questions an
 * answer had to fill, validate an answer (a 4xx naming the question), and count the answers (统计).
 */
import { z } from 'zod';
import { questionName as nameOf, visibleQuestions } from './survey-logic.ts';

export { visibleQuestions, questionName } from './survey-logic.ts';

export const questionKinds = ['single', 'multiple', 'rating', 'text'] as const;
export type QuestionKind = (typeof questionKinds)[number];
export const questionKindLabels: Record<QuestionKind, string> = { single: '单选', multiple: '多选', rating: '评分', text: '填空' };

/** 显示逻辑: show this question only when option `option` (its index) of question `question` is chosen. */
export const showIfSchema = z.object({
  question: z.string().min(1).max(20).describe('条件题目'),
  option: z.number().int().min(0).max(49).describe('条件选项'),
});

export const questionSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]{1,20}$/, '应为 1–20 位小写字母、数字或下划线').describe('题目编号'),
  kind: z.enum(questionKinds).describe('题型'),
  title: z.string().trim().min(1).max(300).describe('题目'),
  required: z.boolean().default(false).describe('必答'),
  /** 单选、多选的选项 */
  options: z.array(z.string().trim().min(1).max(100).describe('选项')).max(50).optional().describe('选项'),
  /** 评分的最高分（1 至 max 分） */
  max: z.number().int().min(2).max(10).optional().describe('最高分'),
  showIf: showIfSchema.optional().describe('显示条件'),
});
export type Question = z.infer<typeof questionSchema>;
export const questionsSchema = z.array(questionSchema).max(100).describe('题目');

/** A problem found in a form or an answer: the field as the API names it, and a Chinese message naming the question. */
export interface FormProblem {
  field: string;
  message: string;
}

/**
 * Checks a form's questions (when staff save or publish it): unique ids, choice questions with at least two options,
 * logic that points to an earlier choice question and one of its options. Returns the first problem, or null.
 */
export function checkForm(questions: readonly Question[]): FormProblem | null {
  const seen = new Map<string, Question>();
  for (let i = 0; i < questions.length; i++) {
    const q = questions[i];
    const name = `「第${i + 1}题」`;
    if (seen.has(q.id)) return { field: `questions.${i}.id`, message: `${name}的编号「${q.id}」与前面的题目重复` };
    if ((q.kind === 'single' || q.kind === 'multiple') && (q.options?.length ?? 0) < 2) return { field: `questions.${i}.options`, message: `${name}是${questionKindLabels[q.kind]}题，至少要有两个选项` };
    if (q.kind === 'single' || q.kind === 'multiple') {
      const dup = q.options!.find((o, k) => q.options!.indexOf(o) !== k);
      if (dup) return { field: `questions.${i}.options`, message: `${name}的选项「${dup}」重复` };
    }
    if (q.showIf) {
      const ref = seen.get(q.showIf.question);
      if (!ref) return { field: `questions.${i}.showIf.question`, message: `${name}的显示条件应指向它前面的一道题` };
      if (ref.kind !== 'single' && ref.kind !== 'multiple') return { field: `questions.${i}.showIf.question`, message: `${name}的显示条件应指向单选或多选题` };
      if (q.showIf.option >= (ref.options?.length ?? 0)) return { field: `questions.${i}.showIf.option`, message: `${name}的显示条件选项不存在` };
    }
    seen.set(q.id, q);
  }
  return null;
}

export type AnswerValue = number | number[] | string;
export type Answers = Record<string, AnswerValue>;

const empty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * Validates one person's answers against the form: every shown required question is answered, every value fits its
 * question (an option that exists, a score in range, text of a sensible length), no unknown question. Answers to
 * questions the logic hides are dropped (the person changed an earlier answer). Returns the answers as stored, or the
 * first problem naming the question (`answers.<id>`).
 */
export function validateAnswers(questions: readonly Question[], raw: Readonly<Record<string, unknown>>): { ok: Answers } | { problem: FormProblem } {
  const known = new Set(questions.map((q) => q.id));
  const unknown = Object.keys(raw).find((k) => !known.has(k));
  if (unknown) return { problem: { field: `answers.${unknown}`, message: `问卷中没有「${unknown}」这道题` } };
  const out: Answers = {};
  for (const q of visibleQuestions(questions, raw)) {
    const v = raw[q.id];
    const name = nameOf(questions, q.id);
    const field = `answers.${q.id}`;
    if (empty(v)) {
      if (q.required) return { problem: { field, message: `${name}是必答题` } };
      continue;
    }
    const n = q.options?.length ?? 0;
    if (q.kind === 'single') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= n) return { problem: { field, message: `${name}应选择一个选项` } };
      out[q.id] = v;
    } else if (q.kind === 'multiple') {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x >= n)) return { problem: { field, message: `${name}的选项无效` } };
      const set = [...new Set(v as number[])].sort((a, b) => a - b);
      out[q.id] = set;
    } else if (q.kind === 'rating') {
      const max = q.max ?? 5;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max) return { problem: { field, message: `${name}应为 1 至 ${max} 分` } };
      out[q.id] = v;
    } else {
      if (typeof v !== 'string') return { problem: { field, message: `${name}应填写文字` } };
      const text = v.trim();
      if (text.length > 2000) return { problem: { field, message: `${name}不能超过 2000 字` } };
      out[q.id] = text;
    }
  }
  return { ok: out };
}

/** One question's results (统计). */
export interface QuestionResult {
  id: string;
  kind: QuestionKind;
  title: string;
  /** how many answers answered this question */
  answered: number;
  /** 单选、多选: each option with its count; 评分: each score 1..max with its count */
  counts: Array<{ label: string; count: number }>;
  /** 评分: the average score, else null */
  average: number | null;
}

/** Counts the answers per question and option (or score); free-text questions count how many wrote something. */
export function tally(questions: readonly Question[], answerSets: readonly Answers[]): QuestionResult[] {
  return questions.map((q) => {
    const counts = q.kind === 'rating'
      ? Array.from({ length: q.max ?? 5 }, (_, i) => ({ label: `${i + 1}分`, count: 0 }))
      : (q.options ?? []).map((label) => ({ label, count: 0 }));
    let answered = 0;
    let sum = 0;
    for (const a of answerSets) {
      const v = a[q.id];
      if (empty(v)) continue;
      answered++;
      if (q.kind === 'single' && typeof v === 'number' && counts[v]) counts[v].count++;
      else if (q.kind === 'multiple' && Array.isArray(v)) for (const x of v) { if (counts[x]) counts[x].count++; }
      else if (q.kind === 'rating' && typeof v === 'number' && counts[v - 1]) { counts[v - 1].count++; sum += v; }
    }
    return { id: q.id, kind: q.kind, title: q.title, answered, counts: q.kind === 'text' ? [] : counts, average: q.kind === 'rating' && answered ? Math.round((sum / answered) * 100) / 100 : null };
  });
}
