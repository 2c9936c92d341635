/**
 * 《长治文史》: the numbered issues (第N辑), newest first, each opening its contents; the 文史委 staff see the issues
 * being edited too and start a new one. Filters (published, year) in the address: the figure 出版《长治文史》 opens here.
 */
import { useState } from 'react';
import { Button, Form, Input, InputNumber, List, Modal, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { IssueDetail, IssueListItem } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { EmptyHint, PageCard, formatDate } from '../../../../kernel/web/components.tsx';
import { clock } from '../../../../kernel/universal/clock.ts';

const keys = ['published', 'year', 'from', 'to'] as const;

export default function IssuesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading } = useApiQuery<{ items: IssueListItem[]; total: number }>('/api/wenshi/issues', { ...filters, page, pageSize });
  const [form] = Form.useForm();
  const [creating, setCreating] = useState(false);
  const staff = can('wenshi.handle');

  const create = async (v: Record<string, unknown>) => {
    try {
      const r = await api.post<IssueDetail>('/api/wenshi/issues', v);
      setCreating(false);
      navigate(`/wenshi/issues/${r.id}`);
    } catch (e) { if (!applyFormErrors(form, e)) report(e); }
  };
  const open = () => {
    const next = Math.max(0, ...(data?.items ?? []).map((i) => i.number)) + 1;
    form.setFieldsValue({ number: next, year: Number(clock.today().slice(0, 4)), title: '长治文史', editor: '' });
    setCreating(true);
  };
  const state = (r: IssueListItem) => (r.published ? <Tag color="success">{t('已出版')}</Tag> : <Tag color="processing">{t('编辑中')}</Tag>);
  const columns: ColumnsType<IssueListItem> = [
    { title: t('辑号'), dataIndex: 'label', key: 'label', width: 100, render: (v, r) => <Link to={`/wenshi/issues/${r.id}`}>{v}</Link> },
    { title: t('书名'), dataIndex: 'title', key: 'title', render: (v) => `《${v}》` },
    { title: t('年度'), dataIndex: 'year', key: 'year', width: 90 },
    { title: t('主编'), dataIndex: 'editor', key: 'editor', responsive: ['md'] },
    { title: t('篇目'), dataIndex: 'materials', key: 'materials', width: 80 },
    { title: t('状态'), key: 'state', width: 100, render: (_v, r) => state(r) },
    { title: t('出版日期'), dataIndex: 'publishedAt', key: 'publishedAt', width: 120, responsive: ['md'], render: (v) => (v ? formatDate(v) : '—') },
  ];
  const pagination = { current: page, pageSize, total: data?.total ?? 0, onChange: (p: number, s: number) => setParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>, page: String(p), pageSize: String(s) }) };

  return (
    <PageCard title={t('《长治文史》')} extra={staff && <Button type="primary" icon={<PlusOutlined />} onClick={open} data-testid="wenshi-new-issue">{t('新建辑刊')}</Button>}>
      {data && data.total === 0 ? <EmptyHint text={t('还没有辑刊。')} /> : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/wenshi/issues/${r.id}`)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={<Link to={`/wenshi/issues/${r.id}`}>{`《${r.title}》${r.label}`}</Link>}
                description={<Space wrap size={[6, 4]}>{state(r)}<span>{r.year}</span><span>{t('{n} 篇', { n: r.materials })}</span></Space>} />
            </List.Item>
          )} />
      ) : (
        <Table<IssueListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />
      )}
      <Modal open={creating} title={t('新建辑刊')} onCancel={() => setCreating(false)} onOk={() => form.submit()} okText={t('保存')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item name="number" label={t('辑号')} rules={[{ required: true }]}><InputNumber min={1} max={9999} addonBefore={t('第')} addonAfter={t('辑')} /></Form.Item>
          <Form.Item name="year" label={t('年度')} rules={[{ required: true }]}><InputNumber min={1949} max={2100} /></Form.Item>
          <Form.Item name="title" label={t('书名')} rules={[{ required: true, min: 2 }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="editor" label={t('主编')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
        </Form>
      </Modal>
    </PageCard>
  );
}
