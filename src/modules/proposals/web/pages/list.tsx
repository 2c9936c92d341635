/** 提案列表: query form (year, status, keyword, type) above a paged table (共 N 条); a card list on phones. */
import { useMemo } from 'react';
import { Button, Form, Input, List, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { BookOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ProposalListItem } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { EmptyHint, PageCard } from '../../../../kernel/web/components.tsx';
import { StateTag, labelOf, useProposalOptions } from '../shared.tsx';
import { clock } from '../../../../kernel/universal/clock.ts';
import { WorkYearLabel } from '../../../organizations/web/work-year.tsx';

/** The list filters a statistics figure may add beyond the form's (see `ProposalListQuery`). */
const statFilterKeys = ['stage', 'category', 'unitId', 'isKey', 'replyClass', 'satisfaction', 'session', 'sectorId', 'committeeId', 'onTime', 'overdue', 'isExcellent', 'converted', 'topicId'] as const;

interface Filters { year?: number; state?: string; q?: string; type?: string; mine?: boolean }

/** The fixed columns (662 px: 100 + 100 + 120 + 120 + 150 + 72) and 240 px for the title, which wraps. */
const TABLE_MIN_WIDTH = 902;

export default function ProposalListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const options = useProposalOptions();
  const filters: Filters = {
    year: params.get('year') ? Number(params.get('year')) : undefined,
    state: params.get('state') ?? undefined,
    q: params.get('q') ?? undefined,
    type: params.get('type') ?? undefined,
    mine: params.get('mine') === 'true' ? true : undefined,
  };
  // the filters a statistics figure opens the list with (提案统计), kept while the form changes; `statLabel` names the figure
  const statFilters = Object.fromEntries(statFilterKeys.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const statLabel = params.get('statLabel');
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading } = useApiQuery<{ items: ProposalListItem[]; total: number }>('/api/proposals', {
    ...statFilters, ...filters, mine: filters.mine ? 'true' : undefined, page, pageSize,
  });
  const [form] = Form.useForm<Filters>();
  const exportQuery = new URLSearchParams([...params.entries()].filter(([k]) => k !== 'page' && k !== 'pageSize')).toString();

  const apply = (next: Filters & { page?: number; pageSize?: number }, keepStat = true) => {
    const p = new URLSearchParams(keepStat ? { ...statFilters, ...(statLabel ? { statLabel } : {}) } : {});
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '' && v !== false) p.set(k, String(v));
    setParams(p);
  };

  const years = useMemo(() => {
    const y = options.data?.currentSession.year ?? clock.year();
    return Array.from({ length: 6 }, (_, i) => y - i);
  }, [options.data]);

  // widths that fit a 1280 px screen beside the menu (about 940 px of table), the title taking what is left and wrapping;
  // the table scrolls sideways only below TABLE_MIN_WIDTH, so the 状态 column is never cut off at desktop sizes
  const columns: ColumnsType<ProposalListItem> = [
    { title: t('编号'), dataIndex: 'number', key: 'number', width: 100, render: (v) => v ?? <Typography.Text type="secondary">{t('未编号')}</Typography.Text> },
    { title: t('标题'), dataIndex: 'title', key: 'title', render: (v, r) => <Space size={4} wrap><Link to={`/proposals/${r.id}`}>{v}</Link>{r.isKey && <Tag color="red">{t('重点')}</Tag>}{r.topicTitle && <Tag color="blue" title={t('参考选题')}>{t('选题')}：{r.topicTitle}</Tag>}</Space> },
    { title: t('提案人'), dataIndex: 'proposerName', key: 'proposerName', width: 100 },
    { title: t('类型'), dataIndex: 'type', key: 'type', width: 120, responsive: ['lg'], render: (v) => t(labelOf(options.data?.types, v)) },
    { title: t('状态'), dataIndex: 'state', key: 'state', width: 120, render: (_v, r) => <StateTag label={r.stateLabel} tone={r.stateTone} /> },
    { title: t('主办单位'), dataIndex: 'leadUnitName', key: 'leadUnitName', width: 150, responsive: ['md'], render: (v) => v ?? '—' },
    { title: t('年度'), dataIndex: 'year', key: 'year', width: 72, responsive: ['xl'] },
  ];

  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile,
    showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };

  return (
    <PageCard title={t('提案')} extra={(
      <Space wrap>
        {/* exactly the filtered list (the same query as the table, without paging) */}
        <Button icon={<DownloadOutlined />} href={`/api/proposals/export.xlsx?${exportQuery}`} data-testid="proposal-export" aria-label={t('导出 Excel')} title={t('导出 Excel')}>{!mobile && t('导出 Excel')}</Button>
        {can('proposal.read_all') && <Button icon={<BookOutlined />} href={`/api/proposals/compilation.docx?${exportQuery}`} data-testid="proposal-compilation" aria-label={t('导出提案汇编')} title={t('导出提案汇编')}>{!mobile && t('导出提案汇编')}</Button>}
        {can('proposal.create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/proposals/new')}>{t('撰写提案')}</Button>}
      </Space>
    )}>
      <WorkYearLabel year={filters.year} block />
      {Object.keys(statFilters).length > 0 && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('统计条件')}</Typography.Text>
          <Tag color="blue" closable onClose={() => apply({ ...filters, page: 1, pageSize }, false)}>{statLabel ?? t('统计数字')}</Tag>
        </Space>
      )}
      <Form form={form} layout={mobile ? 'vertical' : 'inline'} initialValues={filters} onFinish={(v) => apply({ ...v, page: 1, pageSize })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="year" label={t('年度')}><Select allowClear style={{ minWidth: 110 }} placeholder={t('全部')} options={years.map((y) => ({ value: y, label: String(y) }))} /></Form.Item>
        <Form.Item name="state" label={t('状态')}><Select allowClear style={{ minWidth: 140 }} placeholder={t('全部')} options={(options.data?.states ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
        <Form.Item name="type" label={t('类型')}><Select allowClear style={{ minWidth: 150 }} placeholder={t('全部')} options={(options.data?.types ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
        <Form.Item name="q" label={t('关键词')}><Input allowClear placeholder={t('标题关键词')} /></Form.Item>
        {can('proposal.create') && <Form.Item name="mine" label={t('只看我的')} valuePropName="checked"><Switch /></Form.Item>}
        <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { form.setFieldsValue({ year: undefined, state: undefined, q: undefined, type: undefined, mine: undefined }); apply({}, false); }}>{t('重置')}</Button></Space></Form.Item>
      </Form>
      {data && data.total === 0 ? (
        <EmptyHint text={t('没有符合条件的提案。可以换个条件查询。')} action={can('proposal.create') ? { label: t('撰写提案'), to: '/proposals/new' } : undefined} />
      ) : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/proposals/${r.id}`)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={<Link to={`/proposals/${r.id}`}>{r.title}</Link>}
                description={<Space wrap size={[6, 4]}><StateTag label={r.stateLabel} tone={r.stateTone} />{r.number && <span>{r.number}</span>}<span>{r.proposerName}</span>{r.leadUnitName && <span>{r.leadUnitName}</span>}</Space>} />
            </List.Item>
          )} />
      ) : (
        <Table<ProposalListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: TABLE_MIN_WIDTH }} />
      )}
    </PageCard>
  );
}
