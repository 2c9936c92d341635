/**
 * 新闻: a new item's form (/news/new) or one item — its sanitised body as the public will read it, where it stands
 * (the step bar), the caller's actions (from the server's `actions`: 提交审核, 审核发布, 退回修改, 撤回, 重新编辑),
 * editing while it is the author's draft, the WeChat export and the history.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Result, Select, Skeleton, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import type { NewsDetail } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDate, formatDateTime } from '../../../../kernel/web/components.tsx';
import { WorkflowActions, type RecordAction } from '../../../../kernel/web/workflow-actions.tsx';
import { RichText, RichTextEditor, richTextCss } from '../rich-text.tsx';
import type { NewsOptions } from './list.tsx';

interface FormValues { column: string; title: string; summary?: string; body: string; channels: string[] }

function NewsForm({ initial, onSave, onCancel }: { initial?: Partial<FormValues>; onSave: (v: FormValues, form: ReturnType<typeof Form.useForm<FormValues>>[0]) => Promise<void>; onCancel: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const options = useApiQuery<NewsOptions>('/api/news/options');
  const [saving, setSaving] = useState(false);
  return (
    <Form<FormValues> form={form} layout="vertical" initialValues={{ column: 'headlines', channels: ['website', 'wechat'], ...initial }}
      onFinish={async (v) => { setSaving(true); try { await onSave(v, form); } finally { setSaving(false); } }}>
      <Form.Item name="title" label={t('标题')} rules={[{ required: true, min: 2, message: t('请输入标题') }]}><Input maxLength={200} /></Form.Item>
      <Space wrap size={[16, 0]} style={{ width: '100%' }}>
        <Form.Item name="column" label={t('栏目')} rules={[{ required: true }]}><Select style={{ minWidth: 160 }} options={(options.data?.columns ?? []).map((c) => ({ value: c.code, label: t(c.label) }))} /></Form.Item>
        <Form.Item name="channels" label={t('发布渠道')} rules={[{ required: true, type: 'array', min: 1, message: t('至少选择一个发布渠道') }]}>
          <Checkbox.Group options={(options.data?.channels ?? []).map((c) => ({ value: c.code, label: t(c.label) }))} />
        </Form.Item>
      </Space>
      <Form.Item name="summary" label={t('摘要')}><Input.TextArea rows={2} maxLength={300} placeholder={t('不填则取正文开头')} /></Form.Item>
      <Form.Item name="body" label={t('正文')} rules={[{ required: true, message: t('请输入正文') }]}><RichTextEditor /></Form.Item>
      <Space><Button type="primary" htmlType="submit" loading={saving}>{t('保存')}</Button><Button onClick={onCancel}>{t('取消')}</Button></Space>
    </Form>
  );
}

export function NewsCreatePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const report = useReportError();
  return (
    <PageCard title={t('撰写新闻')}>
      <style>{richTextCss}</style>
      <NewsForm onCancel={() => navigate('/news')} onSave={async (v, form) => {
        try {
          const r = await api.post<NewsDetail>('/api/news', v);
          navigate(`/news/${r.id}`, { replace: true });
        } catch (e) { if (!applyFormErrors(form, e)) report(e); }
      }} />
    </PageCard>
  );
}

export default function NewsDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { data: r, loading, error, reload } = useApiQuery<NewsDetail>(`/api/news/${id}`);
  const [editing, setEditing] = useState(false);

  if (error && !r) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/news')}>{t('返回列表')}</Button>} />;
  if (!r) return <PageCard loading={loading}><Skeleton active /></PageCard>;

  const fire = async (a: RecordAction, input: Record<string, unknown>) => {
    await api.post(`/api/news/${r.id}/transitions`, { action: a.name, version: r.version, input });
    void message.success(t('已{label}', { label: t(a.label) }));
    reload();
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <style>{richTextCss}</style>
      <PageCard wrapTitle title={r.title} extra={<Tag color={r.stateTone}>{t(r.stateLabel)}</Tag>}>
        <Steps size="small" direction={mobile ? 'vertical' : 'horizontal'} current={r.progress.stage} status={r.progress.status}
          items={r.progress.stages.map((s) => ({ title: t(s) }))} style={{ marginBottom: 16 }} />
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('栏目')}>{t(r.columnLabel)}</Descriptions.Item>
          <Descriptions.Item label={t('发布渠道')}>{r.channels.map((c) => t(c === 'website' ? '门户网站' : '微信公众号')).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('作者')}>{r.ownerName}</Descriptions.Item>
          {r.reviewerName && <Descriptions.Item label={t('审核人')}>{r.reviewerName}</Descriptions.Item>}
          {r.publishedOn && <Descriptions.Item label={t('发布日期')}>{formatDate(r.publishedOn)}</Descriptions.Item>}
        </Descriptions>
        {r.returnReason && r.state !== 'published' && <Alert type="warning" showIcon message={t('退回或撤回理由：{r}', { r: r.returnReason })} style={{ marginTop: 12 }} />}
        <Space wrap style={{ marginTop: 16 }}>
          <WorkflowActions actions={r.actions} onFire={fire} onConflictReload={reload} />
          {r.canEdit && !editing && <Button onClick={() => setEditing(true)}>{t('修改')}</Button>}
          {r.canExport && <Button icon={<DownloadOutlined />} href={`/api/news/${r.id}/wechat.html`} download>{t('导出公众号版')}</Button>}
        </Space>
      </PageCard>

      {editing ? (
        <Card size="small" title={t('修改')}>
          <NewsForm initial={{ column: r.column, title: r.title, summary: r.summary, body: r.body, channels: r.channels }} onCancel={() => setEditing(false)}
            onSave={async (v, form) => {
              try {
                await api.patch(`/api/news/${r.id}`, { version: r.version, ...v });
                setEditing(false);
                reload();
              } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: reload }); }
            }} />
        </Card>
      ) : (
        <Card size="small" title={t('正文')}><article data-testid="news-body"><RichText html={r.body} /></article></Card>
      )}

      <Card size="small" title={t('审核过程')}>
        {r.history.length === 0 ? <Typography.Text type="secondary">{t('暂无')}</Typography.Text> : (
          <Timeline items={r.history.map((h) => ({ children: <div>{t(h.actionLabel)} → {t(h.toStateLabel)} · {h.actorName} · {formatDateTime(h.at)}{h.note && <div>{h.note}</div>}</div> }))} />
        )}
      </Card>
    </Space>
  );
}
