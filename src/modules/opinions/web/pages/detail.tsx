/**
 * 信息详情: where the report stands, the submitted and current text side by side, every revision, adoptions and
 * instructions from every level, the history, and the caller's actions (录用/留存/退回/核稿, edit, send up, record events).
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Collapse, Descriptions, Form, Input, Modal, Result, Row, Select, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import type { ReportDetail } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { WorkflowActions, type RecordAction } from '../../../../kernel/web/workflow-actions.tsx';
import { LifecycleSteps } from '../../../../kernel/web/lifecycle-steps.tsx';
import { StateTag, useOpinionOptions } from '../shared.tsx';
import { useSession } from '../../../../kernel/web/session.tsx';
import { SimilarItems } from '../../../text/web/index.tsx';
import { RecordPanels } from '../../../../kernel/web/record-panels.tsx';

const pre = { whiteSpace: 'pre-wrap' as const, margin: 0 };

export default function OpinionDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const options = useOpinionOptions();
  const session = useSession();
  const { data: r, loading, error, reload } = useApiQuery<ReportDetail>(`/api/opinions/${id}`);
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState(false);
  const [editForm] = Form.useForm();
  const [eventForm] = Form.useForm();
  const kind = Form.useWatch('kind', eventForm);

  if (error && !r) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/opinions')}>{t('返回列表')}</Button>} />;
  if (!r) return <PageCard loading={loading}><Skeleton active /></PageCard>;

  const fire = async (a: RecordAction, input: Record<string, unknown>) => {
    await api.post(`/api/opinions/${r.id}/transitions`, { action: a.name, version: r.version, input });
    void message.success(t('已{label}', { label: t(a.label) }));
    reload();
  };
  const saveEdit = async (v: { title: string; body: string; note?: string }) => {
    try {
      await api.patch(`/api/opinions/${r.id}`, { version: r.version, ...v });
      setEditing(false);
      reload();
    } catch (e) { if (!applyFormErrors(editForm, e)) report(e, { onReload: reload }); }
  };
  const sendUp = async () => {
    try { await api.post(`/api/opinions/${r.id}/send-up`, { version: r.version }); void message.success(t('已向上级报送')); reload(); } catch (e) { report(e, { onReload: reload }); }
  };
  const saveEvent = async (v: Record<string, unknown>) => {
    try {
      await api.post(`/api/opinions/${r.id}/events`, Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')));
      setRecording(false);
      eventForm.resetFields();
      reload();
    } catch (e) { if (!applyFormErrors(eventForm, e)) report(e); }
  };
  const levelOptions = (options.data?.levels ?? []).map((l) => ({ value: l.code, label: t(l.label) }));
  const changed = r.submittedBody !== r.body || r.submittedTitle !== r.title;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard wrapTitle title={<Space wrap>{r.urgent && <Tag color="red">{t('急事急报')}</Tag>}<span>{r.title}</span></Space>} extra={<StateTag label={r.stateLabel} tone={r.stateTone} />}>
        {/* where the report stands on its road (报送 → 处理 → 核稿 → 编期 → 刊发), as its lifecycle's states say */}
        <div style={{ marginBottom: 16 }}><LifecycleSteps progress={r.progress} testId="opinion-steps" /></div>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('报送人')}>{r.submitterName}</Descriptions.Item>
          {r.submitterOrgName && <Descriptions.Item label={t('报送单位')}>{r.submitterOrgName}</Descriptions.Item>}
          <Descriptions.Item label={t('报送时间')}>{formatDateTime(r.submittedAt)}</Descriptions.Item>
          {r.sourceTenantName && <Descriptions.Item label={t('下级报送')}>{r.sourceTenantName}</Descriptions.Item>}
          {r.issueNumber && <Descriptions.Item label={t('期号')}>{r.issueNumber}</Descriptions.Item>}
          {r.sentUpTo && <Descriptions.Item label={t('已报送')}>{r.sentUpTo}</Descriptions.Item>}
          {r.topic && <Descriptions.Item label={t('所答选题')}>{r.topicId ? <Link to={`/opinions/topics/${r.topicId}`}>{r.topic}</Link> : r.topic}</Descriptions.Item>}
        </Descriptions>
        {r.returnReason && r.state === 'returned' && <Alert type="warning" showIcon message={t('退回理由：{r}', { r: r.returnReason })} style={{ marginTop: 12 }} />}
        {r.lengthWarning && <Alert type="info" showIcon message={r.lengthWarning} style={{ marginTop: 12 }} />}
        <Space wrap style={{ marginTop: 16 }}>
          <WorkflowActions actions={r.actions} onFire={fire} onConflictReload={reload} />
          {r.abilities.edit && <Button onClick={() => { editForm.setFieldsValue({ title: r.title, body: r.body, note: '' }); setEditing(true); }}>{t('修改')}</Button>}
          {r.abilities.sendUp && <Button onClick={sendUp}>{t('向上级报送')}</Button>}
          {r.abilities.recordEvent && <Button onClick={() => setRecording(true)}>{t('登记采用与批示')}</Button>}
        </Space>
      </PageCard>

      <Row gutter={[16, 16]}>
        {changed && (
          <Col xs={24} lg={12}>
            <Card size="small" title={t('原稿')}><Typography.Title level={5}>{r.submittedTitle}</Typography.Title><p style={pre}>{r.submittedBody}</p></Card>
          </Col>
        )}
        <Col xs={24} lg={changed ? 12 : 24}>
          <Card size="small" title={changed ? t('现稿') : t('正文')}><Typography.Title level={5}>{r.title}</Typography.Title><p style={pre}>{r.body}</p></Card>
        </Col>
      </Row>

      {session.can('text.use') && (
        <Card size="small" title={t('同一事项与相似的提案')} data-testid="same-matter-proposals">
          <SimilarItems text={`${r.title}\n${r.body}`} source="proposal" record={{ source: 'report', refId: r.id }} title={false} limit={5} />
        </Card>
      )}

      <Card size="small" title={t('采用与批示')}>
        {r.events.length === 0 ? <Typography.Text type="secondary">{t('暂无')}</Typography.Text> : (
          <Timeline items={r.events.map((e) => ({
            color: e.kind === 'instruction' ? 'red' : 'green',
            children: <div><strong>{e.tenantName} · {t(e.levelLabel)}{t(e.kindLabel)}</strong>{e.points > 0 && <Tag style={{ marginLeft: 8 }}>{t('{n} 分', { n: e.points })}</Tag>}
              {e.department && <div>{e.department}</div>}{e.text && <div>{e.text}</div>}<Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text></div>,
          }))} />
        )}
      </Card>

      {/* what other modules show on a report's page (关联协商) */}
      <RecordPanels entityType="opinion" id={r.id} stacked />

      <Collapse items={[
        { key: 'h', label: t('办理过程'), children: <Timeline items={r.history.map((h) => ({ children: <div>{t(h.actionLabel)} · {h.actorName} · {formatDateTime(h.at)}{h.note && <div>{h.note}</div>}</div> }))} /> },
        { key: 'v', label: t('修改记录（{n}）', { n: r.revisions.length }), children: <Timeline items={r.revisions.map((v) => ({ children: <div>{t('第 {n} 稿', { n: v.seq })} · {v.editorName} · {formatDateTime(v.at)}{v.note && ` · ${v.note}`}<div><strong>{v.title}</strong></div><p style={pre}>{v.body}</p></div> }))} /> },
      ]} />

      <Modal open={editing} title={t('修改信息')} onCancel={() => setEditing(false)} onOk={() => editForm.submit()} okText={t('保存')} width={760}>
        <Form form={editForm} layout="vertical" onFinish={saveEdit}>
          <Form.Item name="title" label={t('标题')} rules={[{ required: true, min: 4 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="body" label={t('正文')} rules={[{ required: true, min: 10 }]}><Input.TextArea rows={12} /></Form.Item>
          <Form.Item name="note" label={t('修改说明')}><Input maxLength={500} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={recording} title={t('登记采用与批示')} onCancel={() => setRecording(false)} onOk={() => eventForm.submit()} okText={t('登记')}>
        <Form form={eventForm} layout="vertical" onFinish={saveEvent} initialValues={{ kind: 'adoption', adoptionType: 'single' }}>
          <Form.Item name="kind" label={t('事件类型')}><Select options={[{ value: 'adoption', label: t('采用') }, { value: 'instruction', label: t('领导批示') }, { value: 'forwarded', label: t('转送部门') }, { value: 'feedback', label: t('部门反馈') }]} /></Form.Item>
          <Form.Item name="level" label={t('层级（默认本级）')}><Select allowClear options={levelOptions} /></Form.Item>
          {kind === 'adoption' && <Form.Item name="adoptionType" label={t('采用方式')}><Select options={[{ value: 'single', label: t('单篇采用') }, { value: 'composite', label: t('综合采用') }]} /></Form.Item>}
          {kind === 'instruction' && <Form.Item name="leaderLevel" label={t('批示领导层级')} rules={[{ required: true }]}><Select options={levelOptions} /></Form.Item>}
          {(kind === 'forwarded' || kind === 'feedback') && <Form.Item name="department" label={t('部门')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>}
          {kind !== 'adoption' && <Form.Item name="text" label={t('内容')}><Input.TextArea rows={4} maxLength={5000} /></Form.Item>}
        </Form>
      </Modal>
    </Space>
  );
}
