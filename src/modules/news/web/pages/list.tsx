/**
 * 新闻发布: the desk's list (drafts, waiting for review, published, withdrawn), filters in the address (so a figure's
 * link opens the same rows), a table on wide screens and a list on phones.
 */
import { Button, Form, Input, List, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { NewsListItem } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { EmptyHint, PageCard, formatDate } from '../../../../kernel/web/components.tsx';

const keys = ['state', 'column', 'q', 'mine', 'from', 'to'] as const;
export interface NewsOptions {
  states: Array<{ code: string; label: string }>; columns: Array<{ code: string; label: string }>; channels: Array<{ code: string; label: string }>;
  audiences: Array<{ code: string; label: string }>; sectors: Array<{ id: string; name: string }>; committees: Array<{ id: string; name: string }>;
  can: { write: boolean; review: boolean; notices: boolean };
}

export default function NewsListPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading } = useApiQuery<{ items: NewsListItem[]; total: number }>('/api/news', { ...filters, page, pageSize });
  const options = useApiQuery<NewsOptions>('/api/news/options');
  const [filterForm] = Form.useForm();
  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };

  const columns: ColumnsType<NewsListItem> = [
    { title: t('标题'), dataIndex: 'title', key: 'title', render: (v, r) => <Link to={`/news/${r.id}`}>{v}</Link> },
    { title: t('栏目'), dataIndex: 'columnLabel', key: 'column', width: 110, render: (v) => t(v) },
    { title: t('状态'), dataIndex: 'state', key: 'state', width: 100, render: (_v, r) => <Tag color={r.stateTone}>{t(r.stateLabel)}</Tag> },
    { title: t('作者'), dataIndex: 'ownerName', key: 'ownerName', width: 110, responsive: ['md'] },
    { title: t('发布日期'), dataIndex: 'publishedOn', key: 'publishedOn', width: 120, render: (v) => (v ? formatDate(v) : '—') },
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };

  return (
    <PageCard title={t('新闻发布')} extra={<Space wrap><Button onClick={() => navigate('/news/columns')} data-testid="news-columns">{t('栏目设置')}</Button>{options.data?.can.write && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/news/new')}>{t('撰写新闻')}</Button>}</Space>}>
      <Form form={filterForm} layout={mobile ? 'vertical' : 'inline'} initialValues={filters} onFinish={(v) => apply({ ...filters, ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="column" label={t('栏目')}><Select allowClear style={{ minWidth: 120 }} placeholder={t('全部')} options={(options.data?.columns ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
        <Form.Item name="state" label={t('状态')}><Select allowClear style={{ minWidth: 110 }} placeholder={t('全部')} options={(options.data?.states ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
        <Form.Item name="q" label={t('关键词')}><Input allowClear placeholder={t('标题关键词')} /></Form.Item>
        <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { filterForm.resetFields(); apply({}); }}>{t('重置')}</Button></Space></Form.Item>
      </Form>
      {data && data.total === 0 ? (
        <EmptyHint text={t('没有符合条件的新闻。')} />
      ) : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/news/${r.id}`)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={<Link to={`/news/${r.id}`}>{r.title}</Link>}
                description={<Space wrap size={[6, 4]}><Tag color={r.stateTone}>{t(r.stateLabel)}</Tag><span>{t(r.columnLabel)}</span>{r.publishedOn && <span>{formatDate(r.publishedOn)}</span>}</Space>} />
            </List.Item>
          )} />
      ) : (
        <Table<NewsListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />
      )}
    </PageCard>
  );
}
