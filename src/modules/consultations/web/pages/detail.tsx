/**
 * 协商活动详情: where the meeting stands (the step bar), its arrangements and deadlines, the caller's actions (from the
 * `actions` and `can` the server returns; the page derives no rule). An invited member sees their invitation (确认参会 or
 * 请假), their written speech and sign-in; the organisers the participants (invite, sign in, leave requests), the order
 * of speeches, the day's sign-in code, the outcome with its recommendations, 批示 and linked records; and the history.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, List, Modal, Radio, Result, Select, Skeleton, Space, Steps, Table, Tag, Timeline, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import type { ConsultationDetail, Participant } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { RecordPanels } from '../../../../kernel/web/record-panels.tsx';
import { SignInQr } from '../../../../kernel/web/sign-in-qr.tsx';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDate, formatDateTime } from '../../../../kernel/web/components.tsx';
import { WorkflowActions, type RecordAction } from '../../../../kernel/web/workflow-actions.tsx';
import { CosignerField } from '../../../proposals/web/pages/cosigner-picker.tsx';
import { LateTags, type ConsultationOptions } from './list.tsx';
import { RecordPicker } from './record-picker.tsx';

const pre = { whiteSpace: 'pre-wrap' as const, margin: 0 };
type Reload = () => void;

export default function ConsultationDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { data: r, loading, error, reload } = useApiQuery<ConsultationDetail>(`/api/consultations/${id}`);

  if (error && !r) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/consultations')}>{t('返回列表')}</Button>} />;
  if (!r) return <PageCard loading={loading}><Skeleton active /></PageCard>;

  const fire = async (a: RecordAction, input: Record<string, unknown>) => {
    await api.post(`/api/consultations/${r.id}/transitions`, { action: a.name, version: r.version, input });
    void message.success(t('已{label}', { label: t(a.label) }));
    reload();
  };
  // the organisers and the staff who read all see the deadlines, the counts and every participant
  const organiser = r.can.seeAll;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard wrapTitle title={r.title} extra={<Space size={4} wrap>{organiser && <LateTags r={r} />}<Tag color={r.stateTone}>{t(r.stateLabel)}</Tag></Space>}>
        {/* eight steps stand in a column on a phone: there the organisers see them, a member the state's tag only */}
        {(!mobile || organiser) && <Steps size="small" direction={mobile ? 'vertical' : 'horizontal'} current={r.progress.stage} status={r.progress.status}
          items={r.progress.stages.map((s) => ({ title: t(s) }))} style={{ marginBottom: 16 }} />}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('协商形式')}>{t(r.formLabel)}</Descriptions.Item>
          <Descriptions.Item label={t('牵头专委会')}>{r.leadCommitteeName}</Descriptions.Item>
          <Descriptions.Item label={t('会议日期')}>{formatDate(r.plannedOn)} {r.plannedTime ?? ''}</Descriptions.Item>
          {r.place && <Descriptions.Item label={t('会议地点')}>{r.place}</Descriptions.Item>}
          {r.partnerUnits.length > 0 && <Descriptions.Item label={t('协办部门')}>{r.partnerUnits.map((u) => u.name).join('、')}</Descriptions.Item>}
          {organiser && <Descriptions.Item label={t('通知期限')}>{formatDate(r.noticeDue)}{r.noticeSentOn && ` · ${t('通知已发')} ${formatDate(r.noticeSentOn)}`}</Descriptions.Item>}
          {organiser && <Descriptions.Item label={t('材料期限')}>{formatDate(r.materialsDue)}{r.materialsSentOn && ` · ${t('材料已发')} ${formatDate(r.materialsSentOn)}`}</Descriptions.Item>}
          {r.outcomeDue && organiser && <Descriptions.Item label={t('成果期限')}>{formatDate(r.outcomeDue)}</Descriptions.Item>}
          {r.sentOn && <Descriptions.Item label={t('报送日期')}>{formatDate(r.sentOn)}</Descriptions.Item>}
        </Descriptions>
        {r.returnReason && <Alert type="warning" showIcon message={`${t('退回理由')}：${r.returnReason}`} style={{ marginTop: 12 }} />}
        {organiser && <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('受邀 {a} 人，确认 {b} 人，请假 {c} 人，已签到 {d} 人，发言 {e} 人', { a: r.counts.members, b: r.counts.confirmed, c: r.counts.leave, d: r.counts.signedIn, e: r.counts.speeches })}
        </Typography.Text>}
        <Space wrap style={{ marginTop: 16 }}>
          <WorkflowActions actions={r.actions} onFire={fire} onConflictReload={reload} />
          {r.can.showSignInCode && <SignInCode id={r.id} />}
        </Space>
      </PageCard>

      {r.me && <MyInvitation r={r} reload={reload} />}
      <Card size="small" title={t('议题背景')}><p style={pre}>{r.topic}</p></Card>
      {organiser && <Participants r={r} reload={reload} />}
      {r.can.arrange && <Speeches r={r} reload={reload} />}
      {r.minutes && <Card size="small" title={t('会议纪要')}><p style={pre}>{r.minutes}</p></Card>}
      {(r.outcomeText || r.can.editOutcome) && <Outcome r={r} reload={reload} />}
      {(r.instructions.length > 0 || r.can.instruct) && <Instructions r={r} reload={reload} />}
      {(r.proposals.length > 0 || r.reports.length > 0 || r.can.link) && <Links r={r} reload={reload} />}
      {/* what other modules show on a meeting's page: the live sessions (网络议政) it hosts */}
      <RecordPanels entityType="consultation" id={r.id} stacked />

      <Card size="small" title={t('办理过程')}>
        {r.history.length === 0 ? <Typography.Text type="secondary">{t('暂无')}</Typography.Text> : (
          <Timeline items={r.history.map((h) => ({ children: <div>{t(h.actionLabel)} → {t(h.toStateLabel)} · {h.actorName} · {formatDateTime(h.at)}{h.note && <div>{h.note}</div>}</div> }))} />
        )}
      </Card>
    </Space>
  );
}

