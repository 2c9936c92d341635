/**
 * 接待: the year's reception plans with their guests and budget (the totals of the rows shown above the list), filters
 * in the address (a figure's link opens the same rows), and 新建接待方案.
 */
import { useState } from 'react';
import { Button, Form, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { OfficeOptions, ReceptionDetail, ReceptionListItem } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { EmptyHint, PageCard } from '../../../../kernel/web/components.tsx';
import { ReceptionForm, toReceptionBody } from './reception-form.tsx';

const keys = ['state', 'q', 'from', 'to'] as const;
const span = (r: { startDate: string; endDate: string }) => (r.startDate === r.endDate ? r.startDate : `${r.startDate} – ${r.endDate.slice(5)}`);

export default function ReceptionsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading } = useApiQuery<{ items: ReceptionListItem[]; total: number; budgetTotal: number; actualTotal: number }>('/api/office/receptions', { ...filters, page, pageSize });
  const options = useApiQuery<OfficeOptions>('/api/office/options');
  const [filterForm] = Form.useForm();
  const [form] = Form.useForm();
  const [creating, setCreating] = useState(false);

  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const create = async (v: Record<string, any>) => {
    try {
      const r = await api.post<ReceptionDetail>('/api/office/receptions', toReceptionBody(v));
      setCreating(false);
      form.resetFields();
      navigate(`/office/receptions/${r.id}`);
    } catch (e) { if (!applyFormErrors(form, e)) report(e); }
  };
  const columns: ColumnsType<ReceptionListItem> = [
    { title: t('接待名称'), dataIndex: 'title', key: 'title', render: (v, r) => <Link to={`/office/receptions/${r.id}`}>{v}</Link> },
    { title: t('来访单位'), dataIndex: 'guestUnit', key: 'guestUnit', width: 160 },
    { title: t('日期'), key: 'date', width: 170, render: (_v, r) => span(r) },
    { title: t('人数'), dataIndex: 'guestCount', key: 'guestCount', width: 70 },
    { title: t('预算（元）'), dataIndex: 'budgetTotal', key: 'budgetTotal', width: 100, responsive: ['md'] },
    { title: t('实际（元）'), dataIndex: 'actualTotal', key: 'actualTotal', width: 100, responsive: ['md'] },
    { title: t('状态'), key: 'state', width: 90, render: (_v, r) => <Tag color={r.stateTone}>{t(r.stateLabel)}</Tag> },
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };
  return (
    <PageCard title={t('接待')} extra={can('logistics.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('新建接待方案')}</Button>}>
      <Form form={filterForm} layout={mobile ? 'vertical' : 'inline'} initialValues={filters} onFinish={(v) => apply({ ...filters, ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="state" label={t('状态')}><Select allowClear style={{ minWidth: 120 }} placeholder={t('全部')} options={(options.data?.receptionStates ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
        <Form.Item name="q" label={t('关键词')}><Input allowClear placeholder={t('名称或来访单位')} /></Form.Item>
        <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { filterForm.resetFields(); apply({}); }}>{t('重置')}</Button></Space></Form.Item>
      </Form>
      {data && data.total > 0 && <Typography.Paragraph type="secondary">{t('共 {n} 次接待，预算 {b} 元，实际支出 {a} 元', { n: data.total, b: data.budgetTotal, a: data.actualTotal })}</Typography.Paragraph>}
      {data && data.total === 0 ? <EmptyHint text={t('没有符合条件的接待。')} /> : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/office/receptions/${r.id}`)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={<Link to={`/office/receptions/${r.id}`}>{r.title}</Link>}
                description={<Space wrap size={[6, 4]}><Tag color={r.stateTone}>{t(r.stateLabel)}</Tag><span>{span(r)}</span><span>{t('{n} 人', { n: r.guestCount })}</span><span>{t('预算 {b} 元', { b: r.budgetTotal })}</span></Space>} />
            </List.Item>
          )} />
      ) : (
        <Table<ReceptionListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />
      )}
      <Modal open={creating} title={t('新建接待方案')} onCancel={() => setCreating(false)} onOk={() => form.submit()} okText={t('保存')} width={mobile ? undefined : 900}>
        <ReceptionForm form={form} onFinish={create} mobile={mobile} />
      </Modal>
    </PageCard>
  );
}
