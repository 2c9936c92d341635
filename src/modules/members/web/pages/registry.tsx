/**
 * 委员管理: the CPPCC's members with 界别, 党派, 届 and posts, 专委会 and contact details (masked unless the viewer may see
 * them), filtered by term, sector, party, committee, 常委 and serving; the make-up of the members serving today by
 * 界别, 党派 and 届 (each count opens its list); Excel export and import. The filters and the page live in the address.
 */
import { useRef } from 'react';
import { App, Button, Card, Form, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import type { RegistryImportResult, RegistryItem, RegistryPage, RegistryStats } from '../../../organizations/contract.ts';
import { ApiError, api, toQueryString } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { PageCard } from '../../../../kernel/web/components.tsx';
import { PERM_REGISTRY_MANAGE } from '../../domain/registry.ts';

const filterKeys = ['q', 'term', 'sector', 'party', 'committee', 'standing', 'active', 'servingOn', 'joinedFrom', 'joinedTo', 'leftFrom', 'leftTo'] as const;
interface Named { id: string; name: string }

export default function MemberRegistryPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const session = useSession();
  const manages = session.can(PERM_REGISTRY_MANAGE);
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm();
  const file = useRef<HTMLInputElement>(null);
  const filters: Record<string, string | undefined> = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading, error, reload } = useApiQuery<RegistryPage>('/api/members/registry', { ...filters, page, pageSize });
  const terms = useApiQuery<{ items: Array<{ termNo: number; label: string; current: boolean }> }>('/api/members/registry/terms');
  const groups = useApiQuery<{ sectors: Named[]; committees: Named[] }>('/api/members/search/groups');
  const stats = useApiQuery<RegistryStats>('/api/members/registry/stats');

  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const importFile = async (f: File) => {
    const body = new FormData();
    body.append('file', f);
    try {
      const r = await api.post<RegistryImportResult>('/api/members/registry/import', body);
      void message.success(t('已导入：更新 {u} 位，新增 {c} 位委员', { u: r.updated, c: r.created }));
      // the new members' accounts: the initial passwords are shown once, for the office to hand out
      if (r.accounts.length) {
        modal.info({
          title: t('新增委员的账号和初始密码（仅显示一次，首次登录须修改）'), width: 680,
          content: (
            <Table<RegistryImportResult['accounts'][number]> size="small" rowKey="row" pagination={false} scroll={{ y: 320 }} data-testid="import-accounts" dataSource={r.accounts}
              columns={[
                { title: t('行'), dataIndex: 'row', width: 56 }, { title: t('姓名'), dataIndex: 'name' }, { title: t('用户名'), dataIndex: 'username' },
                { title: t('初始密码'), dataIndex: 'initialPassword', render: (v: string) => <Typography.Text copyable code>{v}</Typography.Text> },
              ]} />
          ),
        });
      }
      reload();
    } catch (e) {
      if (e instanceof ApiError && e.details.length) {
        modal.error({
          title: t('导入失败，未导入任何委员'), width: 560,
          content: <div style={{ maxHeight: 320, overflow: 'auto' }} data-testid="import-errors">{e.details.map((d) => <div key={d.field}>{d.message}</div>)}</div>,
        });
      } else report(e);
    } finally { if (file.current) file.current.value = ''; }
  };

  const link = (r: RegistryItem) => <Link to={`/members/registry/${r.userId}`}>{r.name}</Link>;
  const columns: ColumnsType<RegistryItem> = [
    { title: t('姓名'), dataIndex: 'name', key: 'name', width: 100, fixed: 'left', render: (_, r) => link(r) },
    { title: t('性别'), dataIndex: 'gender', key: 'gender', width: 60, render: (v) => v ?? '—' },
    { title: t('界别'), dataIndex: 'sectorName', key: 'sector', width: 120, render: (v) => v ?? '—' },
    { title: t('党派'), dataIndex: 'party', key: 'party', width: 110, render: (v) => v ?? t('无党派') },
    { title: t('届次'), dataIndex: 'termLabel', key: 'term', width: 80, render: (v) => v ?? '—' },
    { title: t('职务'), dataIndex: 'posts', key: 'posts', width: 110, render: (ps: string[], r) => <Space size={4} wrap>{ps.map((p) => <Tag key={p} color={p === '委员' ? undefined : 'blue'}>{p}</Tag>)}{!r.active && <Tag color="default">{t('已离任')}</Tag>}</Space> },
    { title: t('专委会'), dataIndex: 'committees', key: 'committees', render: (cs: RegistryItem['committees']) => <Space size={[4, 4]} wrap>{cs.map((c) => <Tag key={c.id}>{c.role === '委员' ? c.name : `${c.name}·${c.role}`}</Tag>)}</Space> },
    { title: t('联系电话'), dataIndex: 'phone', key: 'phone', width: 130, render: (v) => v ?? '—' },
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 位委员', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };
  const statLinks = (rows: RegistryStats['bySector'], max: number) => (
    <Space size={[6, 6]} wrap>
      {rows.slice(0, max).map((r) => <Tag key={r.key} style={{ cursor: 'pointer' }} onClick={() => apply(r.query)} data-testid="stat-link">{r.label} {r.count}</Tag>)}
    </Space>
  );

  return (
    <PageCard title={t('委员管理')} extra={(
      <Space wrap>
        {manages && <Button icon={<FileExcelOutlined />} href="/api/members/registry/import-template.xlsx" data-testid="registry-template">{t('导入模板')}</Button>}
        {manages && <Button icon={<UploadOutlined />} onClick={() => file.current?.click()} data-testid="registry-import">{t('导入 Excel')}</Button>}
        <Button icon={<DownloadOutlined />} href={`/api/members/registry/export.xlsx${toQueryString(filters)}`}>{t('导出 Excel')}</Button>
        <input ref={file} type="file" accept=".xlsx" hidden data-testid="registry-file" onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f); }} />
      </Space>
    )}>
      {stats.data && (
        <Card size="small" style={{ marginBottom: 16 }} title={t('在任委员 {n} 人（{d}）', { n: stats.data.total, d: stats.data.servingOn })}>
          <Space direction="vertical" size={6} style={{ width: '100%' }}>
            <div><Typography.Text type="secondary">{t('按届次')}：</Typography.Text>{statLinks(stats.data.byTerm, 5)}</div>
            <div><Typography.Text type="secondary">{t('按党派')}：</Typography.Text>{statLinks(stats.data.byParty, 10)}</div>
            <div><Typography.Text type="secondary">{t('按界别')}：</Typography.Text>{statLinks(stats.data.bySector, mobile ? 8 : 30)}</div>
          </Space>
        </Card>
      )}
      <Form key={params.toString()} form={form} layout={mobile ? 'vertical' : 'inline'} initialValues={{ ...filters, term: filters.term ? Number(filters.term) : undefined }}
        onFinish={(v) => apply({ ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="q" label={t('姓名')}><Input allowClear placeholder={t('姓名或用户名')} style={{ width: mobile ? '100%' : 130 }} data-testid="registry-search" /></Form.Item>
        <Form.Item name="term" label={t('届次')}>
          <Select allowClear style={{ minWidth: 100 }} placeholder={t('全部')} options={(terms.data?.items ?? []).map((x) => ({ value: x.termNo, label: x.label }))} />
        </Form.Item>
        <Form.Item name="sector" label={t('界别')}>
          <Select allowClear showSearch optionFilterProp="label" style={{ minWidth: 130 }} placeholder={t('全部')} options={(groups.data?.sectors ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="committee" label={t('专委会')}>
          <Select allowClear showSearch optionFilterProp="label" style={{ minWidth: 150 }} placeholder={t('全部')} options={(groups.data?.committees ?? []).map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="standing" label={t('常委')}>
          <Select allowClear style={{ minWidth: 90 }} placeholder={t('全部')} options={[{ value: 'true', label: t('常委') }, { value: 'false', label: t('非常委') }]} />
        </Form.Item>
        <Form.Item name="active" label={t('在任')}>
          <Select allowClear style={{ minWidth: 90 }} placeholder={t('全部')} options={[{ value: 'true', label: t('在任') }, { value: 'false', label: t('已离任') }]} />
        </Form.Item>
        <Form.Item><Space><Button type="primary" htmlType="submit" data-testid="registry-submit">{t('查询')}</Button><Button onClick={() => apply({})}>{t('重置')}</Button></Space></Form.Item>
      </Form>
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      {mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta title={<Space size={6} wrap>{link(r)}{r.sectorName && <Tag color="blue">{r.sectorName}</Tag>}{r.posts.filter((p) => p !== '委员').map((p) => <Tag key={p}>{p}</Tag>)}</Space>}
                description={<Space wrap size={[10, 2]}><span>{r.termLabel}</span><span>{r.party ?? t('无党派')}</span><span>{r.phone}</span></Space>} />
            </List.Item>
          )} />
      ) : (
        <Table<RegistryItem> rowKey="userId" size="middle" columns={columns} dataSource={data?.items ?? []} loading={loading}
          pagination={pagination} scroll={{ x: 'max-content' }} data-testid="registry-table" />
      )}
    </PageCard>
  );
}
