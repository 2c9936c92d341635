/**
 * 调研视察详情: where the trip stands (the step bar), the plan, the caller's actions (from the `actions` and `abilities`
 * the server returns; the page derives no rule), and, laid out for a phone during the trip: the member's sign-in, the
 * itinerary with the places visited, photos and notes taken on the spot and documents received; then the participants,
 * the report with its problems and recommendations, the leaders' instructions and the history.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Image, Input, List, Modal, Radio, Result, Select, Skeleton, Space, Steps, Tag, Timeline, Typography, Upload, DatePicker } from 'antd';
import { CameraOutlined, CheckCircleOutlined, DeleteOutlined, EditOutlined, FileWordOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import type { InspectionDetail } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { SignInQr } from '../../../../kernel/web/sign-in-qr.tsx';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDate, formatDateTime } from '../../../../kernel/web/components.tsx';
import { WorkflowActions, type RecordAction } from '../../../../kernel/web/workflow-actions.tsx';
import { API, type Options } from './shared.tsx';

type Reload = () => void;
const pre = { whiteSpace: 'pre-wrap' as const, margin: 0 };

export default function InspectionDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { data: r, loading, error, reload } = useApiQuery<InspectionDetail>(`${API}/${id}`);
  if (error && !r) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/inspections')}>{t('返回列表')}</Button>} />;
  if (!r) return <PageCard loading={loading}><Skeleton active /></PageCard>;

  const fire = async (a: RecordAction, input: Record<string, unknown>) => {
    await api.post(`${API}/${r.id}/transitions`, { action: a.name, version: r.version, input });
    void message.success(t('已{label}', { label: t(a.label) }));
    reload();
  };
  const dates = r.plannedFrom === r.plannedTo ? formatDate(r.plannedFrom) : `${formatDate(r.plannedFrom)} – ${formatDate(r.plannedTo)}`;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard wrapTitle title={r.title} extra={<Space size={4}><Tag color={r.kind === 'inspection' ? 'volcano' : 'blue'}>{t(r.kindLabel)}</Tag><Tag color={r.stateTone}>{t(r.stateLabel)}</Tag></Space>}>
        <Steps size="small" direction={mobile ? 'vertical' : 'horizontal'} current={r.progress.stage} status={r.progress.status}
          items={r.progress.stages.map((s) => ({ title: t(s) }))} style={{ marginBottom: 16 }} />
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('计划日期')}>{dates}</Descriptions.Item>
          <Descriptions.Item label={t('考察地点')}>{r.places.join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('牵头专委会')}>{r.leadCommitteeName}</Descriptions.Item>
          <Descriptions.Item label={t('提出单位')}>{r.proposer}</Descriptions.Item>
          <Descriptions.Item label={t('审定')}>{r.approvedMeeting ? `${r.approvedMeeting}（${formatDate(r.approvedOn!)}）` : t('待审定')}</Descriptions.Item>
          {r.reportDue && <Descriptions.Item label={t('报告期限')}>{formatDate(r.reportDue)}{r.reportLate && <Tag color="red" style={{ marginLeft: 8 }}>{t('报告逾期')}</Tag>}</Descriptions.Item>}
          {r.sentOn && <Descriptions.Item label={t('报送日期')}>{formatDate(r.sentOn)}</Descriptions.Item>}
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{r.topic}</Typography.Paragraph>
        {r.returnReason && (r.state === 'drafting' || r.state === 'cancelled') && <Alert type="warning" showIcon message={t('退回或取消理由：{r}', { r: r.returnReason })} style={{ marginTop: 12 }} />}
        <Space wrap style={{ marginTop: 16 }}>
          <WorkflowActions actions={r.actions} onFire={fire} onConflictReload={reload} />
          {r.abilities.editPlan && <EditPlan r={r} reload={reload} />}
          {r.abilities.editPlan && <EditItinerary r={r} reload={reload} />}
          {r.abilities.organise && r.state === 'underway' && <SignInCode id={r.id} />}
          {r.abilities.editReport && <Button icon={<EditOutlined />} onClick={() => navigate(`/inspections/${r.id}/report`)}>{t('起草报告')}</Button>}
          {r.report && <Button icon={<FileWordOutlined />} href={`${API}/${r.id}/report.docx`}>{t('下载 Word')}</Button>}
          {r.trackerLink && <Link to={r.trackerLink}>{t('建议落实情况')}</Link>}
        </Space>
      </PageCard>

      {r.me && <MySignIn r={r} />}
      {r.abilities.collect && <AddNote r={r} reload={reload} />}
      {r.stops.length > 0 && <Itinerary r={r} reload={reload} />}
      <Notes r={r} />
      <Participants r={r} reload={reload} />
      {r.report && <Report r={r} />}
      {(r.instructions.length > 0 || r.abilities.instruct) && <Instructions r={r} reload={reload} />}

      <Card size="small" title={t('办理过程')}>
        <Timeline items={r.history.map((h) => ({ children: <div>{t(h.actionLabel)} → {t(h.toStateLabel)} · {h.actorName} · {formatDateTime(h.at)}{h.note && <div style={pre}>{h.note}</div>}</div> }))} />
      </Card>
    </Space>
  );
}

/** The member's own sign-in: done, or how to do it (scan the code shown on the spot). */
function MySignIn({ r }: { r: InspectionDetail }) {
  const { t } = useI18n();
  return r.me!.signedInAt
    ? <Alert type="success" showIcon icon={<CheckCircleOutlined />} message={t('您已签到')} description={t('签到时间：{t}', { t: formatDateTime(r.me!.signedInAt) })} />
    : <Alert type="info" showIcon message={t('您是本次调研视察的参加人员')} description={r.state === 'underway' ? t('请扫描现场的签到码签到') : t('调研视察进行中时扫码签到')} />;
}


