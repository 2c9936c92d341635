/**
 * 记录协商活动 (a convener's phone page): the day, the topic (from the platform's topic list or written), how many
 * members and residents took part, who, the minutes, photos, and the results handed over (成果清单: each with its
 * responsible body and due date). One submit records it all in one transaction; a refused field is marked in place.
 */
import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Result, Select, Skeleton, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { CameraOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import type { PlatformDetail } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { clock } from '../../../../kernel/universal/clock.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';

export default function RecordActivityPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const report = useReportError();
  const navigate = useNavigate();
  const { data: p, error } = useApiQuery<PlatformDetail>(`/api/platforms/${id}`);
  const [form] = Form.useForm();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);

  if (error && !p) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} />;
  if (!p) return <PageCard><Skeleton active /></PageCard>;
  if (!p.canRecord) return <Result status="403" title={t('只有平台召集人或本县（区）有事来商量工作人员可以记录')} />;
  const open = p.topics.filter((x) => x.status === 'open');

  const submit = async (v: Record<string, any>) => {
    setBusy(true);
    try {
      const topic = v.topicId ? p.topics.find((x) => x.id === v.topicId)?.title : v.topic;
      await api.post(`/api/platforms/${p.id}/activities`, {
        heldOn: v.heldOn.format('YYYY-MM-DD'), topicId: v.topicId ?? null, topic, membersCount: v.membersCount ?? 0, residentsCount: v.residentsCount ?? 0,
        participants: v.participants ?? '', minutes: v.minutes,
        attachmentIds: photos.map((f) => (f.response as { id?: string } | undefined)?.id).filter(Boolean),
        results: (v.results ?? []).map((r: any) => ({ content: r.content, responsibleBody: r.responsibleBody, dueDate: r.dueDate?.format('YYYY-MM-DD') })),
      });
      navigate(`/platforms/${p.id}`);
    } catch (e) { if (!applyFormErrors(form, e)) report(e); } finally { setBusy(false); }
  };
  const uploadPhoto = async (opts: { file: unknown; onSuccess?: (r: unknown) => void; onError?: (e: Error) => void }) => {
    const body = new FormData();
    body.append('file', opts.file as Blob);
    try { opts.onSuccess?.(await api.post('/api/attachments', body)); } catch (e) { opts.onError?.(e as Error); report(e); }
  };

  return (
    <PageCard wrapTitle title={t('记录协商活动')}>
      <Typography.Paragraph type="secondary">{p.name}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ heldOn: dayjs(clock.today()), membersCount: 1, residentsCount: 10, results: [{}] }}>
        <Form.Item name="heldOn" label={t('协商日期')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} inputReadOnly /></Form.Item>
        {open.length > 0 && (
          <Form.Item name="topicId" label={t('议题清单中的议题')}>
            <Select allowClear placeholder={t('不选则填写协商议题')} options={open.map((x) => ({ value: x.id, label: x.title }))} />
          </Form.Item>
        )}
        <Form.Item noStyle shouldUpdate={(a, b) => a.topicId !== b.topicId}>
          {({ getFieldValue }) => !getFieldValue('topicId') && (
            <Form.Item name="topic" label={t('协商议题')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          )}
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="membersCount" label={t('参加委员人数')} rules={[{ required: true }]} style={{ width: '50%' }}><InputNumber min={0} max={1000} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="residentsCount" label={t('参加群众人数')} rules={[{ required: true }]} style={{ width: '50%' }}><InputNumber min={0} max={10000} style={{ width: '100%' }} /></Form.Item>
        </Space.Compact>
        <Form.Item name="participants" label={t('参加人员')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.Item name="minutes" label={t('协商纪要')} rules={[{ required: true }]}><Input.TextArea rows={4} maxLength={10000} /></Form.Item>
        <Form.Item label={t('照片')}>
          <Upload listType="picture" accept="image/*" fileList={photos} onChange={({ fileList }) => setPhotos(fileList)} customRequest={(o) => void uploadPhoto(o as never)}>
            <Button icon={<CameraOutlined />}>{t('拍照或选择照片')}</Button>
          </Upload>
        </Form.Item>
        <Typography.Title level={5}>{t('成果清单')}</Typography.Title>
        <Form.List name="results">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((f, i) => (
                <Card key={f.key} size="small" title={t('成果 {n}', { n: i + 1 })} extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={t('删除')} onClick={() => remove(f.name)} />}>
                  <Form.Item name={[f.name, 'content']} label={t('协商成果')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
                  <Form.Item name={[f.name, 'responsibleBody']} label={t('责任单位')} rules={[{ required: true, min: 2 }]}><Input maxLength={100} /></Form.Item>
                  <Form.Item name={[f.name, 'dueDate']} label={t('落实期限')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} inputReadOnly /></Form.Item>
                </Card>
              ))}
              <Button block icon={<PlusOutlined />} onClick={() => add({})}>{t('添加成果')}</Button>
            </Space>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" block size="large" loading={busy} style={{ marginTop: 16 }}>{t('提交')}</Button>
      </Form>
    </PageCard>
  );
}
