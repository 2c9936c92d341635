/**
 * 协商活动清单: the consultations held, by county, platform and period (a figure's list: the same query counts it), and
 * its Excel with the same filters.
 */
import { Button, List, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';
import type { ActivityItem } from '../../contract.ts';
import { toQueryString } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { EmptyHint, PageCard, formatDate } from '../../../../kernel/web/components.tsx';

const keys = ['county', 'platformId', 'from', 'to'] as const;

export default function ActivitiesPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading } = useApiQuery<{ items: ActivityItem[]; total: number }>('/api/platforms/activities', { ...filters, page, pageSize });
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => { const q = new URLSearchParams(params); q.set('page', String(p)); q.set('pageSize', String(s)); setParams(q); },
  };
  const columns: ColumnsType<ActivityItem> = [
    { title: t('协商日期'), dataIndex: 'heldOn', key: 'heldOn', width: 110, render: (v) => formatDate(v) },
    { title: t('协商议题'), dataIndex: 'topic', key: 'topic' },
    { title: t('平台名称'), dataIndex: 'platformName', key: 'platformName', render: (v, r) => <Link to={`/platforms/${r.platformId}`}>{v}</Link> },
    { title: t('县（区）'), dataIndex: 'countyName', key: 'countyName', width: 120 },
    { title: t('参加委员人数'), dataIndex: 'membersCount', key: 'membersCount', width: 110, responsive: ['lg'] },
    { title: t('参加群众人数'), dataIndex: 'residentsCount', key: 'residentsCount', width: 110, responsive: ['lg'] },
    { title: t('成果'), dataIndex: 'resultCount', key: 'resultCount', width: 70 },
  ];
  const title = filters.from && filters.to ? t('协商活动清单（{from} 至 {to}）', { from: filters.from, to: filters.to }) : t('协商活动清单');
  return (
    <PageCard wrapTitle title={title} extra={<Button icon={<DownloadOutlined />} href={`/api/platforms/activities/export.xlsx${toQueryString(filters)}`}>{t('导出 Excel')}</Button>}>
      {data && data.total === 0 ? <EmptyHint text={t('没有符合条件的协商活动。')} /> : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }} renderItem={(a) => (
          <List.Item><List.Item.Meta title={<Link to={`/platforms/${a.platformId}`}>{a.topic}</Link>}
            description={<Space wrap size={[6, 4]}><span>{formatDate(a.heldOn)}</span><span>{a.countyName}</span><span>{a.platformName}</span><Tag>{t('群众 {r} 人', { r: a.residentsCount })}</Tag></Space>} /></List.Item>
        )} />
      ) : <Table<ActivityItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />}
    </PageCard>
  );
}
