/**
 * 显示逻辑, without zod (the public answering page loads this and nothing heavier): which questions an answer shows, and
 * how a question is named in messages. `survey-form.ts` builds the checks on it.
 */

/** What the logic needs of a question. */
export interface LogicQuestion {
  id: string;
  title: string;
  showIf?: { question: string; option: number };
}

/** The options chosen in an answer to a choice question (an index, or a list of them); [] for anything else. */
export function chosen(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.filter((v): v is number => typeof v === 'number');
  return [];
}

/**
 * The questions an answer shows (in order): a question with a condition is shown when the question it depends on is
 * shown and the named option is chosen in it. The web form and the server decide the same way.
 */
export function visibleQuestions<Q extends LogicQuestion>(questions: readonly Q[], answers: Readonly<Record<string, unknown>>): Q[] {
  const shown = new Set<string>();
  const out: Q[] = [];
  for (const q of questions) {
    if (q.showIf && (!shown.has(q.showIf.question) || !chosen(answers[q.showIf.question]).includes(q.showIf.option))) continue;
    shown.add(q.id);
    out.push(q);
  }
  return out;
}

/** How a question is named in messages: 「第2题 您常在哪个站台候车」. */
export function questionName(questions: readonly LogicQuestion[], id: string): string {
  const i = questions.findIndex((q) => q.id === id);
  if (i < 0) return `「${id}」`;
  const t = questions[i].title;
  return `「第${i + 1}题 ${t.length > 20 ? `${t.slice(0, 20)}…` : t}」`;
}
