/**
 * 调研视察列表: the trips the caller may see (all of the CPPCC for the office and the leaders; a committee's own; the
 * ones a member takes part in). Filters live in the address, so a figure's link opens the same rows; a table on wide
 * screens and a list on phones.
 */
import { Button, Form, Input, InputNumber, List, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileWordOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { InspectionListItem } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { EmptyHint, PageCard, formatDate } from '../../../../kernel/web/components.tsx';
import { API, listKeys, NewTripButton, type Options } from './shared.tsx';

export default function InspectionsListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string | undefined> = Object.fromEntries(listKeys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading } = useApiQuery<{ items: InspectionListItem[]; total: number }>(API, { ...filters, page, pageSize });
  const options = useApiQuery<Options>(`${API}/options`);
  const [form] = Form.useForm();
  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const dates = (r: InspectionListItem) => (r.plannedFrom === r.plannedTo ? formatDate(r.plannedFrom) : `${formatDate(r.plannedFrom)} – ${formatDate(r.plannedTo)}`);
  const columns: ColumnsType<InspectionListItem> = [
    { title: t('类型'), dataIndex: 'kindLabel', key: 'kind', width: 70, render: (v) => <Tag color={v === '视察' ? 'volcano' : 'blue'}>{t(v)}</Tag> },
    { title: t('题目'), dataIndex: 'title', key: 'title', render: (v, r) => <Link to={`/inspections/${r.id}`}>{v}</Link> },
    { title: t('牵头专委会'), dataIndex: 'leadCommitteeName', key: 'committee', width: 160, responsive: ['md'] },
    { title: t('计划日期'), key: 'dates', width: 200, render: (_v, r) => dates(r) },
    { title: t('参加委员'), dataIndex: 'participantCount', key: 'n', width: 90, responsive: ['lg'] },
    { title: t('问题/建议'), key: 'findings', width: 100, responsive: ['lg'], render: (_v, r) => (r.recommendationCount ? `${r.problemCount} / ${r.recommendationCount}` : '—') },
    { title: t('状态'), dataIndex: 'state', key: 'state', width: 100, render: (_v, r) => <Space size={4}><Tag color={r.stateTone}>{t(r.stateLabel)}</Tag>{r.reportLate && <Tag color="red">{t('报告逾期')}</Tag>}</Space> },
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };
  const opts = (list?: Array<{ code: string; label: string }>) => (list ?? []).map((o) => ({ value: o.code, label: t(o.label) }));
  const staff = can('inspections.read_all') || can('inspections.manage');
  // the year's plan as a Word document: the year filtered on, else the working year
  const planYear = filters.year ?? (options.data ? String(options.data.year) : undefined);
  return (
    <PageCard title={staff ? t('调研视察') : t('我参加的调研视察')} extra={<Space wrap>
      {staff && planYear && <Button icon={<FileWordOutlined />} href={`${API}/plan.docx?year=${planYear}`} data-testid="plan-docx">{t('下载计划 Word')}</Button>}
      {can('inspections.manage') && <NewTripButton />}
    </Space>}>
      <Form form={form} layout={mobile ? 'vertical' : 'inline'} initialValues={filters} onFinish={(v) => apply({ ...filters, ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="year" label={t('年度')}><InputNumber min={2000} max={2100} style={{ width: 100 }} /></Form.Item>
        <Form.Item name="kind" label={t('类型')}><Select allowClear style={{ minWidth: 90 }} placeholder={t('全部')} options={opts(options.data?.kinds)} /></Form.Item>
        <Form.Item name="state" label={t('状态')}><Select allowClear style={{ minWidth: 110 }} placeholder={t('全部')} options={opts(options.data?.states)} /></Form.Item>
        {staff && <Form.Item name="committeeId" label={t('牵头专委会')}><Select allowClear style={{ minWidth: 160 }} placeholder={t('全部')} options={opts(options.data?.committees)} /></Form.Item>}
        <Form.Item name="q" label={t('关键词')}><Input allowClear placeholder={t('题目关键词')} /></Form.Item>
        <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { form.resetFields(); apply({}); }}>{t('重置')}</Button></Space></Form.Item>
      </Form>
      {data && data.total === 0 ? (
        <EmptyHint text={t('没有符合条件的调研视察。')} />
      ) : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/inspections/${r.id}`)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={<Link to={`/inspections/${r.id}`}>{r.title}</Link>}
                description={<Space wrap size={[6, 4]}><Tag color={r.kindLabel === '视察' ? 'volcano' : 'blue'}>{t(r.kindLabel)}</Tag><Tag color={r.stateTone}>{t(r.stateLabel)}</Tag><span>{dates(r)}</span><span>{r.places.join('、')}</span></Space>} />
            </List.Item>
          )} />
      ) : (
        <Table<InspectionListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />
      )}
    </PageCard>
  );
}