/** The invited member's card: answer the invitation, the written speech, sign-in status. */
function MyInvitation({ r, reload }: { r: ConsultationDetail; reload: Reload }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const me = r.me!;
  const [leaving, setLeaving] = useState(false);
  const [speaking, setSpeaking] = useState(false);
  const [leaveForm] = Form.useForm();
  const [speechForm] = Form.useForm();
  const answer = async (v: { answer: 'confirm' | 'leave'; reason?: string }, form?: typeof leaveForm) => {
    try {
      await api.post(`/api/consultations/${r.id}/answer`, v);
      setLeaving(false);
      void message.success(t(v.answer === 'confirm' ? '确认参会' : '提交请假'));
      reload();
    } catch (e) { if (!form || !applyFormErrors(form, e)) report(e, { onReload: reload }); }
  };
  const speak = async (v: { text: string }) => {
    try {
      await api.put(`/api/consultations/${r.id}/speech`, v);
      setSpeaking(false);
      reload();
    } catch (e) { if (!applyFormErrors(speechForm, e)) report(e, { onReload: reload }); }
  };
  return (
    <Card size="small" title={t('协商会议邀请')} extra={<Tag color={me.status === 'confirmed' ? 'green' : me.status === 'leave_approved' ? 'default' : 'gold'}>{t(me.statusLabel)}</Tag>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {me.status === 'invited' && <Alert type="info" showIcon message={t('您受邀参加本次协商会议')} description={t('请确认是否参会')} />}
        {me.leaveReason && <Typography.Text type="secondary">{t('请假事由')}：{me.leaveReason}</Typography.Text>}
        {r.can.answer && (
          <Space wrap>
            {me.status !== 'confirmed' && <Button type="primary" onClick={() => answer({ answer: 'confirm' })}>{t('确认参会')}</Button>}
            {me.status !== 'leave_requested' && <Button onClick={() => setLeaving(true)}>{t('请假')}</Button>}
          </Space>
        )}
        {me.signedInAt ? <Alert type="success" showIcon message={t('您已签到')} description={t('签到时间：{t}', { t: formatDateTime(me.signedInAt) })} />
          : r.can.signIn ? <Typography.Text type="secondary">{t('会议当天请扫描会场签到码签到')}</Typography.Text> : null}
        {me.speechText && <div><Typography.Text strong>{t('我的书面发言')}</Typography.Text><p style={pre}>{me.speechText}</p></div>}
        {r.can.speak && <Button onClick={() => { speechForm.setFieldsValue({ text: me.speechText ?? '' }); setSpeaking(true); }}>{t(me.speechText ? '修改书面发言' : '提交书面发言')}</Button>}
      </Space>
      <Modal open={leaving} title={t('请假')} onCancel={() => setLeaving(false)} onOk={() => leaveForm.submit()} okText={t('提交请假')} destroyOnHidden>
        <Form form={leaveForm} layout="vertical" onFinish={(v) => answer({ answer: 'leave', reason: v.reason }, leaveForm)}>
          <Form.Item name="reason" label={t('请假事由')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={500} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={speaking} title={t('书面发言')} onCancel={() => setSpeaking(false)} onOk={() => speechForm.submit()} okText={t('提交书面发言')} destroyOnHidden>
        <Form form={speechForm} layout="vertical" onFinish={speak}>
          <Form.Item name="text" label={t('书面发言')} rules={[{ required: true, min: 10 }]}><Input.TextArea rows={10} maxLength={20000} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}


/** The participants: invite (members by committee, sector or one by one; others by name), sign in, leave requests. */
function Participants({ r, reload }: { r: ConsultationDetail; reload: Reload }) {
  const { t } = useI18n();
  const report = useReportError();
  const mobile = useIsMobile();
  const [inviting, setInviting] = useState(false);
  const [form] = Form.useForm();
  const options = useApiQuery<ConsultationOptions>(inviting ? '/api/consultations/options' : null);
  const act = async (run: () => Promise<unknown>) => { try { await run(); reload(); } catch (e) { report(e, { onReload: reload }); } };
  const invite = async (v: { userIds?: string[]; committeeId?: string; sectorId?: string; others?: Array<{ kind: string; name: string; orgId?: string }> }) => {
    try {
      await api.post(`/api/consultations/${r.id}/participants`, { version: r.version, userIds: v.userIds ?? [], committeeId: v.committeeId, sectorId: v.sectorId, others: (v.others ?? []).filter((o) => o?.name) });
      setInviting(false);
      form.resetFields();
      reload();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: reload }); }
  };
  const columns: ColumnsType<Participant> = [
    { title: t('姓名'), dataIndex: 'name', key: 'name', render: (v, p) => <Space size={4} wrap>{v}{p.orgName && <Typography.Text type="secondary">{p.orgName}</Typography.Text>}</Space> },
    { title: t('类别'), dataIndex: 'kindLabel', key: 'kind', width: 110, render: (v) => t(v) },
    { title: t('参会状态'), dataIndex: 'statusLabel', key: 'status', width: 200, render: (v, p) => <Space direction="vertical" size={0}><span>{t(v)}</span>{p.leaveReason && <Typography.Text type="secondary">{p.leaveReason}</Typography.Text>}</Space> },
    {
      title: t('签到'), key: 'signin', width: 170,
      render: (_v, p) => (p.signedInAt ? <Space direction="vertical" size={0}><Tag color="green">{t('已签到')}</Tag><Typography.Text type="secondary">{formatDateTime(p.signedInAt)}{p.signedInByStaff ? ` · ${t('工作人员代签')}` : ''}</Typography.Text></Space>
        : r.can.signInOthers ? <Button size="small" onClick={() => act(() => api.post(`/api/consultations/${r.id}/participants/${p.id}/signin`))}>{t('代为签到')}</Button> : <Tag>{t('未签到')}</Tag>),
    },
    {
      title: t('操作'), key: 'ops', width: 180,
      render: (_v, p) => (
        <Space size={4} wrap>
          {p.status === 'leave_requested' && r.can.edit && <>
            <Button size="small" type="primary" onClick={() => act(() => api.post(`/api/consultations/${r.id}/participants/${p.id}/leave`, { version: p.version, approve: true }))}>{t('准假')}</Button>
            <Button size="small" onClick={() => act(() => api.post(`/api/consultations/${r.id}/participants/${p.id}/leave`, { version: p.version, approve: false }))}>{t('不准假')}</Button>
          </>}
          {r.can.invite && <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('取消邀请')} onClick={() => act(() => api.del(`/api/consultations/${r.id}/participants/${p.id}?version=${r.version}`))} />}
        </Space>
      ),
    },
  ];
  const o = options.data;
  return (
    <Card size="small" title={`${t('参会人员')} (${r.participants.length})`} extra={r.can.invite && <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setInviting(true)}>{t('邀请')}</Button>}>
      <Table<Participant> rowKey="id" size="small" columns={columns} dataSource={r.participants} pagination={r.participants.length > 20 ? { pageSize: 20 } : false} scroll={{ x: 'max-content' }} />
      <Modal open={inviting} title={t('邀请参会')} onCancel={() => setInviting(false)} onOk={() => form.submit()} okText={t('邀请')} width={mobile ? undefined : 760} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={invite}>
          <Space wrap size={16}>
            <Form.Item name="committeeId" label={t('按专委会')}><Select allowClear style={{ width: 240 }} options={(o?.committees ?? []).map((c) => ({ value: c.id, label: c.name }))} /></Form.Item>
            <Form.Item name="sectorId" label={t('按界别')}><Select allowClear style={{ width: 240 }} showSearch optionFilterProp="label" options={(o?.sectors ?? []).map((c) => ({ value: c.id, label: c.name }))} /></Form.Item>
          </Space>
          <Form.Item name="userIds" label={t('逐个选择委员')}><CosignerField wording="members" /></Form.Item>
          <Form.List name="others">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text strong>{t('其他参会人员')}</Typography.Text>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="start">
                    <Form.Item name={[f.name, 'kind']} initialValue="department" noStyle><Select style={{ width: 130 }} options={[{ value: 'department', label: t('部门负责人') }, { value: 'expert', label: t('专家') }, { value: 'public', label: t('特邀群众') }]} /></Form.Item>
                    <Form.Item name={[f.name, 'name']} noStyle rules={[{ required: true }]}><Input placeholder={t('姓名')} style={{ width: 160 }} /></Form.Item>
                    <Form.Item name={[f.name, 'orgId']} noStyle><Select allowClear placeholder={t('所在部门')} style={{ width: 180 }} showSearch optionFilterProp="label" options={(o?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('移出')} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add()}>{t('添加一行')}</Button>
              </Space>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Card>
  );
}

