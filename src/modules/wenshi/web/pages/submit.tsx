/**
 * 文史资料征集 — the public submission page (/public/wenshi), without signing in, made for a phone: title, text, the
 * contributor's name and contact (seen only by the 文史委 staff), period, place, people, topic, and up to three photos
 * or scans (images or PDF, 5 MB each). The form goes as multipart/form-data to /api/public/wenshi/submissions. A field
 * hidden from people (网址) catches robots.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Result, Select, Typography, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useReportError } from '../../../../kernel/web/hooks.ts';

interface PublicOptions { committees: Array<{ id: string; name: string }>; periods: string[]; limits: { files: number; fileBytes: number; bodyChars: number } }

/** Off screen for people (and screen readers), still in the form for a robot that fills every field. */
const hidden = { position: 'absolute' as const, left: -10_000, top: 'auto', width: 1, height: 1, overflow: 'hidden' };

export default function PublicSubmitPage() {
  const { t } = useI18n();
  const report = useReportError();
  const { data: o } = useApiQuery<PublicOptions>('/api/public/wenshi/options');
  const [form] = Form.useForm();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ reference: string; message: string } | null>(null);
  // the city's CPPCC is chosen until the person picks a county's
  useEffect(() => { if (o?.committees[0] && !form.getFieldValue('committee')) form.setFieldsValue({ committee: o.committees[0].id }); }, [o, form, done]);
  const maxFiles = o?.limits.files ?? 3;
  const maxBytes = o?.limits.fileBytes ?? 5 * 1024 * 1024;

  const submit = async (v: Record<string, string | undefined>) => {
    setBusy(true);
    try {
      const body = new FormData();
      for (const [k, val] of Object.entries(v)) if (val !== undefined && val !== null && val !== '') body.append(k, String(val));
      for (const f of files) if (f.originFileObj) body.append('files', f.originFileObj, f.name);
      setDone(await api.post<{ reference: string; message: string }>('/api/public/wenshi/submissions', body));
    } catch (e) { if (!applyFormErrors(form, e)) report(e); } finally { setBusy(false); }
  };

  return (
    <div style={{ minHeight: '100vh', background: '#f3f6fa' }}>
      <main style={{ maxWidth: 680, margin: '0 auto', padding: '16px 12px 40px' }}>
        <Typography.Title level={3} style={{ marginTop: 8 }}>{t('文史资料征集')}</Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('政协文化文史和学习委员会面向社会征集长治（上党）地区的历史资料：亲历、亲见、亲闻的回忆，老照片、旧文书的照片或扫描件。采用的稿件将编入《长治文史》。')}
        </Typography.Paragraph>
        {done ? (
          <Card><Result status="success" title={t('投稿已收到')} subTitle={<>{done.message}<br />{t('稿件编号：{n}', { n: done.reference })}</>}
            extra={<Button onClick={() => { form.resetFields(); setFiles([]); setDone(null); }}>{t('再投一篇')}</Button>} /></Card>
        ) : (
          <Card size="small">
            <Form form={form} layout="vertical" onFinish={submit}>
              {o && o.committees.length > 1 && (
                <Form.Item name="committee" label={t('投稿给')} rules={[{ required: true }]}><Select options={o.committees.map((c) => ({ value: c.id, label: c.name }))} /></Form.Item>
              )}
              <Form.Item name="title" label={t('标题')} rules={[{ required: true, message: t('请填写标题') }, { min: 2 }]}><Input maxLength={200} /></Form.Item>
              <Form.Item name="body" label={t('正文')} rules={[{ required: true, message: t('请填写正文') }, { min: 10, message: t('正文至少 10 个字') }]}>
                <Input.TextArea rows={8} maxLength={o?.limits.bodyChars ?? 20_000} showCount placeholder={t('请写明事情的时间、地点、人物和经过，以及资料的来历。')} />
              </Form.Item>
              <Form.Item name="period" label={t('时期')}><Select allowClear options={(o?.periods ?? []).map((p) => ({ value: p, label: t(p) }))} /></Form.Item>
              <Form.Item name="place" label={t('地点')}><Input maxLength={100} /></Form.Item>
              <Form.Item name="people" label={t('人物')}><Input maxLength={200} /></Form.Item>
              <Form.Item name="topic" label={t('主题')}><Input maxLength={100} placeholder={t('如：上党战役、太行山根据地、长治古建筑')} /></Form.Item>
              <Form.Item label={t('照片或扫描件')} extra={t('至多 {n} 个，图片或 PDF，每个不超过 {m} MB', { n: maxFiles, m: maxBytes / 1024 / 1024 })} validateStatus={fileError ? 'error' : undefined} help={fileError ?? undefined}>
                <Upload listType="picture" accept="image/jpeg,image/png,image/webp,image/gif,application/pdf" fileList={files} maxCount={maxFiles} multiple
                  beforeUpload={(f) => {
                    if (f.size > maxBytes) { setFileError(t('「{name}」超过 {m} MB', { name: f.name, m: maxBytes / 1024 / 1024 })); return Upload.LIST_IGNORE; }
                    setFileError(null);
                    return false;
                  }}
                  onChange={({ fileList }) => setFiles(fileList.slice(0, maxFiles))}>
                  <Button icon={<UploadOutlined />} data-testid="wenshi-public-files">{t('选择照片或扫描件')}</Button>
                </Upload>
              </Form.Item>
              <Form.Item name="contributorName" label={t('您的姓名')} rules={[{ required: true, message: t('请填写姓名') }]}><Input maxLength={40} autoComplete="name" /></Form.Item>
              <Form.Item name="contributorContact" label={t('联系方式')} extra={t('电话或电子邮箱，仅文史委工作人员可见，用于核实史料')} rules={[{ required: true, message: t('请填写联系方式') }, { min: 5 }]}>
                <Input maxLength={100} autoComplete="tel" />
              </Form.Item>
              <div style={hidden} aria-hidden="true">
                <Form.Item name="website" label="网址"><Input tabIndex={-1} autoComplete="off" /></Form.Item>
              </div>
              <Alert type="info" showIcon title={t('提交即表示您同意政协文史委员会在编辑出版《长治文史》时使用本稿件。')} style={{ marginBottom: 16 }} />
              <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="wenshi-public-submit">{t('提交投稿')}</Button>
            </Form>
          </Card>
        )}
      </main>
    </div>
  );
}
