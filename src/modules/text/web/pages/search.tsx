/** 全文检索: one search box over every record the user may see, ranked, highlighted, with module, year, status and unit facets. */
import { useState } from 'react';
import { Col, Input, List, Row, Space, Tag, Typography, Menu } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { sourceLabels, type SearchResponse } from '../../contract.ts';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { EmptyHint, PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { Highlighted, linkOf } from '../components.tsx';

export default function SearchPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const module = params.get('module') ?? undefined;
  const year = params.get('year') ?? undefined;
  const status = params.get('status') ?? undefined;
  const unit = params.get('unit') ?? undefined;
  const page = Number(params.get('page') ?? 1);
  const [draft, setDraft] = useState(q);
  const { data, loading } = useApiQuery<SearchResponse>(q ? '/api/text/search' : null, { q, module, year, status, unit, page, pageSize: 20 });
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v === undefined || v === '') next.delete(k); else next.set(k, v);
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  const facet = (key: 'module' | 'year' | 'status' | 'unit', current: string | undefined, title: string) => data && data.facets[key].length > 0 && (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text strong>{t(title)}</Typography.Text>
      <Menu mode="inline" selectedKeys={[current ?? '']} style={{ borderInlineEnd: 0 }} onClick={(e) => set({ [key]: e.key === current ? undefined : e.key || undefined })}
        items={[{ key: '', label: t('全部') }, ...data.facets[key].map((f) => ({ key: f.value, label: `${t(f.label)} (${f.count})` }))]} />
    </div>
  );
  return (
    <PageCard title={t('全文检索')}>
      <Input.Search role="searchbox" aria-label={t('检索词')} placeholder={t('输入关键词，如：小区 停车')} enterButton={t('检索')} size="large" allowClear
        value={draft} onChange={(e) => setDraft(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined, module: undefined, year: undefined, status: undefined, unit: undefined })} style={{ marginBottom: 16 }} />
      {!q && <EmptyHint text={t('可检索您有权查看的提案、社情民意等事项；多个词之间用空格分隔，全部命中的排在前面。')} />}
      {q && (
        <Row gutter={24}>
          {!mobile && <Col md={6}>{facet('module', module, '来源模块')}{facet('year', year, '年度')}{facet('status', status, '状态')}{facet('unit', unit, '承办单位')}</Col>}
          <Col xs={24} md={18}>
            {data && (
              <Typography.Paragraph type="secondary">
                {t('共 {n} 条结果', { n: data.total })}{data.capped ? t('（仅在最新的匹配中排序）') : ''} · {t('分词')}: {data.words.map((w) => <Tag key={w}>{w}</Tag>)}
              </Typography.Paragraph>
            )}
            <List loading={loading} dataSource={data?.items ?? []} locale={{ emptyText: t('没有找到匹配的事项，试试更短或不同的词') }}
              pagination={data && data.total > 20 ? { current: page, pageSize: 20, total: data.total, showSizeChanger: false, onChange: (p) => set({ page: String(p) }) } : false}
              renderItem={(i) => {
                const to = linkOf(i.source, i.refId);
                return (
                  <List.Item key={i.id} data-testid="search-hit">
                    <Space direction="vertical" size={2} style={{ width: '100%' }}>
                      <Space wrap size={6}>
                        <Tag color="blue">{t(sourceLabels[i.source] ?? i.source)}</Tag>
                        {to ? <Link to={to}><Highlighted segments={i.title} /></Link> : <Highlighted segments={i.title} />}
                        {i.statusLabel && <Tag>{t(i.statusLabel)}</Tag>}
                      </Space>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}><Highlighted segments={i.snippet} /></Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(i.createdAt)}</Typography.Text>
                    </Space>
                  </List.Item>
                );
              }} />
          </Col>
        </Row>
      )}
    </PageCard>
  );
}
