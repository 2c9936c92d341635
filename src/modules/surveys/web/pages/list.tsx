/**
 * 网络征集列表: the CPPCC's questionnaires with their state, audience, dates and answers; filters and paging live in the
 * address (so a figure's link opens the same rows), a table on wide screens and a list on phones, and a form to start
 * a new one (a draft, whose questions are built on its page).
 */
import { useState } from 'react';
import { Button, Form, Input, List, Modal, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { SurveysDetail, SurveysListItem } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { EmptyHint, PageCard, formatDate } from '../../../../kernel/web/components.tsx';

// the query keys a figure's list may carry (see server/figures.ts)
const keys = ['state', 'q', 'from', 'to'] as const;

export default function SurveysListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading } = useApiQuery<{ items: SurveysListItem[]; total: number }>('/api/surveys', { ...filters, page, pageSize });
  const options = useApiQuery<{ states: Array<{ code: string; label: string }> }>('/api/surveys/options');
  const [filterForm] = Form.useForm();
  const [createForm] = Form.useForm();
  const [creating, setCreating] = useState(false);

  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const create = async (v: { title: string; body?: string }) => {
    try {
      const r = await api.post<SurveysDetail>('/api/surveys', { title: v.title, body: v.body ?? '' });
      setCreating(false);
      createForm.resetFields();
      navigate(`/surveys/${r.id}`);
    } catch (e) { if (!applyFormErrors(createForm, e)) report(e); }
  };
  const dates = (r: SurveysListItem) => (r.opensOn ? `${formatDate(r.opensOn)} – ${r.closesOn ? formatDate(r.closesOn) : ''}` : '—');
  const state = (r: SurveysListItem) => <Tag color={r.collecting ? 'processing' : r.stateTone}>{t(r.stateLabel)}</Tag>;

  const columns: ColumnsType<SurveysListItem> = [
    { title: t('标题'), dataIndex: 'title', key: 'title', render: (v, r) => <Link to={`/surveys/${r.id}`}>{v}</Link> },
    { title: t('状态'), dataIndex: 'state', key: 'state', width: 100, render: (_v, r) => state(r) },
    { title: t('征集对象'), dataIndex: 'audienceLabel', key: 'audience', width: 110, render: (v) => t(v) },
    { title: t('征集时间'), key: 'dates', width: 220, responsive: ['md'], render: (_v, r) => dates(r) },
    { title: t('答卷'), dataIndex: 'answerCount', key: 'answers', width: 90, align: 'right' },
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };

  return (
    <PageCard title={t('网络征集')} extra={can('surveys.create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('新建问卷')}</Button>}>
      <Form form={filterForm} layout={mobile ? 'vertical' : 'inline'} initialValues={filters} onFinish={(v) => apply({ ...filters, ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="state" label={t('状态')}><Select allowClear style={{ minWidth: 120 }} placeholder={t('全部')} options={(options.data?.states ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
        <Form.Item name="q" label={t('关键词')}><Input allowClear placeholder={t('标题关键词')} /></Form.Item>
        <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { filterForm.resetFields(); apply({}); }}>{t('重置')}</Button></Space></Form.Item>
      </Form>
      {data && data.total === 0 ? (
        <EmptyHint text={t('没有符合条件的网络征集。')} />
      ) : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/surveys/${r.id}`)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={<Link to={`/surveys/${r.id}`}>{r.title}</Link>}
                description={<Space wrap size={[6, 4]}>{state(r)}<span>{t(r.audienceLabel)}</span><span>{dates(r)}</span><span>{t('答卷 {n} 份', { n: r.answerCount })}</span></Space>} />
            </List.Item>
          )} />
      ) : (
        <Table<SurveysListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />
      )}
      <Modal open={creating} title={t('新建问卷')} onCancel={() => setCreating(false)} onOk={() => createForm.submit()} okText={t('保存')} width={mobile ? undefined : 720}>
        <Form form={createForm} layout="vertical" onFinish={create}>
          <Form.Item name="title" label={t('标题')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="body" label={t('说明')}><Input.TextArea rows={4} maxLength={5000} /></Form.Item>
        </Form>
      </Modal>
    </PageCard>
  );
}
