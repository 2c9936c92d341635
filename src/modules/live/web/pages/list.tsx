/**
 * 网络议政列表: the sessions of one's CPPCC with their state and counts (filters in the address, so a figure's link
 * opens the same rows); hosts create a session here.
 */
import { useState } from 'react';
import { Button, DatePicker, Form, Input, List, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { SessionDetail, SessionListItem } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { EmptyHint, PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';

type Row = SessionListItem & { participants?: number; contributions?: number; statements?: number; votes?: number; questionsAnswered?: number };
const keys = ['state', 'q', 'from', 'to'] as const;

export default function LiveListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading } = useApiQuery<{ items: Row[]; total: number }>('/api/live/sessions', { ...filters, page, pageSize });
  const options = useApiQuery<{ states: Array<{ code: string; label: string }>; units: Array<{ id: string; name: string }> }>('/api/live/options');
  const [filterForm] = Form.useForm();
  const [createForm] = Form.useForm();
  const [creating, setCreating] = useState(false);

  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const create = async (v: { title: string; topic: string; period: [Dayjs, Dayjs]; responderUnitIds?: string[]; publicAccess: string; moderatePublic: boolean }) => {
    try {
      const r = await api.post<SessionDetail>('/api/live/sessions', {
        title: v.title, topic: v.topic, opensAt: v.period?.[0]?.toISOString(), closesAt: v.period?.[1]?.toISOString(),
        responderUnitIds: v.responderUnitIds ?? [], publicAccess: v.publicAccess, moderatePublic: v.moderatePublic,
      });
      setCreating(false);
      createForm.resetFields();
      navigate(`/live/${r.id}`);
    } catch (e) { if (!applyFormErrors(createForm, e)) report(e); }
  };

  const columns: ColumnsType<Row> = [
    { title: t('议政主题'), dataIndex: 'title', key: 'title', render: (v, r) => <Link to={`/live/${r.id}`}>{v}</Link> },
    { title: t('状态'), dataIndex: 'state', key: 'state', width: 100, render: (_v, r) => <Tag color={r.stateTone}>{t(r.stateLabel)}</Tag> },
    { title: t('开始时间'), dataIndex: 'opensAt', key: 'opensAt', width: 170, render: (v) => formatDateTime(v) },
    { title: t('参与人数'), dataIndex: 'participants', key: 'participants', width: 90, responsive: ['md'] },
    { title: t('发言'), dataIndex: 'contributions', key: 'contributions', width: 70, responsive: ['md'] },
    { title: t('答复提问'), dataIndex: 'questionsAnswered', key: 'questionsAnswered', width: 90, responsive: ['md'] },
    { title: t('表态'), dataIndex: 'votes', key: 'votes', width: 70, responsive: ['md'] },
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };

  return (
    <PageCard title={t('网络议政')} extra={can('live.host') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('新建网络议政')}</Button>}>
      <Form form={filterForm} layout={mobile ? 'vertical' : 'inline'} initialValues={filters} onFinish={(v) => apply({ ...filters, ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="state" label={t('状态')}><Select allowClear style={{ minWidth: 120 }} placeholder={t('全部')} options={(options.data?.states ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
        <Form.Item name="q" label={t('关键词')}><Input allowClear placeholder={t('主题关键词')} /></Form.Item>
        <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { filterForm.resetFields(); apply({}); }}>{t('重置')}</Button></Space></Form.Item>
      </Form>
      {data && data.total === 0 ? (
        <EmptyHint text={t('没有符合条件的网络议政。')} />
      ) : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/live/${r.id}`)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={<Link to={`/live/${r.id}`}>{r.title}</Link>}
                description={<Space wrap size={[6, 4]}><Tag color={r.stateTone}>{t(r.stateLabel)}</Tag><span>{formatDateTime(r.opensAt)}</span><span>{t('{n} 人参与', { n: r.participants ?? 0 })}</span></Space>} />
            </List.Item>
          )} />
      ) : (
        <Table<Row> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />
      )}
      <Modal open={creating} title={t('新建网络议政')} onCancel={() => setCreating(false)} onOk={() => createForm.submit()} okText={t('保存')} width={mobile ? undefined : 720}>
        <Form form={createForm} layout="vertical" onFinish={create} initialValues={{ publicAccess: 'link', moderatePublic: true }}>
          <Form.Item name="title" label={t('议政主题')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="topic" label={t('议题背景')} rules={[{ required: true }]}><Input.TextArea rows={5} maxLength={10000} /></Form.Item>
          <Form.Item name="period" label={t('议政时间')} rules={[{ required: true }]}><DatePicker.RangePicker showTime style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="responderUnitIds" label={t('应邀部门')}><Select mode="multiple" allowClear optionFilterProp="label" options={(options.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
          <Form.Item name="publicAccess" label={t('公众参与方式')}>
            <Select options={[{ value: 'link', label: t('凭链接参与') }, { value: 'phone', label: t('手机号验证后参与') }, { value: 'none', label: t('不向公众开放') }]} />
          </Form.Item>
          <Form.Item name="moderatePublic" label={t('网友发言先审后发')} valuePropName="checked"><Switch /></Form.Item>
        </Form>
      </Modal>
    </PageCard>
  );
}
