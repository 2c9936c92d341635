/**
 * 工作年度 in the web app: the year every page opens on (GET /api/work-year, decision 0037) and the line that says
 * which working year and session (届次/次会议) a page shows.
 */
import { Tag, Typography } from 'antd';
import type { WorkYearResponse } from '../contract.ts';
import { useApiQuery } from '../../../kernel/web/hooks.ts';
import { useI18n } from '../../../kernel/web/i18n.tsx';
import { clock } from '../../../kernel/universal/clock.ts';
import { sessionLabelFor, workYearNumberOf } from '../../../kernel/universal/work-year.ts';

/** The CPPCC's working year today (`data.year`), with its session and the calendar to name other years' sessions. */
export function useWorkYear(skip = false) {
  return useApiQuery<WorkYearResponse>(skip ? null : '/api/work-year');
}

/**
 * The default year of a page: the working year when known. Until the server answers, the working year of today on
 * the default cut-off (the server's clock), so a page never opens on a different year and then jumps.
 */
export function defaultWorkYear(w: WorkYearResponse | undefined): number {
  return w?.year ?? workYearNumberOf(clock.today());
}

/**
 * 「2027 工作年度 · 十四届六次会议」: the working year and session a page shows, marked when it is not the current one;
 * a list of every year (`year` undefined) says so and names the current working year.
 */
export function WorkYearLabel({ year, workYear, block }: { year: number | null | undefined; workYear?: WorkYearResponse; block?: boolean }) {
  const { t } = useI18n();
  const own = useWorkYear(!!workYear);
  const w = workYear ?? own.data;
  if (!w) return null;
  const style = { fontSize: 13, display: block ? 'block' : undefined, marginBottom: block ? 12 : undefined };
  if (!year) {
    return (
      <Typography.Text type="secondary" data-testid="work-year-label" data-year={w.year} style={style}>
        {t('全部年度 · 当前 {y} 工作年度 · {s}', { y: w.year, s: sessionLabelFor(w.year, w.calendar) })}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type="secondary" data-testid="work-year-label" data-year={year} style={style}>
      {t('{y} 工作年度 · {s}', { y: year, s: sessionLabelFor(year, w.calendar) })}
      {year !== w.year && <Tag style={{ marginInlineStart: 6 }}>{t('当前 {y}', { y: w.year })}</Tag>}
    </Typography.Text>
  );
}
