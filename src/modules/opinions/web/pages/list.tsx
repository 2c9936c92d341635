/** 社情民意信息: the submitter's own reports, or the editors' queue with filters (state, urgent, from lower levels, keyword). */
import { Button, Form, Input, List, Select, Space, Switch, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ReportListItem } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { EmptyHint, PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { StateTag, useOpinionOptions } from '../shared.tsx';
import { WorkYearLabel } from '../../../organizations/web/work-year.tsx';

// the filters a statistics figure links with (committee, sector, submitting unit, source CPPCC, submitter) come through the address too
const keys = ['state', 'q', 'urgent', 'incoming', 'mine', 'year', 'stage', 'adoptedLevel', 'instructionLevel', 'from', 'to',
  'submitterUserId', 'committeeId', 'sectorId', 'orgId', 'sourceTenantId'] as const;

export default function OpinionListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const options = useOpinionOptions();
  const filters: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading } = useApiQuery<{ items: ReportListItem[]; total: number }>('/api/opinions', { ...filters, page, pageSize });
  const [form] = Form.useForm();
  const staff = can('opinion.read_all');

  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '' && v !== false) p.set(k, v === true ? 'true' : String(v));
    setParams(p);
  };

  const columns: ColumnsType<ReportListItem> = [
    { title: t('标题'), dataIndex: 'title', key: 'title', render: (v, r) => <Space size={4} wrap>{r.urgent && <Tag color="red">{t('急')}</Tag>}<Link to={`/opinions/${r.id}`}>{v}</Link>{r.sourceTenantName && <Tag>{r.sourceTenantName}</Tag>}</Space> },
    { title: t('报送人'), dataIndex: 'submitterName', key: 'submitterName', width: 120 },
    { title: t('状态'), dataIndex: 'state', key: 'state', width: 100, render: (_v, r) => <StateTag label={r.stateLabel} tone={r.stateTone} /> },
    { title: t('期号'), dataIndex: 'issueNumber', key: 'issueNumber', width: 90, responsive: ['md'], render: (v) => v ?? '—' },
    { title: t('字数'), dataIndex: 'length', key: 'length', width: 80, responsive: ['lg'] },
    { title: t('报送时间'), dataIndex: 'submittedAt', key: 'submittedAt', width: 170, responsive: ['md'], render: (v) => formatDateTime(v) },
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };

  return (
    <PageCard title={staff ? t('社情民意信息') : t('我的社情民意')} extra={can('opinion.submit') && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/opinions/new')}>{t('报送信息')}</Button>}>
      <WorkYearLabel year={filters.year ? Number(filters.year) : undefined} block />
      {staff && (
        <Form form={form} layout={mobile ? 'vertical' : 'inline'} initialValues={{ ...filters, urgent: filters.urgent === 'true', incoming: filters.incoming === 'true' }} onFinish={(v) => apply({ ...filters, ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="state" label={t('状态')}><Select allowClear style={{ minWidth: 120 }} placeholder={t('全部')} options={(options.data?.states ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
          <Form.Item name="q" label={t('关键词')}><Input allowClear placeholder={t('标题关键词')} /></Form.Item>
          <Form.Item name="urgent" label={t('急事急报')} valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="incoming" label={t('下级报送')} valuePropName="checked"><Switch /></Form.Item>
          <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { form.resetFields(); apply({}); }}>{t('重置')}</Button></Space></Form.Item>
        </Form>
      )}
      {data && data.total === 0 ? (
        <EmptyHint text={t('没有符合条件的信息。')} action={can('opinion.submit') ? { label: t('报送信息'), to: '/opinions/new' } : undefined} />
      ) : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/opinions/${r.id}`)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={<Link to={`/opinions/${r.id}`}>{r.title}</Link>}
                description={<Space wrap size={[6, 4]}><StateTag label={r.stateLabel} tone={r.stateTone} />{r.urgent && <Tag color="red">{t('急')}</Tag>}{r.issueNumber && <span>{r.issueNumber}</span>}<span>{formatDateTime(r.submittedAt)}</span></Space>} />
            </List.Item>
          )} />
      ) : (
        <Table<ReportListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />
      )}
    </PageCard>
  );
}
