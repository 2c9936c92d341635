/**
 * 协商平台台账: a county's platforms (the city: every county's, with a county filter), or a convener's own; filters and
 * paging live in the address (so a figure's link opens the same rows), a table on wide screens and a list on phones.
 * The staff register a platform, import a registry from Excel and export the filtered registry.
 */
import { useRef, useState } from 'react';
import { App, Button, DatePicker, Form, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, PlusOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Overview, PlatformDetail, PlatformListItem, StaffTowns as StaffTownList } from '../../contract.ts';
import { ApiError, api, applyFormErrors, toQueryString } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { EmptyHint, PageCard } from '../../../../kernel/web/components.tsx';
import { platformsPermissions } from '../../domain/result-lifecycle.ts';
import { ConvenerPicker, MembersPicker } from './member-picker.tsx';

// the query keys a figure's list may carry (see server/figures.ts)
const keys = ['county', 'town', 'q', 'mine'] as const;

export default function PlatformsListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const staff = can(platformsPermissions.read);
  const manages = can(platformsPermissions.manage);
  const filters: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  if (!staff) filters.mine = 'true';
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading, reload } = useApiQuery<{ items: PlatformListItem[]; total: number }>('/api/platforms', { ...filters, page, pageSize });
  const counties = useApiQuery<Overview>(staff ? '/api/platforms/overview' : null);
  const [filterForm] = Form.useForm();
  const [createForm] = Form.useForm();
  const [creating, setCreating] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const file = useRef<HTMLInputElement>(null);

  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const create = async (v: Record<string, any>) => {
    try {
      const r = await api.post<PlatformDetail>('/api/platforms', { ...v, village: v.village ?? '', establishedOn: v.establishedOn?.format('YYYY-MM-DD') });
      setCreating(false);
      createForm.resetFields();
      navigate(`/platforms/${r.id}`);
    } catch (e) { if (!applyFormErrors(createForm, e)) report(e); }
  };
  const importFile = async (f: File) => {
    const body = new FormData();
    body.append('file', f);
    try {
      const r = await api.post<{ added: number }>('/api/platforms/import', body);
      void message.success(t('已导入 {n} 个平台', { n: r.added }));
      reload();
    } catch (e) {
      if (e instanceof ApiError && e.details.length) {
        modal.error({ title: t('导入失败，未导入任何平台'), content: <div style={{ maxHeight: 300, overflow: 'auto' }}>{e.details.map((d) => <div key={d.field}>{t('第 {n} 行：', { n: d.field.replace('row.', '') })}{d.message}</div>)}</div> });
      } else report(e);
    } finally { if (file.current) file.current.value = ''; }
  };

  const columns: ColumnsType<PlatformListItem> = [
    { title: t('平台名称'), dataIndex: 'name', key: 'name', render: (v, r) => <Link to={`/platforms/${r.id}`}>{v}</Link> },
    { title: t('县（区）'), dataIndex: 'countyName', key: 'countyName', width: 130 },
    { title: t('乡镇（街道）'), dataIndex: 'town', key: 'town', width: 130 },
    { title: t('村（社区）'), dataIndex: 'village', key: 'village', width: 130, render: (v) => v || '—' },
    { title: t('召集人'), dataIndex: 'convenerName', key: 'convenerName', width: 100, render: (v, r) => <Space size={4}>{v}{r.convenerUserId && <Tag color="blue">{t('委员')}</Tag>}</Space> },
    { title: t('设立日期'), dataIndex: 'establishedOn', key: 'establishedOn', width: 120, responsive: ['md'] },
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };
  const { mine: _mine, ...exportFilters } = filters;

  return (
    <PageCard title={staff ? t('协商平台台账') : t('我召集的平台')} extra={staff && (
      <Space wrap>
        {manages && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('登记平台')}</Button>}
        {manages && <Button icon={<UploadOutlined />} onClick={() => file.current?.click()}>{t('导入 Excel')}</Button>}
        {manages && <Button icon={<TeamOutlined />} onClick={() => setAssigning(true)}>{t('乡镇工作人员')}</Button>}
        <Button icon={<DownloadOutlined />} href={`/api/platforms/export.xlsx${toQueryString(exportFilters)}`}>{t('导出 Excel')}</Button>
        <input ref={file} type="file" accept=".xlsx" hidden onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f); }} />
      </Space>
    )}>
      {staff && (
        <Form form={filterForm} layout={mobile ? 'vertical' : 'inline'} initialValues={filters} onFinish={(v) => apply({ ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
          {(counties.data?.counties.length ?? 0) > 1 && (
            <Form.Item name="county" label={t('县（区）')}><Select allowClear style={{ minWidth: 140 }} placeholder={t('全部')} options={(counties.data?.counties ?? []).map((c) => ({ value: c.countyId, label: c.countyName }))} /></Form.Item>
          )}
          <Form.Item name="town" label={t('乡镇（街道）')}><Input allowClear style={{ width: 140 }} /></Form.Item>
          <Form.Item name="q" label={t('关键词')}><Input allowClear placeholder={t('平台、村（社区）、召集人')} /></Form.Item>
          <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { filterForm.resetFields(); apply({}); }}>{t('重置')}</Button></Space></Form.Item>
        </Form>
      )}
      {data && data.total === 0 ? (
        <EmptyHint text={staff ? t('没有符合条件的协商平台。') : t('您还没有召集的协商平台。')} />
      ) : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/platforms/${r.id}`)} style={{ cursor: 'pointer' }} data-testid="platform-item">
              <List.Item.Meta title={<Link to={`/platforms/${r.id}`}>{r.name}</Link>}
                description={<Space wrap size={[6, 4]}><span>{r.countyName}</span><span>{r.town}{r.village}</span><span>{t('召集人')}：{r.convenerName}</span></Space>} />
            </List.Item>
          )} />
      ) : (
        <Table<PlatformListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />
      )}
      <Modal open={creating} title={t('登记平台')} onCancel={() => setCreating(false)} onOk={() => createForm.submit()} okText={t('保存')} width={mobile ? undefined : 640}>
        {/* a form name of its own: its fields' ids (and so their labels) differ from the filter form's */}
        <Form form={createForm} name="register" layout="vertical" onFinish={create}>
          <Form.Item name="town" label={t('乡镇（街道）')} rules={[{ required: true }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="village" label={t('村（社区）')} extra={t('乡镇（街道）本级的协商议事室不填')}><Input maxLength={60} /></Form.Item>
          <Form.Item name="name" label={t('平台名称')} rules={[{ required: true, min: 2 }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="convenerUserId" label={t('召集人（委员）')} extra={t('召集人是委员时选择，其本人即可在手机上记录协商活动')}>
            <ConvenerPicker onPicked={(name) => { if (name) createForm.setFieldValue('convenerName', name); }} />
          </Form.Item>
          <Form.Item name="convenerName" label={t('召集人')} rules={[{ required: true }]}><Input maxLength={40} /></Form.Item>
          <Form.Item name="convenerPhone" label={t('召集人电话')}><Input maxLength={30} /></Form.Item>
          <Form.Item name="memberUserIds" label={t('联系委员')}><MembersPicker /></Form.Item>
          <Form.Item name="establishedOn" label={t('设立日期')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        </Form>
      </Modal>
      {manages && <StaffTowns open={assigning} onClose={() => setAssigning(false)} />}
    </PageCard>
  );
}

/**
 * 乡镇工作人员: the county's platform staff, each limited to a town or to none (the whole county). Only the county's own
 * staff set them; a town's staff see the list.
 */
function StaffTowns({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const report = useReportError();
  const { message } = App.useApp();
  const { me } = useSession();
  const { data, loading, reload } = useApiQuery<StaffTownList>(open ? '/api/platforms/staff' : null);
  const setTown = async (userId: string, town: string | null) => {
    try {
      await api.put(`/api/platforms/staff/${userId}`, { town });
      void message.success(t('已保存'));
      reload();
    } catch (e) { report(e, { onReload: reload }); }
  };
  return (
    <Modal open={open} title={t('乡镇工作人员')} onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('限定到乡镇（街道）的工作人员只能查看和记录该乡镇的协商平台；不限定即负责全县（区）。')}</Typography.Paragraph>
      <Table<StaffTownList['items'][number]> rowKey="userId" size="small" loading={loading} dataSource={data?.items ?? []} pagination={false}
        columns={[
          { title: t('姓名'), dataIndex: 'name', key: 'name' },
          {
            title: t('负责的乡镇（街道）'), key: 'town', width: 220,
            // nobody limits their own account
            render: (_v, r) => (data?.canAssign && r.userId !== me?.id
              ? <Select allowClear style={{ width: 200 }} placeholder={t('全县（区）')} value={r.town ?? undefined} aria-label={t('{name}负责的乡镇（街道）', { name: r.name })}
                options={[...new Set([...(data?.towns ?? []), ...(r.town ? [r.town] : [])])].map((x) => ({ value: x, label: x }))} onChange={(v?: string) => void setTown(r.userId, v ?? null)} />
              : r.town ?? t('全县（区）')),
          },
        ]} />
    </Modal>
  );
}
