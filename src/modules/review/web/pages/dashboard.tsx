/**
 * 领导驾驶舱: the year so far against last year by module, what needs attention, the months of the year and the CPPCCs
 * side by side, every number a link to its records. Readable on a phone (two tiles a row), a large-screen mode for the
 * meeting room (dark, full window, larger type) and a printable page (the menu and buttons are not printed).
 */
import { useMemo, useState } from 'react';
import { Button, Card, Col, Divider, Empty, Row, Select, Skeleton, Space, Table, Typography } from 'antd';
import { DownloadOutlined, FullscreenExitOutlined, FullscreenOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Counties, Dashboard, Trends, YearFigure } from '../../contract.ts';
import { EChart, type ChartOption } from '../../../../kernel/web/chart.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { PageCard } from '../../../../kernel/web/components.tsx';
import { useSession } from '../../../../kernel/web/session.tsx';
import { ChangeText, FigureLink } from '../figure-link.tsx';

const printCss = `
@media print {
  .ant-layout-sider, .ant-layout-header, .no-print, .ant-drawer { display: none !important; }
  .ant-layout-content { margin: 0 !important; padding: 0 !important; }
  .dash-tile { break-inside: avoid; }
}
.dash-screen { position: fixed; inset: 0; z-index: 1000; overflow: auto; padding: 24px 32px; background: #0b1a33; }
.dash-screen .ant-card { background: #12284d; border-color: #1f3d6e; }
.dash-screen .ant-card-head { border-bottom-color: #1f3d6e; }
.dash-screen .ant-card-head-title, .dash-screen .dash-label, .dash-screen h4.ant-typography { color: #c9d8f0 !important; }
.dash-screen .dash-value, .dash-screen .dash-value a { color: #fff !important; font-size: 40px !important; }
`;

function Tile({ f, screen }: { f: YearFigure; screen: boolean }) {
  const { t } = useI18n();
  return (
    <div className="dash-tile" data-testid={`tile-${f.key}`}>
      <div className="dash-label" style={{ color: '#666', fontSize: screen ? 18 : 13 }}>{t(f.label)}</div>
      <div className="dash-value" style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.3 }}>
        <FigureLink f={f} testId={`figure-${f.key}`}>{f.value.toLocaleString('zh-CN')}</FigureLink>
        <span style={{ fontSize: 13, marginLeft: 2, fontWeight: 400 }}>{f.unit}</span>
      </div>
      <div style={{ fontSize: 12 }}><ChangeText change={f.change} percent={f.changePercent} attention={f.attention} /></div>
    </div>
  );
}

export default function DashboardPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? undefined;
  const org = params.get('org') ?? undefined;
  const screen = params.get('screen') === '1';
  const query = { year, org };
  const { data: d, loading } = useApiQuery<Dashboard>('/api/dashboard', query);
  const { data: tr } = useApiQuery<Trends>('/api/dashboard/trends', query);
  const { data: cs } = useApiQuery<Counties>('/api/dashboard/counties', { year });
  const [seriesKey, setSeriesKey] = useState<string>();
  const set = (k: string, v: string | undefined) => { const p = new URLSearchParams(params); if (v) p.set(k, v); else p.delete(k); setParams(p, { replace: true }); };

  const series = tr?.series.find((s) => s.key === seriesKey) ?? tr?.series[0];
  const trendOption = useMemo<ChartOption>(() => ({
    grid: { left: 40, right: 16, top: 24, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: (tr?.months ?? []).map((m) => `${Number(m.slice(5))}月`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: series ? [{ type: 'bar', name: series.label, data: series.values, itemStyle: { color: '#b7282e' } }] : [],
  }), [tr, series]);

  if (!d) return <PageCard loading={loading}><Skeleton active /></PageCard>;
  const years = Array.from({ length: 6 }, (_, i) => d.year + 1 - i);
  const span = screen ? 4 : mobile ? 12 : 6;

  const body = (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <style>{printCss}</style>
      <Card size="small">
        <Row gutter={[8, 8]} align="middle" justify="space-between">
          <Col><Typography.Title level={4} style={{ margin: 0 }}>{d.organisation.name} {t('领导驾驶舱')} · {d.year}</Typography.Title></Col>
          <Col className="no-print">
            <Space wrap>
              <Select aria-label={t('年度')} value={d.year} style={{ width: 100 }} options={years.map((y) => ({ value: y, label: `${y}` }))} onChange={(v) => set('year', String(v))} />
              {d.organisations.length > 1 && <Select aria-label={t('政协组织')} value={d.organisation.id} style={{ width: 160 }} options={d.organisations.map((o) => ({ value: o.id, label: o.name }))} onChange={(v) => set('org', v === d.organisations[0].id ? undefined : v)} />}
              <Button icon={screen ? <FullscreenExitOutlined /> : <FullscreenOutlined />} onClick={() => set('screen', screen ? undefined : '1')}>{t(screen ? '退出大屏' : '大屏模式')}</Button>
              {!mobile && <Button icon={<PrinterOutlined />} onClick={() => window.print()}>{t('打印')}</Button>}
            </Space>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('需关注')} data-testid="attention">
        {d.attention.length === 0 ? <Typography.Text type="secondary">{t('没有需关注的数字。')}</Typography.Text> : (
          <Row gutter={[16, 16]}>{d.attention.map((f) => <Col key={f.key} span={span}><Tile f={f} screen={screen} /></Col>)}</Row>
        )}
      </Card>

      <HotTopicsCard span={span} />

      {d.modules.length === 0 && <Card><Empty description={t('暂无统计数字。')} /></Card>}
      {d.modules.map((m) => (
        <Card key={m.module} size="small" title={`${t(m.label)} · ${t('本年度与上年')}`} data-testid={`module-${m.module}`}>
          <Row gutter={[16, 16]}>{m.figures.filter((f) => !f.part).map((f) => <Col key={f.key} span={span}><Tile f={f} screen={screen} /></Col>)}</Row>
          {/* each special committee's figures (decision 0087), under their own heading */}
          {m.figures.some((f) => f.part) && (
            <>
              <Divider titlePlacement="start" plain data-testid={`committees-${m.module}`}>{t('各专委会')}</Divider>
              <Row gutter={[16, 16]}>{m.figures.filter((f) => f.part).map((f) => <Col key={f.key} span={span}><Tile f={f} screen={screen} /></Col>)}</Row>
            </>
          )}
        </Card>
      ))}

      {tr && (
        <Card size="small" title={t('逐月走势')} extra={tr.series.length > 0 && (
          <Select className="no-print" size="small" style={{ width: mobile ? 150 : 220 }} value={series?.key} onChange={setSeriesKey}
            options={tr.series.map((s) => ({ value: s.key, label: t(s.label) }))} />
        )}>
          {series ? (
            <EChart option={trendOption} height={mobile ? 220 : 280} label={`${t('逐月走势')} ${series.label}`} testId="trend-chart"
              onClick={(i) => { const p = series.pages[i]; if (p) navigate(p); }} />
          ) : <Typography.Text type="secondary">{t('只按年度统计的数字没有逐月走势。')}</Typography.Text>}
        </Card>
      )}

      {cs && <CountiesCard cs={cs} mobile={mobile} />}
    </Space>
  );
  return screen ? <div className="dash-screen" data-testid="large-screen">{body}</div> : body;
}

