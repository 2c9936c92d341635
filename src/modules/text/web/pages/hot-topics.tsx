/** 热点分析 for leaders: clusters of recent items labelled with keywords, their counts and monthly trend; a cluster opens its items. */
import { useMemo, useState } from 'react';
import { Button, Col, List, Row, Segmented, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { hotTopicsResponse } from '../../contract.ts';
import { useApiQuery } from '../../../../kernel/web/hooks.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { EmptyHint, PageCard } from '../../../../kernel/web/components.tsx';
import { EChart, type ChartOption } from '../../../../kernel/web/chart.tsx';
import { linkOf } from '../components.tsx';

type HotTopics = z.infer<typeof hotTopicsResponse>;

export default function HotTopicsPage() {
  const { t } = useI18n();
  // a link may name the period and the topic to open (the leaders' dashboard does)
  const [params] = useSearchParams();
  const [days, setDays] = useState(() => ([90, 365, 1095].includes(Number(params.get('days'))) ? Number(params.get('days')) : 365));
  const [open, setOpen] = useState(() => Math.max(0, Math.min(9, Number(params.get('topic')) || 0)));
  const { data, loading } = useApiQuery<HotTopics>('/api/text/hot-topics', { days, limit: 10 });
  const topics = data?.topics ?? [];
  const name = (k: string[]) => k.slice(0, 3).join(' · ');
  const bars = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: topics.map((x) => name(x.keywords)) },
    series: [{ type: 'bar', data: topics.map((x) => x.count), itemStyle: { color: '#1d4e89' }, name: t('件数') }],
  }), [data]);
  const months = useMemo(() => [...new Set(topics.flatMap((x) => x.trend.map((p) => p.month)))].sort(), [data]);
  const lines = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 8, right: 24, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: topics.slice(0, 5).map((x) => ({ type: 'line', name: name(x.keywords), smooth: true, data: months.map((m) => x.trend.find((p) => p.month === m)?.count ?? 0) })),
  }), [data, months]);
  const current = topics[open];
  return (
    <PageCard title={t('热点分析')} loading={loading && !data}
      extra={<Segmented value={days} onChange={(v) => { setDays(Number(v)); setOpen(0); }} options={[{ label: t('近三个月'), value: 90 }, { label: t('近一年'), value: 365 }, { label: t('近三年'), value: 1095 }]} />}>
      {data && topics.length === 0 && <EmptyHint text={t('这段时间还没有足够的事项形成热点。')} />}
      {topics.length > 0 && (
        <>
          <Typography.Paragraph type="secondary">{t('近 {d} 天共 {n} 件事项，按内容自动归为以下热点（点击柱条查看该热点的事项）。', { d: data!.days, n: data!.items })}</Typography.Paragraph>
          <Row gutter={[24, 24]}>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('热点件数')}</Typography.Title>
              <EChart option={bars} onClick={setOpen} label={t('各热点件数柱状图')} height={Math.max(240, topics.length * 32)} />
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('按月趋势（前五个热点）')}</Typography.Title>
              <EChart option={lines} label={t('热点按月趋势折线图')} />
            </Col>
          </Row>
          <Space wrap style={{ margin: '16px 0 8px' }} aria-label={t('热点')}>
            {topics.map((x, i) => (
              <Button key={i} size="small" type={i === open ? 'primary' : 'default'} aria-pressed={i === open} onClick={() => setOpen(i)} data-testid="hot-topic">
                {name(x.keywords)} ({x.count})
              </Button>
            ))}
          </Space>
          {current && (
            <List size="small" bordered header={<Space wrap>{current.keywords.map((k) => <Tag key={k} color="blue">{k}</Tag>)}</Space>}
              dataSource={current.items} data-testid="hot-topic-items" renderItem={(it) => {
                const to = linkOf(it.source, it.refId);
                return <List.Item key={it.id}>{to ? <Link to={to}>{it.title}</Link> : it.title}</List.Item>;
              }} />
          )}
        </>
      )}
    </PageCard>
  );
}
