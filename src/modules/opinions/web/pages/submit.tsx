/** 报送社情民意: one matter per report (一事一报), an urgent flag (急事急报), a length guide shown as a gentle warning; phone-friendly. */
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Select, Switch, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import type { ReportDetail, TopicItem } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';
import { countChars, useOpinionOptions } from '../shared.tsx';

export default function OpinionSubmitPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const options = useOpinionOptions();
  const guide = options.data?.lengthGuide ?? 1500;
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  // 选题研判: the open topics a report may answer (a topic page links here with ?topicId=); another module may offer a
  // draft with ?title=&body= (网络征集: a free-text answer), which the submitter edits before sending
  const [params] = useSearchParams();
  const topics = useApiQuery<{ items: TopicItem[] }>('/api/opinions/topics', { status: 'open', pageSize: 100 });
  const answerable = (topics.data?.items ?? []).filter((x) => x.canAnswer);
  const body: string = Form.useWatch('body', form) ?? '';
  const n = countChars(body);

  const submit = async (v: { title: string; body: string; urgent?: boolean; topicId?: string }) => {
    setBusy(true);
    try {
      const r = await api.post<ReportDetail>('/api/opinions', { ...v, urgent: !!v.urgent, topicId: v.topicId || undefined });
      void message.success(r.lengthWarning ? t('已报送。{w}', { w: r.lengthWarning }) : t('已报送，研究中心将尽快处理'));
      navigate(`/opinions/${r.id}`);
    } catch (e) {
      if (!applyFormErrors(form, e)) report(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageCard title={t('报送社情民意信息')}>
      <Typography.Paragraph type="secondary">{t('一事一报：每条信息只反映一件事。标题写成「关于……的建议」，正文写清问题和建议，约 {n} 字。', { n: guide })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 760 }} initialValues={{ topicId: params.get('topicId') ?? undefined, title: params.get('title') ?? undefined, body: params.get('body') ?? undefined }}>
        <Form.Item name="title" label={t('标题')} rules={[{ required: true, min: 4, message: t('请填写标题（至少 4 个字）') }]}>
          <Input maxLength={200} placeholder={t('关于……的建议')} />
        </Form.Item>
        <Form.Item name="body" label={t('正文')} rules={[{ required: true, min: 10, message: t('请填写正文（至少 10 个字）') }]}
          extra={<span data-testid="length">{t('{n} 字 / 建议约 {g} 字', { n, g: guide })}</span>}>
          <Input.TextArea rows={12} maxLength={20000} />
        </Form.Item>
        {n > guide && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('正文超过建议字数，请尽量精炼（仍可报送）')} />}
        <Form.Item name="topicId" label={t('所答选题（可选）')}>
          <Select allowClear showSearch optionFilterProp="label" loading={topics.loading} placeholder={answerable.length ? t('选择正在征集的选题') : t('暂无正在征集的选题')}
            options={answerable.map((x) => ({ value: x.id, label: x.title }))} data-testid="topic-select" />
        </Form.Item>
        <Form.Item name="urgent" label={t('急事急报')} valuePropName="checked"><Switch /></Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>{t('报送')}</Button>
      </Form>
    </PageCard>
  );
}
