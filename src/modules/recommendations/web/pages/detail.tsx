/**
 * 建议详情: the recommendation (source, 批示, responsible department, due date), where it stands (the step bar), the
 * department's reply with its evidence, the office's assessment, an extension request, and the history. The buttons
 * and forms come from the `actions` and `abilities` the server returns; the page derives no rule. The reply form takes
 * evidence files (uploaded first, then named by the reply). Works at phone width: the department replies on a phone.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, List, Modal, Radio, Result, Skeleton, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import type { RecommendationsDetail } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDate, formatDateTime } from '../../../../kernel/web/components.tsx';
import { WorkflowActions, type RecordAction } from '../../../../kernel/web/workflow-actions.tsx';
import { EvidenceUpload } from '../evidence-upload.tsx';

const pre = { whiteSpace: 'pre-wrap' as const, margin: 0 };
const toDay = (v: any) => (v && typeof v.format === 'function' ? v.format('YYYY-MM-DD') : v);

export default function RecommendationDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { data: r, loading, error, reload } = useApiQuery<RecommendationsDetail>(`/api/recommendations/${id}`);
  const files = useApiQuery<{ items: Array<{ id: string; filename: string }> }>(id ? '/api/attachments' : null, { entityType: 'recommendation', entityId: id });
  const [ext, setExt] = useState<'request' | 'decide' | null>(null);
  const [extForm] = Form.useForm();
  const [instructing, setInstructing] = useState(false);
  const [insForm] = Form.useForm();

  if (error && !r) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/recommendations')}>{t('返回列表')}</Button>} />;
  if (!r) return <PageCard loading={loading}><Skeleton active /></PageCard>;

  // every action goes with the version the page read: a stale one is a 409, and WorkflowActions offers to reload
  const fire = async (a: RecordAction, input: Record<string, unknown>) => {
    const body = { ...input, ...(input.nextDueDate ? { nextDueDate: toDay(input.nextDueDate) } : {}) };
    await api.post(`/api/recommendations/${r.id}/transitions`, { action: a.name, version: r.version, input: body });
    void message.success(t('已{label}', { label: t(a.label) }));
    reload();
    files.reload?.();
  };
  const sendExtension = async (v: Record<string, any>, grant?: boolean) => {
    try {
      if (ext === 'request') await api.post(`/api/recommendations/${r.id}/extension`, { version: r.version, reason: v.reason, dueDate: toDay(v.dueDate) });
      else await api.post(`/api/recommendations/${r.id}/extension/decision`, { version: r.version, grant: !!grant, ...(v.dueDate ? { dueDate: toDay(v.dueDate) } : {}), ...(v.answer ? { answer: v.answer } : {}) });
      setExt(null);
      extForm.resetFields();
      reload();
    } catch (e) { if (!applyFormErrors(extForm, e)) report(e, { onReload: reload }); }
  };

  // 记录批示: who, when, what, on this recommendation or its whole report, with the instruction's document
  const sendInstruction = async (v: Record<string, any>) => {
    try {
      await api.post(`/api/recommendations/${r.id}/instructions`, {
        version: r.version, by: v.by, text: v.text, onDate: toDay(v.onDate), scope: v.scope ?? 'recommendation', ...(v.documentIds?.[0] ? { documentId: v.documentIds[0] } : {}),
      });
      setInstructing(false);
      insForm.resetFields();
      void message.success(t('已记录批示'));
      reload();
      files.reload?.();
    } catch (e) { if (!applyFormErrors(insForm, e)) report(e, { onReload: reload }); }
  };
  // the evidence of the reply: the recommendation's files but for the 批示件 recorded here (shown with their 批示)
  const instructionDocs = new Set(r.instructions.map((i) => i.documentId).filter(Boolean));
  const evidence = (files.data?.items ?? []).filter((f) => !instructionDocs.has(f.id));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard wrapTitle title={r.text} extra={<Space size={4}><Tag color={r.stateTone}>{t(r.stateLabel)}</Tag>{r.overdue && <Tag color="red">{t('超期')}</Tag>}</Space>}>
        <Steps size="small" direction={mobile ? 'vertical' : 'horizontal'} current={r.progress.stage} status={r.progress.status}
          items={r.progress.stages.map((s) => ({ title: t(s) }))} style={{ marginBottom: 16 }} />
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('来源')}><Space size={4} wrap><Tag>{t(r.sourceTypeLabel)}</Tag>{r.sourceLink ? <Link to={r.sourceLink}>{r.sourceTitle}</Link> : r.sourceTitle}</Space></Descriptions.Item>
          <Descriptions.Item label={t('建议序号')}>{r.itemKey}</Descriptions.Item>
          <Descriptions.Item label={t('责任单位')}>{r.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('反馈期限')}>{r.dueDate ? <Typography.Text type={r.overdue ? 'danger' : undefined}>{formatDate(r.dueDate)}</Typography.Text> : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('交办人')}>{r.requestedByName}</Descriptions.Item>
          {r.siblings.length > 0 && <Descriptions.Item label={t('同一建议的其他责任单位')}>{r.siblings.map((s) => s.unitName).join('、')}</Descriptions.Item>}
        </Descriptions>
        {r.instructions.map((i) => (
          <Alert key={i.id} type="info" showIcon style={{ marginTop: 12 }} data-testid="instruction"
            message={`${t('批示')}（${i.by} ${formatDate(i.onDate)} · ${t(i.scopeLabel)}）`}
            description={<>{i.text}{i.documentId && (
              // the document is named for what it is (批示件), whose and of which day, never by the file's name
              <div><a href={`/api/attachments/${i.documentId}`} target="_blank" rel="noreferrer" data-testid="instruction-document">
                <PaperClipOutlined /> {t('批示件（{by}，{date}）', { by: i.by, date: formatDate(i.onDate) })}
              </a></div>
            )}</>} />
        ))}
        {r.returnReason && <Alert type="warning" showIcon message={t('退回理由：{r}', { r: r.returnReason })} style={{ marginTop: 12 }} />}
        {r.extension && <Alert type={r.extension.state === 'refused' ? 'error' : r.extension.state === 'granted' ? 'success' : 'warning'} showIcon style={{ marginTop: 12 }}
          message={t('延期申请：{s}', { s: t(r.extension.stateLabel) })}
          description={<>{r.extension.reason}{r.extension.dueDate && ` → ${formatDate(r.extension.dueDate)}`}{r.extension.answer && <div>{t('审核意见')}：{r.extension.answer}</div>}</>} />}
        <Space wrap style={{ marginTop: 16, width: mobile ? '100%' : undefined }}>
          <WorkflowActions actions={r.actions} onFire={fire} onConflictReload={reload} block={mobile}
            renderField={(f) => (f.name === 'attachmentIds' ? <EvidenceUpload /> : f.name === 'nextDueDate' ? <DatePicker /> : undefined)} />
          {r.abilities.requestExtension && <Button size="large" onClick={() => setExt('request')} data-action="request_extension">{t('申请延期')}</Button>}
          {r.abilities.decideExtension && <Button size="large" onClick={() => setExt('decide')} data-action="decide_extension">{t('审核延期')}</Button>}
          {r.abilities.recordInstruction && <Button size="large" onClick={() => setInstructing(true)} data-action="record_instruction">{t('记录批示')}</Button>}
        </Space>
      </PageCard>

      {(r.feedback || evidence.length > 0) && (
        <Card size="small" title={`${t('落实情况')}${r.repliedAt ? ` · ${formatDateTime(r.repliedAt)}` : ''}`}>
          {r.feedback && <p style={pre}>{r.feedback}</p>}
          {evidence.length > 0 && (
            <List size="small" header={t('佐证材料')} dataSource={evidence}
              renderItem={(f) => <List.Item><a href={`/api/attachments/${f.id}`} target="_blank" rel="noreferrer"><PaperClipOutlined /> {f.filename}</a></List.Item>} />
          )}
        </Card>
      )}
      {(r.assessment || r.notDoneReason) && (
        <Card size="small" title={t('评估意见')}>
          {r.assessment && <p style={pre}>{r.assessment}</p>}
          {r.notDoneReason && <p style={pre}>{t('未落实原因')}：{r.notDoneReason}</p>}
        </Card>
      )}

      <Card size="small" title={t('办理过程')}>
        {r.history.length === 0 ? <Typography.Text type="secondary">{t('暂无')}</Typography.Text> : (
          <Timeline items={r.history.map((h) => ({ children: <div>{t(h.actionLabel)} → {t(h.toStateLabel)} · {h.actorName} · {formatDateTime(h.at)}{h.note && <div style={pre}>{h.note}</div>}</div> }))} />
        )}
      </Card>

      <Modal open={instructing} title={t('记录批示')} onCancel={() => setInstructing(false)} onOk={() => insForm.submit()} okText={t('提交')} cancelText={t('取消')} destroyOnHidden>
        <Form form={insForm} layout="vertical" onFinish={sendInstruction} initialValues={{ scope: 'recommendation' }}>
          <Form.Item name="by" label={t('批示领导')} rules={[{ required: true, min: 2 }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="onDate" label={t('批示日期')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="text" label={t('批示内容')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          <Form.Item name="scope" label={t('批示范围')}>
            <Radio.Group options={[{ value: 'recommendation', label: t('本条建议') }, { value: 'source', label: t('整份报告') }]} />
          </Form.Item>
          <Form.Item name="documentIds" label={t('批示件')}><EvidenceUpload label="上传批示件" /></Form.Item>
        </Form>
      </Modal>

      <Modal open={ext !== null} title={t(ext === 'request' ? '申请延期' : '审核延期')} onCancel={() => setExt(null)} destroyOnHidden
        footer={ext === 'request'
          ? [<Button key="c" onClick={() => setExt(null)}>{t('取消')}</Button>, <Button key="ok" type="primary" onClick={() => extForm.submit()}>{t('提交')}</Button>]
          : [<Button key="c" onClick={() => setExt(null)}>{t('取消')}</Button>,
            <Button key="no" danger onClick={() => void extForm.validateFields().then((v) => sendExtension(v, false))}>{t('不同意延期')}</Button>,
            <Button key="ok" type="primary" onClick={() => void extForm.validateFields().then((v) => sendExtension(v, true))}>{t('同意延期')}</Button>]}>
        <Form form={extForm} layout="vertical" onFinish={(v) => sendExtension(v)}>
          {ext === 'request' ? (
            <>
              <Form.Item name="reason" label={t('延期理由')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
              <Form.Item name="dueDate" label={t('申请延至')} rules={[{ required: true }]}><DatePicker /></Form.Item>
            </>
          ) : (
            <>
              {r.extension && <Alert type="info" message={`${r.extension.reason ?? ''}${r.extension.dueDate ? ` → ${formatDate(r.extension.dueDate)}` : ''}`} style={{ marginBottom: 12 }} />}
              <Form.Item name="dueDate" label={t('延至')}><DatePicker /></Form.Item>
              <Form.Item name="answer" label={t('审核意见')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
