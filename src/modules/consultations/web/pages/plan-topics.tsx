/**
 * 协商选题: the office's list of the year's topics (by proposing body, form and state, paged; filters in the address so a
 * figure's link opens the same rows) and the form a committee, or the office for a party or group, proposes one with.
 * A committee's staff see their own body's topics and what became of them.
 */
import { useState } from 'react';
import { Button, Form, Input, List, Modal, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { PlanOptions, TopicDetail, TopicListItem } from '../../domain/plan-contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { EmptyHint, PageCard, formatDate } from '../../../../kernel/web/components.tsx';
import { MaterialUpload } from './material-upload.tsx';

const keys = ['year', 'proposerOrgId', 'form', 'state', 'q'] as const;

export default function TopicsPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const opts = useApiQuery<PlanOptions>('/api/consultations/topics/options');
  const year = params.get('year') ?? (opts.data ? String(opts.data.year) : undefined);
  const filters: Record<string, string | undefined> = { ...Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined])), year };
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading } = useApiQuery<{ items: TopicListItem[]; total: number }>(year ? '/api/consultations/topics' : null, { ...filters, page, pageSize });
  const [filterForm] = Form.useForm();
  const [createForm] = Form.useForm();
  const [creating, setCreating] = useState(false);
  const o = opts.data;

  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const create = async (v: Record<string, unknown>) => {
    try {
      const r = await api.post<TopicDetail>('/api/consultations/topics', { ...v, year: Number(v.year) });
      setCreating(false);
      createForm.resetFields();
      navigate(`/consultations/topics/${r.id}`);
    } catch (e) { if (!applyFormErrors(createForm, e)) report(e); }
  };
  const years = o ? [o.year + 1, o.year, o.year - 1, o.year - 2].map((y) => ({ value: String(y), label: t('{y}年', { y }) })) : [];

  const columns: ColumnsType<TopicListItem> = [
    { title: t('选题名称'), dataIndex: 'title', key: 'title', render: (v, r) => <Link to={`/consultations/topics/${r.id}`}>{v}</Link> },
    { title: t('提出单位'), dataIndex: 'proposerOrgName', key: 'proposerOrgName', width: 200 },
    { title: t('建议协商形式'), dataIndex: 'formLabel', key: 'form', width: 170, render: (v) => t(v) },
    { title: t('状态'), dataIndex: 'state', key: 'state', width: 110, render: (_v, r) => <Tag color={r.stateTone}>{t(r.stateLabel)}</Tag> },
    { title: t('提出时间'), dataIndex: 'createdAt', key: 'createdAt', width: 120, responsive: ['md'], render: (v) => formatDate(v) },
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };

  return (
    <PageCard title={t('协商选题')} extra={o?.canPropose && <Button type="primary" icon={<PlusOutlined />} onClick={() => { createForm.setFieldsValue({ year: String(o.year + (o.canManage ? 0 : 0)), proposerOrgId: o.ownProposerOrgId ?? undefined }); setCreating(true); }}>{t('提出协商选题')}</Button>}>
      {o && (
        <Form name="topic-filter" form={filterForm} layout={mobile ? 'vertical' : 'inline'} initialValues={filters} onFinish={(v) => apply({ ...filters, ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="year" label={t('年度')}><Select style={{ width: 110 }} options={years} /></Form.Item>
          {o.canManage && <Form.Item name="proposerOrgId" label={t('提出单位')}><Select allowClear showSearch optionFilterProp="label" style={{ minWidth: 200 }} placeholder={t('全部')} options={o.proposers.map((p) => ({ value: p.id, label: p.name }))} /></Form.Item>}
          <Form.Item name="form" label={t('协商形式')}><Select allowClear style={{ minWidth: 170 }} placeholder={t('全部')} options={o.forms.map((f) => ({ value: f.code, label: t(f.label) }))} /></Form.Item>
          <Form.Item name="state" label={t('状态')}><Select allowClear style={{ minWidth: 120 }} placeholder={t('全部')} options={o.topicStates.map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
          <Form.Item name="q" label={t('关键词')}><Input allowClear placeholder={t('选题关键词')} /></Form.Item>
          <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { filterForm.resetFields(); apply({}); }}>{t('重置')}</Button></Space></Form.Item>
        </Form>
      )}
      {data && data.total === 0 ? (
        <EmptyHint text={t('没有符合条件的协商选题。')} />
      ) : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/consultations/topics/${r.id}`)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={<Link to={`/consultations/topics/${r.id}`}>{r.title}</Link>}
                description={<Space wrap size={[6, 4]}><Tag color={r.stateTone}>{t(r.stateLabel)}</Tag><span>{r.proposerOrgName}</span><span>{t(r.formLabel)}</span></Space>} />
            </List.Item>
          )} />
      ) : (
        <Table<TopicListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />
      )}
      <Modal open={creating} title={t('提出协商选题')} onCancel={() => setCreating(false)} onOk={() => createForm.submit()} okText={t('提交')} width={mobile ? undefined : 720}>
        <Form name="topic-create" form={createForm} layout="vertical" onFinish={create}>
          <Form.Item name="year" label={t('年度')} rules={[{ required: true }]}><Select options={years} /></Form.Item>
          <Form.Item name="proposerOrgId" label={t('提出单位')} rules={[{ required: true }]}>
            <Select disabled={!o?.canManage} showSearch optionFilterProp="label" options={(o?.proposers ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item name="title" label={t('选题名称')} rules={[{ required: true, min: 4 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="form" label={t('建议协商形式')} rules={[{ required: true }]}><Select options={(o?.forms ?? []).map((f) => ({ value: f.code, label: t(f.label) }))} /></Form.Item>
          <Form.Item name="reason" label={t('选题理由')} rules={[{ required: true, min: 10 }]}><Input.TextArea rows={6} maxLength={5000} /></Form.Item>
          <Form.Item name="contact" label={t('联系人及电话')} rules={[{ required: true, min: 2 }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="attachmentIds" label={t('附件')} extra={t('调研报告、背景材料等')}><MaterialUpload /></Form.Item>
        </Form>
      </Modal>
    </PageCard>
  );
}
