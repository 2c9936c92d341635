/**
 * 提案统计: the figures of a year or a session. Cards for the totals, tables per section (类别与类型, 界别, 专委会, 承办单位)
 * and charts for the types, reply classes and satisfaction; every number opens the proposals list filtered to its
 * records (the participation figures open the members behind them); the Excel export of the same figures.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { Button, Card, Col, Drawer, Row, Segmented, Select, Space, Statistic, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ProposalStats, StatsMembers, UnitStatsRow } from '../../contract.ts';
import type { Figure } from '../../../../kernel/universal/figures.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { EmptyHint, PageCard } from '../../../../kernel/web/components.tsx';
import { EChart } from '../../../../kernel/web/chart.tsx';
import { useProposalOptions } from '../shared.tsx';
import { WorkYearLabel } from '../../../organizations/web/work-year.tsx';

/** The scope's label (e.g. 2025年度), which names the figure on the list it opens. */
const ScopeLabel = createContext('');
const listLink = (f: Figure, scope: string, label: string) => `${f.list?.web ?? '/proposals'}?${new URLSearchParams({ ...f.list?.query, statLabel: `${scope} · ${label}` })}`;
/** A figure whose list is of members (委员参与) opens them in a drawer on this page. */
const ofMembers = (f: Figure) => f.list?.rows === 'member';
function useListLink() {
  const scope = useContext(ScopeLabel);
  const { t } = useI18n();
  return (f: Figure, prefix?: string) => listLink(f, scope, prefix ? `${prefix} · ${t(f.label)}` : t(f.label));
}

/** A number that opens its records: the proposals list, or the members drawer for participation figures. */
function FigureLink({ f, onMembers, children, prefix }: { f: Figure; onMembers: (f: Figure) => void; children?: ReactNode; prefix?: string }) {
  const { t } = useI18n();
  const link = useListLink();
  const content = children ?? f.value;
  if (ofMembers(f)) {
    return <Typography.Link onClick={() => onMembers(f)} aria-label={`${t(f.label)} ${f.value}`}>{content}</Typography.Link>;
  }
  return <Link to={link(f, prefix)} aria-label={`${t(f.label)} ${f.value}`}>{content}</Link>;
}

/** A card of figures: each a Statistic whose value opens its records. */
function FigureCards({ title, figures, extra, onMembers, half }: { title: string; figures: Figure[]; extra?: Array<{ key: string; label: string; value: string }>; onMembers: (f: Figure) => void; half?: boolean }) {
  const { t } = useI18n();
  // a card in half the page's width holds half as many figures in a row
  const span = half ? { xs: 12, sm: 8, md: 6, lg: 12, xl: 6 } : { xs: 12, sm: 8, md: 6, xl: 4 };
  return (
    <Card size="small" title={t(title)}>
      <Row gutter={[12, 12]}>
        {figures.map((f) => (
          <Col key={f.key} {...span}>
            <FigureLink f={f} onMembers={onMembers}>
              <Statistic title={t(f.label)} value={f.value} styles={{ content: { color: 'var(--ant-color-link, #1677ff)' } }} />
            </FigureLink>
          </Col>
        ))}
        {(extra ?? []).map((x) => (
          <Col key={x.key} {...span}><Statistic title={t(x.label)} value={x.value} /></Col>
        ))}
      </Row>
    </Card>
  );
}

/** A figure table (label, count, share of `whole`) with a bar chart when `chart` is set. */
function FigureTable({ figures, whole, chart, name, onMembers }: { figures: Figure[]; whole: number; chart?: boolean; name: string; onMembers: (f: Figure) => void }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const link = useListLink();
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, bottom: 8, top: 16, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: figures.map((f) => t(f.label)), axisLabel: { width: mobile ? 96 : 180, overflow: 'truncate' } },
    series: [{ type: 'bar', name: t(name), data: figures.map((f) => f.value), label: { show: true, position: 'right' }, itemStyle: { color: '#c0392b' } }],
  }), [figures, mobile, name, t]);
  const columns: ColumnsType<Figure> = [
    { title: t(name), dataIndex: 'label', key: 'label', render: (v: string) => t(v) },
    { title: t('件数'), dataIndex: 'value', key: 'count', width: 90, align: 'right', render: (_: number, f) => <FigureLink f={f} onMembers={onMembers} /> },
    { title: t('占比'), key: 'share', width: 90, align: 'right', render: (_: unknown, f) => (whole > 0 ? `${Math.round((f.value / whole) * 1000) / 10}%` : '—') },
  ];
  return (
    <Row gutter={[16, 12]}>
      <Col xs={24} lg={chart ? 12 : 24}>
        <Table<Figure> rowKey="key" size="small" columns={columns} dataSource={figures} pagination={figures.length > 15 ? { pageSize: 15, size: 'small' } : false} />
      </Col>
      {chart && figures.length > 0 && (
        <Col xs={24} lg={12}>
          <EChart label={t(name)} option={option} height={Math.max(160, figures.length * 36 + 40)}
            onClick={(i) => { if (figures[i]) navigate(link(figures[i])); }} />
        </Col>
      )}
    </Row>
  );
}

