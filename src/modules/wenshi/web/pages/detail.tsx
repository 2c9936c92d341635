/**
 * 文史资料详情: the step bar, the metadata (时期、地点、人物、主题; the contributor's contact for 文史委 staff only), the
 * current text, photos and scans, the original (原稿) and each editor's revision (修改记录), the history, and the caller's
 * actions (from the server's `actions`: 开始审核, 采用, 不予采用, 编辑修改 with the current text filled in, 选入辑刊
 * choosing an issue being edited and a section). Whatever a contributor wrote is rendered as text, never as markup.
 */
import { useState } from 'react';
import { Alert, App, AutoComplete, Button, Card, Collapse, Descriptions, Form, Image, Input, List, Modal, Result, Select, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import type { WenshiDetail } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { LifecycleSteps } from '../../../../kernel/web/lifecycle-steps.tsx';
import { WorkflowActions, type RecordAction } from '../../../../kernel/web/workflow-actions.tsx';

const pre = { whiteSpace: 'pre-wrap' as const, margin: 0, lineHeight: 1.9 };

interface Options { sections: string[]; issues: Array<{ id: string; label: string; published: boolean }> }

export default function WenshiDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { data: r, loading, error, reload } = useApiQuery<WenshiDetail>(`/api/wenshi/${id}`);
  const canSelect = !!r?.actions.some((a) => a.name === 'select');
  const options = useApiQuery<Options>(canSelect ? '/api/wenshi/options' : null);
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [editForm] = Form.useForm();

  if (error && !r) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/wenshi/archive')}>{t('返回列表')}</Button>} />;
  if (!r) return <PageCard loading={loading}><Skeleton active /></PageCard>;

  const fire = async (a: RecordAction, input: Record<string, unknown>) => {
    await api.post(`/api/wenshi/${r.id}/transitions`, { action: a.name, version: r.version, input });
    void message.success(t('已{label}', { label: t(a.label) }));
    reload();
  };
  const edit = r.actions.find((a) => a.name === 'edit');
  const saveEdit = async (v: Record<string, unknown>) => {
    setSaving(true);
    try {
      await api.post(`/api/wenshi/${r.id}/transitions`, { action: 'edit', version: r.version, input: v });
      setEditing(false);
      void message.success(t('已保存修改'));
      reload();
    } catch (e) { if (!applyFormErrors(editForm, e)) report(e, { onReload: reload }); } finally { setSaving(false); }
  };
  const issueOptions = (options.data?.issues ?? []).filter((i) => !i.published).map((i) => ({ value: i.id, label: i.label }));
  const images = r.attachments.filter((a) => a.mime.startsWith('image/'));
  const others = r.attachments.filter((a) => !a.mime.startsWith('image/'));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard wrapTitle title={r.title} extra={<Tag color={r.stateTone}>{t(r.stateLabel)}</Tag>}>
        <LifecycleSteps progress={r.progress} testId="wenshi-steps" />
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('投稿人')}>{r.contributorName}{r.source === 'public' && <Tag style={{ marginLeft: 6 }}>{t('社会公众')}</Tag>}</Descriptions.Item>
          {r.contributorContact !== undefined && <Descriptions.Item label={t('联系方式')}>{r.contributorContact ?? '—'}</Descriptions.Item>}
          <Descriptions.Item label={t('投稿时间')}>{formatDateTime(r.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('时期')}>{r.period ? t(r.period) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('地点')}>{r.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('人物')}>{r.people ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('主题')}>{r.topic ?? '—'}</Descriptions.Item>
          {r.issueId && <Descriptions.Item label={t('辑刊')}><Link to={`/wenshi/issues/${r.issueId}`}>{r.issueLabel}</Link>{r.section && ` · ${r.section}`}</Descriptions.Item>}
        </Descriptions>
        {r.declineReason && r.state === 'declined' && <Alert type="warning" showIcon title={t('不予采用理由：{r}', { r: r.declineReason })} style={{ marginTop: 12 }} />}
        <Space wrap style={{ marginTop: 16 }}>
          <WorkflowActions actions={r.actions.filter((a) => a.name !== 'edit')} onFire={fire} onConflictReload={reload}
            renderField={(f, a) => {
              if (a.name !== 'select') return undefined;
              if (f.name === 'issueId') return <Select options={issueOptions} placeholder={t('选择编辑中的辑刊')} data-testid="wenshi-issue-select" />;
              if (f.name === 'section') return <AutoComplete options={(options.data?.sections ?? []).map((s) => ({ value: s }))} placeholder={t('如：红色记忆')} data-testid="wenshi-section" />;
              return undefined;
            }} />
          {edit && <Button size="large" onClick={() => { editForm.setFieldsValue({ title: r.title, body: r.body, note: '' }); setEditing(true); }} data-action="edit">{t(edit.label)}</Button>}
        </Space>
      </PageCard>

      <Card size="small" title={t('正文')}><Typography.Paragraph style={pre}>{r.body}</Typography.Paragraph></Card>

      {r.attachments.length > 0 && (
        <Card size="small" title={t('照片和扫描件')}>
          {images.length > 0 && <Image.PreviewGroup><Space wrap>{images.map((a) => <Image key={a.id} width={mobile ? 140 : 180} src={`/api/attachments/${a.id}`} alt={a.filename} />)}</Space></Image.PreviewGroup>}
          {others.length > 0 && <List size="small" dataSource={others} renderItem={(a) => <List.Item><a href={`/api/attachments/${a.id}`} target="_blank" rel="noreferrer"><PaperClipOutlined /> {a.filename}</a></List.Item>} />}
        </Card>
      )}

      {r.revisions.length > 0 && (
        <Card size="small" title={t('原稿与修改记录')}>
          <Collapse size="small" items={[
            { key: 'original', label: t('原稿'), children: <><Typography.Text strong>{r.originalTitle}</Typography.Text><Typography.Paragraph style={pre}>{r.originalBody}</Typography.Paragraph></> },
            ...r.revisions.map((v) => ({
              key: String(v.no), label: `${t('第{n}次修改', { n: v.no })} · ${v.editorName} · ${formatDateTime(v.at)}${v.note ? ` · ${v.note}` : ''}`,
              children: <><Typography.Text strong>{v.title}</Typography.Text><Typography.Paragraph style={pre}>{v.body}</Typography.Paragraph></>,
            })),
          ]} />
        </Card>
      )}

      <Card size="small" title={t('办理过程')}>
        <Timeline items={r.history.map((h) => ({ children: <div>{t(h.actionLabel)} → {t(h.toStateLabel)} · {h.actorName} · {formatDateTime(h.at)}{h.note && <div>{h.note}</div>}</div> }))} />
      </Card>

      <Modal open={editing} title={t('编辑修改')} onCancel={() => setEditing(false)} onOk={() => editForm.submit()} okText={t('保存')} confirmLoading={saving} width={mobile ? undefined : 860} destroyOnHidden>
        <Alert type="info" showIcon title={t('每次保存都留有修改记录，原稿不变。')} style={{ marginBottom: 12 }} />
        <Form form={editForm} layout="vertical" onFinish={saveEdit}>
          <Form.Item name="title" label={t('标题')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="body" label={t('正文')} rules={[{ required: true }]}><Input.TextArea rows={14} maxLength={50_000} /></Form.Item>
          <Form.Item name="note" label={t('修改说明')}><Input maxLength={500} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
