/**
 * 活动详情: where the activity stands (the step bar), when and where, the caller's part — sign up, the sign-in state,
 * recording a service — and, for the organisers (staff or the 委员之家's convener), the lifecycle's actions, the QR
 * sign-in code, the participants with 代为签到, the service records, photos and the history. The page derives no rule:
 * it shows what `actions`, `canManage` and `canSignUp` say.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Form, Image, Input, InputNumber, List, Modal, Result, Select, Skeleton, Space, Steps, Table, Tag, Timeline, Typography, Upload, type UploadFile } from 'antd';
import { CameraOutlined, EditOutlined, UserAddOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import type { ActivityDetail } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { SignInQr } from '../../../../kernel/web/sign-in-qr.tsx';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { WorkflowActions, type RecordAction } from '../../../../kernel/web/workflow-actions.tsx';
import { clock } from '../../../../kernel/universal/clock.ts';
import { whenOf, type ActivityOptions } from './list.tsx';

const pre = { whiteSpace: 'pre-wrap' as const, margin: 0 };
type Reload = () => void;

export default function ActivityDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const report = useReportError();
  const { data: r, loading, error, reload } = useApiQuery<ActivityDetail>(`/api/activities/${id}`);

  if (error && !r) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/activities')}>{t('返回列表')}</Button>} />;
  if (!r) return <PageCard loading={loading}><Skeleton active /></PageCard>;

  const fire = async (a: RecordAction, input: Record<string, unknown>) => {
    await api.post(`/api/activities/${r.id}/transitions`, { action: a.name, version: r.version, input });
    void message.success(t('已{label}', { label: t(a.label) }));
    reload();
  };
  const signUp = async (cancel: boolean) => {
    try {
      await (cancel ? api.del(`/api/activities/${r.id}/signup`) : api.post(`/api/activities/${r.id}/signup`, {}));
      void message.success(t(cancel ? '已取消报名' : '报名成功'));
      reload();
    } catch (e) { report(e, { onReload: reload }); }
  };
  const mayPhoto = r.canManage || !!r.me.signedInAt;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard wrapTitle title={r.title} extra={<Space size={4} wrap><Tag>{t(r.kindLabel)}{r.serviceKindLabel ? ` · ${t(r.serviceKindLabel)}` : ''}</Tag><Tag color={r.stateTone}>{t(r.stateLabel)}</Tag></Space>}>
        {!mobile && <Steps size="small" current={r.progress.stage} status={r.progress.status} items={r.progress.stages.map((s) => ({ title: t(s) }))} style={{ marginBottom: 16 }} />}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('活动时间')}>{whenOf(r)}</Descriptions.Item>
          {r.place && <Descriptions.Item label={t('活动地点')}>{r.place}</Descriptions.Item>}
          {r.homeName && <Descriptions.Item label={t('委员之家')}>{r.homeName}</Descriptions.Item>}
          {r.county && <Descriptions.Item label={t('县区')}>{r.county}</Descriptions.Item>}
          <Descriptions.Item label={t('组织者')}>{r.ownerName}</Descriptions.Item>
          <Descriptions.Item label={t('报名 / 签到')}>{r.signedUp} / {r.signedIn}{r.capacity ? ` （${t('名额 {n}', { n: r.capacity })}）` : ''}</Descriptions.Item>
          {r.kind === 'service' && <Descriptions.Item label={t('服务群众')}>{t('{n} 人次', { n: r.peopleServed })}</Descriptions.Item>}
          {r.lat !== null && r.canManage && <Descriptions.Item label={t('签到范围')}>{t('活动地点 {m} 米内', { m: r.radiusM })}</Descriptions.Item>}
        </Descriptions>
        <Space wrap style={{ marginTop: 12 }}>
          {r.canSignUp && <Button type="primary" size={mobile ? 'large' : 'middle'} onClick={() => void signUp(false)}>{t('报名参加')}</Button>}
          {r.me.signedUp && !r.me.signedInAt && r.state === 'open' && <Button onClick={() => void signUp(true)}>{t('取消报名')}</Button>}
          <WorkflowActions actions={r.actions} onFire={fire} onConflictReload={reload} />
          {r.canManage && (r.state === 'open' || r.state === 'ongoing') && <SignInCode id={r.id} />}
          {r.canEdit && <EditActivity r={r} onDone={reload} />}
          {r.canEdit && r.state !== 'preparing' && <WalkIns r={r} onDone={reload} />}
        </Space>
      </PageCard>

      <MyPart r={r} reload={reload} />
      <Card size="small" title={t('活动内容')}><p style={pre}>{r.body}</p>{r.outcome && <Alert style={{ marginTop: 12 }} type="success" message={t('活动成效')} description={r.outcome} />}</Card>
      {r.canManage && <Participants r={r} reload={reload} />}
      {(r.kind === 'service' || r.services.length > 0) && <Services r={r} reload={reload} />}
      <Photos id={r.id} may={mayPhoto} />
      {r.canManage && (
        <Card size="small" title={t('活动过程')}>
          <Timeline items={r.history.map((h) => ({ children: <div>{t(h.actionLabel)} → {t(h.toStateLabel)} · {h.actorName} · {formatDateTime(h.at)}</div> }))} />
        </Card>
      )}
    </Space>
  );
}

/** The member's own part: signed up, signed in (when, how far), how to sign in, and recording a service. */
function MyPart({ r, reload }: { r: ActivityDetail; reload: Reload }) {
  const { t } = useI18n();
  const [recording, setRecording] = useState(false);
  if (!r.me.signedUp && !r.me.signedInAt) return null;
  return (
    <Card size="small" title={t('我的参加情况')} extra={r.me.signedInAt ? <Tag color="green">{t('已签到')}</Tag> : <Tag color="gold">{t('已报名')}</Tag>}>
      {r.me.signedInAt
        ? <Alert type="success" showIcon message={t('您已签到')} description={t('签到时间：{t}', { t: formatDateTime(r.me.signedInAt) })} />
        : <Alert type="info" showIcon message={t('请在活动现场扫描签到码签到')} description={t('签到时间：{a} 起，至活动结束', { a: formatDateTime(r.signInOpensAt) })} />}
      {r.me.signedInAt && r.kind === 'service' && <Button type="primary" style={{ marginTop: 12 }} onClick={() => setRecording(true)}>{t('记录服务')}</Button>}
      <RecordService open={recording} onClose={() => setRecording(false)} activity={r} onDone={reload} />
    </Card>
  );
}

