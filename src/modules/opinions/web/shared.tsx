/** Small pieces shared by the 社情民意 pages: state tags and the options the server configures. */
import { Tag, Typography } from 'antd';
import type { WorkYearResponse } from '../../organizations/contract.ts';
import { WorkYearLabel } from '../../organizations/web/work-year.tsx';
import { useApiQuery } from '../../../kernel/web/hooks.ts';
import { useI18n } from '../../../kernel/web/i18n.tsx';

export interface OpinionOptions {
  states: Array<{ code: string; label: string }>;
  levels: Array<{ code: string; label: string }>;
  recipients: Array<{ code: string; label: string }>;
  lengthGuide: number;
}

export const useOpinionOptions = () => useApiQuery<OpinionOptions>('/api/opinions/options');

/** A state's tag in the colour the lifecycle gives it (`stateTone` with every report and issue). */
export function StateTag({ label, tone }: { label: string; tone: string }) {
  const { t } = useI18n();
  return <Tag color={tone}>{t(label)}</Tag>;
}

/** Characters as the server counts them (whitespace excluded). */
export const countChars = (s: string) => [...s.replace(/\s+/g, '')].length;

/**
 * The year a figures page shows and the days it counts: 「2027 工作年度 · 十五届一次会议（2026-12-06 至 2027-12-05）」.
 * A year of 社情民意 figures is its 工作年度's days (decision 0041), so December after the cut-off is next year's.
 */
export function YearWithDays({ year, workYear, days }: { year: number; workYear?: WorkYearResponse; days?: { from: string; to: string } }) {
  const { t } = useI18n();
  return (
    <div style={{ marginBottom: 12 }}>
      <WorkYearLabel year={year} workYear={workYear} />
      {days && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="year-days">{t('（{from} 至 {to}）', { from: days.from, to: days.to })}</Typography.Text>
      )}
    </div>
  );
}
