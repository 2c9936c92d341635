/**
 * 会议列表: every meeting of the CPPCC for the staff and leaders, the notified ones a member takes part in otherwise.
 * Filters and paging live in the address (a figure's link opens the same rows); a table on wide screens, a list on
 * phones; the staff create a meeting with its sessions (participants follow from the kind).
 */
import { useState } from 'react';
import { Button, DatePicker, Form, Input, List, Modal, Select, Space, Table, Tag, TimePicker } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { MeetingDetail, MeetingListItem } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { EmptyHint, PageCard, formatDate } from '../../../../kernel/web/components.tsx';

const keys = ['kind', 'state', 'q', 'mine', 'from', 'to'] as const;
type SessionForm = { label: string; day: Dayjs; time: [Dayjs, Dayjs] };

export default function MeetingsListPage() {
  const { t } = useI18n();
  const { can, me } = useSession();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading } = useApiQuery<{ items: MeetingListItem[]; total: number }>('/api/meetings', { ...filters, page, pageSize });
  const options = useApiQuery<{ kinds: Array<{ code: string; label: string }>; states: Array<{ code: string; label: string }> }>('/api/meetings/options');
  const [filterForm] = Form.useForm();
  const [createForm] = Form.useForm();
  const [creating, setCreating] = useState(false);
  const staff = can('meetings.read_all');
  const manager = can('meetings.manage');

  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const create = async (v: { kind: string; title: string; place: string; body?: string; agenda?: string; sessions: SessionForm[] }) => {
    try {
      const at = (d: Dayjs, h: Dayjs) => `${d.format('YYYY-MM-DD')}T${h.format('HH:mm')}`;
      const r = await api.post<MeetingDetail>('/api/meetings', {
        kind: v.kind, title: v.title, place: v.place, body: v.body ?? '',
        agenda: (v.agenda ?? '').split('\n').map((s) => s.trim()).filter(Boolean).map((title) => ({ title })),
        sessions: (v.sessions ?? []).map((s) => ({ label: s.label, startsAt: at(s.day, s.time[0]), endsAt: at(s.day, s.time[1]) })),
      });
      setCreating(false);
      createForm.resetFields();
      navigate(`/meetings/${r.id}`);
    } catch (e) { if (!applyFormErrors(createForm, e)) report(e); }
  };

  const columns: ColumnsType<MeetingListItem> = [
    { title: t('会议名称'), dataIndex: 'title', key: 'title', render: (v, r) => <Link to={`/meetings/${r.id}`}>{v}</Link> },
    { title: t('类别'), dataIndex: 'kindLabel', key: 'kind', width: 110, render: (v) => t(v) },
    { title: t('日期'), dataIndex: 'heldOn', key: 'heldOn', width: 120, render: (v) => formatDate(v) },
    { title: t('会次'), dataIndex: 'sessions', key: 'sessions', width: 70, responsive: ['md'] },
    { title: t('参会人数'), dataIndex: 'participants', key: 'participants', width: 90, responsive: ['md'] },
    { title: t('地点'), dataIndex: 'place', key: 'place', responsive: ['lg'] },
    { title: t('状态'), dataIndex: 'state', key: 'state', width: 90, render: (_v, r) => <Tag color={r.stateTone}>{t(r.stateLabel)}</Tag> },
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };
  const tomorrow = dayjs().add(7, 'day');

  return (
    <PageCard title={staff ? t('会议') : t('我的会议')} extra={<Space wrap>
      <Link to={staff ? '/meetings/attendance' : `/meetings/attendance?userId=${encodeURIComponent(me?.id ?? '')}`}>{t('出勤记录')}</Link>
      {manager && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('新建会议')}</Button>}
    </Space>}>
      <Form form={filterForm} layout={mobile ? 'vertical' : 'inline'} initialValues={filters} onFinish={(v) => apply({ ...filters, ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="kind" label={t('类别')}><Select allowClear style={{ minWidth: 120 }} placeholder={t('全部')} options={(options.data?.kinds ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
        <Form.Item name="state" label={t('状态')}><Select allowClear style={{ minWidth: 110 }} placeholder={t('全部')} options={(options.data?.states ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
        <Form.Item name="q" label={t('关键词')}><Input allowClear placeholder={t('会议名称关键词')} /></Form.Item>
        <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { filterForm.resetFields(); apply({}); }}>{t('重置')}</Button></Space></Form.Item>
      </Form>
      {data && data.total === 0 ? (
        <EmptyHint text={t('没有符合条件的会议。')} />
      ) : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/meetings/${r.id}`)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={<Link to={`/meetings/${r.id}`}>{r.title}</Link>}
                description={<Space wrap size={[6, 4]}><Tag color={r.stateTone}>{t(r.stateLabel)}</Tag><span>{t(r.kindLabel)}</span><span>{formatDate(r.heldOn)}</span></Space>} />
            </List.Item>
          )} />
      ) : (
        <Table<MeetingListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />
      )}
      <Modal open={creating} title={t('新建会议')} onCancel={() => setCreating(false)} onOk={() => createForm.submit()} okText={t('保存')} width={mobile ? undefined : 760}>
        <Form form={createForm} layout="vertical" onFinish={create}
          initialValues={{ kind: 'standing', sessions: [{ label: t('全体会议'), day: tomorrow, time: [tomorrow.hour(9).minute(0), tomorrow.hour(12).minute(0)] }] }}>
          <Form.Item name="kind" label={t('会议类别')} rules={[{ required: true }]} extra={t('参会人员按类别生成：全体委员、常委或主席会议成员，可再增减')}>
            <Select options={(options.data?.kinds ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('会议名称')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="place" label={t('会议地点')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="agenda" label={t('议程（每行一项）')}><Input.TextArea rows={3} maxLength={3000} /></Form.Item>
          <Form.Item name="body" label={t('会议说明')}><Input.TextArea rows={2} maxLength={5000} /></Form.Item>
          <Form.List name="sessions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'label']} rules={[{ required: true }]}><Input placeholder={t('会次名称')} style={{ width: 140 }} /></Form.Item>
                    <Form.Item name={[f.name, 'day']} rules={[{ required: true }]}><DatePicker /></Form.Item>
                    <Form.Item name={[f.name, 'time']} rules={[{ required: true }]}><TimePicker.RangePicker format="HH:mm" minuteStep={5} /></Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('删除会次')} />}
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ label: t('全体会议') })} icon={<PlusOutlined />}>{t('增加会次')}</Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </PageCard>
  );
}
