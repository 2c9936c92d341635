/**
 * 会议详情: the meeting (kind, place, sessions, agenda), the caller's actions (from the server's `actions` and `can`),
 * for a participant their own attendance — 请假 before the session, sign-in per session — and speeches; for the staff
 * the sessions' QR codes, the attendance table (准假, 代为签到, 出席/请假/缺席 by the configured share), participants
 * added or removed, materials (会议材料) and speech selection. Materials download for everyone who sees the meeting.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, List, Modal, Popconfirm, Radio, Result, Select, Skeleton, Space, Statistic, Steps, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CheckCircleOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import type { MeetingDetail, ParticipantView, SpeechView } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { SignInQr } from '../../../../kernel/web/sign-in-qr.tsx';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDate, formatDateTime } from '../../../../kernel/web/components.tsx';
import { WorkflowActions, type RecordAction } from '../../../../kernel/web/workflow-actions.tsx';

type Reload = () => void;
const tone: Record<string, string> = { present: 'green', leave: 'gold', absent: 'red' };
const pre = { whiteSpace: 'pre-wrap' as const, margin: 0 };
const hhmm = (iso: string) => formatDateTime(iso).slice(-5);

export default function MeetingDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { data: r, loading, error, reload } = useApiQuery<MeetingDetail>(`/api/meetings/${id}`);
  const [editing, setEditing] = useState(false);
  const [editForm] = Form.useForm();

  if (error && !r) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/meetings')}>{t('返回列表')}</Button>} />;
  if (!r) return <PageCard loading={loading}><Skeleton active /></PageCard>;

  const fire = async (a: RecordAction, input: Record<string, unknown>) => {
    await api.post(`/api/meetings/${r.id}/transitions`, { action: a.name, version: r.version, input });
    void message.success(t('已{label}', { label: t(a.label) }));
    reload();
  };
  const saveEdit = async (v: { title: string; place: string; body: string; agenda: string }) => {
    try {
      await api.patch(`/api/meetings/${r.id}`, { version: r.version, title: v.title, place: v.place, body: v.body ?? '', agenda: (v.agenda ?? '').split('\n').map((s) => s.trim()).filter(Boolean).map((title) => ({ title })) });
      setEditing(false);
      reload();
    } catch (e) { if (!applyFormErrors(editForm, e)) report(e, { onReload: reload }); }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard wrapTitle title={r.title} extra={<Tag color={r.stateTone}>{t(r.stateLabel)}</Tag>}>
        <Steps size="small" direction={mobile ? 'vertical' : 'horizontal'} current={r.progress.stage} status={r.progress.status}
          items={r.progress.stages.map((s) => ({ title: t(s) }))} style={{ marginBottom: 16 }} />
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('会议类别')}>{t(r.kindLabel)}</Descriptions.Item>
          <Descriptions.Item label={t('日期')}>{formatDate(r.heldOn)}</Descriptions.Item>
          <Descriptions.Item label={t('地点')}>{r.place}</Descriptions.Item>
          <Descriptions.Item label={t('参会人数')}>{r.participants}</Descriptions.Item>
          <Descriptions.Item label={t('组织者')}>{r.ownerName}</Descriptions.Item>
        </Descriptions>
        {r.body && <p style={{ ...pre, marginTop: 8 }}>{r.body}</p>}
        <Space wrap style={{ marginTop: 16 }}>
          <WorkflowActions actions={r.actions} onFire={fire} onConflictReload={reload} />
          {r.can.edit && <Button onClick={() => { editForm.setFieldsValue({ title: r.title, place: r.place, body: r.body, agenda: r.agenda.map((a) => a.title).join('\n') }); setEditing(true); }}>{t('修改')}</Button>}
        </Space>
      </PageCard>

      {r.me && <MyAttendance r={r} reload={reload} />}

      <Card size="small" title={t('议程')}>
        {r.agenda.length === 0 ? <Typography.Text type="secondary">{t('暂无')}</Typography.Text>
          : <ol style={{ margin: 0, paddingLeft: 20 }}>{r.agenda.map((a, i) => <li key={i}>{a.title}{a.presenter && <Typography.Text type="secondary">（{a.presenter}）</Typography.Text>}</li>)}</ol>}
      </Card>

      <Card size="small" title={t('会次与签到')}>
        <List dataSource={r.sessionList} renderItem={(s) => (
          <List.Item actions={r.can.manage && r.state === 'noticed' ? [<SignInQr<{ url: string; opensAt: string; closesAt: string }> key="qr" codeApi={`/api/meetings/${r.id}/sessions/${s.id}/signin-code`}
            hint={(c) => t('请委员用手机扫码签到（{a} 至 {b}）', { a: formatDateTime(c.opensAt), b: formatDateTime(c.closesAt) })} />] : []}>
            <List.Item.Meta title={`${s.seq}. ${s.label}`} description={`${formatDateTime(s.startsAt)} – ${hhmm(s.endsAt)}`} />
            {r.can.manage ? <Typography.Text>{t('已签到 {n} 人', { n: s.signedIn })}</Typography.Text>
              : s.mySignedInAt ? <Tag color="green">{t('已签到')}</Tag> : null}
          </List.Item>
        )} />
      </Card>

      {r.can.manage && <AttendanceTable r={r} reload={reload} />}
      <Materials r={r} reload={reload} />
      <Speeches r={r} reload={reload} />

      <Modal open={editing} title={t('修改')} onCancel={() => setEditing(false)} onOk={() => editForm.submit()} okText={t('保存')} width={mobile ? undefined : 720}>
        <Form form={editForm} layout="vertical" onFinish={saveEdit}>
          <Form.Item name="title" label={t('会议名称')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="place" label={t('会议地点')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="agenda" label={t('议程（每行一项）')}><Input.TextArea rows={4} maxLength={3000} /></Form.Item>
          <Form.Item name="body" label={t('会议说明')}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** The participant's own card: attendance as it stands, leave (请假) and their sign-ins. */
