/**
 * 协商成果清单: the results handed over, by county, platform, state, hand-over or implementation period (figures' lists:
 * the same query counts them), each with the caller's actions (落实, 评价), and its Excel with the same filters.
 */
import { Button, List, Select, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import type { ResultItem } from '../../contract.ts';
import { toQueryString } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { EmptyHint, PageCard } from '../../../../kernel/web/components.tsx';
import { resultLifecycle } from '../../domain/result-lifecycle.ts';
import { ResultLine } from './results-card.tsx';

const keys = ['county', 'platformId', 'state', 'from', 'to', 'implementedFrom', 'implementedTo'] as const;

export default function ResultsPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading, reload } = useApiQuery<{ items: ResultItem[]; total: number }>('/api/platforms/results', { ...filters, page, pageSize });
  const set = (k: string, v: string | undefined) => { const q = new URLSearchParams(params); if (v) q.set(k, v); else q.delete(k); q.delete('page'); setParams(q); };
  const title = filters.implementedFrom ? t('已落实的协商成果（{from} 至 {to}）', { from: filters.implementedFrom, to: filters.implementedTo ?? '' })
    : filters.from ? t('协商成果清单（{from} 至 {to}）', { from: filters.from, to: filters.to ?? '' }) : t('协商成果清单');
  return (
    <PageCard wrapTitle title={title} extra={
      <Space wrap>
        <Select allowClear placeholder={t('全部状态')} style={{ width: 120 }} value={filters.state} onChange={(v) => set('state', v)}
          options={Object.entries(resultLifecycle.states).map(([code, s]) => ({ value: code, label: t(s.label) }))} />
        <Button icon={<DownloadOutlined />} href={`/api/platforms/results/export.xlsx${toQueryString(filters)}`}>{t('导出 Excel')}</Button>
      </Space>
    }>
      {data && data.total === 0 ? <EmptyHint text={t('没有符合条件的协商成果。')} /> : (
        <List loading={loading} dataSource={data?.items ?? []} renderItem={(r) => <ResultLine r={r} onChange={reload} showPlatform />}
          pagination={{ current: page, pageSize, total: data?.total ?? 0, size: mobile ? 'small' : undefined, simple: mobile, showTotal: (n: number) => t('共 {n} 条', { n }),
            onChange: (p: number, s: number) => { const q = new URLSearchParams(params); q.set('page', String(p)); q.set('pageSize', String(s)); setParams(q); } }} />
      )}
    </PageCard>
  );
}