/** The order of speeches: who speaks, oral or written, in which order, with the texts. */
function Speeches({ r, reload }: { r: ConsultationDetail; reload: Reload }) {
  const { t } = useI18n();
  const report = useReportError();
  const initial = r.participants.filter((p) => p.speechOrder !== null).sort((a, b) => a.speechOrder! - b.speechOrder!).map((p) => ({ participantId: p.id, kind: p.speechKind ?? 'oral' }));
  const [order, setOrder] = useState(initial);
  const [adding, setAdding] = useState<string | undefined>();
  const byId = new Map(r.participants.map((p) => [p.id, p]));
  const save = async () => {
    try { await api.put(`/api/consultations/${r.id}/speeches`, { version: r.version, speeches: order }); reload(); } catch (e) { report(e, { onReload: reload }); }
  };
  const candidates = r.participants.filter((p) => !order.some((o) => o.participantId === p.id) && p.status !== 'leave_approved');
  return (
    <Card size="small" title={t('发言顺序')} extra={<Button size="small" type="primary" onClick={save}>{t('保存发言安排')}</Button>}>
      <List size="small" dataSource={order} locale={{ emptyText: t('暂无') }}
        renderItem={(o, i) => {
          const p = byId.get(o.participantId);
          return (
            <List.Item actions={[
              <Button key="up" size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} aria-label={t('上移')} onClick={() => setOrder((s) => { const n = [...s]; [n[i - 1], n[i]] = [n[i], n[i - 1]]; return n; })} />,
              <Button key="rm" size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('移出')} onClick={() => setOrder((s) => s.filter((_, j) => j !== i))} />,
            ]}>
              <Space wrap>
                <span>{i + 1}. {p?.name}</span>
                <Radio.Group size="small" value={o.kind} onChange={(e) => setOrder((s) => s.map((x, j) => (j === i ? { ...x, kind: e.target.value } : x)))}
                  options={[{ value: 'oral', label: t('口头发言') }, { value: 'written', label: t('书面发言') }]} optionType="button" />
                {p?.speechText && <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>{p.speechText}</Typography.Text>}
              </Space>
            </List.Item>
          );
        }} />
      <Space style={{ marginTop: 8 }} wrap>
        <Select style={{ width: 220 }} value={adding} onChange={setAdding} placeholder={t('参会人员')} options={candidates.map((p) => ({ value: p.id, label: `${p.name}${p.speechText ? ` · ${t('书面发言')}` : ''}` }))} />
        <Button icon={<PlusOutlined />} disabled={!adding} onClick={() => { const p = byId.get(adding!); setOrder((s) => [...s, { participantId: adding!, kind: p?.speechText ? 'written' : 'oral' }]); setAdding(undefined); }}>{t('加入发言')}</Button>
      </Space>
    </Card>
  );
}

