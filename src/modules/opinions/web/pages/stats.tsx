/**
 * 社情民意统计: a year's figures, each opening the list of records behind it; the breakdowns by 专委会, 界别, 报送单位 and
 * 县区政协 as tables (every number a link) with a chart; the Excel export; and the submitters' points.
 */
import { Button, Card, Col, Drawer, InputNumber, Row, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { breakdownColumnLabels, breakdownColumns, type OpinionStats, type StatBreakdown, type StatsMembers } from '../../contract.ts';
import type { Figure } from '../../../../kernel/universal/figures.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';
import { EChart } from '../../../../kernel/web/chart.tsx';
import { defaultWorkYear, useWorkYear } from '../../../organizations/web/work-year.tsx';
import { YearWithDays } from '../shared.tsx';

/** The page that lists a figure's records, with its query (the issues page shows every issue). */
const linkOf = (f: Figure) => (!f.list?.web ? null : f.list.rows === 'issue' ? f.list.web : `${f.list.web}?${new URLSearchParams(f.list.query)}`);

type Row = StatBreakdown['rows'][number];

/** The 委员参与 figures open the members behind them (not a list of reports) in a drawer. */
const ofMembers = (f: Figure) => f.list?.rows === 'member';

/** The members behind a participation figure. */
function MembersDrawer({ figure, onClose }: { figure: Figure | null; onClose: () => void }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const { data, loading } = useApiQuery<StatsMembers>(figure?.list ? figure.list.api : null, figure?.list?.query);
  return (
    <Drawer open={!!figure} onClose={onClose} title={figure ? `${t(figure.label)}（${figure.value}）` : ''} size={mobile ? '100%' : 560}>
      <Table rowKey="userId" size="small" loading={loading} dataSource={data?.items ?? []} pagination={{ pageSize: 20, size: 'small' }}
        columns={[
          { title: t('委员'), dataIndex: 'name', key: 'name' },
          { title: t('界别'), dataIndex: 'sectorName', key: 'sector', render: (v: string | null) => v ?? '—' },
          { title: t('报送'), dataIndex: 'submitted', key: 'submitted', width: 80, align: 'right' },
          { title: t('录用或采用'), dataIndex: 'adopted', key: 'adopted', width: 100, align: 'right' },
        ]} />
    </Drawer>
  );
}

function BreakdownView({ b }: { b: StatBreakdown }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  // the chart: submitted and adopted of the rows with the most reports
  const top = useMemo(() => [...b.rows].sort((x, y) => y.figures[0].value - x.figures[0].value).slice(0, mobile ? 8 : 15), [b, mobile]);
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, left: 'center', data: [t('报送'), t('录用'), t('被采用')] },
    grid: { left: 8, right: 8, bottom: 4, top: 40, containLabel: true },
    xAxis: { type: 'category', data: top.map((r) => r.name), axisLabel: { interval: 0, rotate: top.length > 5 ? 35 : 0, width: 90, overflow: 'truncate' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: (['submitted', 'accepted', 'adopted'] as const).map((c) => ({
      name: t(breakdownColumnLabels[c]), type: 'bar',
      data: top.map((r) => r.figures[breakdownColumns.indexOf(c)].value),
    })),
  }), [top, t]);
  const columns = [
    { title: t(b.kind === 'county' ? '县区政协' : b.kind === 'unit' ? '报送单位' : b.kind === 'sector' ? '界别' : '专委会'), dataIndex: 'name', key: 'name', fixed: mobile ? undefined : ('left' as const), width: mobile ? 110 : 200 },
    ...breakdownColumns.map((c, i) => ({
      title: t(breakdownColumnLabels[c]), key: c, width: 86, align: 'right' as const,
      sorter: (x: Row, y: Row) => x.figures[i].value - y.figures[i].value,
      render: (_: unknown, r: Row) => {
        const f = r.figures[i];
        const to = linkOf(f);
        return to && f.value > 0 ? <Link to={to} aria-label={`${r.name} ${t(f.label)} ${f.value}`}>{f.value}</Link> : f.value;
      },
    })),
  ];
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {top.length > 0 && (
        <EChart label={`${t(b.label)}：${t('报送')}、${t('录用')}、${t('被采用')}`} height={mobile ? 260 : 300} option={option}
          onClick={(i) => { const to = linkOf(top[i].figures[0]); if (to) navigate(to); }} />
      )}
      <Table<Row> rowKey="id" size="small" dataSource={b.rows} columns={columns} pagination={b.rows.length > 20 ? { pageSize: 20 } : false} scroll={{ x: 'max-content' }} />
      {b.kind === 'committee' && <Typography.Text type="secondary">{t('委员可同时属于两个专委会，各行之和可大于总数。')}</Typography.Text>}
      {b.kind === 'county' && b.rows.length === 0 && <Typography.Text type="secondary">{t('本期没有县区政协报送的信息。')}</Typography.Text>}
    </Space>
  );
}

