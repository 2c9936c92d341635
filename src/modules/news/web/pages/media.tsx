/**
 * 媒体报道: reports on the CPPCC and its members in outside media (outlet, date, title, link, column, related members),
 * counted in the year's figures. Staff record and correct them; the list's filters live in the address.
 */
import { useEffect, useState } from 'react';
import { App, Button, DatePicker, Form, Input, List, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import type { MediaItem } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { EmptyHint, PageCard, formatDate } from '../../../../kernel/web/components.tsx';
import type { NewsOptions } from './list.tsx';

const keys = ['column', 'q', 'from', 'to', 'memberId'] as const;

/** 相关委员: a search over the CPPCC's members by name (the members module's picker API). */
function MemberPicker({ id, value, onChange, initial }: { id?: string; value?: string[]; onChange?: (v: string[]) => void; initial: Array<{ id: string; name: string }> }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [known, setKnown] = useState(initial);
  const found = useApiQuery<{ items: Array<{ userId: string; name: string; sectorName: string | null }> }>('/api/members/search', { q: q || undefined, pageSize: 20 });
  useEffect(() => {
    const more = (found.data?.items ?? []).map((m) => ({ id: m.userId, name: m.name }));
    setKnown((k) => [...k, ...more.filter((m) => !k.some((x) => x.id === m.id))]);
  }, [found.data]);
  return (
    <Select id={id} mode="multiple" value={value} onChange={onChange} showSearch filterOption={false} onSearch={setQ} placeholder={t('按姓名搜索委员')}
      options={[
        ...known.filter((m) => value?.includes(m.id)),
        ...(found.data?.items ?? []).filter((m) => !value?.includes(m.userId)).map((m) => ({ id: m.userId, name: m.sectorName ? `${m.name}（${m.sectorName}）` : m.name })),
      ].map((m) => ({ value: m.id, label: m.name }))} />
  );
}

export default function MediaPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading, reload } = useApiQuery<{ items: MediaItem[]; total: number }>('/api/news/media', { ...filters, page, pageSize });
  const options = useApiQuery<NewsOptions>('/api/news/options');
  const [editing, setEditing] = useState<MediaItem | 'new' | null>(null);
  const [form] = Form.useForm();
  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const open = (m: MediaItem | 'new') => {
    form.resetFields();
    if (m !== 'new') form.setFieldsValue({ outlet: m.outlet, reportDate: dayjs(m.reportDate), title: m.title, url: m.url, column: m.column, memberIds: m.members.map((x) => x.id) });
    setEditing(m);
  };
  const save = async (v: { outlet: string; reportDate: dayjs.Dayjs; title: string; url: string; column: string; memberIds?: string[] }) => {
    const body = { ...v, memberIds: v.memberIds ?? [], reportDate: v.reportDate.format('YYYY-MM-DD') };
    try {
      if (editing === 'new') await api.post('/api/news/media', body);
      else if (editing) await api.patch(`/api/news/media/${editing.id}`, { ...body, version: editing.version });
      setEditing(null);
      void message.success(t('已保存'));
      reload();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: reload }); }
  };
  const remove = async (m: MediaItem) => {
    try { await api.del(`/api/news/media/${m.id}?version=${m.version}`); reload(); } catch (e) { report(e, { onReload: reload }); }
  };
  const link = (m: MediaItem) => <a href={m.url} target="_blank" rel="noopener noreferrer">{m.title}</a>;
  const actions = (m: MediaItem) => m.actions.length > 0 && (
    <Space size={4}>
      <Button size="small" type="link" onClick={() => open(m)}>{t('修改')}</Button>
      <Popconfirm title={t('删除这条媒体报道？')} onConfirm={() => void remove(m)}><Button size="small" type="link" danger>{t('删除')}</Button></Popconfirm>
    </Space>
  );
  const columns: ColumnsType<MediaItem> = [
    { title: t('标题'), dataIndex: 'title', key: 'title', render: (_v, m) => link(m) },
    { title: t('媒体'), dataIndex: 'outlet', key: 'outlet', width: 140 },
    { title: t('报道日期'), dataIndex: 'reportDate', key: 'reportDate', width: 120, render: (v) => formatDate(v) },
    { title: t('栏目'), dataIndex: 'columnLabel', key: 'column', width: 100, render: (v) => <Tag>{t(v)}</Tag> },
    { title: t('相关委员'), key: 'members', width: 140, render: (_v, m) => m.members.map((x) => x.name).join('、') || '—' },
    { title: t('操作'), key: 'actions', width: 120, render: (_v, m) => actions(m) },
  ];
  const pagination = { current: page, pageSize, total: data?.total ?? 0, showTotal: (n: number) => t('共 {n} 条', { n }), onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }) };

  return (
    <PageCard title={t('媒体报道')} extra={options.data?.can.write && <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{t('登记报道')}</Button>}>
      <Form layout={mobile ? 'vertical' : 'inline'} initialValues={filters} onFinish={(v) => apply({ ...filters, ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="column" label={t('栏目')}><Select allowClear style={{ minWidth: 120 }} placeholder={t('全部')} options={(options.data?.columns ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
        <Form.Item name="q" label={t('关键词')}><Input allowClear placeholder={t('标题或媒体')} /></Form.Item>
        <Form.Item><Button type="primary" htmlType="submit">{t('查询')}</Button></Form.Item>
      </Form>
      {data && data.total === 0 ? <EmptyHint text={t('没有符合条件的媒体报道。')} /> : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(m) => <List.Item extra={actions(m)}><List.Item.Meta title={link(m)} description={`${m.outlet} · ${formatDate(m.reportDate)} · ${t(m.columnLabel)}`} /></List.Item>} />
      ) : (
        <Table<MediaItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />
      )}
      <Modal open={!!editing} title={editing === 'new' ? t('登记报道') : t('修改')} onCancel={() => setEditing(null)} onOk={() => form.submit()} okText={t('保存')}>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="title" label={t('标题')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="outlet" label={t('媒体')} rules={[{ required: true, min: 2 }]}><Input maxLength={100} placeholder={t('如：人民政协报')} /></Form.Item>
          <Form.Item name="reportDate" label={t('报道日期')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="url" label={t('链接')} rules={[{ required: true, type: 'url' }]}><Input placeholder="https://" /></Form.Item>
          <Form.Item name="column" label={t('栏目')} rules={[{ required: true }]}><Select options={(options.data?.columns ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
          <Form.Item name="memberIds" label={t('相关委员')}>{editing && <MemberPicker initial={editing === 'new' ? [] : editing.members} />}</Form.Item>
        </Form>
      </Modal>
    </PageCard>
  );
}
