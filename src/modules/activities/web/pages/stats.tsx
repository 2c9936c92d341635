/**
 * 活动统计: a working year's activities for the office and the leaders — by kind, participations, members taking part,
 * good deeds and people served — and the same by county and by 委员之家. Each figure opens the list it counts.
 */
import { useState } from 'react';
import { Card, Col, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { Figure } from '../../../../kernel/universal/figures.ts';
import { defaultWorkYear, useWorkYear, WorkYearLabel } from '../../../organizations/web/work-year.tsx';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';

type Slice = { key: string; label: string; county?: string; figures: Figure[] };
/** Where a figure's rows are shown: its web list with the figure's query, else the participations list of the period. */
const linkOf = (f: Figure) => (f.list?.web ? `${f.list.web}?${new URLSearchParams(f.list.query)}` : null);

function FigureLink({ f, children }: { f: Figure; children: React.ReactNode }) {
  const to = linkOf(f);
  return to ? <Link to={to}>{children}</Link> : <>{children}</>;
}

export default function ActivityStatsPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const w = useWorkYear();
  const [chosen, setChosen] = useState<number | undefined>();
  const year = chosen ?? defaultWorkYear(w.data);
  const { data, loading } = useApiQuery<{ homes: number; totals: Figure[]; byCounty: Slice[]; byHome: Slice[] }>('/api/activities/stats', { year });
  const current = defaultWorkYear(w.data);
  const cols = (first: string, keys: string[]) => [
    { title: t(first), dataIndex: 'label', key: 'label', fixed: 'left' as const },
    ...keys.map((k) => ({
      title: t(data?.totals.find((f) => f.key === k)?.label ?? k), key: k, align: 'right' as const,
      render: (_v: unknown, s: Slice) => { const f = s.figures.find((x) => x.key === k); return f ? <FigureLink f={f}>{f.value.toLocaleString('zh-CN')}</FigureLink> : '—'; },
    })),
  ];
  const sliceKeys = ['activities.total', 'activities.participations', 'activities.members', 'activities.deeds', 'activities.served'];
  return (
    <PageCard title={t('活动统计')} loading={loading && !data}
      extra={<Select aria-label={t('年度')} value={year} onChange={setChosen} style={{ width: 120 }} options={Array.from({ length: 6 }, (_, i) => ({ value: current - i, label: String(current - i) }))} />}>
      <WorkYearLabel year={year} workYear={w.data} block />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('总体情况')}</Typography.Title>
        <Row gutter={[12, 12]}>
          <Col xs={12} sm={8} lg={6}><Card size="small"><Link to="/activities/homes"><Statistic title={t('委员之家')} value={data?.homes ?? 0} suffix={t('个')} /></Link></Card></Col>
          {(data?.totals ?? []).map((f) => (
            <Col key={f.key} xs={12} sm={8} lg={6}><Card size="small" data-figure={f.key}><FigureLink f={f}><Statistic title={t(f.label)} value={f.value} suffix={t(f.unit)} /></FigureLink></Card></Col>
          ))}
        </Row>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('按县区')}</Typography.Title>
        <Table size="small" rowKey="key" dataSource={data?.byCounty ?? []} columns={cols('县区', sliceKeys)} pagination={false} scroll={{ x: 'max-content' }} />
        <Typography.Title level={5} style={{ margin: 0 }}>{t('按委员之家')}</Typography.Title>
        <Table size="small" rowKey="key" dataSource={data?.byHome ?? []} columns={cols('委员之家', sliceKeys)} pagination={{ pageSize: mobile ? 10 : 12, size: 'small' }} scroll={{ x: 'max-content' }} />
      </Space>
    </PageCard>
  );
}