function MyAttendance({ r, reload }: { r: MeetingDetail; reload: Reload }) {
  const { t } = useI18n();
  const report = useReportError();
  const { message } = App.useApp();
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm();
  const me = r.me!;
  const ask = async (v: { reason: string }) => {
    try {
      await api.post(`/api/meetings/${r.id}/leave`, v);
      setAsking(false);
      form.resetFields();
      void message.success(t('已提交请假'));
      reload();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: reload }); }
  };
  const signed = me.signIns.length;
  return (
    <Card size="small" title={t('我的参会')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {signed > 0
          ? <Alert type="success" showIcon icon={<CheckCircleOutlined />} message={t('已签到 {n}/{m} 个会次', { n: signed, m: r.sessionList.length })} />
          : r.state === 'noticed' && <Alert type="info" showIcon message={t('请在会场扫描签到码签到')} description={t('每个会次分别签到；出席会次少于 {p}% 计为缺席（准假的计为请假）', { p: Math.round(r.presentShare * 100) })} />}
        {me.leaveState && <Alert type={me.leaveState === 'approved' ? 'warning' : me.leaveState === 'rejected' ? 'error' : 'info'} showIcon message={t(me.leaveLabel!)} description={me.leaveReason} />}
        {r.state === 'closed' && <div>{t('出勤')}：<Tag color={tone[me.attendance]}>{t(me.attendanceLabel)}</Tag></div>}
        {r.can.requestLeave && <Button onClick={() => setAsking(true)}>{t('请假')}</Button>}
      </Space>
      <Modal open={asking} title={t('请假')} onCancel={() => setAsking(false)} onOk={() => form.submit()} okText={t('提交')}>
        <Form form={form} layout="vertical" onFinish={ask}>
          <Form.Item name="reason" label={t('请假事由')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={3} maxLength={500} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** The staff's attendance table: leave decisions, sign-in per session (or 代为签到), the code by the rule. */
function AttendanceTable({ r, reload }: { r: MeetingDetail; reload: Reload }) {
  const { t } = useI18n();
  const report = useReportError();
  const mobile = useIsMobile();
  const [adding, setAdding] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const options = useApiQuery<{ people: Array<{ userId: string; name: string }> }>(adding ? '/api/meetings/options' : null);
  const act = async (run: () => Promise<unknown>) => { try { await run(); reload(); } catch (e) { report(e, { onReload: reload }); } };
  const open = r.state === 'noticed';
  const columns: ColumnsType<ParticipantView> = [
    { title: t('姓名'), dataIndex: 'name', key: 'name', fixed: mobile ? undefined : 'left', width: 110 },
    {
      title: t('请假'), key: 'leave', width: 200,
      render: (_v, p) => (p.leaveState ? <Space direction="vertical" size={0}>
        <span>{t(p.leaveLabel!)}</span>{p.leaveReason && <Typography.Text type="secondary">{p.leaveReason}</Typography.Text>}
        {p.leaveState === 'requested' && open && <Space size={4}>
          <Button size="small" type="primary" onClick={() => act(() => api.post(`/api/meetings/${r.id}/participants/${p.id}/leave`, { version: p.version, approve: true }))}>{t('准假')}</Button>
          <Button size="small" onClick={() => act(() => api.post(`/api/meetings/${r.id}/participants/${p.id}/leave`, { version: p.version, approve: false }))}>{t('不准假')}</Button>
        </Space>}
      </Space> : null),
    },
    ...r.sessionList.map((s) => ({
      title: s.label, key: s.id, width: 120,
      render: (_v: unknown, p: ParticipantView) => {
        const si = p.signIns.find((x) => x.sessionId === s.id);
        if (si) return <Space direction="vertical" size={0}><Tag color="green">{hhmm(si.at)}</Tag>{si.byStaff && <Typography.Text type="secondary">{t('代签')}</Typography.Text>}</Space>;
        return open ? <Button size="small" onClick={() => act(() => api.post(`/api/meetings/${r.id}/sessions/${s.id}/signin-for`, { userId: p.userId }))}>{t('代为签到')}</Button> : <Typography.Text type="secondary">—</Typography.Text>;
      },
    })),
    // before the close an absence is only provisional: shown without the red
    { title: t('出勤'), key: 'att', width: 80, render: (_v, p) => <Tag color={p.attendance === 'absent' && r.state !== 'closed' ? undefined : tone[p.attendance]}>{t(p.attendanceLabel)}</Tag> },
    {
      title: '', key: 'ops', width: 70,
      render: (_v, p) => (r.state !== 'closed' && p.signIns.length === 0 ? <Popconfirm title={t('将{n}移出参会名单？', { n: p.name })} onConfirm={() => act(() => api.del(`/api/meetings/${r.id}/participants/${p.id}`))}><Button size="small" type="link" danger>{t('移出')}</Button></Popconfirm> : null),
    },
  ];
  // leave first (waiting ones first), then who is here, then the rest by name as the server sent them
  const rank = (p: ParticipantView) => (p.leaveState === 'requested' ? 0 : p.leaveState ? 1 : p.signIns.length > 0 ? 2 : 3);
  const rows = [...r.participantList].sort((a, b) => rank(a) - rank(b));
  const add = () => act(async () => { await api.post(`/api/meetings/${r.id}/participants`, { version: r.version, userIds: picked }); setAdding(false); setPicked([]); });
  return (
    <Card size="small" title={t('出勤情况')} extra={r.state !== 'closed' && <Button size="small" onClick={() => setAdding(true)}>{t('增加参会人员')}</Button>}>
      <Space wrap size={[24, 8]} style={{ marginBottom: 12 }}>
        <Statistic title={t('应到')} value={r.summary.expected} />
        <Statistic title={t('出席')} value={r.summary.present} valueStyle={{ color: '#389e0d' }} />
        <Statistic title={t('请假')} value={r.summary.leave} valueStyle={{ color: '#d48806' }} />
        <Statistic title={t('缺席')} value={r.summary.absent} valueStyle={{ color: '#cf1322' }} />
        <Statistic title={t('出席率')} value={r.summary.rate ?? '—'} suffix={r.summary.rate !== null ? '%' : undefined} />
      </Space>
      {r.state !== 'closed' && <Typography.Paragraph type="secondary">{t('出勤按当前签到情况计算，结束会议时确定。出席会次少于 {p}% 计为缺席（准假的计为请假）。', { p: Math.round(r.presentShare * 100) })}</Typography.Paragraph>}
      <Table<ParticipantView> rowKey="id" size="small" columns={columns} dataSource={rows} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 'max-content' }} data-testid="attendance-table" />
      <Modal open={adding} title={t('增加参会人员')} onCancel={() => setAdding(false)} onOk={add} okButtonProps={{ disabled: picked.length === 0 }} okText={t('增加')}>
        <Select mode="multiple" style={{ width: '100%' }} value={picked} onChange={setPicked} showSearch optionFilterProp="label" placeholder={t('选择委员或领导')}
          options={(options.data?.people ?? []).filter((p) => !r.participantList.some((x) => x.userId === p.userId)).map((p) => ({ value: p.userId, label: p.name }))} />
      </Modal>
    </Card>
  );
}

/** 会议材料: download for everyone who sees the meeting; the staff upload more. */
function Materials({ r, reload }: { r: MeetingDetail; reload: Reload }) {
  const { t } = useI18n();
  const report = useReportError();
  const files = useApiQuery<{ items: Array<{ id: string; filename: string }> }>('/api/attachments', { entityType: 'meeting', entityId: r.id });
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setBusy(true);
    try {
      const body = new FormData();
      body.append('file', file, file.name);
      const a = await api.post<{ id: string }>('/api/attachments', body);
      await api.patch(`/api/meetings/${r.id}`, { version: r.version, attachmentIds: [a.id] });
      files.reload();
      reload();
    } catch (e) { report(e, { onReload: reload }); } finally { setBusy(false); }
  };
  const items = files.data?.items ?? [];
  return (
    <Card size="small" title={t('会议材料')} extra={r.can.edit && <Upload showUploadList={false} beforeUpload={(f) => { void upload(f); return false; }}><Button size="small" icon={<UploadOutlined />} loading={busy}>{t('上传材料')}</Button></Upload>}>
      {items.length === 0 ? <Typography.Text type="secondary">{t('暂无')}</Typography.Text>
        : <List size="small" dataSource={items} renderItem={(f) => <List.Item><a href={`/api/attachments/${f.id}`} download={f.filename}><PaperClipOutlined /> {f.filename}</a></List.Item>} />}
    </Card>
  );
}

