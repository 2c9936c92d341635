/**
 * 协商活动列表: the office's and leaders' every consultation of the CPPCC, a committee's own, a member's invitations.
 * Filters and paging live in the address (so a figure's link opens the same rows), a table on wide screens and cards on
 * phones, the Excel export of the same rows, and a form to schedule a meeting.
 */
import { useState } from 'react';
import { Button, DatePicker, Form, Input, List, Modal, Select, Space, Table, Tag, TimePicker } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ConsultationDetail, ConsultationListItem } from '../../contract.ts';
import { api, applyFormErrors, toQueryString } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { EmptyHint, PageCard, formatDate } from '../../../../kernel/web/components.tsx';

// the query keys a figure's list may carry (see server/figures.ts)
const keys = ['state', 'stage', 'form', 'committeeId', 'late', 'q', 'mine', 'from', 'to', 'planItemId'] as const;

export interface ConsultationOptions {
  states: Array<{ code: string; label: string }>;
  forms: Array<{ code: string; label: string }>;
  committees: Array<{ id: string; name: string }>;
  units: Array<{ id: string; name: string }>;
  sectors: Array<{ id: string; name: string }>;
  outcomeKinds: Array<{ code: string; label: string }>;
}

export function LateTags({ r }: { r: Pick<ConsultationListItem, 'noticeLate' | 'materialsLate'> }) {
  const { t } = useI18n();
  return <>{r.noticeLate && <Tag color="red">{t('通知逾期')}</Tag>}{r.materialsLate && <Tag color="volcano">{t('材料逾期')}</Tag>}</>;
}

