/**
 * 新闻列表: one's own records, or every record of the CPPCC for staff who read all; filters and paging live in the
 * address (so a figure's link opens the same rows), a table on wide screens and a list on phones, and a form to create one.
 */
import { useState } from 'react';
import { Button, Form, Input, List, Modal, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { NewsDetail, NewsListItem } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { EmptyHint, PageCard, formatDate, formatDateTime } from '../../../../kernel/web/components.tsx';

// the query keys a figure's list may carry (see server/figures.ts)
const keys = ['state', 'q', 'mine', 'from', 'to'] as const;

export default function NewsListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading } = useApiQuery<{ items: NewsListItem[]; total: number }>('/api/news', { ...filters, page, pageSize });
  const options = useApiQuery<{ states: Array<{ code: string; label: string }> }>('/api/news/options');
  const [filterForm] = Form.useForm();
  const [createForm] = Form.useForm();
  const [creating, setCreating] = useState(false);
  const staff = can('news.read_all');

  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const create = async (v: { title: string; body: string }) => {
    try {
      const r = await api.post<NewsDetail>('/api/news', v);
      setCreating(false);
      createForm.resetFields();
      navigate(`/news/${r.id}`);
    } catch (e) { if (!applyFormErrors(createForm, e)) report(e); }
  };

  const columns: ColumnsType<NewsListItem> = [
    { title: t('标题'), dataIndex: 'title', key: 'title', render: (v, r) => <Link to={`/news/${r.id}`}>{v}</Link> },
    { title: t('提交人'), dataIndex: 'ownerName', key: 'ownerName', width: 120 },
    { title: t('状态'), dataIndex: 'state', key: 'state', width: 100, render: (_v, r) => <Tag color={r.stateTone}>{t(r.stateLabel)}</Tag> },
    { title: t('办理期限'), dataIndex: 'dueDate', key: 'dueDate', width: 120, responsive: ['md'], render: (v) => (v ? formatDate(v) : '—') },
    { title: t('创建时间'), dataIndex: 'createdAt', key: 'createdAt', width: 170, responsive: ['md'], render: (v) => formatDateTime(v) },
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };

  return (
    <PageCard title={staff ? t('新闻') : t('我的新闻')} extra={can('news.create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('新建新闻')}</Button>}>
      <Form form={filterForm} layout={mobile ? 'vertical' : 'inline'} initialValues={filters} onFinish={(v) => apply({ ...filters, ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="state" label={t('状态')}><Select allowClear style={{ minWidth: 120 }} placeholder={t('全部')} options={(options.data?.states ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
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
                description={<Space wrap size={[6, 4]}><Tag color={r.stateTone}>{t(r.stateLabel)}</Tag><span>{r.ownerName}</span><span>{formatDateTime(r.createdAt)}</span></Space>} />
            </List.Item>
          )} />
      ) : (
        <Table<NewsListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />
      )}
      <Modal open={creating} title={t('新建新闻')} onCancel={() => setCreating(false)} onOk={() => createForm.submit()} okText={t('保存')} width={mobile ? undefined : 720}>
        <Form form={createForm} layout="vertical" onFinish={create}>
          <Form.Item name="title" label={t('标题')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="body" label={t('内容')} rules={[{ required: true }]}><Input.TextArea rows={8} maxLength={5000} /></Form.Item>
        </Form>
      </Modal>
    </PageCard>
  );
}