/**
 * 各县（市、区）并列: the year's figures of the reader's CPPCC and of each county they may see, a column per CPPCC (a
 * county's leader sees their own column only), a row per figure of the chosen module; each cell opens that CPPCC's
 * records; the whole comparison as an Excel workbook.
 */
function CountiesCard({ cs, mobile }: { cs: Counties; mobile: boolean }) {
  const { t } = useI18n();
  const modules = useMemo(() => [...new Map(cs.figures.map((f) => [f.module, f.moduleLabel])).entries()], [cs]);
  const [picked, setPicked] = useState<string>();
  const module = picked && modules.some(([m]) => m === picked) ? picked : modules[0]?.[0];
  const figures = cs.figures.filter((f) => f.module === module);
  const values = new Map(cs.rows.map((r) => [r.organisation.id, r.values]));
  const title = cs.organisations.length > 1 ? t('各县（市、区）并列') : t('本级统计数字');
  return (
    <Card size="small" title={title} data-testid="counties" extra={(
      <Space className="no-print" wrap>
        {modules.length > 0 && (
          <Select aria-label={t('模块')} size="small" style={{ width: mobile ? 130 : 180 }} value={module} onChange={setPicked}
            options={modules.map(([m, label]) => ({ value: m, label: t(label) }))} />
        )}
        <Button size="small" icon={<DownloadOutlined />} href={`/api/dashboard/counties.xlsx?year=${cs.year}`} download data-testid="counties-xlsx" aria-label={t('导出 Excel')}>{mobile ? null : t('导出 Excel')}</Button>
      </Space>
    )}>
      {figures.length === 0 ? <Empty description={t('暂无统计数字。')} /> : (
        <Table size="small" pagination={false} rowKey="key" dataSource={figures} scroll={{ x: true }}
          columns={[
            { title: t('统计数字'), key: 'label', fixed: 'left' as const, width: mobile ? 120 : 200, render: (_: unknown, f: Counties['figures'][number]) => `${t(f.label)}（${f.unit}）` },
            ...cs.organisations.map((o) => ({
              title: o.name, key: o.id, align: 'right' as const,
              render: (_: unknown, f: Counties['figures'][number]) => {
                const v = values.get(o.id)?.[f.key];
                return v ? <FigureLink f={{ label: `${o.name} ${f.label}`, link: v.link, page: v.page }} testId={`cell-${o.id}-${f.key}`}>{v.value.toLocaleString('zh-CN')}</FigureLink> : '—';
              },
            })),
          ]} />
      )}
    </Card>
  );
}

interface HotTopics { topics: Array<{ keywords: string[]; count: number }>; items: number; days: number }
const HOT_DAYS = 365;

/**
 * 热点: what many people raised in the last year (the text module's hot topics), for those who may use text analysis;
 * each topic opens 热点分析 on that topic with its records.
 */
function HotTopicsCard({ span }: { span: number }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { data } = useApiQuery<HotTopics>(can('text.use') ? '/api/text/hot-topics' : null, { days: HOT_DAYS, limit: 5 });
  if (!data?.topics.length) return null;
  return (
    <Card size="small" title={t('近一年热点')} data-testid="dashboard-hot-topics" extra={<Link className="no-print" to={`/hot-topics?days=${HOT_DAYS}`}>{t('热点分析')}</Link>}>
      <Row gutter={[16, 8]}>
        {data.topics.map((x, i) => (
          <Col key={i} span={span}>
            <Link to={`/hot-topics?days=${HOT_DAYS}&topic=${i}`} data-testid="dashboard-hot-topic">
              <Typography.Text strong>{x.keywords.slice(0, 3).join(' · ')}</Typography.Text> <Typography.Text type="secondary">{t('{n} 件', { n: x.count })}</Typography.Text>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