/** 大会发言: members submit written or oral speeches; the staff select them (采用) or not. */
function Speeches({ r, reload }: { r: MeetingDetail; reload: Reload }) {
  const { t } = useI18n();
  const report = useReportError();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const submit = async (v: { kind: string; title: string; body: string }) => {
    try {
      await api.post(`/api/meetings/${r.id}/speeches`, v);
      setOpen(false);
      form.resetFields();
      reload();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: reload }); }
  };
  const decide = async (s: SpeechView, select: boolean) => { try { await api.post(`/api/meetings/${r.id}/speeches/${s.id}/decision`, { version: s.version, select }); reload(); } catch (e) { report(e, { onReload: reload }); } };
  return (
    <Card size="small" title={t('大会发言')} extra={r.can.speak && <Button size="small" onClick={() => setOpen(true)}>{t('提交发言')}</Button>}>
      {r.speeches.length === 0 ? <Typography.Text type="secondary">{t('暂无')}</Typography.Text> : (
        <List dataSource={r.speeches} renderItem={(s) => (
          <List.Item actions={r.can.manage && s.state === 'submitted' ? [
            <Button key="y" size="small" type="primary" onClick={() => void decide(s, true)}>{t('采用')}</Button>,
            <Button key="n" size="small" onClick={() => void decide(s, false)}>{t('不采用')}</Button>,
          ] : []}>
            <List.Item.Meta title={s.title} description={<Space wrap size={[6, 4]}><Tag color={s.state === 'selected' ? 'green' : s.state === 'declined' ? 'default' : 'processing'}>{t(s.stateLabel)}</Tag><span>{t(s.kindLabel)}</span><span>{s.name}</span></Space>} />
          </List.Item>
        )} />
      )}
      <Modal open={open} title={t('提交发言')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('提交')}>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'written' }}>
          <Form.Item name="kind" label={t('发言形式')}><Radio.Group optionType="button" options={[{ value: 'written', label: t('书面发言') }, { value: 'oral', label: t('口头发言') }]} /></Form.Item>
          <Form.Item name="title" label={t('发言题目')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="body" label={t('发言内容')} rules={[{ required: true, min: 10 }]}><Input.TextArea rows={8} maxLength={20000} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