/** 记录服务: what the member did and for how many people (an activity's, or a need matched to them). */
export function RecordService({ open, onClose, activity, need, onDone }: { open: boolean; onClose: () => void; activity?: ActivityDetail; need?: { id: string; serviceKind: string; title: string }; onDone: () => void }) {
  const { t } = useI18n();
  const report = useReportError();
  const [form] = Form.useForm();
  const submit = async (v: { content: string; peopleServed: number; done?: boolean }) => {
    try {
      await api.post('/api/activities/services', {
        activityId: activity?.id, needId: need?.id, serviceKind: activity?.serviceKind ?? need?.serviceKind ?? 'other',
        content: v.content, peopleServed: v.peopleServed, onDate: activity?.heldOn ?? clock.today(), done: true,
      });
      form.resetFields();
      onClose();
      onDone();
    } catch (e) { if (!applyFormErrors(form, e)) report(e); }
  };
  return (
    <Modal open={open} title={t('记录服务')} onCancel={onClose} onOk={() => form.submit()} okText={t('提交')} destroyOnHidden>
      <Typography.Paragraph type="secondary">{activity?.title ?? need?.title}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ peopleServed: 10 }}>
        <Form.Item name="content" label={t('服务内容')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Form.Item name="peopleServed" label={t('服务群众人次')} rules={[{ required: true }]}><InputNumber min={0} max={100000} style={{ width: '100%' }} /></Form.Item>
      </Form>
    </Modal>
  );
}


