/**
 * 我的积分 (/scores/mine) or a member's score (/scores/members/:userId): the year's total and grade, the rank, and
 * every item — count × points each = points, capped, minimum met — each opening the records it counts (the figure's
 * own list, so the number of rows is the count). Download the 年度履职报告 (Word). Built for the phone first.
 */
import { useState } from 'react';
import { Alert, Button, Card, Col, List, Row, Select, Space, Tag, Typography } from 'antd';
import { DownOutlined, FileWordOutlined, RightOutlined } from '@ant-design/icons';
import { useParams, useSearchParams } from 'react-router';
import type { MemberScore, ScoredItemView } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { PageCard } from '../../../../kernel/web/components.tsx';

/** A list row's title, whatever module listed it (the server's report reads rows the same way). */
function rowTitle(row: Record<string, unknown>): string {
  for (const k of ['title', 'activityTitle', 'activity_title', 'consultationTitle', 'inspectionTitle', 'meetingTitle', 'subject', 'name']) {
    const v = row[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  const any = Object.entries(row).find(([k, v]) => /title/i.test(k) && typeof v === 'string' && (v as string).trim());
  return any ? String(any[1]) : '—';
}
function rowDate(row: Record<string, unknown>): string {
  for (const k of ['heldOn', 'held_on', 'submittedAt', 'date', 'onDate', 'on_date', 'createdAt']) {
    const v = row[k];
    if (typeof v === 'string' && v) return v.slice(0, 10);
  }
  return '';
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
/** 「优秀 ≥ 85，称职 ≥ 60，不称职 < 60」: the lowest band reads as below the one above it. */
function bandsText(bands: MemberScore['bands'], t: (s: string) => string): string {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.map((b, i) => (i === sorted.length - 1 && i > 0 ? `${t(b.label)} < ${sorted[i - 1].min}` : `${t(b.label)} ≥ ${b.min}`)).join('，');
}

function ItemRecords({ item }: { item: ScoredItemView }) {
  const { t } = useI18n();
  const { data, loading } = useApiQuery<{ items: Array<Record<string, unknown>>; total: number }>(item.list!.api, { ...item.list!.query, page: 1, pageSize: 100 });
  return (
    <List size="small" loading={loading} dataSource={data?.items ?? []} data-testid={`records-${item.figure}`}
      locale={{ emptyText: t('暂无记录') }}
      header={data ? <Typography.Text type="secondary">{t('共 {n} 条', { n: data.total })}</Typography.Text> : undefined}
      renderItem={(r) => (
        <List.Item style={{ paddingInline: 0 }}>
          <Space direction="vertical" size={0}>
            <Typography.Text>{rowTitle(r)}</Typography.Text>
            {rowDate(r) && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{rowDate(r)}</Typography.Text>}
          </Space>
        </List.Item>
      )} />
  );
}

export default function ScorePage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const { me } = useSession();
  const { userId } = useParams();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? undefined;
  const options = useApiQuery<{ currentYear: number; years: number[] }>('/api/scores/options');
  const url = userId ? `/api/scores/members/${encodeURIComponent(userId)}` : '/api/scores/mine';
  const { data, loading, error } = useApiQuery<MemberScore>(url, { year });
  const [open, setOpen] = useState<string | null>(params.get('show'));
  const bandColor = (g: string) => (data && data.bands[0]?.label === g ? 'red' : data && data.bands[data.bands.length - 1]?.label === g ? 'default' : 'blue');
  const reportUrl = data ? `/api/scores/members/${encodeURIComponent(data.userId)}/report.docx?year=${data.year}` : '#';
  const self = !userId || userId === me?.id;

  return (
    <PageCard loading={loading && !data} title={self ? t('我的积分') : t('{name}的履职积分', { name: data?.name ?? '' })} wrapTitle
      extra={(
        <Select size="small" style={{ width: 110 }} aria-label={t('年度')} value={data?.year}
          options={(options.data?.years ?? []).map((y) => ({ value: y, label: t('{y}年度', { y }) }))}
          onChange={(y) => setParams({ year: String(y) })} />
      )}>
      {error && <Alert type="error" showIcon message={error.message} />}
      {data && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Card size="small" data-testid="score-summary">
            <Row gutter={[12, 12]} align="middle">
              <Col xs={12} sm={6}>
                <Typography.Text type="secondary">{t('年度积分')}</Typography.Text>
                <div data-testid="score-total" style={{ fontSize: mobile ? 32 : 40, fontWeight: 700, color: '#b71c1c', lineHeight: 1.1 }}>{data.total}</div>
              </Col>
              <Col xs={12} sm={6}>
                <Typography.Text type="secondary">{t('等次')}</Typography.Text>
                <div><Tag color={bandColor(data.grade)} style={{ fontSize: 16, padding: '2px 10px', marginTop: 4 }} data-testid="score-grade">{t(data.grade)}</Tag></div>
              </Col>
              <Col xs={12} sm={6}>
                <Typography.Text type="secondary">{t('排名')}</Typography.Text>
                <div style={{ fontSize: 18 }}>{data.rank !== null ? t('第 {rank} 名 / {n} 人', { rank: data.rank, n: data.members ?? 0 }) : t('尚未排名')}</div>
              </Col>
              <Col xs={12} sm={6}>
                <Button icon={<FileWordOutlined />} href={reportUrl} block={mobile}>{t('年度履职报告')}</Button>
              </Col>
            </Row>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
              {t('{from} 至 {to}；基础分 {base} 分', { from: data.from, to: data.to, base: data.base })}
              {data.maxTotal !== null ? t('，总分上限 {max} 分', { max: data.maxTotal }) : ''}
              {t('；规则第 {v} 版', { v: data.ruleVersion || 1 })}{data.ruleSource ? t('（参照{src}）', { src: t(data.ruleSource) }) : ''}
              {t('；等次：')}{bandsText(data.bands, t)}
            </Typography.Paragraph>
          </Card>
          {data.total < data.minimum && <Alert type="warning" showIcon message={t('当前积分低于年度最低分 {min} 分', { min: data.minimum })} />}
          {data.unmet.length > 0 && <Alert type="info" showIcon message={t('未达到最低要求：{items}', { items: data.unmet.map((u) => t(u)).join('、') })} />}
          <List
            bordered
            dataSource={data.items}
            renderItem={(it) => {
              const expanded = open === it.figure;
              const canOpen = !!it.list && it.count > 0;
              return (
                <List.Item style={{ display: 'block' }} data-testid={`item-${it.figure}`}>
                  <div role={canOpen ? 'button' : undefined} tabIndex={canOpen ? 0 : undefined} aria-expanded={canOpen ? expanded : undefined}
                    onClick={() => canOpen && setOpen(expanded ? null : it.figure)}
                    onKeyDown={(e) => { if (canOpen && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); setOpen(expanded ? null : it.figure); } }}
                    style={{ display: 'flex', alignItems: 'center', gap: 8, cursor: canOpen ? 'pointer' : 'default' }}>
                    <div style={{ flex: 1, minWidth: 0 }}>
                      <Typography.Text strong>{t(it.label)}</Typography.Text>
                      <div style={{ fontSize: 12, color: '#888' }}>
                        {t('{count} 次 × {each} 分', { count: it.count, each: signed(it.pointsEach) })}
                        {it.cap !== null ? t('，上限 {cap} 分', { cap: it.cap }) : ''}
                        {it.minCount !== null ? t('，至少 {min} 次', { min: it.minCount }) : ''}
                      </div>
                      {(it.capped || !it.minMet || !it.hasSource) && (
                        <Space size={4} wrap style={{ marginTop: 2 }}>
                          {it.capped && <Tag color="gold">{t('已达上限')}</Tag>}
                          {!it.minMet && <Tag color="orange">{t('未达最低要求')}</Tag>}
                          {!it.hasSource && <Tag>{t('暂无数据来源')}</Tag>}
                        </Space>
                      )}
                    </div>
                    <div data-testid="item-points" style={{ fontSize: 20, fontWeight: 600, color: it.points < 0 ? '#cf1322' : it.points > 0 ? '#b71c1c' : '#999', whiteSpace: 'nowrap' }}>{signed(it.points)}</div>
                    {canOpen && (expanded ? <DownOutlined /> : <RightOutlined />)}
                  </div>
                  {expanded && it.list && <div style={{ marginTop: 8, paddingLeft: 8, borderLeft: '3px solid #f0f0f0' }}><ItemRecords item={it} /></div>}
                </List.Item>
              );
            }}
          />
        </Space>
      )}
    </PageCard>
  );
}
