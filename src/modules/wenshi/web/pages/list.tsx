/**
 * Lists of 文史资料, one component in three uses: the 文史委 staff's list (every material of the CPPCC, the review
 * queue first), 我的投稿 (one's own submissions, with the form to submit one) and the archive (文史资料库: materials of
 * published issues). Filters and paging live in the address (a figure's link opens the same rows); a table on wide
 * screens, a list of cards on phones. Everything a contributor wrote is rendered as text.
 */
import { useState } from 'react';
import { Button, Form, Input, InputNumber, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { WenshiDetail, WenshiListItem } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { EmptyHint, PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { PhotoUpload } from './photo-upload.tsx';

// the query keys a figure's list may carry (see server/figures.ts), and the archive's filters
const keys = ['state', 'q', 'period', 'place', 'people', 'topic', 'year', 'issueId', 'source', 'from', 'to'] as const;
type Mode = 'staff' | 'mine' | 'archive';

interface Options { states: Array<{ code: string; label: string }>; periods: string[]; sections: string[]; issues: Array<{ id: string; label: string; published: boolean }> }

function MaterialsPage({ mode }: { mode: Mode }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const scope = mode === 'mine' ? { mine: 'true' } : mode === 'archive' ? { archive: 'true' } : {};
  const { data, loading, reload } = useApiQuery<{ items: WenshiListItem[]; total: number }>('/api/wenshi', { ...scope, ...filters, page, pageSize });
  const options = useApiQuery<Options>('/api/wenshi/options');
  const [filterForm] = Form.useForm();
  const [createForm] = Form.useForm();
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  // on a phone the filters beyond keyword, state and period fold away (opened when one of them is in use)
  const [more, setMore] = useState(() => ['place', 'people', 'topic', 'year', 'issueId', 'source'].some((k) => !!params.get(k)));
  const showMore = !mobile || more;
  const w = (px: number) => (mobile ? undefined : { width: px });

  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const create = async (v: Record<string, unknown>) => {
    setSaving(true);
    try {
      const r = await api.post<WenshiDetail>('/api/wenshi', v);
      setCreating(false);
      createForm.resetFields();
      reload();
      navigate(`/wenshi/${r.id}`);
    } catch (e) { if (!applyFormErrors(createForm, e)) report(e); } finally { setSaving(false); }
  };

  const title = mode === 'mine' ? t('我的投稿') : mode === 'archive' ? t('文史资料库') : t('文史资料征集');
  const periodOptions = (options.data?.periods ?? []).map((p) => ({ value: p, label: t(p) }));
  const meta = (r: WenshiListItem) => [r.period, r.place, r.people, r.topic].filter(Boolean).join(' · ');
  const columns: ColumnsType<WenshiListItem> = [
    { title: t('标题'), dataIndex: 'title', key: 'title', render: (v, r) => <Link to={`/wenshi/${r.id}`}>{v}</Link> },
    { title: t('时期'), dataIndex: 'period', key: 'period', width: 170, render: (v) => (v ? t(v) : '—') },
    { title: t('地点'), dataIndex: 'place', key: 'place', width: 130, responsive: ['lg'], render: (v) => v ?? '—' },
    { title: t('主题'), dataIndex: 'topic', key: 'topic', width: 120, responsive: ['lg'], render: (v) => v ?? '—' },
    { title: t('投稿人'), dataIndex: 'contributorName', key: 'contributorName', width: 140, render: (v, r) => <Space size={4}>{v}{r.source === 'public' && <Tag>{t('社会公众')}</Tag>}</Space> },
    ...(mode === 'archive' ? [] : [{ title: t('状态'), dataIndex: 'state', key: 'state', width: 100, render: (_v: unknown, r: WenshiListItem) => <Tag color={r.stateTone}>{t(r.stateLabel)}</Tag> }]),
    { title: t('辑刊'), dataIndex: 'issueLabel', key: 'issueLabel', width: 150, responsive: ['md'], render: (v) => v ?? '—' },
    { title: t('投稿时间'), dataIndex: 'createdAt', key: 'createdAt', width: 170, responsive: ['md'], render: (v) => formatDateTime(v) },
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };

  return (
    <PageCard title={title} extra={mode === 'mine' && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="wenshi-new">{t('投稿')}</Button>}>
      <Form form={filterForm} layout={mobile ? 'vertical' : 'inline'} initialValues={filters} onFinish={(v) => apply({ ...filters, ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="q" label={t('关键词')}><Input allowClear placeholder={t('标题、正文、人物、地点')} style={{ minWidth: 180 }} /></Form.Item>
        {mode !== 'archive' && <Form.Item name="state" label={t('状态')}><Select allowClear style={{ minWidth: 120 }} placeholder={t('全部')} options={(options.data?.states ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>}
        <Form.Item name="period" label={t('时期')}><Select allowClear style={{ minWidth: 180 }} placeholder={t('全部')} options={periodOptions} /></Form.Item>
        {mode !== 'mine' && showMore && <>
          <Form.Item name="place" label={t('地点')}><Input allowClear style={w(120)} /></Form.Item>
          <Form.Item name="people" label={t('人物')}><Input allowClear style={w(120)} /></Form.Item>
          <Form.Item name="topic" label={t('主题')}><Input allowClear style={w(120)} /></Form.Item>
          <Form.Item name="year" label={t('投稿年度')}><InputNumber min={1949} max={2100} style={mobile ? { width: '100%' } : { width: 100 }} /></Form.Item>
          <Form.Item name="issueId" label={t('辑刊')}><Select allowClear style={{ minWidth: 160 }} placeholder={t('全部')}
            options={(options.data?.issues ?? []).filter((i) => mode !== 'archive' || i.published).map((i) => ({ value: i.id, label: i.label }))} /></Form.Item>
        </>}
        {mode === 'staff' && showMore && <Form.Item name="source" label={t('来源')}><Select allowClear style={{ minWidth: 110 }} placeholder={t('全部')} options={[{ value: 'member', label: t('委员') }, { value: 'public', label: t('社会公众') }]} /></Form.Item>}
        <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { filterForm.resetFields(); apply({}); }}>{t('重置')}</Button>
          {mobile && mode !== 'mine' && <Button type="link" onClick={() => setMore(!more)}>{more ? t('收起筛选') : t('更多筛选')}</Button>}</Space></Form.Item>
      </Form>
      {data && data.total === 0 ? (
        <EmptyHint text={mode === 'mine' ? t('您还没有投稿。') : t('没有符合条件的文史资料。')} />
      ) : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/wenshi/${r.id}`)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={<Link to={`/wenshi/${r.id}`}>{r.title}</Link>}
                description={<Space direction="vertical" size={2}>
                  <Space wrap size={[6, 4]}>{mode !== 'archive' && <Tag color={r.stateTone}>{t(r.stateLabel)}</Tag>}<span>{r.contributorName}</span>{r.issueLabel && <span>{r.issueLabel}</span>}</Space>
                  {meta(r) && <Typography.Text type="secondary">{meta(r)}</Typography.Text>}
                </Space>} />
            </List.Item>
          )} />
      ) : (
        <Table<WenshiListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />
      )}
      <Modal open={creating} title={t('投稿文史资料')} onCancel={() => setCreating(false)} onOk={() => createForm.submit()} okText={t('提交')} confirmLoading={saving} width={mobile ? undefined : 760} destroyOnHidden>
        <Form form={createForm} layout="vertical" onFinish={create}>
          <Form.Item name="title" label={t('标题')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="body" label={t('正文')} rules={[{ required: true, min: 10 }]}><Input.TextArea rows={8} maxLength={50_000} showCount /></Form.Item>
          <Form.Item name="period" label={t('时期')}><Select allowClear options={periodOptions} /></Form.Item>
          <Form.Item name="place" label={t('地点')}><Input maxLength={100} /></Form.Item>
          <Form.Item name="people" label={t('人物')}><Input maxLength={200} /></Form.Item>
          <Form.Item name="topic" label={t('主题')}><Input maxLength={100} placeholder={t('如：上党战役、太行山根据地、长治古建筑')} /></Form.Item>
          <Form.Item name="contributorContact" label={t('联系方式')} extra={t('仅文史委工作人员可见')}><Input maxLength={100} /></Form.Item>
          <Form.Item name="attachmentIds" label={t('照片或扫描件')}><PhotoUpload /></Form.Item>
        </Form>
      </Modal>
    </PageCard>
  );
}

export default function StaffMaterialsPage() { return <MaterialsPage mode="staff" />; }
export function MyMaterialsPage() { return <MaterialsPage mode="mine" />; }
export function ArchivePage() { return <MaterialsPage mode="archive" />; }