/** The outcome: its text and recommendations; the organisers edit it while it is drafted. */
function Outcome({ r, reload }: { r: ConsultationDetail; reload: Reload }) {
  const { t } = useI18n();
  const report = useReportError();
  const mobile = useIsMobile();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  const options = useApiQuery<ConsultationOptions>(editing ? '/api/consultations/options' : null);
  const save = async (v: { outcomeKind?: string; outcomeText: string; recommendations?: Array<{ text: string; unitIds: string[]; dueWorkingDays: number }> }) => {
    try {
      await api.put(`/api/consultations/${r.id}/outcome`, { version: r.version, outcomeKind: v.outcomeKind, outcomeText: v.outcomeText, recommendations: v.recommendations ?? [] });
      setEditing(false);
      reload();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: reload }); }
  };
  const open = () => {
    form.setFieldsValue({ outcomeKind: r.outcomeKind ?? undefined, outcomeText: r.outcomeText ?? '', recommendations: r.recommendations.length ? r.recommendations.map((x) => ({ text: x.text, unitIds: x.unitIds, dueWorkingDays: x.dueWorkingDays })) : [{ dueWorkingDays: 30 }] });
    setEditing(true);
  };
  return (
    <Card size="small" title={<Space>{t('协商成果')}{r.outcomeKindLabel && <Tag>{t(r.outcomeKindLabel)}</Tag>}</Space>} extra={r.can.editOutcome && <Button size="small" type="primary" onClick={open}>{t('编辑成果')}</Button>}>
      {r.outcomeText ? <p style={pre}>{r.outcomeText}</p> : <Typography.Text type="secondary">{t('暂无')}</Typography.Text>}
      {r.recommendations.length > 0 && (
        <List size="small" header={<Typography.Text strong>{t('建议')}</Typography.Text>} dataSource={r.recommendations}
          renderItem={(x) => <List.Item><Space direction="vertical" size={0}><span>{x.seq}. {x.text}</span><Typography.Text type="secondary">{t('责任单位')}：{x.unitNames.join('、')} · {t('{n} 个工作日', { n: x.dueWorkingDays })}</Typography.Text></Space></List.Item>} />
      )}
      <Modal open={editing} title={t('编辑成果')} onCancel={() => setEditing(false)} onOk={() => form.submit()} okText={t('保存成果')} width={mobile ? undefined : 860} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="outcomeKind" label={t('成果形式')}><Select style={{ width: 200 }} options={(options.data?.outcomeKinds ?? []).map((k) => ({ value: k.code, label: t(k.label) }))} /></Form.Item>
          <Form.Item name="outcomeText" label={t('成果正文')} rules={[{ required: true, min: 10 }]}><Input.TextArea rows={8} maxLength={50000} /></Form.Item>
          <Form.List name="recommendations">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text strong>{t('建议')}</Typography.Text>
                {fields.map((f, i) => (
                  <Card key={f.key} size="small" title={`${i + 1}`} extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={t('移出')} onClick={() => remove(f.name)} />}>
                    <Form.Item name={[f.name, 'text']} label={t('建议内容')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
                    <Space wrap size={16}>
                      <Form.Item name={[f.name, 'unitIds']} label={t('责任单位')} rules={[{ required: true }]}><Select mode="multiple" style={{ minWidth: 260 }} optionFilterProp="label" options={(options.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
                      <Form.Item name={[f.name, 'dueWorkingDays']} label={t('办理时限（工作日）')} rules={[{ required: true }]}><InputNumber min={1} max={250} /></Form.Item>
                    </Space>
                  </Card>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ dueWorkingDays: 30 })}>{t('添加建议')}</Button>
              </Space>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Card>
  );
}

/** 领导批示 on the sent outcome. */
function Instructions({ r, reload }: { r: ConsultationDetail; reload: Reload }) {
  const { t } = useI18n();
  const report = useReportError();
  const mobile = useIsMobile();
  const [form] = Form.useForm();
  const save = async (v: { by: string; text: string; onDate: dayjs.Dayjs }) => {
    try {
      await api.post(`/api/consultations/${r.id}/instructions`, { version: r.version, by: v.by, text: v.text, onDate: v.onDate.format('YYYY-MM-DD') });
      form.resetFields();
      reload();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: reload }); }
  };
  return (
    <Card size="small" title={t('领导批示')}>
      <List size="small" dataSource={r.instructions} locale={{ emptyText: t('暂无') }}
        renderItem={(i) => <List.Item><Space direction="vertical" size={0}><Typography.Text strong>{i.by} · {formatDate(i.onDate)}</Typography.Text><span>{i.text}</span></Space></List.Item>} />
      {r.can.instruct && (
        // one field under another on a phone, where a row of three runs off the screen
        <Form form={form} layout={mobile ? 'vertical' : 'inline'} onFinish={save} style={{ marginTop: 8, rowGap: 8 }} initialValues={{ onDate: dayjs() }}>
          <Form.Item name="by" label={t('批示领导')} rules={[{ required: true }]}><Input style={mobile ? undefined : { width: 140 }} /></Form.Item>
          <Form.Item name="onDate" label={t('批示日期')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="text" label={t('批示内容')} rules={[{ required: true }]}><Input style={mobile ? undefined : { width: 320 }} /></Form.Item>
          <Form.Item><Button htmlType="submit" type="primary">{t('记录批示')}</Button></Form.Item>
        </Form>
      )}
    </Card>
  );
}

