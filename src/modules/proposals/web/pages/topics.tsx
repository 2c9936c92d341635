/** 选题参考目录: the year's suggested topics; the proposal office adds, edits, withdraws and re-publishes them. */
import { useMemo, useState } from 'react';
import { App, Button, Drawer, Form, Input, InputNumber, List, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import type { TopicItem, TopicList } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { EmptyHint, PageCard } from '../../../../kernel/web/components.tsx';
import { UnitSelect, useProposalOptions } from '../shared.tsx';
import { clock } from '../../../../kernel/universal/clock.ts';
import { WorkYearLabel } from '../../../organizations/web/work-year.tsx';

interface Values { title: string; area: string; description?: string; suggestedUnitIds?: string[]; sort?: number }

const areas = ['经济建设', '政治建设', '文化建设', '社会民生', '生态文明', '城乡建设', '农业农村', '教育科技'];

export default function TopicsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const mobile = useIsMobile();
  const options = useProposalOptions();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  const probe = useApiQuery<TopicList>('/api/proposals/topics', { year });
  const canEdit = !!probe.data?.canEdit;
  const full = useApiQuery<TopicList>(canEdit ? '/api/proposals/topics' : null, { year, includeWithdrawn: 'true' });
  const list = canEdit ? full : probe;
  const shownYear = list.data?.year ?? probe.data?.year;
  const [editing, setEditing] = useState<TopicItem | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const reload = () => { probe.reload(); if (canEdit) full.reload(); };

  const years = useMemo(() => {
    const y = options.data?.currentSession.year ?? clock.year();
    return Array.from({ length: 5 }, (_, i) => y + 1 - i);
  }, [options.data]);

  const open = (x: TopicItem | 'new') => {
    setEditing(x);
    form.resetFields();
    if (x !== 'new') form.setFieldsValue({ title: x.title, area: x.area, description: x.description, suggestedUnitIds: x.suggestedUnits.map((u) => u.id), sort: x.sort });
  };
  const save = async (v: Values) => {
    setBusy(true);
    try {
      const body = { title: v.title, area: v.area, description: v.description ?? '', suggestedUnitIds: v.suggestedUnitIds ?? [], sort: v.sort ?? undefined };
      if (editing === 'new') await api.post('/api/proposals/topics', { year: shownYear, ...body });
      else if (editing) await api.patch(`/api/proposals/topics/${editing.id}`, { version: editing.version, ...body });
      void message.success(t('已保存'));
      setEditing(null);
      reload();
    } catch (e) {
      if (!applyFormErrors(form, e)) report(e, { onReload: reload });
    } finally { setBusy(false); }
  };
  const setStatus = async (x: TopicItem, status: 'published' | 'withdrawn') => {
    try {
      await api.patch(`/api/proposals/topics/${x.id}`, { version: x.version, status });
      void message.success(status === 'withdrawn' ? t('已撤回') : t('已重新发布'));
      reload();
    } catch (e) { report(e, { onReload: reload }); }
  };

  const actions = (x: TopicItem) => canEdit && (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => open(x)}>{t('编辑')}</Button>
      {x.status === 'published'
        ? <Popconfirm title={t('撤回后委员将不再看到这个选题，已引用的提案不受影响。')} onConfirm={() => void setStatus(x, 'withdrawn')}><Button type="link" size="small" danger>{t('撤回')}</Button></Popconfirm>
        : <Button type="link" size="small" onClick={() => void setStatus(x, 'published')}>{t('重新发布')}</Button>}
    </Space>
  );
  const statusTag = (x: TopicItem) => <Tag color={x.status === 'published' ? 'green' : 'default'}>{t(x.statusLabel)}</Tag>;
  const columns: ColumnsType<TopicItem> = [
    { title: t('领域'), dataIndex: 'area', key: 'area', width: 110 },
    {
      title: t('选题'), dataIndex: 'title', key: 'title',
      render: (v, x) => <div><Typography.Text strong>{v}</Typography.Text>{x.description && <div><Typography.Text type="secondary">{x.description}</Typography.Text></div>}</div>,
    },
    { title: t('建议承办单位'), key: 'units', width: 180, responsive: ['lg'], render: (_, x) => x.suggestedUnits.map((u) => u.name).join('、') || '—' },
    // the office opens the proposals behind the count (the list with the same rule: received proposals citing the topic)
    {
      title: t('引用提案'), dataIndex: 'proposalCount', key: 'count', width: 100, align: 'right',
      render: (v: number, x) => (canEdit && v > 0 ? <Link to={`/proposals?${new URLSearchParams({ topicId: x.id, stage: 'received', statLabel: x.title })}`}>{v}</Link> : v),
    },
    ...(canEdit ? [
      { title: t('状态'), key: 'status', width: 90, render: (_: unknown, x: TopicItem) => statusTag(x) },
      { title: t('操作'), key: 'actions', width: 140, render: (_: unknown, x: TopicItem) => actions(x) },
    ] : []),
  ];

  return (
    <PageCard title={shownYear ? t('{year}年度选题参考目录', { year: shownYear }) : t('选题参考目录')} extra={(
      <Space wrap>
        <Select aria-label={t('年度')} value={shownYear} style={{ width: 110 }} onChange={(v) => setParams(v ? { year: String(v) } : {})} options={years.map((y) => ({ value: y, label: String(y) }))} />
        {canEdit && <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{t('新增选题')}</Button>}
      </Space>
    )}>
      <WorkYearLabel year={shownYear} block />
      <Typography.Paragraph type="secondary">{t('提案委每年发布选题参考目录，供委员撰写提案时参考；撰写提案时可以选用其中一个选题。')}</Typography.Paragraph>
      {list.data && list.data.items.length === 0 ? <EmptyHint text={t('本年度尚未发布选题参考目录')} /> : mobile ? (
        <List loading={list.loading} dataSource={list.data?.items ?? []} renderItem={(x) => (
          <List.Item>
            <List.Item.Meta title={<Space wrap size={4}><span>{x.title}</span>{canEdit && statusTag(x)}</Space>}
              description={<>
                <div>{x.description}</div>
                <Space wrap size={[8, 0]} style={{ marginTop: 4 }}><Tag>{x.area}</Tag><span>{t('引用提案')} {x.proposalCount}</span>{x.suggestedUnits.length > 0 && <span>{x.suggestedUnits.map((u) => u.name).join('、')}</span>}</Space>
                {actions(x)}
              </>} />
          </List.Item>
        )} />
      ) : (
        <Table<TopicItem> rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} pagination={false} scroll={{ x: 960 }} />
      )}
      <Drawer open={!!editing} onClose={() => setEditing(null)} size={mobile ? '100%' : 480} destroyOnHidden title={editing === 'new' ? t('新增选题') : t('编辑选题')}
        extra={<Button type="primary" loading={busy} onClick={() => form.submit()}>{t('保存')}</Button>}>
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)} requiredMark="optional">
          <Form.Item name="title" label={t('选题标题')} rules={[{ required: true, whitespace: true, message: t('请填写选题标题') }, { max: 200 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="area" label={t('所属领域')} rules={[{ required: true, whitespace: true, message: t('请选择或填写所属领域') }]}>
            <Select showSearch allowClear options={areas.map((a) => ({ value: a, label: a }))} placeholder={t('请选择所属领域')} />
          </Form.Item>
          <Form.Item name="description" label={t('选题说明')}><Input.TextArea rows={4} maxLength={5000} showCount /></Form.Item>
          <Form.Item name="suggestedUnitIds" label={t('建议承办单位')}><UnitSelect multiple /></Form.Item>
          <Form.Item name="sort" label={t('排序')} extra={t('数字小的排在前面')}><InputNumber min={0} max={9999} /></Form.Item>
        </Form>
      </Drawer>
    </PageCard>
  );
}
