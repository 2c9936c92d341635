/** 选题研判: the topics editors publish for submitters to answer, with how many answers each drew; editors publish new ones. */
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, List, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { TopicDetail, TopicItem } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { EmptyHint, PageCard } from '../../../../kernel/web/components.tsx';

export function TopicStatusTag({ status, label }: { status: string; label: string }) {
  const { t } = useI18n();
  return <Tag color={status === 'open' ? 'green' : 'default'}>{t(label)}</Tag>;
}

/** The answers of a topic as a short line: 应征 N · 录用 N · 采用 N · 批示 N */
export function TopicCounts({ c }: { c: TopicItem['counts'] }) {
  const { t } = useI18n();
  return <Typography.Text type="secondary">{t('应征 {a} · 录用 {b} · 采用 {c} · 批示 {d}', { a: c.answers, b: c.accepted, c: c.adopted, d: c.instructed })}</Typography.Text>;
}

/** 发布选题 / 修改选题: title, description and the collection period. */
export function TopicForm({ open, initial, onClose, onSaved }: { open: boolean; initial?: TopicItem; onClose: () => void; onSaved: (t: TopicDetail) => void }) {
  const { t } = useI18n();
  const report = useReportError();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const save = async (v: { title: string; description: string; period: [{ format: (f: string) => string }, { format: (f: string) => string }] }) => {
    setBusy(true);
    try {
      const body = { title: v.title, description: v.description, periodFrom: v.period?.[0]?.format('YYYY-MM-DD'), periodTo: v.period?.[1]?.format('YYYY-MM-DD') };
      const saved = initial
        ? await api.patch<TopicDetail>(`/api/opinions/topics/${initial.id}`, { ...body, version: initial.version })
        : await api.post<TopicDetail>('/api/opinions/topics', body);
      onSaved(saved);
    } catch (e) {
      if (!applyFormErrors(form, e)) report(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={initial ? t('修改选题') : t('发布选题')} onCancel={onClose} onOk={() => form.submit()} okText={initial ? t('保存') : t('发布')} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={save} initialValues={initial ? { title: initial.title, description: initial.description } : undefined}>
        <Form.Item name="title" label={t('选题标题')} rules={[{ required: true, min: 4, message: t('请填写选题标题（至少 4 个字）') }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="description" label={t('选题说明')} rules={[{ required: true, min: 4, message: t('请填写选题说明') }]}><Input.TextArea rows={5} maxLength={5000} /></Form.Item>
        {!initial && (
          <Form.Item name="period" label={t('征集期')} rules={[{ required: true, message: t('请选择征集期') }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export default function TopicsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string>('open');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const { data, loading, reload } = useApiQuery<{ items: TopicItem[]; total: number }>('/api/opinions/topics', { status: status === 'all' ? undefined : status, page, pageSize: 10 });

  return (
    <PageCard title={t('选题研判')} extra={can('opinion.edit') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('发布选题')}</Button>}>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Segmented value={status} onChange={(v) => { setStatus(String(v)); setPage(1); }}
          options={[{ value: 'open', label: t('征集中') }, { value: 'closed', label: t('已结束') }, { value: 'all', label: t('全部') }]} />
        {data && data.total === 0 ? <EmptyHint text={t('没有选题。')} /> : (
          <List loading={loading} dataSource={data?.items ?? []} itemLayout="vertical"
            pagination={{ current: page, pageSize: 10, total: data?.total ?? 0, onChange: setPage, size: 'small', showTotal: (n) => t('共 {n} 条', { n }) }}
            renderItem={(x) => (
              <List.Item key={x.id} data-testid="topic-item"
                actions={[
                  <TopicCounts key="c" c={x.counts} />,
                  ...(x.canAnswer ? [<Link key="a" to={`/opinions/new?topicId=${x.id}`}>{t('应征报送')}</Link>] : []),
                ]}>
                <List.Item.Meta
                  title={<Space wrap size={6}><Link to={`/opinions/topics/${x.id}`}>{x.title}</Link><TopicStatusTag status={x.status} label={x.statusLabel} /></Space>}
                  description={t('征集期 {a} 至 {b}', { a: x.periodFrom, b: x.periodTo })} />
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>{x.description}</Typography.Paragraph>
              </List.Item>
            )} />
        )}
      </Space>
      <TopicForm open={creating} onClose={() => setCreating(false)} onSaved={(x) => { setCreating(false); void message.success(t('已发布')); reload(); navigate(`/opinions/topics/${x.id}`); }} />
    </PageCard>
  );
}
