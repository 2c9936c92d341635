/**
 * 履职活动列表: the CPPCC's activities, or the caller's own (我的活动); filters and paging live in the address so a
 * figure's link opens the same rows; a table on wide screens and cards on phones. Staff, and a 委员之家's convener for
 * their home, create an activity here.
 */
import { useState } from 'react';
import { Button, Checkbox, DatePicker, Form, Input, InputNumber, List, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ActivityDetail, ActivityListItem } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { EmptyHint, PageCard, formatDate, formatDateTime } from '../../../../kernel/web/components.tsx';
import { clock } from '../../../../kernel/universal/clock.ts';

export interface ActivityOptions {
  kinds: Array<{ code: string; label: string }>;
  serviceKinds: Array<{ code: string; label: string }>;
  states: Array<{ code: string; label: string }>;
  counties: string[];
  homes: Array<{ id: string; name: string; county: string }>;
  canCreate: boolean;
  canManage: boolean;
}

// the query keys a figure's list may carry (see server/figures.ts)
const keys = ['kind', 'state', 'homeId', 'county', 'q', 'mine', 'from', 'to'] as const;

/** When an activity is held, in China time: the day, and the hours. */
export const whenOf = (r: { startsAt: string; endsAt: string }) => `${formatDateTime(r.startsAt)}–${formatDateTime(r.endsAt).slice(-5)}`;

