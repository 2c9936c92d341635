/**
 * What changed between two versions of a report (pure): problems and recommendations added and dropped (by their text),
 * and whether the title or the text changed. The report editor shows it beside each version (较上一稿).
 */
export interface ReportVersionLike {
  title: string;
  body: string;
  problems: ReadonlyArray<{ text: string }>;
  recommendations: ReadonlyArray<{ text: string }>;
}

export interface ReportDiff {
  titleChanged: boolean;
  bodyChanged: boolean;
  problemsAdded: string[];
  problemsDropped: string[];
  recommendationsAdded: string[];
  recommendationsDropped: string[];
}

const norm = (s: string) => s.replace(/\s+/g, '');
function delta(before: ReadonlyArray<{ text: string }>, after: ReadonlyArray<{ text: string }>) {
  const was = new Set(before.map((x) => norm(x.text)));
  const now = new Set(after.map((x) => norm(x.text)));
  return { added: after.filter((x) => !was.has(norm(x.text))).map((x) => x.text), dropped: before.filter((x) => !now.has(norm(x.text))).map((x) => x.text) };
}

/** The changes from `prev` to `next`; against no previous version everything is added. */
export function diffReport(prev: ReportVersionLike | null, next: ReportVersionLike): ReportDiff {
  const p = delta(prev?.problems ?? [], next.problems);
  const r = delta(prev?.recommendations ?? [], next.recommendations);
  return {
    titleChanged: !!prev && prev.title !== next.title, bodyChanged: !!prev && norm(prev.body) !== norm(next.body),
    problemsAdded: p.added, problemsDropped: p.dropped, recommendationsAdded: r.added, recommendationsDropped: r.dropped,
  };
}

/** The diff in one Chinese line, e.g. 「新增建议 2 条，删去问题 1 个，修改正文」; null when nothing changed. */
export function diffSummary(d: ReportDiff): string | null {
  const parts = [
    d.problemsAdded.length ? `新增问题 ${d.problemsAdded.length} 个` : '', d.problemsDropped.length ? `删去问题 ${d.problemsDropped.length} 个` : '',
    d.recommendationsAdded.length ? `新增建议 ${d.recommendationsAdded.length} 条` : '', d.recommendationsDropped.length ? `删去建议 ${d.recommendationsDropped.length} 条` : '',
    d.titleChanged ? '修改标题' : '', d.bodyChanged ? '修改正文' : '',
  ].filter(Boolean);
  return parts.length ? parts.join('，') : null;
}