function UnitTable({ rows, onMembers }: { rows: UnitStatsRow[]; onMembers: (f: Figure) => void }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const cell = (k: keyof Pick<UnitStatsRow, 'assigned' | 'replied' | 'onTime' | 'late' | 'overdue' | 'satisfied' | 'basicallySatisfied' | 'unsatisfied'>, title: string) => ({
    title: t(title), key: k, width: 100, align: 'right' as const,
    sorter: (a: UnitStatsRow, b: UnitStatsRow) => a[k].value - b[k].value,
    render: (_: unknown, r: UnitStatsRow) => (r[k].value > 0 ? <FigureLink f={r[k]} onMembers={onMembers} prefix={r.unitName} /> : 0),
  });
  const columns: ColumnsType<UnitStatsRow> = [
    { title: t('承办单位'), dataIndex: 'unitName', key: 'unit', fixed: mobile ? undefined : 'left', width: mobile ? 110 : 180 },
    cell('assigned', '交办'), cell('replied', '已答复'), cell('onTime', '按期答复'), cell('late', '逾期答复'), cell('overdue', '当前超期'),
    cell('satisfied', '满意'), cell('basicallySatisfied', '基本满意'), cell('unsatisfied', '不满意'),
    { title: t('满意率'), dataIndex: 'satisfactionRate', key: 'rate', width: 90, align: 'right', render: (v: number | null) => (v === null ? '—' : `${v}%`) },
  ];
  return <Table<UnitStatsRow> rowKey="unitId" size="small" columns={columns} dataSource={rows} pagination={rows.length > 20 ? { pageSize: 20 } : false} scroll={{ x: 'max-content' }} />;
}

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
          { title: t('提案（含联名）'), dataIndex: 'proposals', key: 'n', width: 120, align: 'right' },
        ]} />
    </Drawer>
  );
}

