/**
 * 通知详情 (staff): the notice, its actions (发送, 催阅, 撤回, from the server's `actions`) and its read receipts: who
 * has read it and when, who has not (and how often they were reminded).
 */
import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Result, Skeleton, Space, Table, Tabs, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { NoticeDetail } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDate, formatDateTime } from '../../../../kernel/web/components.tsx';
import { RichText, RichTextEditor, richTextCss } from '../rich-text.tsx';

interface Receipt { userId: string; name: string; readAt: string | null; remindedAt: string | null; reminders: number }

function Receipts({ id, read, stamp }: { id: string; read: boolean; stamp: number }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const { data, loading } = useApiQuery<{ items: Receipt[]; total: number }>(`/api/news/notices/${id}/receipts`, { read, page, pageSize: 20, stamp });
  return (
    <Table<Receipt> size="small" rowKey="userId" loading={loading} dataSource={data?.items ?? []} scroll={{ x: 'max-content' }}
      pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => t('共 {n} 人', { n }) }}
      columns={[
        { title: t('姓名'), dataIndex: 'name', key: 'name' },
        read ? { title: t('阅读时间'), dataIndex: 'readAt', key: 'readAt', render: (v) => formatDateTime(v) }
          : { title: t('已催阅'), key: 'reminders', render: (_v, r) => (r.reminders ? t('{n} 次（{at}）', { n: r.reminders, at: formatDateTime(r.remindedAt!) }) : '—') },
      ]} />
  );
}

export default function NoticeDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const { data: n, loading, error, reload } = useApiQuery<NoticeDetail>(`/api/news/notices/${id}`);
  const [stamp, setStamp] = useState(0);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  if (error && !n) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/news/notices')}>{t('返回列表')}</Button>} />;
  if (!n) return <PageCard loading={loading}><Skeleton active /></PageCard>;
  const run = async (f: () => Promise<unknown>, done: string) => {
    try { await f(); void message.success(t(done)); reload(); setStamp((s) => s + 1); } catch (e) { report(e, { onReload: reload }); }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <style>{richTextCss}</style>
      <PageCard wrapTitle title={n.title} extra={<Tag>{t(n.stateLabel)}</Tag>}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('通知对象')}>{t(n.audienceLabel)}</Descriptions.Item>
          <Descriptions.Item label={t('发送人')}>{n.ownerName}</Descriptions.Item>
          {n.sentOn && <Descriptions.Item label={t('发送日期')}>{formatDate(n.sentOn)}</Descriptions.Item>}
          {n.state !== 'draft' && n.audience !== 'public' && <Descriptions.Item label={t('已读')}><span data-testid="read-count">{n.read}/{n.addressed}（{n.readRate}%）</span></Descriptions.Item>}
        </Descriptions>
        <Space wrap style={{ marginTop: 12 }}>
          {n.actions.includes('edit') && <Button onClick={() => { form.setFieldsValue({ title: n.title, body: n.body }); setEditing(true); }}>{t('修改')}</Button>}
          {n.actions.includes('send') && <Popconfirm title={t('发送后收件人即收到通知，确定发送？')} onConfirm={() => void run(() => api.post(`/api/news/notices/${n.id}/send`, { version: n.version }), '已发送')}><Button type="primary">{t('发送')}</Button></Popconfirm>}
          {n.actions.includes('remind') && <Button onClick={() => void run(async () => { const r = await api.post<{ reminded: number }>(`/api/news/notices/${n.id}/remind`); void message.info(t('已提醒 {n} 人', { n: r.reminded })); }, '已催阅')}>{t('催阅未读')}</Button>}
          {n.actions.includes('withdraw') && <Popconfirm title={t('确定撤回此通知？')} onConfirm={() => void run(() => api.post(`/api/news/notices/${n.id}/withdraw`, { version: n.version }), '已撤回')}><Button danger>{t('撤回')}</Button></Popconfirm>}
        </Space>
      </PageCard>
      <Card size="small" title={t('正文')}>
        <RichText html={n.body} />
        {n.attachments.length > 0 && <div style={{ marginTop: 12 }}>{n.attachments.map((f) => <div key={f.id}><a href={`/api/attachments/${f.id}`}>{f.filename}</a></div>)}</div>}
      </Card>
      <Modal open={editing} title={t('修改')} onCancel={() => setEditing(false)} onOk={() => form.submit()} okText={t('保存')} width={760} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={async (v: { title: string; body: string }) => {
          try { await api.patch(`/api/news/notices/${n.id}`, { ...v, version: n.version }); setEditing(false); reload(); } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: reload }); }
        }}>
          <Form.Item name="title" label={t('标题')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="body" label={t('正文')} rules={[{ required: true }]}><RichTextEditor /></Form.Item>
        </Form>
      </Modal>
      {n.state !== 'draft' && n.audience !== 'public' && (
        <Card size="small" title={t('阅读回执')}>
          <Tabs items={[
            { key: 'unread', label: t('未读 {n}', { n: n.addressed - n.read }), children: <Receipts id={n.id} read={false} stamp={stamp} /> },
            { key: 'read', label: t('已读 {n}', { n: n.read }), children: <Receipts id={n.id} read stamp={stamp} /> },
          ]} />
        </Card>
      )}
    </Space>
  );
}