export default function ConsultationListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const staff = can('consultations.read_all') || can('consultations.manage');
  const filters: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  if (!staff) filters.mine = 'true';
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading } = useApiQuery<{ items: ConsultationListItem[]; total: number }>('/api/consultations', { ...filters, page, pageSize });
  const options = useApiQuery<ConsultationOptions>('/api/consultations/options');
  const [filterForm] = Form.useForm();
  const [createForm] = Form.useForm();
  const [creating, setCreating] = useState(false);

  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const create = async (v: { title: string; form: string; topic: string; leadCommitteeId: string; partnerUnitIds?: string[]; plannedOn: dayjs.Dayjs; plannedTime?: dayjs.Dayjs; place?: string }) => {
    try {
      const r = await api.post<ConsultationDetail>('/api/consultations', {
        ...v, partnerUnitIds: v.partnerUnitIds ?? [], plannedOn: v.plannedOn.format('YYYY-MM-DD'), plannedTime: v.plannedTime ? v.plannedTime.format('HH:mm') : null,
      });
      setCreating(false);
      createForm.resetFields();
      navigate(`/consultations/${r.id}`);
    } catch (e) { if (!applyFormErrors(createForm, e)) report(e); }
  };

  const columns: ColumnsType<ConsultationListItem> = [
    { title: t('协商议题'), dataIndex: 'title', key: 'title', render: (v, r) => <Space direction="vertical" size={0}><Link to={`/consultations/${r.id}`}>{v}</Link>{staff && <span><LateTags r={r} /></span>}</Space> },
    { title: t('协商形式'), dataIndex: 'formLabel', key: 'form', width: 160, render: (v) => t(v) },
    { title: t('牵头专委会'), dataIndex: 'leadCommitteeName', key: 'committee', width: 160, responsive: ['lg'] },
    { title: t('会议日期'), dataIndex: 'plannedOn', key: 'plannedOn', width: 120, render: (v) => formatDate(v) },
    { title: t('状态'), dataIndex: 'state', key: 'state', width: 110, render: (_v, r) => <Tag color={r.stateTone}>{t(r.stateLabel)}</Tag> },
    { title: t('通知期限'), dataIndex: 'noticeDue', key: 'noticeDue', width: 120, responsive: ['xl'], render: (v) => formatDate(v) },
    { title: t('材料期限'), dataIndex: 'materialsDue', key: 'materialsDue', width: 120, responsive: ['xl'], render: (v) => formatDate(v) },
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };
  const o = options.data;

  return (
    <PageCard
      title={staff ? t('协商活动') : t('我参加的协商')}
      extra={<Space wrap>
        {staff && !mobile && <Button icon={<DownloadOutlined />} href={`/api/consultations/export.xlsx${toQueryString(filters)}`}>{t('导出 Excel')}</Button>}
        {/* on a phone the title keeps its room: the button shows its icon only */}
        {can('consultations.manage') && <Button type="primary" icon={<PlusOutlined />} aria-label={t('新建协商活动')} onClick={() => setCreating(true)}>{mobile ? null : t('新建协商活动')}</Button>}
      </Space>}>
      {staff && (
        <Form form={filterForm} layout={mobile ? 'vertical' : 'inline'} initialValues={filters} onFinish={(v) => apply({ ...filters, ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="state" label={t('状态')}><Select allowClear style={{ minWidth: 120 }} placeholder={t('全部')} options={(o?.states ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
          <Form.Item name="form" label={t('协商形式')}><Select allowClear style={{ minWidth: 160 }} placeholder={t('全部')} options={(o?.forms ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
          <Form.Item name="committeeId" label={t('牵头专委会')}><Select allowClear style={{ minWidth: 160 }} placeholder={t('全部')} options={(o?.committees ?? []).map((s) => ({ value: s.id, label: s.name }))} /></Form.Item>
          <Form.Item name="late" label={t('逾期')}><Select allowClear style={{ minWidth: 120 }} placeholder={t('全部')} options={[{ value: 'any', label: t('全部逾期') }, { value: 'notice', label: t('通知逾期') }, { value: 'materials', label: t('材料逾期') }]} /></Form.Item>
          <Form.Item name="q" label={t('关键词')}><Input allowClear placeholder={t('协商议题')} /></Form.Item>
          <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { filterForm.resetFields(); apply({}); }}>{t('重置')}</Button></Space></Form.Item>
        </Form>
      )}
      {data && data.total === 0 ? (
        <EmptyHint text={t('没有符合条件的协商活动。')} />
      ) : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/consultations/${r.id}`)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={<Link to={`/consultations/${r.id}`}>{r.title}</Link>}
                description={<Space wrap size={[6, 4]}><Tag color={r.stateTone}>{t(r.stateLabel)}</Tag><span>{t(r.formLabel)}</span><span>{formatDate(r.plannedOn)} {r.plannedTime ?? ''}</span>{r.place && <span>{r.place}</span>}</Space>} />
            </List.Item>
          )} />
      ) : (
        <Table<ConsultationListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />
      )}
      <Modal open={creating} title={t('新建协商活动')} onCancel={() => setCreating(false)} onOk={() => createForm.submit()} okText={t('保存')} width={mobile ? undefined : 760} destroyOnHidden>
        <Form form={createForm} layout="vertical" onFinish={create} initialValues={{ form: 'special', leadCommitteeId: o?.committees.length === 1 ? o.committees[0].id : undefined }}>
          <Form.Item name="title" label={t('协商议题')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Space wrap style={{ width: '100%' }} size={16}>
            <Form.Item name="form" label={t('协商形式')} rules={[{ required: true }]}><Select style={{ width: 220 }} options={(o?.forms ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
            <Form.Item name="leadCommitteeId" label={t('牵头专委会')} rules={[{ required: true }]}><Select style={{ width: 240 }} options={(o?.committees ?? []).map((s) => ({ value: s.id, label: s.name }))} /></Form.Item>
          </Space>
          <Form.Item name="partnerUnitIds" label={t('协办部门')}><Select mode="multiple" allowClear optionFilterProp="label" options={(o?.units ?? []).map((s) => ({ value: s.id, label: s.name }))} /></Form.Item>
          <Space wrap style={{ width: '100%' }} size={16}>
            <Form.Item name="plannedOn" label={t('会议日期')} rules={[{ required: true }]}><DatePicker /></Form.Item>
            <Form.Item name="plannedTime" label={t('会议时间')}><TimePicker format="HH:mm" minuteStep={15} /></Form.Item>
            <Form.Item name="place" label={t('会议地点')}><Input maxLength={200} style={{ width: 240 }} /></Form.Item>
          </Space>
          <Form.Item name="topic" label={t('议题背景')} rules={[{ required: true }]}><Input.TextArea rows={5} maxLength={5000} /></Form.Item>
        </Form>
      </Modal>
    </PageCard>
  );
}
