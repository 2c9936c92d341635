/**
 * 民主评议统计: a working year's appraisal figures for the office and the leaders — appraisals held, departments
 * appraised, votes cast, rectification items and how many are done — each opening the list of exactly the records it
 * counts, and each department's average score (its appraisals listed on a click).
 */
import { useState } from 'react';
import { Card, Col, Drawer, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { Figure, FiguresResponse } from '../../../../kernel/universal/figures.ts';
import { defaultWorkYearCalendar, workYear } from '../../../../kernel/universal/work-year.ts';
import { defaultWorkYear, useWorkYear, WorkYearLabel } from '../../../organizations/web/work-year.tsx';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDate, formatDateTime } from '../../../../kernel/web/components.tsx';

interface DeptStat { unitId: string; unitName: string; appraisals: number; averageScore: number | null; bestRank: number | null; list: { api: string; query: Record<string, string> } }
interface Rows { api: string; query: Record<string, string>; title: string; rows: string }

/** The rows behind a figure whose list has no page of its own (departments appraised, ballots). */
function RowsDrawer({ open, onClose }: { open: Rows | null; onClose: () => void }) {
  const { t } = useI18n();
  const { data, loading } = useApiQuery<{ items: any[]; total: number }>(open ? open.api : null, open ? { ...open.query, pageSize: 200 } : undefined);
  const columns = open?.rows === 'appraisal_ballot'
    ? [
      { title: t('评议名称'), dataIndex: 'appraisalTitle', key: 'a', render: (v: string, r: any) => <Link to={`/appraisals/${r.appraisalId}`}>{v}</Link> },
      { title: t('参评人'), dataIndex: 'voterName', key: 'n' }, { title: t('类别'), dataIndex: 'voterKindLabel', key: 'k', render: (v: string) => t(v) },
      { title: t('投票时间'), dataIndex: 'castAt', key: 'c', render: (v: string) => formatDateTime(v) },
    ]
    : [
      { title: t('被评议单位'), dataIndex: 'unitName', key: 'u' },
      { title: t('评议名称'), dataIndex: 'appraisalTitle', key: 'a', render: (v: string, r: any) => <Link to={`/appraisals/${r.appraisalId}`}>{v}</Link> },
      { title: t('评议会议日期'), dataIndex: 'plannedOn', key: 'p', render: (v: string) => formatDate(v) },
      { title: t('综合得分'), dataIndex: 'score', key: 's', render: (v: number | null) => (v === null ? '—' : v.toFixed(2)) },
      { title: t('排名'), dataIndex: 'rank', key: 'r', render: (v: number | null) => v ?? '—' },
    ];
  return (
    <Drawer open={!!open} onClose={onClose} title={open ? `${t(open.title)}（${t('共 {n} 条', { n: data?.total ?? 0 })}）` : ''} width={720}>
      <Table rowKey={(r: any) => r.id ?? `${r.appraisalId}|${r.unitId}`} size="small" loading={loading} dataSource={data?.items ?? []} columns={columns as never} pagination={false} scroll={{ x: 'max-content' }} />
    </Drawer>
  );
}

export default function AppraisalStatsPage() {
  const { t } = useI18n();
  const w = useWorkYear();
  const [chosen, setChosen] = useState<number | undefined>();
  const [rows, setRows] = useState<Rows | null>(null);
  const year = chosen ?? defaultWorkYear(w.data);
  const period = workYear(year, w.data?.calendar ?? defaultWorkYearCalendar);
  const q = { from: period.startsOn, to: period.endsOn };
  const figures = useApiQuery<FiguresResponse>('/api/figures', { modules: 'appraisals', ...q });
  const stats = useApiQuery<{ departments: DeptStat[] }>('/api/supervision/appraisals/stats', q);
  const current = defaultWorkYear(w.data);
  const list = figures.data?.groups[0]?.figures ?? [];
  const open = (f: Figure) => f.list && setRows({ api: f.list.api, query: f.list.query, title: f.label, rows: f.list.rows });
  return (
    <PageCard title={t('民主评议统计')} loading={figures.loading && !figures.data}
      extra={<Select aria-label={t('年度')} value={year} onChange={setChosen} style={{ width: 120 }} options={Array.from({ length: 6 }, (_, i) => ({ value: current - i, label: String(current - i) }))} />}>
      <WorkYearLabel year={year} workYear={w.data} block />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Row gutter={[12, 12]}>
          {list.map((f) => {
            const value = <Statistic title={t(f.label)} value={f.value} suffix={t(f.unit)} />;
            const to = f.list?.web ? `${f.list.web}?${new URLSearchParams(f.list.query)}` : null;
            return (
              <Col key={f.key} xs={12} sm={8} lg={6}>
                <Card size="small" data-figure={f.key} hoverable onClick={to ? undefined : () => open(f)}>{to ? <Link to={to}>{value}</Link> : value}</Card>
              </Col>
            );
          })}
        </Row>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('各单位平均得分')}</Typography.Title>
        <Table<DeptStat> rowKey="unitId" size="small" pagination={false} loading={stats.loading} dataSource={stats.data?.departments ?? []} data-testid="appraisal-department-scores"
          columns={[
            { title: t('被评议单位'), dataIndex: 'unitName', key: 'u', render: (v, r) => <a onClick={() => setRows({ api: r.list.api, query: r.list.query, title: `${v}`, rows: 'appraisal_unit' })}>{v}</a> },
            { title: t('评议次数'), dataIndex: 'appraisals', key: 'n' },
            { title: t('平均得分'), dataIndex: 'averageScore', key: 's', render: (v: number | null) => (v === null ? '—' : v.toFixed(2)) },
            { title: t('最好排名'), dataIndex: 'bestRank', key: 'r', render: (v: number | null) => v ?? '—' },
          ]} />
      </Space>
      <RowsDrawer open={rows} onClose={() => setRows(null)} />
    </PageCard>
  );
}
