/**
 * 委员名录: the CPPCC's members with sector, committees and the year's counts, searchable by name, filterable by sector
 * and committee, sortable by any count; each count opens the member's record at the records behind it; Excel export.
 * The filters, the sort and the page live in the address.
 */
import { Button, Form, Input, InputNumber, List, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { directorySortKeys, directorySortLabels, type DirectoryFiltersInfo, type DirectoryItem, type DirectoryPage, type DirectorySortKey } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';
import { toQueryString } from '../../../../kernel/web/api.ts';
import { WorkYearLabel } from '../../../organizations/web/work-year.tsx';

const filterKeys = ['year', 'q', 'sector', 'committee', 'sort', 'order'] as const;
/** the directory's columns and the record figure each count opens */
const countColumns: Array<{ key: Exclude<DirectorySortKey, 'name'>; figure: string }> = [
  { key: 'led', figure: 'proposals.member.led' }, { key: 'cosigned', figure: 'proposals.member.cosigned' }, { key: 'reports', figure: 'opinions.member.submitted' },
  { key: 'adopted', figure: 'opinions.member.adopted' }, { key: 'points', figure: 'opinions.member.points' },
];

export default function MemberDirectoryPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm();
  const filters: Record<string, string | undefined> = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const info = useApiQuery<DirectoryFiltersInfo>('/api/members/filters');
  const { data, loading, error } = useApiQuery<DirectoryPage>('/api/members', { ...filters, page, pageSize });
  const year = data?.year ?? (filters.year ? Number(filters.year) : info.data?.currentYear);
  const sort = (filters.sort ?? 'points') as DirectorySortKey;
  const order = filters.order ?? (sort === 'name' ? 'asc' : 'desc');

  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const recordLink = (r: DirectoryItem, show?: string) => `/members/${r.userId}?${new URLSearchParams({ ...(year ? { year: String(year) } : {}), ...(show ? { show } : {}) })}`;
  const count = (r: DirectoryItem, key: Exclude<DirectorySortKey, 'name'>, figure: string) =>
    <Link to={recordLink(r, figure)} data-testid={`count-${key}`}>{r[key]}</Link>;

  const columns: ColumnsType<DirectoryItem> = [
    { title: t('姓名'), dataIndex: 'name', key: 'name', sorter: true, sortOrder: sort === 'name' ? (order === 'asc' ? 'ascend' : 'descend') : null, width: 110,
      render: (v, r) => <Link to={recordLink(r)}>{v}</Link> },
    { title: t('界别'), dataIndex: 'sectorName', key: 'sector', width: 120, render: (v) => v ?? '—' },
    { title: t('专委会'), dataIndex: 'committees', key: 'committees', render: (cs: DirectoryItem['committees']) => <Space size={[4, 4]} wrap>{cs.map((c) => <Tag key={c.id}>{c.name}</Tag>)}</Space> },
    ...countColumns.map(({ key, figure }) => ({
      title: t(directorySortLabels[key]), dataIndex: key, key, width: 96, sorter: true, align: 'right' as const,
      sortOrder: sort === key ? (order === 'asc' ? 'ascend' as const : 'descend' as const) : null,
      render: (_: unknown, r: DirectoryItem) => count(r, key, figure),
    })),
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 位委员', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };
  const onTable = (_p: unknown, _f: unknown, sorter: SorterResult<DirectoryItem> | SorterResult<DirectoryItem>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? String(s.columnKey) : undefined;
    apply({ ...filters, sort: key, order: key ? (s.order === 'ascend' ? 'asc' : 'desc') : undefined, page: 1, pageSize });
  };
  const exportHref = `/api/members/export.xlsx${toQueryString({ ...filters, year })}`;

  return (
    <PageCard title={t('委员名录')} extra={<Button icon={<DownloadOutlined />} href={exportHref} data-testid="directory-export">{t('导出 Excel')}</Button>}>
      <WorkYearLabel year={year} block />
      <Form form={form} layout={mobile ? 'vertical' : 'inline'} initialValues={{ sort: 'points', ...filters, year: filters.year ? Number(filters.year) : undefined }}
        onFinish={(v) => apply({ ...filters, ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="q" label={t('姓名')}><Input allowClear placeholder={t('按姓名搜索')} data-testid="directory-search" style={{ width: mobile ? '100%' : 140 }} /></Form.Item>
        <Form.Item name="sector" label={t('界别')}>
          <Select allowClear showSearch optionFilterProp="label" style={{ minWidth: 140 }} placeholder={t('全部')} options={(info.data?.sectors ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="committee" label={t('专委会')}>
          <Select allowClear showSearch optionFilterProp="label" style={{ minWidth: 160 }} placeholder={t('全部')} options={(info.data?.committees ?? []).map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="year" label={t('年度')}><InputNumber min={1990} max={2100} placeholder={String(info.data?.currentYear ?? '')} style={{ width: 90 }} /></Form.Item>
        {mobile && (
          <Form.Item name="sort" label={t('排序方式')}>
            <Select style={{ minWidth: 120 }} options={directorySortKeys.map((k) => ({ value: k, label: t(directorySortLabels[k]) }))} />
          </Form.Item>
        )}
        <Form.Item><Space><Button type="primary" htmlType="submit" data-testid="directory-submit">{t('查询')}</Button><Button onClick={() => { form.resetFields(); apply({}); }}>{t('重置')}</Button></Space></Form.Item>
      </Form>
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      {mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }} data-testid="directory-list"
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta title={<Space size={6} wrap><Link to={recordLink(r)}>{r.name}</Link>{r.sectorName && <Tag color="blue">{r.sectorName}</Tag>}</Space>}
                description={(
                  <Space wrap size={[10, 2]}>
                    {countColumns.map(({ key, figure }) => <span key={key}>{t(directorySortLabels[key])} {count(r, key, figure)}</span>)}
                  </Space>
                )} />
            </List.Item>
          )} />
      ) : (
        <Table<DirectoryItem> rowKey="userId" size="middle" columns={columns} dataSource={data?.items ?? []} loading={loading}
          pagination={pagination} onChange={onTable} scroll={{ x: 'max-content' }} data-testid="directory-table" />
      )}
    </PageCard>
  );
}
