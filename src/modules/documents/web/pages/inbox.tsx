/**
 * 收文: the documents distributed to oneself or one's organisation, unread first marked; opening one records the
 * read receipt (阅知回执).
 */
import { List, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { DocumentListItem } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { EmptyHint, PageCard, formatDate, formatDateTime } from '../../../../kernel/web/components.tsx';

export default function DocumentsInboxPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const { data, loading } = useApiQuery<{ items: DocumentListItem[]; total: number }>('/api/office/documents', { inbox: 'true', page, pageSize: 20 });
  const readTag = (r: DocumentListItem) => (r.readAt ? <Tag>{t('已阅')}</Tag> : <Tag color="red">{t('未阅')}</Tag>);
  const columns: ColumnsType<DocumentListItem> = [
    { title: t('文号'), dataIndex: 'number', key: 'number', width: 190 },
    { title: t('标题'), dataIndex: 'title', key: 'title', render: (v, r) => <Link to={`/office/documents/${r.id}`}>{v}</Link> },
    { title: t('文种'), dataIndex: 'typeLabel', key: 'typeLabel', width: 70, render: (v) => t(v) },
    { title: t('签发日期'), dataIndex: 'signedAt', key: 'signedAt', width: 120, render: (v) => formatDate(v) },
    { title: t('阅知'), key: 'read', width: 170, render: (_v, r) => <Space>{readTag(r)}{r.readAt && formatDateTime(r.readAt)}</Space> },
  ];
  const pagination = { current: page, pageSize: 20, total: data?.total ?? 0, showTotal: (n: number) => t('共 {n} 条', { n }), onChange: (p: number) => setParams({ page: String(p) }) };
  return (
    <PageCard title={t('收文')}>
      {data && data.total === 0 ? <EmptyHint text={t('暂无分发给您的公文。')} /> : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/office/documents/${r.id}`)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={<Link to={`/office/documents/${r.id}`}>{r.title}</Link>} description={<Space wrap size={[6, 4]}>{readTag(r)}<span>{r.number}</span><span>{formatDate(r.signedAt)}</span></Space>} />
            </List.Item>
          )} />
      ) : <Table<DocumentListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />}
    </PageCard>
  );
}
