/**
 * 协商统计: a period's consultation figures for the office and the leaders — meetings, members taking part, speeches,
 * outcomes sent, late notices or materials — and the same by form and by lead committee. Each figure opens the list of
 * exactly the records it counts.
 */
import { useState } from 'react';
import { Card, Col, Row, Select, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import type { Figure } from '../../../../kernel/universal/figures.ts';
import { defaultWorkYearCalendar, workYear } from '../../../../kernel/universal/work-year.ts';
import { defaultWorkYear, useWorkYear, WorkYearLabel } from '../../../organizations/web/work-year.tsx';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery } from '../../../../kernel/web/hooks.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';

/** Where a figure's rows are shown: the consultation list with the figure's query, or the participation rows' API. */
const linkOf = (f: Figure) => (f.list?.web ? `${f.list.web}?${new URLSearchParams(f.list.query)}` : null);

function FigureCards({ figures }: { figures: Figure[] }) {
  const { t } = useI18n();
  return (
    <Row gutter={[12, 12]}>
      {figures.map((f) => {
        const to = linkOf(f);
        const value = <Statistic title={t(f.label)} value={f.value} suffix={f.unit} />;
        return <Col key={f.key} xs={12} sm={8} lg={6}><Card size="small" data-figure={f.key}>{to ? <Link to={to}>{value}</Link> : value}</Card></Col>;
      })}
    </Row>
  );
}

export default function ConsultationStatsPage() {
  const { t } = useI18n();
  // the CPPCC's working year (工作年度, decision 0037): its first to its last day
  const w = useWorkYear();
  const [chosen, setChosen] = useState<number | undefined>();
  const year = chosen ?? defaultWorkYear(w.data);
  const period = workYear(year, w.data?.calendar ?? defaultWorkYearCalendar);
  const { data, loading } = useApiQuery<{ totals: Figure[]; byForm: Figure[]; byCommittee: Figure[] }>('/api/consultations/stats', { from: period.startsOn, to: period.endsOn });
  const current = defaultWorkYear(w.data);
  return (
    <PageCard title={t('协商统计')} loading={loading && !data}
      extra={<Select aria-label={t('年度')} value={year} onChange={setChosen} style={{ width: 120 }} options={Array.from({ length: 6 }, (_, i) => ({ value: current - i, label: String(current - i) }))} />}>
      <WorkYearLabel year={year} workYear={w.data} block />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('总体情况')}</Typography.Title>
        <FigureCards figures={data?.totals ?? []} />
        <Typography.Title level={5} style={{ margin: 0 }}>{t('按协商形式')}</Typography.Title>
        <FigureCards figures={data?.byForm ?? []} />
        <Typography.Title level={5} style={{ margin: 0 }}>{t('按牵头专委会')}</Typography.Title>
        <FigureCards figures={data?.byCommittee ?? []} />
      </Space>
    </PageCard>
  );
}
