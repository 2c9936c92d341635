/**
 * 会务保障: the logistics checklists of activities and meetings by their day, with how many items are done; 新建 from a
 * template, optionally for a record of another module (its type and number; the list shows its title).
 */
import { useState } from 'react';
import { Button, DatePicker, Form, Input, List, Modal, Progress, Select, Space, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ChecklistDetail, ChecklistListItem, OfficeOptions } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { EmptyHint, PageCard } from '../../../../kernel/web/components.tsx';

const keys = ['q', 'from', 'to', 'open', 'linkType', 'linkId'] as const;
/** the kinds of record a checklist may serve, as the platform's entities name them */
export const LINK_TYPES: Array<{ value: string; label: string }> = [
  { value: 'consultation', label: '协商活动' }, { value: 'inspection', label: '视察调研' }, { value: 'logistics_reception', label: '接待方案' },
];

export default function ChecklistsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading } = useApiQuery<{ items: ChecklistListItem[]; total: number }>('/api/office/checklists', { ...filters, page, pageSize });
  const options = useApiQuery<OfficeOptions>('/api/office/options');
  const [filterForm] = Form.useForm();
  const [form] = Form.useForm();
  const [creating, setCreating] = useState(false);

  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '' && v !== false) p.set(k, String(v));
    setParams(p);
  };
  const create = async (v: Record<string, any>) => {
    try {
      const r = await api.post<ChecklistDetail>('/api/office/checklists', {
        title: v.title, eventDate: v.eventDate?.format('YYYY-MM-DD'), templateId: v.templateId, link: v.linkType && v.linkId ? { type: v.linkType, id: v.linkId.trim() } : null,
      });
      setCreating(false);
      form.resetFields();
      navigate(`/office/checklists/${r.id}`);
    } catch (e) { if (!applyFormErrors(form, e)) report(e); }
  };
  const progress = (r: ChecklistListItem) => <Progress size="small" percent={r.itemsTotal ? Math.round((r.itemsDone / r.itemsTotal) * 100) : 0} format={() => `${r.itemsDone}/${r.itemsTotal}`} style={{ minWidth: 120 }} />;
  const columns: ColumnsType<ChecklistListItem> = [
    { title: t('活动名称'), dataIndex: 'title', key: 'title', render: (v, r) => <Link to={`/office/checklists/${r.id}`}>{v}</Link> },
    { title: t('活动日期'), dataIndex: 'eventDate', key: 'eventDate', width: 110 },
    { title: t('关联记录'), key: 'link', width: 220, responsive: ['md'], render: (_v, r) => r.link?.title ?? '—' },
    { title: t('落实情况'), key: 'done', width: 170, render: (_v, r) => progress(r) },
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };
  return (
    <PageCard title={t('会务保障')} extra={can('logistics.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('新建保障清单')}</Button>}>
      <Form form={filterForm} layout={mobile ? 'vertical' : 'inline'} initialValues={{ ...filters, open: filters.open === 'true' }} onFinish={(v) => apply({ ...filters, ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="q" label={t('关键词')}><Input allowClear placeholder={t('活动名称')} /></Form.Item>
        <Form.Item name="open" label={t('只看未落实完的')} valuePropName="checked"><Switch /></Form.Item>
        <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { filterForm.resetFields(); apply({}); }}>{t('重置')}</Button></Space></Form.Item>
      </Form>
      {data && data.total === 0 ? <EmptyHint text={t('没有符合条件的保障清单。')} /> : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/office/checklists/${r.id}`)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={<Link to={`/office/checklists/${r.id}`}>{r.title}</Link>} description={<Space direction="vertical" size={2} style={{ width: '100%' }}><span>{r.eventDate}{r.link?.title ? ` · ${r.link.title}` : ''}</span>{progress(r)}</Space>} />
            </List.Item>
          )} />
      ) : <Table<ChecklistListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />}
      <Modal open={creating} title={t('新建保障清单')} onCancel={() => setCreating(false)} onOk={() => form.submit()} okText={t('保存')} width={mobile ? undefined : 640}>
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item name="title" label={t('活动名称')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="eventDate" label={t('活动日期')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="templateId" label={t('清单模板')}><Select allowClear options={(options.data?.templates ?? []).map((x) => ({ value: x.id, label: `${x.name}（${x.items.length}）` }))} /></Form.Item>
          <Space.Compact block>
            <Form.Item name="linkType" label={t('关联记录类型')} style={{ width: '40%' }}><Select allowClear options={LINK_TYPES.map((l) => ({ value: l.value, label: t(l.label) }))} /></Form.Item>
            <Form.Item name="linkId" label={t('关联记录编号')} style={{ width: '60%' }}><Input allowClear /></Form.Item>
          </Space.Compact>
          <Typography.Text type="secondary">{t('关联记录编号见该记录页面的地址。')}</Typography.Text>
        </Form>
      </Modal>
    </PageCard>
  );
}