export default function OpinionStatsPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  // opens on the CPPCC's working year (工作年度), as every page does
  const workYear = useWorkYear();
  const [chosen, setYear] = useState<number | null>(null);
  const year = chosen ?? defaultWorkYear(workYear.data);
  const { data, loading } = useApiQuery<OpinionStats>('/api/opinions/stats', { year });
  const [members, setMembers] = useState<Figure | null>(null);
  const scores = useApiQuery<{ items: Array<{ submitterUserId: string; submitterName: string; points: number; events: number; reports: number }> }>('/api/opinions/scores', { year });
  const group = (title: string, figs: Figure[] = []) => (
    <Card size="small" title={t(title)}>
      <Row gutter={[16, 16]}>
        {figs.map((f) => {
          const to = linkOf(f);
          const value = <Statistic title={t(f.label)} value={f.value} suffix={f.share ? `（${f.share.percent}%）` : undefined} />;
          const opener = ofMembers(f)
            ? <Button type="link" style={{ padding: 0, height: 'auto', textAlign: 'left' }} onClick={() => setMembers(f)} aria-label={`${t(f.label)} ${f.value}`}>{value}</Button>
            : to ? <Link to={to}>{value}</Link> : value;
          return <Col key={f.key} xs={12} md={6}>{opener}</Col>;
        })}
      </Row>
    </Card>
  );
  return (
    <PageCard title={t('社情民意统计')} loading={loading} extra={(
      <Space wrap size={mobile ? 4 : 8}>
        {!mobile && t('年度')}<InputNumber aria-label={t('年度')} value={year} min={2000} max={2100} style={{ width: mobile ? 80 : undefined }} onChange={(v) => v && setYear(v)} />
        <Button icon={<DownloadOutlined />} href={`/api/opinions/stats.xlsx?year=${year}`} download aria-label={t('导出 Excel')}>{mobile ? null : t('导出 Excel')}</Button>
      </Space>
    )}>
      <YearWithDays year={year} workYear={workYear.data} days={data} />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {group('总体', data?.totals)}
        {group('委员参与', data?.members)}
        {group('各级采用', data?.adoptedByLevel)}
        {group('领导批示', data?.instructionsByLevel)}
        <Card size="small" title={t('分类统计')}>
          <Tabs items={(data?.breakdowns ?? []).map((b) => ({ key: b.kind, label: t(b.label), children: <BreakdownView b={b} /> }))} />
        </Card>
        <Card size="small" title={t('积分排名')}>
          <Table rowKey="submitterUserId" size="small" loading={scores.loading} dataSource={scores.data?.items ?? []} pagination={{ pageSize: 10 }}
            columns={[
              { title: t('报送人'), dataIndex: 'submitterName', key: 'n', render: (v, r) => <Link to={`/opinions?submitterUserId=${r.submitterUserId}`}>{v}</Link> },
              { title: t('积分'), dataIndex: 'points', key: 'p' },
              { title: t('采用与批示'), dataIndex: 'events', key: 'e' },
              { title: t('信息'), dataIndex: 'reports', key: 'r' },
            ]} />
        </Card>
      </Space>
      <MembersDrawer figure={members} onClose={() => setMembers(null)} />
    </PageCard>
  );
}