/** The participants, for the organisers: sign-up, sign-in (who signed whom in at the door, how far from the place). */
function Participants({ r, reload }: { r: ActivityDetail; reload: Reload }) {
  const { t } = useI18n();
  const report = useReportError();
  const { message } = App.useApp();
  const open = r.state === 'open' || r.state === 'ongoing';
  const signInFor = async (userId: string) => {
    try { await api.post(`/api/activities/${r.id}/signin-for`, { userId }); void message.success(t('已代为签到')); reload(); } catch (e) { report(e, { onReload: reload }); }
  };
  return (
    <Card size="small" title={t('参加委员（{n}）', { n: r.participants.length })}>
      <Table size="small" rowKey="id" dataSource={r.participants} pagination={r.participants.length > 20 ? { pageSize: 20 } : false} scroll={{ x: 'max-content' }}
        columns={[
          { title: t('姓名'), dataIndex: 'name', key: 'name' },
          { title: t('报名'), key: 'up', render: (_v, p) => (p.signedUpAt ? formatDateTime(p.signedUpAt) : '—') },
          { title: t('签到'), key: 'in', render: (_v, p) => (p.signedInAt ? <Space size={4}><Tag color="green">{formatDateTime(p.signedInAt)}</Tag>{p.signedInByName && <Tag>{t('{n} 代签', { n: p.signedInByName })}</Tag>}{p.distanceM !== null && <span>{t('{m} 米', { m: p.distanceM })}</span>}</Space> : <Tag>{t('未签到')}</Tag>) },
          { title: '', key: 'op', render: (_v, p) => (!p.signedInAt && open ? <Button size="small" onClick={() => void signInFor(p.userId)}>{t('代为签到')}</Button> : null) },
        ]} />
    </Card>
  );
}

function Services({ r, reload }: { r: ActivityDetail; reload: Reload }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('服务记录（{n}）', { n: r.services.length })}>
      <List size="small" dataSource={r.services} locale={{ emptyText: t('暂无服务记录') }}
        renderItem={(s) => (
          <List.Item extra={<Tag color={s.state === 'done' ? 'green' : 'gold'}>{t(s.stateLabel)}</Tag>}>
            <List.Item.Meta title={`${s.name} · ${t(s.serviceKindLabel)}`} description={<>{s.content} · {t('服务群众 {n} 人次', { n: s.peopleServed })}</>} />
          </List.Item>
        )} />
      {r.services.some((s) => s.canComplete) && <Button onClick={reload} style={{ marginTop: 8 }}>{t('刷新')}</Button>}
    </Card>
  );
}

/** 活动照片: uploaded through the attachments module, then linked to the activity. */
function Photos({ id, may }: { id: string; may: boolean }) {
  const { t } = useI18n();
  const report = useReportError();
  const files = useApiQuery<{ items: Array<{ id: string; filename: string; mime?: string }> }>('/api/attachments', { entityType: 'activity', entityId: id });
  const [list, setList] = useState<UploadFile[]>([]);
  const upload = async (opts: { file: unknown; onSuccess?: (r: unknown) => void; onError?: (e: Error) => void }) => {
    const body = new FormData();
    body.append('file', opts.file as Blob);
    try {
      const a = await api.post<{ id: string }>('/api/attachments', body);
      await api.post(`/api/activities/${id}/photos`, { attachmentIds: [a.id] });
      opts.onSuccess?.(a);
      setList([]);
      files.reload();
    } catch (e) { opts.onError?.(e as Error); report(e); }
  };
  const items = files.data?.items ?? [];
  if (!may && items.length === 0) return null;
  return (
    <Card size="small" title={t('活动照片')}>
      <Space wrap>
        {items.map((f) => <Image key={f.id} width={120} height={90} style={{ objectFit: 'cover' }} src={`/api/attachments/${f.id}`} alt={f.filename} />)}
        {items.length === 0 && <Typography.Text type="secondary">{t('暂无照片')}</Typography.Text>}
      </Space>
      {may && (
        <div style={{ marginTop: 12 }}>
          <Upload accept="image/*" fileList={list} onChange={({ fileList }) => setList(fileList)} customRequest={(o) => void upload(o as never)} showUploadList={false}>
            <Button icon={<CameraOutlined />}>{t('拍照或选择照片')}</Button>
          </Upload>
        </div>
      )}
    </Card>
  );
}