export default function ProposalStatsPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const options = useProposalOptions();
  const [params, setParams] = useSearchParams();
  const scopes = useApiQuery<{ items: Array<{ year: number; session: string }> }>('/api/proposals/stats/scopes');
  const mode: 'year' | 'session' = params.get('session') ? 'session' : 'year';
  const currentYear = options.data?.currentSession.year;
  const year = params.get('year') ? Number(params.get('year')) : (currentYear ?? null);
  const session = params.get('session');
  const query = mode === 'session' && session ? { session } : year ? { year } : null;
  const { data, loading, error } = useApiQuery<ProposalStats>(query ? '/api/proposals/stats' : null, query ?? undefined);
  const [members, setMembers] = useState<Figure | null>(null);

  const years = useMemo(() => {
    const ys = new Set<number>((scopes.data?.items ?? []).map((s) => s.year));
    if (currentYear) ys.add(currentYear);
    return [...ys].sort((a, b) => b - a);
  }, [scopes.data, currentYear]);
  const sessions = useMemo(() => [...new Set((scopes.data?.items ?? []).map((s) => s.session))], [scopes.data]);
  const exportHref = query ? `/api/proposals/stats.xlsx?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}` : undefined;

  const received = data?.totals.find((f) => f.key === 'proposals.received')?.value ?? 0;
  const replied = data?.replies.replied.value ?? 0;
  const rated = (data?.bySatisfaction ?? []).reduce((n, f) => n + f.value, 0);
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`);

  const selector = (
    <Space wrap size={8}>
      <Segmented<'year' | 'session'> aria-label={t('统计范围')} value={mode}
        options={[{ value: 'year', label: t('按年度') }, { value: 'session', label: t('按会议') }]}
        onChange={(m) => {
          if (m === 'session') setParams({ session: sessions[0] ?? options.data?.currentSession.label ?? '' });
          else setParams(year ? { year: String(year) } : {});
        }} />
      {mode === 'year' ? (
        <Select aria-label={t('年度')} style={{ minWidth: 110 }} value={year ?? undefined} options={years.map((y) => ({ value: y, label: `${y}${t('年度')}` }))}
          onChange={(y) => setParams({ year: String(y) })} />
      ) : (
        <Select aria-label={t('会议')} style={{ minWidth: 180 }} value={session ?? undefined} options={sessions.map((s) => ({ value: s, label: s }))}
          onChange={(s) => setParams({ session: s })} />
      )}
      <Button icon={<DownloadOutlined />} href={exportHref} disabled={!exportHref} data-testid="proposal-stats-export">{t('导出 Excel')}</Button>
    </Space>
  );

  return (
    <PageCard title={t('提案统计')} extra={mobile ? undefined : selector} loading={loading && !data}>
      <WorkYearLabel year={mode === 'year' ? year : scopes.data?.items.find((s) => s.session === session)?.year} block />
      {mobile && <div style={{ marginBottom: 12 }}>{selector}</div>}
      {error && <EmptyHint text={error.message} />}
      {data && (
        <ScopeLabel.Provider value={data.scopeLabel}>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('统计范围：{scope}。点击数字查看对应的提案。', { scope: data.scopeLabel })}</Typography.Text>
          <FigureCards title="总体情况" figures={data.totals} onMembers={setMembers} extra={[{ key: 'filedRate', label: '立案率', value: pct(data.filedRate) }]} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <FigureCards title="委员参与" half onMembers={setMembers}
                figures={[data.participation.members, data.participation.participants, data.participation.absent]}
                extra={[{ key: 'percent', label: '参与率', value: pct(data.participation.percent) }]} />
            </Col>
            <Col xs={24} lg={12}>
              <FigureCards title="答复情况" half onMembers={setMembers}
                figures={[data.replies.replied, data.replies.onTime, data.replies.late, data.replies.overdue]}
                extra={[{ key: 'onTimeRate', label: '按期答复率', value: pct(data.replies.onTimeRate) }]} />
            </Col>
          </Row>
          <Card size="small" title={t('分类统计')}>
            <Tabs items={[
              { key: 'type', label: t('提案类型'), children: <FigureTable name="提案类型" figures={data.byType} whole={received} chart onMembers={setMembers} /> },
              { key: 'category', label: t('大会与平时'), children: <FigureTable name="提案类别" figures={data.byCategory} whole={received} onMembers={setMembers} /> },
              { key: 'sector', label: t('界别'), children: <FigureTable name="界别" figures={data.bySector} whole={received} chart={!mobile} onMembers={setMembers} /> },
              {
                key: 'committee', label: t('专委会'), children: (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <FigureTable name="专委会" figures={data.byCommittee} whole={received} chart onMembers={setMembers} />
                    <Typography.Text type="secondary">{t('委员可同时属于几个专委会，各行之和可大于收到总数。')}</Typography.Text>
                  </Space>
                ),
              },
              { key: 'state', label: t('办理状态'), children: <FigureTable name="办理状态" figures={data.byState} whole={received} onMembers={setMembers} /> },
            ]} />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('答复类别')}>
                <FigureTable name="答复类别" figures={data.byReplyClass} whole={replied} chart={false} onMembers={setMembers} />
                <ClassChart figures={data.byReplyClass} name="答复类别" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={<Space wrap>{t('满意度')}<Typography.Text type="secondary">{t('满意率')} {pct(data.satisfactionRate)}</Typography.Text></Space>}>
                <FigureTable name="满意度" figures={data.bySatisfaction} whole={rated} chart={false} onMembers={setMembers} />
                <ClassChart figures={data.bySatisfaction} name="满意度" />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('承办单位办理情况')}>
            {data.units.length ? <UnitTable rows={data.units} onMembers={setMembers} /> : <EmptyHint text={t('这一范围内还没有交办的提案。')} />}
          </Card>
        </Space>
        </ScopeLabel.Provider>
      )}
      <MembersDrawer figure={members} onClose={() => setMembers(null)} />
    </PageCard>
  );
}

/** A small column chart of classes (答复类别, 满意度); a bar opens its records. */
function ClassChart({ figures, name }: { figures: Figure[]; name: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const link = useListLink();
  const colors = ['#2e7d32', '#f9a825', '#c62828', '#6a1b9a'];
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, bottom: 8, top: 24, containLabel: true },
    xAxis: { type: 'category', data: figures.map((f) => t(f.label).replace(/^([A-Z]) .*/, '$1')), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{
      type: 'bar', name: t(name), barMaxWidth: 56, label: { show: true, position: 'top' },
      data: figures.map((f, i) => ({ value: f.value, itemStyle: { color: colors[i % colors.length] } })),
    }],
  }), [figures, name, t]);
  return <EChart label={t(name)} option={option} height={220} onClick={(i) => { if (figures[i]) navigate(link(figures[i])); }} />;
}
