/**
 * 用车申请: one's own requests (or all of them for the office), filters in the address so a figure's link opens the same
 * rows; a table on wide screens and cards on phones; 申请用车 in a form that stacks on a phone.
 */
import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { OfficeOptions, TripDetail, TripListItem } from '../../contract.ts';
import { api, ApiError, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { EmptyHint, PageCard } from '../../../../kernel/web/components.tsx';
import { formatSpan } from './format.ts';

const keys = ['state', 'q', 'mine', 'from', 'to', 'vehicleId'] as const;
const FMT = 'YYYY-MM-DDTHH:mm';

export default function TripsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading } = useApiQuery<{ items: TripListItem[]; total: number; km: number }>('/api/office/trips', { ...filters, page, pageSize });
  const options = useApiQuery<OfficeOptions>('/api/office/options');
  const [filterForm] = Form.useForm();
  const [form] = Form.useForm();
  const [creating, setCreating] = useState(false);
  const staff = can('logistics.read_all') || can('logistics.dispatch');

  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const create = async (v: { purpose: string; passengers: number; destination: string; span: [Dayjs, Dayjs] }) => {
    try {
      const r = await api.post<TripDetail>('/api/office/trips', {
        purpose: v.purpose, passengers: v.passengers, destination: v.destination, startsAt: v.span?.[0]?.format(FMT), endsAt: v.span?.[1]?.format(FMT),
      });
      setCreating(false);
      form.resetFields();
      navigate(`/office/trips/${r.id}`);
    } catch (e) {
      // the server names startsAt/endsAt; the form has them in one range field
      if (e instanceof ApiError && (e.field === 'startsAt' || e.field === 'endsAt')) form.setFields([{ name: 'span', errors: [e.message] }]);
      else if (!applyFormErrors(form, e)) report(e);
    }
  };

  const columns: ColumnsType<TripListItem> = [
    { title: t('用车事由'), dataIndex: 'purpose', key: 'purpose', render: (v, r) => <Link to={`/office/trips/${r.id}`}>{v}</Link> },
    { title: t('时间'), key: 'time', width: 200, render: (_v, r) => formatSpan(r.startsAt, r.endsAt) },
    { title: t('目的地'), dataIndex: 'destination', key: 'destination', width: 140 },
    { title: t('申请人'), dataIndex: 'ownerName', key: 'ownerName', width: 100, responsive: ['md'] },
    { title: t('车辆'), key: 'vehicle', width: 200, render: (_v, r) => (r.vehicle ? `${r.vehicle} · ${r.driver ?? ''}` : '—') },
    { title: t('里程'), dataIndex: 'km', key: 'km', width: 80, responsive: ['md'], render: (v) => (v === null ? '—' : `${v} km`) },
    { title: t('状态'), key: 'state', width: 90, render: (_v, r) => <Tag color={r.stateTone}>{t(r.stateLabel)}</Tag> },
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };

  return (
    <PageCard title={staff ? t('用车申请') : t('我的用车')} extra={can('logistics.trip_request') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('申请用车')}</Button>}>
      <Form form={filterForm} layout={mobile ? 'vertical' : 'inline'} initialValues={filters} onFinish={(v) => apply({ ...filters, ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="state" label={t('状态')}><Select allowClear style={{ minWidth: 120 }} placeholder={t('全部')} options={(options.data?.tripStates ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
        <Form.Item name="q" label={t('关键词')}><Input allowClear placeholder={t('事由或目的地')} /></Form.Item>
        <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { filterForm.resetFields(); apply({}); }}>{t('重置')}</Button></Space></Form.Item>
      </Form>
      {data && data.total > 0 && data.km > 0 && <Typography.Paragraph type="secondary">{t('合计行驶 {km} 公里', { km: data.km })}</Typography.Paragraph>}
      {data && data.total === 0 ? (
        <EmptyHint text={t('没有符合条件的用车申请。')} />
      ) : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/office/trips/${r.id}`)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={<Link to={`/office/trips/${r.id}`}>{r.purpose}</Link>}
                description={<Space direction="vertical" size={2}>
                  <Space wrap size={[6, 4]}><Tag color={r.stateTone}>{t(r.stateLabel)}</Tag><span>{formatSpan(r.startsAt, r.endsAt)}</span></Space>
                  <span>{r.destination}{r.vehicle ? ` · ${r.vehicle} · ${r.driver ?? ''}` : ''}</span>
                </Space>} />
            </List.Item>
          )} />
      ) : (
        <Table<TripListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />
      )}
      <Modal open={creating} title={t('申请用车')} onCancel={() => setCreating(false)} onOk={() => form.submit()} okText={t('提交申请')} width={mobile ? undefined : 640}>
        <Form form={form} layout="vertical" onFinish={create} initialValues={{ passengers: 1 }}>
          <Form.Item name="purpose" label={t('用车事由')} rules={[{ required: true, min: 2 }]}><Input maxLength={300} /></Form.Item>
          <Form.Item name="destination" label={t('目的地')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="span" label={t('用车时间')} rules={[{ required: true }]}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }}
              placeholder={[t('出发时间'), t('返回时间')]} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
          </Form.Item>
          <Form.Item name="passengers" label={t('乘车人数')} rules={[{ required: true }]}><InputNumber min={1} max={60} style={{ width: '100%' }} /></Form.Item>
        </Form>
      </Modal>
    </PageCard>
  );
}
