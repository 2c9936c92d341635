/**
 * 民主评议列表: the office and leaders see every appraisal of their CPPCC, a department those it is appraised in, a
 * member those whose vote has opened. Filters and paging live in the address (so a figure's link opens the same rows),
 * a table on wide screens and a list on phones; the office sets a new appraisal up (筹备) from here.
 */
import { useState } from 'react';
import { Button, DatePicker, Form, Input, List, Modal, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { AppraisalDetail, AppraisalListItem } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { EmptyHint, PageCard, formatDate } from '../../../../kernel/web/components.tsx';

// the query keys a figure's list may carry (see server/figures.ts)
const keys = ['state', 'held', 'unitId', 'q', 'from', 'to'] as const;
type Option = { code: string; label: string };
export interface AppraisalOptions { states: Option[]; scopes: Option[]; units: Option[]; committees: Option[] }

export default function AppraisalsListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading } = useApiQuery<{ items: AppraisalListItem[]; total: number }>('/api/supervision/appraisals', { ...filters, page, pageSize });
  const options = useApiQuery<AppraisalOptions>('/api/supervision/appraisals/options');
  const [filterForm] = Form.useForm();
  const [createForm] = Form.useForm();
  const [creating, setCreating] = useState(false);
  const staff = can('appraisals.read_all') || can('appraisals.manage');

  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const create = async (v: { title: string; scope: string; scopeNote?: string; leadCommitteeId?: string; plannedOn: Dayjs; place?: string; unitIds: string[] }) => {
    try {
      const r = await api.post<AppraisalDetail>('/api/supervision/appraisals', { ...v, plannedOn: v.plannedOn.format('YYYY-MM-DD') });
      setCreating(false);
      createForm.resetFields();
      navigate(`/appraisals/${r.id}`);
    } catch (e) { if (!applyFormErrors(createForm, e)) report(e); }
  };
  const units = (r: AppraisalListItem) => r.units.map((u) => u.unitName).join('、');

  const columns: ColumnsType<AppraisalListItem> = [
    { title: t('评议名称'), dataIndex: 'title', key: 'title', render: (v, r) => <Link to={`/appraisals/${r.id}`}>{v}</Link> },
    { title: t('被评议单位'), key: 'units', render: (_v, r) => units(r) },
    { title: t('评议范围'), dataIndex: 'scopeLabel', key: 'scope', width: 100, render: (v) => t(v) },
    { title: t('牵头专委会'), dataIndex: 'leadCommitteeName', key: 'committee', width: 160, responsive: ['lg'], render: (v) => v ?? '—' },
    { title: t('评议会议日期'), dataIndex: 'plannedOn', key: 'plannedOn', width: 120, render: (v) => formatDate(v) },
    { title: t('状态'), dataIndex: 'state', key: 'state', width: 110, render: (_v, r) => <Tag color={r.stateTone}>{t(r.stateLabel)}</Tag> },
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };

  return (
    <PageCard title={t('民主评议')} extra={
      <Space wrap>
        {staff && <Button icon={<BarChartOutlined />} aria-label={t('评议统计')} onClick={() => navigate('/appraisals/stats')}>{mobile ? null : t('评议统计')}</Button>}
        {can('appraisals.manage') && <Button type="primary" icon={<PlusOutlined />} aria-label={t('新建民主评议')} onClick={() => setCreating(true)}>{mobile ? t('新建评议') : t('新建民主评议')}</Button>}
      </Space>
    }>
      <Form form={filterForm} layout={mobile ? 'vertical' : 'inline'} initialValues={filters} onFinish={(v) => apply({ ...filters, ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="state" label={t('状态')}><Select allowClear style={{ minWidth: 120 }} placeholder={t('全部')} options={(options.data?.states ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
        {staff && <Form.Item name="unitId" label={t('被评议单位')}><Select allowClear showSearch optionFilterProp="label" style={{ minWidth: 160 }} placeholder={t('全部')} options={(options.data?.units ?? []).map((s) => ({ value: s.code, label: s.label }))} /></Form.Item>}
        <Form.Item name="q" label={t('关键词')}><Input allowClear placeholder={t('评议名称关键词')} /></Form.Item>
        <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { filterForm.resetFields(); apply({}); }}>{t('重置')}</Button></Space></Form.Item>
      </Form>
      {data && data.total === 0 ? (
        <EmptyHint text={t('没有符合条件的民主评议。')} />
      ) : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/appraisals/${r.id}`)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={<Link to={`/appraisals/${r.id}`}>{r.title}</Link>}
                description={<Space wrap size={[6, 4]}><Tag color={r.stateTone}>{t(r.stateLabel)}</Tag><span>{units(r)}</span><span>{formatDate(r.plannedOn)}</span></Space>} />
            </List.Item>
          )} />
      ) : (
        <Table<AppraisalListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />
      )}
      <Modal open={creating} title={t('新建民主评议')} onCancel={() => setCreating(false)} onOk={() => createForm.submit()} okText={t('保存')} width={mobile ? undefined : 720}>
        <Form form={createForm} layout="vertical" onFinish={create} initialValues={{ scope: 'department_work' }}>
          <Form.Item name="title" label={t('评议名称')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} placeholder={t('如：对市商务局工作的民主评议')} /></Form.Item>
          <Form.Item name="unitIds" label={t('被评议单位')} rules={[{ required: true }]}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={(options.data?.units ?? []).map((s) => ({ value: s.code, label: s.label }))} />
          </Form.Item>
          <Form.Item name="scope" label={t('评议范围')} rules={[{ required: true }]}><Select options={(options.data?.scopes ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
          <Form.Item name="scopeNote" label={t('评议内容')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          <Form.Item name="leadCommitteeId" label={t('牵头专委会')}><Select allowClear options={(options.data?.committees ?? []).map((s) => ({ value: s.code, label: s.label }))} /></Form.Item>
          <Space wrap>
            <Form.Item name="plannedOn" label={t('评议会议日期')} rules={[{ required: true }]}><DatePicker /></Form.Item>
            <Form.Item name="place" label={t('会议地点')}><Input maxLength={200} /></Form.Item>
          </Space>
        </Form>
      </Modal>
    </PageCard>
  );
}
