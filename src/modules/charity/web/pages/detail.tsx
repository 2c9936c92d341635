/**
 * 公益详情: where the record stands (the lifecycle's step bar), its text, the caller's actions (the buttons and forms
 * come from the `actions` the server returns; the page derives no rule), editing while it is the owner's, and the history.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Result, Skeleton, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { CharityDetail } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDate, formatDateTime } from '../../../../kernel/web/components.tsx';
import { WorkflowActions, type RecordAction } from '../../../../kernel/web/workflow-actions.tsx';

const pre = { whiteSpace: 'pre-wrap' as const, margin: 0 };

export default function CharityDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { data: r, loading, error, reload } = useApiQuery<CharityDetail>(`/api/charity/${id}`);
  const [editing, setEditing] = useState(false);
  const [editForm] = Form.useForm();

  if (error && !r) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/charity')}>{t('返回列表')}</Button>} />;
  if (!r) return <PageCard loading={loading}><Skeleton active /></PageCard>;

  // every action goes with the version the page read: a stale one is a 409, and WorkflowActions offers to reload
  const fire = async (a: RecordAction, input: Record<string, unknown>) => {
    await api.post(`/api/charity/${r.id}/transitions`, { action: a.name, version: r.version, input });
    void message.success(t('已{label}', { label: t(a.label) }));
    reload();
  };
  const saveEdit = async (v: { title: string; body: string }) => {
    try {
      await api.patch(`/api/charity/${r.id}`, { version: r.version, ...v });
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
          <Descriptions.Item label={t('提交人')}>{r.ownerName}</Descriptions.Item>
          <Descriptions.Item label={t('创建时间')}>{formatDateTime(r.createdAt)}</Descriptions.Item>
          {r.dueDate && <Descriptions.Item label={t('办理期限')}>{formatDate(r.dueDate)}</Descriptions.Item>}
        </Descriptions>
        {r.returnReason && r.state === 'returned' && <Alert type="warning" showIcon message={t('退回理由：{r}', { r: r.returnReason })} style={{ marginTop: 12 }} />}
        <Space wrap style={{ marginTop: 16 }}>
          <WorkflowActions actions={r.actions} onFire={fire} onConflictReload={reload} />
          {r.canEdit && <Button onClick={() => { editForm.setFieldsValue({ title: r.title, body: r.body }); setEditing(true); }}>{t('修改')}</Button>}
        </Space>
      </PageCard>

      <Card size="small" title={t('内容')}><p style={pre}>{r.body}</p></Card>
      {r.result && <Card size="small" title={t('办理结果')}><p style={pre}>{r.result}</p></Card>}

      <Card size="small" title={t('办理过程')}>
        {r.history.length === 0 ? <Typography.Text type="secondary">{t('暂无')}</Typography.Text> : (
          <Timeline items={r.history.map((h) => ({ children: <div>{t(h.actionLabel)} → {t(h.toStateLabel)} · {h.actorName} · {formatDateTime(h.at)}{h.note && <div>{h.note}</div>}</div> }))} />
        )}
      </Card>

      <Modal open={editing} title={t('修改')} onCancel={() => setEditing(false)} onOk={() => editForm.submit()} okText={t('保存')} width={mobile ? undefined : 720}>
        <Form form={editForm} layout="vertical" onFinish={saveEdit}>
          <Form.Item name="title" label={t('标题')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="body" label={t('内容')} rules={[{ required: true }]}><Input.TextArea rows={8} maxLength={5000} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