export default function ActivitiesListPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const options = useApiQuery<ActivityOptions>('/api/activities/options');
  const o = options.data;
  // a member starts on their own activities; staff on the CPPCC's
  const mine = filters.mine ?? (o && !o.canManage ? 'true' : undefined);
  const { data, loading } = useApiQuery<{ items: ActivityListItem[]; total: number }>(o ? '/api/activities' : null, { ...filters, mine, page, pageSize });
  const [filterForm] = Form.useForm();
  const [creating, setCreating] = useState(false);

  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const kindTag = (r: ActivityListItem) => <Tag color={r.kind === 'service' ? 'volcano' : r.kind === 'home' ? 'cyan' : r.kind === 'reading' ? 'purple' : 'blue'}>{t(r.kindLabel)}{r.serviceKindLabel ? ` · ${t(r.serviceKindLabel)}` : ''}</Tag>;
  const meTag = (r: ActivityListItem) => (r.me.signedInAt ? <Tag color="green">{t('已签到')}</Tag> : r.me.signedUp ? <Tag color="gold">{t('已报名')}</Tag> : null);

  const columns: ColumnsType<ActivityListItem> = [
    { title: t('活动名称'), dataIndex: 'title', key: 'title', render: (v, r) => <Space size={4} wrap><Link to={`/activities/${r.id}`}>{v}</Link>{meTag(r)}</Space> },
    { title: t('活动类型'), key: 'kind', width: 150, render: (_v, r) => kindTag(r) },
    { title: t('委员之家'), key: 'home', width: 170, responsive: ['lg'], render: (_v, r) => r.homeName ?? r.county ?? '—' },
    { title: t('活动时间'), key: 'when', width: 190, render: (_v, r) => whenOf(r) },
    { title: t('签到'), key: 'signedIn', width: 80, align: 'right', render: (_v, r) => r.signedIn },
    { title: t('状态'), key: 'state', width: 90, render: (_v, r) => <Tag color={r.stateTone}>{t(r.stateLabel)}</Tag> },
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, mine, page: p, pageSize: s }),
  };

  return (
    <PageCard title={t('履职活动')} extra={o?.canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('新建活动')}</Button>}>
      <Segmented style={{ marginBottom: 12 }} value={mine === 'true' ? 'mine' : 'all'} onChange={(v) => apply({ ...filters, mine: v === 'mine' ? 'true' : 'false', page: 1 })}
        options={[{ value: 'mine', label: t('我的活动') }, { value: 'all', label: t('全部活动') }]} />
      <Form form={filterForm} layout={mobile ? 'vertical' : 'inline'} initialValues={filters} onFinish={(v) => apply({ ...filters, ...v, mine, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="kind" label={t('活动类型')}><Select allowClear style={{ minWidth: 140 }} placeholder={t('全部')} options={(o?.kinds ?? []).map((k) => ({ value: k.code, label: t(k.label) }))} /></Form.Item>
        {!mobile && <Form.Item name="state" label={t('状态')}><Select allowClear style={{ minWidth: 110 }} placeholder={t('全部')} options={(o?.states ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>}
        {!mobile && <Form.Item name="county" label={t('县区')}><Select allowClear style={{ minWidth: 110 }} placeholder={t('全部')} options={(o?.counties ?? []).map((c) => ({ value: c, label: c }))} /></Form.Item>}
        <Form.Item name="q" label={t('关键词')}><Input allowClear placeholder={t('活动名称关键词')} /></Form.Item>
        <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { filterForm.resetFields(); apply({ mine }); }}>{t('重置')}</Button></Space></Form.Item>
      </Form>
      {(filters.from || filters.homeId) && <Typography.Paragraph type="secondary">{filters.from && `${formatDate(filters.from)} – ${formatDate(filters.to ?? '')}`}{filters.homeId && ` · ${t('一个委员之家的活动')}`}</Typography.Paragraph>}
      {data && data.total === 0 ? (
        <EmptyHint text={t('没有符合条件的履职活动。')} />
      ) : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/activities/${r.id}`)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={<Link to={`/activities/${r.id}`}>{r.title}</Link>}
                description={<Space direction="vertical" size={2}>
                  <Space wrap size={[6, 4]}>{kindTag(r)}<Tag color={r.stateTone}>{t(r.stateLabel)}</Tag>{meTag(r)}</Space>
                  <span>{whenOf(r)}{r.place ? ` · ${r.place}` : ''}</span>
                </Space>} />
            </List.Item>
          )} />
      ) : (
        <Table<ActivityListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />
      )}
      {o && <CreateActivity open={creating} onClose={() => setCreating(false)} options={o} onCreated={(id) => navigate(`/activities/${id}`)} />}
    </PageCard>
  );
}

/** 新建活动: kind (a convener: their home's kinds), time, place with coordinates and radius, capacity, publish at once. */
function CreateActivity({ open, onClose, options: o, onCreated }: { open: boolean; onClose: () => void; options: ActivityOptions; onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const report = useReportError();
  const [form] = Form.useForm();
  const kinds = o.canManage ? o.kinds : o.kinds.filter((k) => ['home', 'service', 'reading'].includes(k.code));
  const submit = async (v: Record<string, any>) => {
    const [s, e] = v.when as [Dayjs, Dayjs];
    try {
      const r = await api.post<ActivityDetail>('/api/activities', {
        kind: v.kind, serviceKind: v.kind === 'service' ? v.serviceKind : undefined, title: v.title, body: v.body, homeId: v.homeId || undefined,
        county: v.county || undefined, place: v.place || undefined, lat: v.lat ?? undefined, lng: v.lng ?? undefined, radiusM: v.radiusM ?? undefined,
        startsAt: s.format('YYYY-MM-DDTHH:mm'), endsAt: e.format('YYYY-MM-DDTHH:mm'), capacity: v.capacity ?? undefined, publish: !!v.publish,
      });
      form.resetFields();
      onClose();
      onCreated(r.id);
    } catch (err) { if (!applyFormErrors(form, err)) report(err); }
  };
  const start = dayjs(clock.today()).add(1, 'day').hour(9);
  return (
    <Modal open={open} title={t('新建活动')} onCancel={onClose} onOk={() => form.submit()} okText={t('保存')} width={mobile ? undefined : 760} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: kinds[0]?.code, homeId: o.canManage ? undefined : o.homes[0]?.id, when: [start, start.add(2, 'hour')], publish: true }}>
        <Form.Item name="kind" label={t('活动类型')} rules={[{ required: true }]}><Select options={kinds.map((k) => ({ value: k.code, label: t(k.label) }))} /></Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {({ getFieldValue }) => getFieldValue('kind') === 'service' && (
            <Form.Item name="serviceKind" label={t('服务类别')} rules={[{ required: true }]}><Select options={o.serviceKinds.map((k) => ({ value: k.code, label: t(k.label) }))} /></Form.Item>
          )}
        </Form.Item>
        <Form.Item name="title" label={t('活动名称')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="body" label={t('活动内容')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        <Form.Item name="homeId" label={t('委员之家')} rules={o.canManage ? [] : [{ required: true }]}>
          <Select allowClear={o.canManage} showSearch optionFilterProp="label" options={o.homes.map((h) => ({ value: h.id, label: `${h.name}（${h.county}）` }))} />
        </Form.Item>
        <Form.Item name="when" label={t('活动时间')} rules={[{ required: true }]}><DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly={mobile} /></Form.Item>
        <Form.Item name="place" label={t('活动地点')} extra={t('不填则使用委员之家的地址')}><Input maxLength={200} /></Form.Item>
        <Space.Compact block>
          <Form.Item name="lat" label={t('纬度')} style={{ width: '33%' }}><InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="lng" label={t('经度')} style={{ width: '33%' }}><InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="radiusM" label={t('签到范围（米）')} style={{ width: '34%' }}><InputNumber min={50} max={10000} style={{ width: '100%' }} placeholder="500" /></Form.Item>
        </Space.Compact>
        <Form.Item name="capacity" label={t('名额')}><InputNumber min={1} max={100000} style={{ width: '100%' }} placeholder={t('不限')} /></Form.Item>
        <Form.Item name="publish" valuePropName="checked"><Checkbox>{t('立即发布报名')}</Checkbox></Form.Item>
      </Form>
    </Modal>
  );
}