/** 现场记录: a note with photos taken on the phone (the camera opens on phones), or a document received. */
function AddNote({ r, reload }: { r: InspectionDetail; reload: Reload }) {
  const { t } = useI18n();
  const report = useReportError();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [photos, setPhotos] = useState<Array<{ id: string; filename: string }>>([]);
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setBusy(true);
    try {
      const body = new FormData();
      body.append('file', file, file.name);
      const a = await api.post<{ id: string; filename: string }>('/api/attachments', body);
      setPhotos((p) => [...p, a]);
    } catch (e) { report(e); } finally { setBusy(false); }
  };
  const save = async (v: { kind: 'note' | 'document'; text: string; stopId?: string }) => {
    try {
      await api.post(`${API}/${r.id}/notes`, { ...v, attachmentIds: photos.map((p) => p.id) });
      form.resetFields();
      setPhotos([]);
      void message.success(t('已保存现场记录'));
      reload();
    } catch (e) { if (!applyFormErrors(form, e)) report(e); }
  };
  return (
    <Card size="small" title={t('添加现场记录')}>
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ kind: 'note' }}>
        <Form.Item name="kind"><Radio.Group optionType="button" options={[{ value: 'note', label: t('笔记照片') }, { value: 'document', label: t('收到的材料') }]} /></Form.Item>
        {r.stops.length > 0 && <Form.Item name="stopId" label={t('考察点')}><Select allowClear options={r.stops.map((s) => ({ value: s.id, label: s.place }))} /></Form.Item>}
        <Form.Item name="text" label={t('笔记内容')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={5000} placeholder={t('看到的情况、听到的意见')} /></Form.Item>
        <Form.Item label={t('照片或附件')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Upload accept="image/*,.pdf,.doc,.docx" showUploadList={false} multiple beforeUpload={(f) => { void upload(f); return false; }}>
              <Button icon={<CameraOutlined />} loading={busy} size="large" data-testid="note-photo">{t('拍照或上传')}</Button>
            </Upload>
            {photos.map((p) => <Typography.Text key={p.id}><PaperClipOutlined /> {p.filename}</Typography.Text>)}
          </Space>
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block>{t('保存记录')}</Button>
      </Form>
    </Card>
  );
}

/** 行程: the stops in order; during the trip those on it mark a place visited. */
function Itinerary({ r, reload }: { r: InspectionDetail; reload: Reload }) {
  const { t } = useI18n();
  const report = useReportError();
  const visit = async (stopId: string) => { try { await api.post(`${API}/${r.id}/stops/${stopId}/visited`); reload(); } catch (e) { report(e, { onReload: reload }); } };
  const canMark = r.state === 'underway' && (r.abilities.organise || !!r.me);
  return (
    <Card size="small" title={t('行程')}>
      <List size="small" dataSource={r.stops} renderItem={(s) => (
        <List.Item actions={[s.visitedAt ? <Tag color="success" key="v">{t('已考察')}</Tag> : canMark ? <Button size="small" key="m" onClick={() => visit(s.id)}>{t('到达')}</Button> : <Tag key="p">{t('未考察')}</Tag>]}>
          <List.Item.Meta title={`${formatDate(s.onDate)} ${s.place}`} description={s.purpose} />
        </List.Item>
      )} />
    </Card>
  );
}