/** The sign-in code as a QR code (the kernel's dialog). */
function SignInCode({ id }: { id: string }) {
  const { t } = useI18n();
  return <SignInQr<{ url: string; opensAt: string; closesAt: string }> codeApi={`/api/activities/${id}/signin-code`} hint={(c) => t('请委员用手机扫码签到（{a} 至 {b}）', { a: formatDateTime(c.opensAt), b: formatDateTime(c.closesAt) })} />;
}

/** 修改活动: the organisers (and the 委员之家's convener) correct the details with the version they read. */
function EditActivity({ r, onDone }: { r: ActivityDetail; onDone: () => void }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const report = useReportError();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const options = useApiQuery<ActivityOptions>(open ? '/api/activities/options' : null);
  const kinds = (options.data?.kinds ?? []).filter((k) => options.data?.canManage || ['home', 'service', 'reading'].includes(k.code) || k.code === r.kind);
  const submit = async (v: Record<string, any>) => {
    const [s, e] = v.when as [Dayjs, Dayjs];
    try {
      await api.put(`/api/activities/${r.id}`, {
        version: r.version, kind: v.kind, serviceKind: v.kind === 'service' ? v.serviceKind : null, title: v.title, body: v.body,
        startsAt: s.format('YYYY-MM-DDTHH:mm'), endsAt: e.format('YYYY-MM-DDTHH:mm'), place: v.place?.trim() || null,
        lat: v.lat ?? null, lng: v.lng ?? null, radiusM: v.radiusM ?? undefined, capacity: v.capacity ?? null, outcome: v.outcome?.trim() || null,
      });
      void message.success(t('已保存'));
      setOpen(false);
      onDone();
    } catch (err) { if (!applyFormErrors(form, err)) report(err, { onReload: () => { setOpen(false); onDone(); } }); }
  };
  const initial = {
    kind: r.kind, serviceKind: r.serviceKind ?? undefined, title: r.title, body: r.body, when: [dayjs(r.startsAt), dayjs(r.endsAt)], place: r.place ?? '',
    lat: r.lat ?? undefined, lng: r.lng ?? undefined, radiusM: r.radiusM, capacity: r.capacity ?? undefined, outcome: r.outcome ?? '',
  };
  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="edit-activity">{t('修改活动')}</Button>
      <Modal open={open} title={t('修改活动')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('保存')} width={mobile ? undefined : 760} destroyOnHidden>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('改了时间或地点，已报名和已签到的委员会收到通知')} />
        <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} preserve={false}>
          <Form.Item name="kind" label={t('活动类型')} rules={[{ required: true }]}><Select options={kinds.map((k) => ({ value: k.code, label: t(k.label) }))} /></Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
            {({ getFieldValue }) => getFieldValue('kind') === 'service' && (
              <Form.Item name="serviceKind" label={t('服务类别')} rules={[{ required: true }]}><Select options={(options.data?.serviceKinds ?? []).map((k) => ({ value: k.code, label: t(k.label) }))} /></Form.Item>
            )}
          </Form.Item>
          <Form.Item name="title" label={t('活动名称')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="body" label={t('活动内容')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
          <Form.Item name="when" label={t('活动时间')} rules={[{ required: true }]}><DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly={mobile} /></Form.Item>
          <Form.Item name="place" label={t('活动地点')}><Input maxLength={200} /></Form.Item>
          <Space.Compact block>
            <Form.Item name="lat" label={t('纬度')} style={{ width: '33%' }}><InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="lng" label={t('经度')} style={{ width: '33%' }}><InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="radiusM" label={t('签到范围（米）')} style={{ width: '34%' }}><InputNumber min={50} max={10000} style={{ width: '100%' }} /></Form.Item>
          </Space.Compact>
          <Form.Item name="capacity" label={t('名额')}><InputNumber min={1} max={100000} style={{ width: '100%' }} placeholder={t('不限')} /></Form.Item>
          <Form.Item name="outcome" label={t('活动成效')} extra={t('服务群众人次由各条服务记录合计')}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

interface Candidates {
  items: Array<{ userId: string; name: string; sectorName: string | null; signedIn: boolean }>;
  total: number;
  sectors: Array<{ id: string; name: string }>;
  committees: Array<{ id: string; name: string }>;
}

/** 现场补录: pick members who came without signing up (by name, 界别 or 专委会); each counts once as a participation. */
function WalkIns({ r, onDone }: { r: ActivityDetail; onDone: () => void }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const report = useReportError();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [sectorId, setSectorId] = useState<string>();
  const [committeeId, setCommitteeId] = useState<string>();
  const [picked, setPicked] = useState<Map<string, string>>(new Map());
  const { data, loading, reload } = useApiQuery<Candidates>(open ? `/api/activities/${r.id}/walk-in-candidates` : null, { q: q || undefined, sectorId, committeeId });
  const toggle = (userId: string, name: string) => setPicked((m) => { const n = new Map(m); if (n.has(userId)) n.delete(userId); else n.set(userId, name); return n; });
  const close = () => { setOpen(false); setPicked(new Map()); setQ(''); setSectorId(undefined); setCommitteeId(undefined); };
  const submit = async () => {
    try {
      const res = await api.post<{ added: Array<{ name: string }>; already: Array<{ name: string }> }>(`/api/activities/${r.id}/walk-ins`, { userIds: [...picked.keys()] });
      void message.success(t('已补录 {n} 人', { n: res.added.length }) + (res.already.length ? t('（{names} 已签到）', { names: res.already.map((x) => x.name).join('、') }) : ''));
      close();
      onDone();
    } catch (e) { report(e, { onReload: reload }); }
  };
  return (
    <>
      <Button icon={<UserAddOutlined />} onClick={() => setOpen(true)} data-testid="walk-ins">{t('现场补录')}</Button>
      <Modal open={open} title={t('现场补录参加委员')} onCancel={close} onOk={() => void submit()} okText={t('补录 {n} 人', { n: picked.size })} okButtonProps={{ disabled: picked.size === 0 }}
        width={mobile ? undefined : 640} destroyOnHidden>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('未报名而到场的委员，补录后计入其参加活动')}</Typography.Paragraph>
        <Space direction="vertical" style={{ width: '100%' }} size={8}>
          <Input.Search allowClear placeholder={t('按姓名查找')} aria-label={t('按姓名查找')} onSearch={(v) => setQ(v.trim())} enterButton={t('查找')} />
          <Space.Compact block>
            <Select allowClear style={{ width: '50%' }} placeholder={t('界别')} aria-label={t('界别')} value={sectorId} onChange={setSectorId} options={(data?.sectors ?? []).map((s) => ({ value: s.id, label: s.name }))} />
            <Select allowClear style={{ width: '50%' }} placeholder={t('专门委员会')} aria-label={t('专门委员会')} value={committeeId} onChange={setCommitteeId} options={(data?.committees ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Space.Compact>
          {picked.size > 0 && <Space wrap size={4}>{[...picked].map(([id, name]) => <Tag key={id} closable onClose={() => toggle(id, name)} color="red">{name}</Tag>)}</Space>}
          <List size="small" loading={loading} dataSource={data?.items ?? []} style={{ maxHeight: mobile ? 320 : 360, overflowY: 'auto' }} data-testid="walk-in-candidates"
            locale={{ emptyText: t('没有符合条件的委员') }}
            footer={data && data.total > data.items.length ? <Typography.Text type="secondary">{t('共 {n} 人，请缩小范围', { n: data.total })}</Typography.Text> : undefined}
            renderItem={(c) => (
              <List.Item style={{ paddingInline: 4 }}>
                <Checkbox checked={c.signedIn || picked.has(c.userId)} disabled={c.signedIn} onChange={() => toggle(c.userId, c.name)} style={{ width: '100%' }}>
                  <Space size={6} wrap>{c.name}{c.sectorName && <Tag>{c.sectorName}</Tag>}{c.signedIn && <Tag color="green">{t('已签到')}</Tag>}</Space>
                </Checkbox>
              </List.Item>
            )} />
        </Space>
      </Modal>
    </>
  );
}