/** The proposals and 社情民意 reports the consultation yielded, picked by number or title. */
function Links({ r, reload }: { r: ConsultationDetail; reload: Reload }) {
  const { t } = useI18n();
  const report = useReportError();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  const save = async (v: { proposalIds?: string[]; reportIds?: string[] }) => {
    try {
      await api.put(`/api/consultations/${r.id}/links`, { version: r.version, proposalIds: v.proposalIds ?? [], reportIds: v.reportIds ?? [] });
      setEditing(false);
      reload();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: reload }); }
  };
  const linkList = (items: ConsultationDetail['proposals']) => items.map((x) => <div key={x.id}>{x.link ? <Link to={x.link}>{x.title}</Link> : x.title}</div>);
  const known = (items: ConsultationDetail['proposals']) => items.map((x) => ({ value: x.id, label: x.title }));
  return (
    <Card size="small" title={t('关联')} extra={r.can.link && <Button size="small" onClick={() => { form.setFieldsValue({ proposalIds: r.proposals.map((x) => x.id), reportIds: r.reports.map((x) => x.id) }); setEditing(true); }}>{t('编辑关联')}</Button>}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('关联提案')}>{r.proposals.length ? linkList(r.proposals) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('关联社情民意')}>{r.reports.length ? linkList(r.reports) : '—'}</Descriptions.Item>
      </Descriptions>
      <Modal open={editing} title={t('编辑关联')} onCancel={() => setEditing(false)} onOk={() => form.submit()} okText={t('保存')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="proposalIds" label={t('关联提案')}><RecordPicker kind="proposal" known={known(r.proposals)} /></Form.Item>
          <Form.Item name="reportIds" label={t('关联社情民意')}><RecordPicker kind="opinion" known={known(r.reports)} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** The sign-in code as a QR code (the kernel's dialog). */
function SignInCode({ id }: { id: string }) {
  const { t } = useI18n();
  return <SignInQr<{ url: string; validOn: string }> codeApi={`/api/consultations/${id}/signin-code`} hint={t('请委员用手机扫码签到（仅今日有效）')} />;
}