/** The notes and photos taken on the trip, newest first. */
function Notes({ r }: { r: InspectionDetail }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('现场记录（{n}）', { n: r.notes.length })}>
      {r.notes.length === 0 ? <Typography.Text type="secondary">{t('暂无')}</Typography.Text> : (
        <List itemLayout="vertical" dataSource={r.notes} renderItem={(n) => (
          <List.Item key={n.id}>
            <Space size={6} wrap><Tag>{t(n.kindLabel)}</Tag>{n.place && <Tag color="blue">{n.place}</Tag>}<Typography.Text type="secondary">{n.authorName} · {formatDateTime(n.createdAt)}</Typography.Text></Space>
            <p style={{ ...pre, marginTop: 6 }}>{n.text}</p>
            {n.attachments.length > 0 && (
              <Space wrap style={{ marginTop: 8 }}>
                {n.attachments.map((a) => (a.mime.startsWith('image/')
                  ? <Image key={a.id} width={96} height={96} style={{ objectFit: 'cover' }} src={`/api/attachments/${a.id}`} alt={a.filename} />
                  : <a key={a.id} href={`/api/attachments/${a.id}`}><PaperClipOutlined /> {a.filename}</a>))}
              </Space>
            )}
          </List.Item>
        )} />
      )}
    </Card>
  );
}

