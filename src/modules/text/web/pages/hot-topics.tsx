/**
 * 热点分析 for leaders: the matters many raise in a period (the same place and problem), each with its place and problem,
 * heat, count, supporters (联名) and growth; a topic's count opens the list of all the records it counts.
 */
import { useMemo, useState } from 'react';
import { Button, Col, List, Row, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowRightOutlined, ArrowUpOutlined, EnvironmentOutlined, FireOutlined, TeamOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { sourceLabels, type hotTopicsResponse } from '../../contract.ts';
import { useApiQuery } from '../../../../kernel/web/hooks.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { EmptyHint, PageCard } from '../../../../kernel/web/components.tsx';
import { EChart, type ChartOption } from '../../../../kernel/web/chart.tsx';
import { linkOf } from '../components.tsx';

type HotTopics = z.infer<typeof hotTopicsResponse>;
type Topic = HotTopics['topics'][number];

/** The growth as an arrow: up when the last 30 days brought clearly more than the 30 before, down when fewer. */
function Growth({ growth }: { growth: number }) {
  const { t } = useI18n();
  const [icon, label, color] = growth >= 1.25 ? [<ArrowUpOutlined key="i" />, t('上升'), 'red'] : growth <= 0.8 ? [<ArrowDownOutlined key="i" />, t('回落'), 'green'] : [<ArrowRightOutlined key="i" />, t('持平'), 'default'];
  return (
    <Tooltip title={t('近30天件数与此前30天之比：{x}', { x: growth })}>
      <Tag color={color} icon={icon} data-testid="hot-topic-growth" style={{ marginInlineEnd: 0 }}>{label} ×{growth}</Tag>
    </Tooltip>
  );
}

/** A topic's place and problem as tags. */
function MatterTags({ topic }: { topic: Topic }) {
  const { t } = useI18n();
  return (
    <>
      {topic.place && <Tag color="blue" icon={<EnvironmentOutlined />} style={{ marginInlineEnd: 0 }}>{topic.place}</Tag>}
      {topic.problem && <Tag color="orange" style={{ marginInlineEnd: 0 }}>{t(topic.problem)}</Tag>}
    </>
  );
}

export default function HotTopicsPage() {
  const { t } = useI18n();
  // a link may name the period and the topic to open (the leaders' dashboard does)
  const [params] = useSearchParams();
  const [days, setDays] = useState(() => ([90, 365, 1095].includes(Number(params.get('days'))) ? Number(params.get('days')) : 365));
  const [open, setOpen] = useState(() => Math.max(0, Math.min(9, Number(params.get('topic')) || 0)));
  const { data, loading } = useApiQuery<HotTopics>('/api/text/hot-topics', { days, limit: 10 });
  const topics = data?.topics ?? [];
  const bars = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: topics.map((x) => x.name), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [{ type: 'bar', data: topics.map((x) => x.heat), itemStyle: { color: '#c2410c' }, name: t('热度') }],
  }), [data]);
  const months = useMemo(() => [...new Set(topics.flatMap((x) => x.trend.map((p) => p.month)))].sort(), [data]);
  const lines = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 8, right: 24, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: topics.slice(0, 5).map((x) => ({ type: 'line', name: x.name, smooth: true, data: months.map((m) => x.trend.find((p) => p.month === m)?.count ?? 0) })),
  }), [data, months]);
  const current = topics[open];
  return (
    <PageCard title={t('热点分析')} loading={loading && !data}
      extra={<Segmented value={days} onChange={(v) => { setDays(Number(v)); setOpen(0); }} options={[{ label: t('近三个月'), value: 90 }, { label: t('近一年'), value: 365 }, { label: t('近三年'), value: 1095 }]} />}>
      {data && topics.length === 0 && <EmptyHint text={t('这段时间还没有足够的事项形成热点。')} />}
      {topics.length > 0 && (
        <>
          <Typography.Paragraph type="secondary">
            {t('近 {d} 天共 {n} 件提案、社情民意等事项；同一地点、同一问题的归为一个热点，按热度排列（件数、联名等支持人数与增长）。点击件数查看该热点的全部事项。', { d: data!.days, n: data!.items })}
          </Typography.Paragraph>
          <List size="small" bordered dataSource={topics} aria-label={t('热点')} data-testid="hot-topic-list" renderItem={(x, i) => (
            <List.Item key={i} data-testid="hot-topic-row" style={{ background: i === open ? '#fff7ed' : undefined }}>
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap size={6}>
                  <Typography.Text strong data-testid="hot-topic-name">{i + 1}. {x.name}</Typography.Text>
                  <MatterTags topic={x} />
                </Space>
                <Space wrap size={[12, 4]}>
                  <Tooltip title={t('热度：件数加支持人数的平方根，按增长调整')}>
                    <Typography.Text data-testid="hot-topic-heat"><FireOutlined style={{ color: '#c2410c' }} /> {t('热度')} {x.heat}</Typography.Text>
                  </Tooltip>
                  <Button size="small" type={i === open ? 'primary' : 'default'} aria-pressed={i === open} onClick={() => setOpen(i)} data-testid="hot-topic"
                    aria-label={t('{name}：{n} 件，查看事项', { name: x.name, n: x.count })}>
                    {t('{n} 件', { n: x.count })}
                  </Button>
                  <Typography.Text type="secondary" data-testid="hot-topic-supporters"><TeamOutlined /> {t('支持 {n} 人', { n: x.supporters })}</Typography.Text>
                  <Growth growth={x.growth} />
                </Space>
              </Space>
            </List.Item>
          )} />
          {current && (
            <List size="small" bordered style={{ marginTop: 16 }} data-testid="hot-topic-items" dataSource={current.items}
              header={<Space wrap size={6}><Typography.Text strong data-testid="hot-topic-open">{current.name}</Typography.Text><MatterTags topic={current} /><Typography.Text type="secondary">{t('{n} 件', { n: current.count })}</Typography.Text></Space>}
              renderItem={(it) => {
                const to = linkOf(it.source, it.refId);
                return (
                  <List.Item key={it.id}>
                    <Space wrap size={[8, 0]}>
                      {sourceLabels[it.source] && <Tag style={{ marginInlineEnd: 0 }}>{t(sourceLabels[it.source])}</Tag>}
                      {to ? <Link to={to}>{it.title}</Link> : it.title}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{it.createdAt.slice(0, 10)}{it.supporters > 0 ? ` · ${t('联名 {n} 人', { n: it.supporters })}` : ''}</Typography.Text>
                    </Space>
                  </List.Item>
                );
              }} />
          )}
          <Row gutter={[24, 24]} style={{ marginTop: 24 }}>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('热点热度')}</Typography.Title>
              <EChart option={bars} onClick={setOpen} label={t('各热点热度柱状图')} height={Math.max(240, topics.length * 32)} />
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('按月趋势（前五个热点）')}</Typography.Title>
              <EChart option={lines} label={t('热点按月趋势折线图')} />
            </Col>
          </Row>
        </>
      )}
    </PageCard>
  );
}
