/**
 * 年度协商计划: the CPPCC's plans by year (a draft only for the office and the leaders), a button for the office to start
 * a year's plan, and the approved plan's items of a year by form and by whether they were carried out (the figures'
 * list: its filters live in the address), each item with the proposals and 社情民意 reports linked to it.
 */
import { useState } from 'react';
import { Button, Card, Form, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { PlanDetail, PlanItemView, PlanOptions, PlanSummary } from '../../domain/plan-contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { EmptyHint, PageCard } from '../../../../kernel/web/components.tsx';
import { TopicLinkList } from './topic-links.tsx';

export default function PlansPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const opts = useApiQuery<PlanOptions>('/api/consultations/topics/options');
  const plans = useApiQuery<{ items: PlanSummary[]; canCreate: boolean }>('/api/consultations/plans');
  const year = params.get('year') ?? (opts.data ? String(opts.data.year) : null);
  const form = params.get('form') ?? undefined;
  const carriedOut = params.get('carriedOut') ?? undefined;
  const page = Number(params.get('page') ?? 1);
  const items = useApiQuery<{ items: PlanItemView[]; total: number }>(year ? '/api/consultations/plan-items' : null, { year, form, carriedOut, page, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [createForm] = Form.useForm();
  const o = opts.data;

  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ year: year ?? undefined, form, carriedOut, ...next })) if (v) p.set(k, v);
    setParams(p);
  };
  const create = async (v: { year: number }) => {
    try {
      const r = await api.post<PlanDetail>('/api/consultations/plans', v);
      setCreating(false);
      navigate(`/consultations/plans/${r.id}`);
    } catch (e) { if (!applyFormErrors(createForm, e)) report(e); }
  };
  const years = o ? [o.year + 1, o.year, o.year - 1, o.year - 2, o.year - 3] : [];

  const columns: ColumnsType<PlanItemView> = [
    { title: t('月份'), dataIndex: 'plannedMonth', key: 'm', width: 80, render: (m) => (m ? t('{m}月', { m }) : t('待定')) },
    { title: t('协商议题'), dataIndex: 'title', key: 'title', render: (v, r) => <Link to={`/consultations/plans/${r.planId}`}>{v}</Link> },
    { title: t('协商形式'), dataIndex: 'formLabel', key: 'form', width: 150, render: (v) => t(v) },
    { title: t('牵头专委会'), dataIndex: 'leadOrgName', key: 'lead', width: 150 },
    { title: t('协同部门'), dataIndex: 'partnerUnitNames', key: 'units', responsive: ['lg'], render: (v: string[]) => v.join('、') || '—' },
    // 关联提案和社情民意: the item's own links and its topic's, each opening the proposal's or report's page
    { title: t('关联提案和社情民意'), dataIndex: 'links', key: 'links', render: (_v, r) => (r.links.length ? <div style={{ minWidth: 200, maxWidth: 280, whiteSpace: 'normal' }}><TopicLinkList links={r.links} /></div> : '—') },
    { title: t('开展情况'), dataIndex: 'carriedOut', key: 'done', width: 100, render: (v) => (v ? <Tag color="success">{t('已开展')}</Tag> : <Tag>{t('未开展')}</Tag>) },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard title={t('年度协商计划')} extra={plans.data?.canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={() => { createForm.setFieldsValue({ year: (o?.year ?? 0) + 1 }); setCreating(true); }}>{t('编制年度协商计划')}</Button>}>
        {plans.data && plans.data.items.length === 0 ? <EmptyHint text={t('还没有年度协商计划。')} /> : (
          <List loading={plans.loading} dataSource={plans.data?.items ?? []} renderItem={(p) => (
            <List.Item actions={mobile ? undefined : [<Link key="open" to={`/consultations/plans/${p.id}`}>{t('查看')}</Link>]}>
              <List.Item.Meta title={<Link to={`/consultations/plans/${p.id}`}>{p.title}</Link>}
                description={<Space wrap size={[8, 4]}><Tag color={p.stateTone}>{t(p.stateLabel)}</Tag><span>{t('计划项 {n} 项', { n: p.itemCount })}</span>{p.approvedMeeting && <span>{p.approvedOn} {p.approvedMeeting}</span>}</Space>} />
            </List.Item>
          )} />
        )}
      </PageCard>
      <Card size="small" title={t('计划项')}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select aria-label={t('年度')} value={year ?? undefined} style={{ width: 110 }} onChange={(v) => set({ year: v, page: undefined })} options={years.map((y) => ({ value: String(y), label: t('{y}年', { y }) }))} />
          <Select aria-label={t('协商形式')} value={form} allowClear placeholder={t('全部形式')} style={{ minWidth: 170 }} onChange={(v) => set({ form: v })} options={(o?.forms ?? []).map((f) => ({ value: f.code, label: t(f.label) }))} />
          <Select aria-label={t('开展情况')} value={carriedOut} allowClear placeholder={t('开展情况')} style={{ width: 120 }} onChange={(v) => set({ carriedOut: v })} options={[{ value: 'true', label: t('已开展') }, { value: 'false', label: t('未开展') }]} />
        </Space>
        {items.data && items.data.total === 0 ? <Typography.Text type="secondary">{t('该年度没有已审定的计划项。')}</Typography.Text> : mobile ? (
          <List loading={items.loading} dataSource={items.data?.items ?? []} pagination={{ current: page, total: items.data?.total ?? 0, pageSize: 20, size: 'small', simple: true, onChange: (p) => set({ page: String(p) }) }}
            renderItem={(r) => (
              <List.Item><List.Item.Meta title={<Link to={`/consultations/plans/${r.planId}`}>{r.title}</Link>}
                description={<Space direction="vertical" size={4}><Space wrap size={[6, 4]}><Tag>{r.plannedMonth ? t('{m}月', { m: r.plannedMonth }) : t('待定')}</Tag><span>{t(r.formLabel)}</span><span>{r.leadOrgName}</span></Space><TopicLinkList links={r.links} /></Space>} /></List.Item>
            )} />
        ) : (
          <Table<PlanItemView> rowKey="id" size="small" columns={columns} dataSource={items.data?.items ?? []} loading={items.loading} scroll={{ x: 'max-content' }}
            pagination={{ current: page, pageSize: 20, total: items.data?.total ?? 0, showTotal: (n: number) => t('共 {n} 条', { n }), onChange: (p) => set({ page: String(p) }) }} />
        )}
      </Card>
      <Modal open={creating} title={t('编制年度协商计划')} onCancel={() => setCreating(false)} onOk={() => createForm.submit()} okText={t('保存')}>
        <Form name="plan-create" form={createForm} layout="vertical" onFinish={create}>
          <Form.Item name="year" label={t('年度')} rules={[{ required: true }]}><Select options={years.map((y) => ({ value: y, label: t('{y}年', { y }) }))} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