/** 参加人员 with their sign-in; the organisers change the list (before the trip ends) and sign people in on the spot. */
function Participants({ r, reload }: { r: InspectionDetail; reload: Reload }) {
  const { t } = useI18n();
  const report = useReportError();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  const options = useApiQuery<Options>(editing ? `${API}/options` : null);
  const act = async (run: () => Promise<unknown>) => { try { await run(); reload(); } catch (e) { report(e, { onReload: reload }); } };
  const save = async (v: { userIds: string[] }) => {
    try { await api.put(`${API}/${r.id}/participants`, { version: r.version, userIds: v.userIds ?? [] }); setEditing(false); reload(); } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: reload }); }
  };
  const signed = r.participants.filter((p) => p.signedInAt).length;
  return (
    <Card size="small" title={t('参加委员（{n} 人，已签到 {s} 人）', { n: r.participants.length, s: signed })}
      extra={r.abilities.editPlan && <Button size="small" onClick={() => { form.setFieldsValue({ userIds: r.participants.map((p) => p.userId) }); setEditing(true); }}>{t('调整名单')}</Button>}>
      <Space wrap size={[8, 8]}>
        {r.participants.map((p) => (
          <Tag key={p.id} color={p.signedInAt ? 'success' : 'default'}>
            {p.name}{p.signedInAt ? ` ✓${p.byStaff ? t('（代签）') : ''}` : ''}
            {!p.signedInAt && r.abilities.organise && r.state === 'underway' && <a style={{ marginLeft: 6 }} onClick={() => act(() => api.post(`${API}/${r.id}/participants/${p.id}/signin`))}>{t('代为签到')}</a>}
          </Tag>
        ))}
      </Space>
      <Modal open={editing} title={t('调整名单')} onCancel={() => setEditing(false)} onOk={() => form.submit()} okText={t('保存')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="userIds" label={t('参加委员')}><Select mode="multiple" showSearch optionFilterProp="label" options={(options.data?.members ?? []).map((m) => ({ value: m.code, label: m.label }))} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** The current report: its text, the problems and the recommendations with their responsible departments. */
function Report({ r }: { r: InspectionDetail }) {
  const { t } = useI18n();
  const rep = r.report!;
  return (
    <Card size="small" title={`${t(r.reportLabel)}（${t('第 {n} 稿', { n: rep.no })}）`}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>{rep.title}</Typography.Title>
      <p style={pre}>{rep.body}</p>
      {rep.problems.length > 0 && <>
        <Typography.Title level={5}>{t('存在问题（{n} 个）', { n: rep.problems.length })}</Typography.Title>
        <ol style={{ paddingLeft: 20 }}>{rep.problems.map((p) => <li key={p.seq}>{p.text}</li>)}</ol>
      </>}
      <Typography.Title level={5}>{t('意见建议（{n} 条）', { n: rep.recommendations.length })}</Typography.Title>
      <ol style={{ paddingLeft: 20 }}>{rep.recommendations.map((x) => <li key={x.seq}>{x.text} <Typography.Text type="secondary">（{x.unitNames.join('、')}）</Typography.Text></li>)}</ol>
    </Card>
  );
}

/**
 * 领导批示 on the sent report; the organisers record one: on the whole report or on some of its recommendations (by
 * number), with the instruction's document (批示件, uploaded first and named by the record). The tracker shows it on
 * each recommendation concerned and tells their departments.
 */
function Instructions({ r, reload }: { r: InspectionDetail; reload: Reload }) {
  const { t } = useI18n();
  const report = useReportError();
  const mobile = useIsMobile();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const scope = Form.useWatch('scope', form) as 'report' | 'recommendations' | undefined;
  const recs = r.report?.recommendations ?? [];
  const save = async (v: { by: string; text: string; onDate: Dayjs; scope: string; recommendationNos?: number[]; documentId?: string }) => {
    try {
      await api.post(`${API}/${r.id}/instructions`, {
        version: r.version, by: v.by, text: v.text, onDate: v.onDate.format('YYYY-MM-DD'),
        ...(v.scope === 'recommendations' ? { recommendationNos: v.recommendationNos ?? [] } : {}), ...(v.documentId ? { documentId: v.documentId } : {}),
      });
      setOpen(false); form.resetFields(); reload();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: reload }); }
  };
  return (
    <Card size="small" title={t('领导批示')} extra={r.abilities.instruct && <Button size="small" onClick={() => setOpen(true)} data-action="record_instruction">{t('记录批示')}</Button>}>
      <List size="small" dataSource={r.instructions} locale={{ emptyText: t('暂无') }} renderItem={(i) => (
        <List.Item data-testid="instruction">
          <List.Item.Meta title={<Space size={4} wrap>{`${i.by} · ${formatDate(i.onDate)}`}<Tag>{i.recommendationNos?.length ? t('第 {n} 条建议', { n: i.recommendationNos.join('、') }) : t('整份报告')}</Tag></Space>}
            description={<>{i.text}{i.document && <div><a href={`/api/attachments/${i.document.id}`} target="_blank" rel="noreferrer"><PaperClipOutlined /> {i.document.filename}</a></div>}</>} />
        </List.Item>
      )} />
      <Modal open={open} title={t('记录批示')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('保存')} cancelText={t('取消')} width={mobile ? undefined : 640} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save} initialValues={{ scope: 'report' }}>
          <Form.Item name="by" label={t('批示领导')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="onDate" label={t('批示日期')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="text" label={t('批示内容')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          <Form.Item name="scope" label={t('批示范围')}>
            <Radio.Group options={[{ value: 'report', label: t('整份报告') }, { value: 'recommendations', label: t('指定建议'), disabled: recs.length === 0 }]} />
          </Form.Item>
          {scope === 'recommendations' && (
            <Form.Item name="recommendationNos" label={t('针对的建议序号')} rules={[{ required: true, message: t('请选择批示针对的建议') }]}>
              <Select mode="multiple" optionFilterProp="label" placeholder={t('选择建议序号')}
                options={recs.map((x) => ({ value: x.seq, label: `${x.seq}. ${x.text.length > 40 ? `${x.text.slice(0, 40)}…` : x.text}` }))} />
            </Form.Item>
          )}
          <Form.Item name="documentId" label={t('批示件')}><DocumentUpload /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** 批示件: one file uploaded to the attachments module first; the form's value is its id, which the record names. */
function DocumentUpload({ value, onChange }: { value?: string; onChange?: (id: string | undefined) => void }) {
  const { t } = useI18n();
  const report = useReportError();
  const [file, setFile] = useState<{ id: string; filename: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (f: File) => {
    setBusy(true);
    try {
      const body = new FormData();
      body.append('file', f, f.name);
      const a = await api.post<{ id: string; filename: string }>('/api/attachments', body);
      setFile(a);
      onChange?.(a.id);
    } catch (e) { report(e); } finally { setBusy(false); }
  };
  return (
    <Space wrap>
      <Upload accept=".pdf,.doc,.docx,.ofd,image/*" showUploadList={false} beforeUpload={(f) => { void upload(f); return false; }}>
        <Button icon={<PaperClipOutlined />} loading={busy} data-testid="instruction-document">{t(value ? '重新上传' : '上传批示件')}</Button>
      </Upload>
      {value && file && <Typography.Text><PaperClipOutlined /> {file.filename} <a onClick={() => { setFile(null); onChange?.(undefined); }}>{t('移除')}</a></Typography.Text>}
    </Space>
  );
}

/** 修改计划: the organisers change the subject, proposer, dates and places before the trip ends (under the version). */
function EditPlan({ r, reload }: { r: InspectionDetail; reload: Reload }) {
  const { t } = useI18n();
  const report = useReportError();
  const mobile = useIsMobile();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const save = async (v: { title: string; topic: string; proposer: string; dates: [Dayjs, Dayjs]; places: string[] }) => {
    try {
      await api.patch(`${API}/${r.id}`, { version: r.version, title: v.title, topic: v.topic, proposer: v.proposer, places: v.places, plannedFrom: v.dates[0].format('YYYY-MM-DD'), plannedTo: v.dates[1].format('YYYY-MM-DD') });
      setOpen(false);
      reload();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: reload }); }
  };
  return (
    <>
      <Button onClick={() => { form.setFieldsValue({ title: r.title, topic: r.topic, proposer: r.proposer, places: r.places, dates: [dayjs(r.plannedFrom), dayjs(r.plannedTo)] }); setOpen(true); }}>{t('修改计划')}</Button>
      <Modal open={open} title={t('修改计划')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('保存')} width={mobile ? undefined : 720} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="title" label={t('题目')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="topic" label={t('调研视察内容')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
          <Form.Item name="proposer" label={t('提出单位')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="dates" label={t('计划日期')} rules={[{ required: true }]}><DatePicker.RangePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="places" label={t('考察地点')} rules={[{ required: true }]}><Select mode="tags" /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 调整行程: the stops by day, in order (a stop that stays keeps its 已考察 mark). */
function EditItinerary({ r, reload }: { r: InspectionDetail; reload: Reload }) {
  const { t } = useI18n();
  const report = useReportError();
  const mobile = useIsMobile();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const save = async (v: { stops?: Array<{ onDate: Dayjs; place: string; purpose?: string }> }) => {
    try {
      await api.put(`${API}/${r.id}/itinerary`, { version: r.version, stops: (v.stops ?? []).map((s) => ({ onDate: s.onDate.format('YYYY-MM-DD'), place: s.place, purpose: s.purpose || undefined })) });
      setOpen(false);
      reload();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: reload }); }
  };
  return (
    <>
      <Button onClick={() => { form.setFieldsValue({ stops: r.stops.map((s) => ({ onDate: dayjs(s.onDate), place: s.place, purpose: s.purpose ?? '' })) }); setOpen(true); }}>{t('调整行程')}</Button>
      <Modal open={open} title={t('调整行程')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('保存')} width={mobile ? undefined : 760} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.List name="stops">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="start">
                    <Form.Item name={[f.name, 'onDate']} rules={[{ required: true }]} style={{ marginBottom: 0 }}><DatePicker placeholder={t('考察日期')} /></Form.Item>
                    <Form.Item name={[f.name, 'place']} rules={[{ required: true }]} style={{ marginBottom: 0 }}><Input placeholder={t('考察地点')} maxLength={100} /></Form.Item>
                    <Form.Item name={[f.name, 'purpose']} style={{ marginBottom: 0 }}><Input placeholder={t('考察内容')} maxLength={500} /></Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('删除')} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ onDate: dayjs(r.plannedFrom), place: '' })}>{t('添加考察点')}</Button>
              </Space>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}

/** The sign-in code as a QR code (the kernel's dialog). */
function SignInCode({ id }: { id: string }) {
  const { t } = useI18n();
  return <SignInQr<{ url: string; validOn: string }> codeApi={`${API}/${id}/signin-code`} hint={t('请委员用手机扫码签到（仅今日有效）')} />;
}
