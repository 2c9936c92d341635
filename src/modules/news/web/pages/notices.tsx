/**
 * 通知公告 (staff): the notices of the CPPCC with how many addressees have read each (阅读率), and a form to draft one
 * for all members, a 界别 or 专委会's members, the committees, the handling units or the public, with attachments.
 */
import { useState } from 'react';
import { Button, Form, Input, List, Modal, Progress, Select, Space, Table, Tag, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { UploadFile } from 'antd/es/upload/interface';
import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { NoticeListItem } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { EmptyHint, PageCard, formatDate } from '../../../../kernel/web/components.tsx';
import { RichTextEditor, richTextCss } from '../rich-text.tsx';
import type { NewsOptions } from './list.tsx';

const stateTone: Record<string, string> = { draft: 'default', sent: 'success', withdrawn: 'warning' };

export default function NoticesPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const filters = { state: params.get('state') ?? undefined, from: params.get('from') ?? undefined, to: params.get('to') ?? undefined, q: params.get('q') ?? undefined };
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading } = useApiQuery<{ items: NoticeListItem[]; total: number }>('/api/news/notices', { ...filters, page, pageSize });
  const options = useApiQuery<NewsOptions>('/api/news/options');
  const [creating, setCreating] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [form] = Form.useForm();
  const audience = Form.useWatch('audience', form) as string | undefined;
  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const create = async (v: { title: string; body: string; audience: string; audienceRef?: string }) => {
    try {
      const attachmentIds = files.map((f) => (f.response as { id?: string } | undefined)?.id).filter((x): x is string => !!x);
      const r = await api.post<{ id: string }>('/api/news/notices', { ...v, attachmentIds });
      setCreating(false);
      navigate(`/news/notices/${r.id}`);
    } catch (e) { if (!applyFormErrors(form, e)) report(e); }
  };
  const upload = async (o: { file: unknown; onSuccess?: (r: unknown) => void; onError?: (e: Error) => void }) => {
    const body = new FormData();
    body.append('file', o.file as Blob);
    try { o.onSuccess?.(await api.post<{ id: string }>('/api/attachments', body)); } catch (e) { o.onError?.(e as Error); report(e); }
  };
  const rate = (n: NoticeListItem) => (n.state === 'draft' || n.audience === 'public' ? '—' : <span style={{ whiteSpace: 'nowrap' }}>{n.read}/{n.addressed} <Progress percent={n.readRate} size="small" style={{ width: 80, display: 'inline-block', marginInlineStart: 6 }} /></span>);
  const columns: ColumnsType<NoticeListItem> = [
    { title: t('标题'), dataIndex: 'title', key: 'title', render: (v, n) => <Link to={`/news/notices/${n.id}`}>{v}</Link> },
    { title: t('通知对象'), dataIndex: 'audienceLabel', key: 'audience', width: 130, render: (v) => t(v) },
    { title: t('状态'), dataIndex: 'state', key: 'state', width: 90, render: (_v, n) => <Tag color={stateTone[n.state]}>{t(n.stateLabel)}</Tag> },
    { title: t('发送日期'), dataIndex: 'sentOn', key: 'sentOn', width: 120, render: (v) => (v ? formatDate(v) : '—') },
    { title: t('已读'), key: 'read', width: 200, render: (_v, n) => rate(n) },
  ];
  const pagination = { current: page, pageSize, total: data?.total ?? 0, showTotal: (n: number) => t('共 {n} 条', { n }), onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }) };

  return (
    <PageCard title={t('通知公告')} extra={options.data?.can.notices && <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setFiles([]); setCreating(true); }}>{t('起草通知')}</Button>}>
      <style>{richTextCss}</style>
      <Form layout={mobile ? 'vertical' : 'inline'} initialValues={filters} onFinish={(v) => apply({ ...filters, ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="state" label={t('状态')}><Select allowClear style={{ minWidth: 110 }} placeholder={t('全部')} options={[{ value: 'draft', label: t('草稿') }, { value: 'sent', label: t('已发送') }, { value: 'withdrawn', label: t('已撤回') }]} /></Form.Item>
        <Form.Item name="q" label={t('关键词')}><Input allowClear placeholder={t('标题关键词')} /></Form.Item>
        <Form.Item><Button type="primary" htmlType="submit">{t('查询')}</Button></Form.Item>
      </Form>
      {data && data.total === 0 ? <EmptyHint text={t('没有符合条件的通知。')} /> : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(n) => <List.Item onClick={() => navigate(`/news/notices/${n.id}`)}><List.Item.Meta title={<Link to={`/news/notices/${n.id}`}>{n.title}</Link>} description={<Space wrap><Tag color={stateTone[n.state]}>{t(n.stateLabel)}</Tag>{t(n.audienceLabel)}{rate(n)}</Space>} /></List.Item>} />
      ) : (
        <Table<NoticeListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />
      )}
      <Modal open={creating} title={t('起草通知')} onCancel={() => setCreating(false)} onOk={() => form.submit()} okText={t('保存草稿')} width={mobile ? undefined : 760} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={create} initialValues={{ audience: 'members' }}>
          <Form.Item name="title" label={t('标题')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Space wrap size={[16, 0]}>
            <Form.Item name="audience" label={t('通知对象')} rules={[{ required: true }]}><Select style={{ minWidth: 160 }} options={(options.data?.audiences ?? []).map((a) => ({ value: a.code, label: t(a.label) }))} /></Form.Item>
            {(audience === 'sector' || audience === 'committee') && (
              <Form.Item name="audienceRef" label={audience === 'sector' ? t('界别') : t('专委会')} rules={[{ required: true }]}>
                <Select style={{ minWidth: 200 }} showSearch optionFilterProp="label" options={(audience === 'sector' ? options.data?.sectors : options.data?.committees ?? [])?.map((g) => ({ value: g.id, label: g.name }))} />
              </Form.Item>
            )}
          </Space>
          <Form.Item name="body" label={t('正文')} rules={[{ required: true, message: t('请输入正文') }]}><RichTextEditor /></Form.Item>
          <Form.Item label={t('附件')}>
            <Upload fileList={files} onChange={({ fileList }) => setFiles(fileList)} customRequest={(o) => void upload(o as never)}>
              <Button icon={<PaperClipOutlined />}>{t('上传附件')}</Button>
            </Upload>
          </Form.Item>
        </Form>
      </Modal>
    </PageCard>
  );
}
