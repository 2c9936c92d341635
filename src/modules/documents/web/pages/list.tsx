/**
 * 公文: the archive and the documents on the chain. Filters (文种, 年度, 状态, 文号, 关键词) live in the address, so a
 * figure's link opens the same rows; a table on wide screens, a list on phones; 拟稿 opens a form that starts from the
 * chosen type's template.
 */
import { useState } from 'react';
import { Button, Form, Input, InputNumber, List, Modal, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { DocumentDetail, DocumentListItem, DocumentOptions } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { EmptyHint, PageCard, formatDate } from '../../../../kernel/web/components.tsx';

// the query keys a figure's list may carry (see server/figures.ts)
const keys = ['docType', 'state', 'year', 'number', 'q', 'mine', 'signedFrom', 'signedTo'] as const;

export default function DocumentsListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading } = useApiQuery<{ items: DocumentListItem[]; total: number }>('/api/office/documents', { ...filters, page, pageSize });
  const options = useApiQuery<DocumentOptions>('/api/office/documents/options');
  const [filterForm] = Form.useForm();
  const [createForm] = Form.useForm();
  const [creating, setCreating] = useState(false);

  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const chooseType = (code: string) => {
    const tpl = options.data?.types.find((x) => x.code === code)?.template;
    if (tpl) createForm.setFieldsValue({ title: tpl.title, body: tpl.body });
  };
  const create = async (v: { docType: string; title: string; addressee?: string; body: string }) => {
    try {
      const r = await api.post<DocumentDetail>('/api/office/documents', v);
      setCreating(false);
      createForm.resetFields();
      navigate(`/office/documents/${r.id}`);
    } catch (e) { if (!applyFormErrors(createForm, e)) report(e); }
  };

  const columns: ColumnsType<DocumentListItem> = [
    { title: t('文号'), dataIndex: 'number', key: 'number', width: 190, render: (v) => v ?? '—' },
    { title: t('标题'), dataIndex: 'title', key: 'title', render: (v, r) => <Link to={`/office/documents/${r.id}`}>{v}</Link> },
    { title: t('文种'), dataIndex: 'typeLabel', key: 'typeLabel', width: 70, render: (v) => t(v) },
    { title: t('状态'), dataIndex: 'state', key: 'state', width: 100, render: (_v, r) => <Tag color={r.stateTone}>{t(r.stateLabel)}</Tag> },
    { title: t('字数'), dataIndex: 'chars', key: 'chars', width: 80, align: 'right', responsive: ['md'] },
    { title: t('拟稿人'), dataIndex: 'ownerName', key: 'ownerName', width: 100, responsive: ['lg'] },
    { title: t('签发日期'), dataIndex: 'signedAt', key: 'signedAt', width: 120, responsive: ['md'], render: (v) => (v ? formatDate(v) : '—') },
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };

  return (
    <PageCard title={t('公文')} extra={can('documents.draft') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('拟稿')}</Button>}>
      <Form form={filterForm} name="documentFilter" layout={mobile ? 'vertical' : 'inline'} initialValues={{ ...filters, year: filters.year ? Number(filters.year) : undefined }} onFinish={(v) => apply({ ...filters, ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="docType" label={t('文种')}><Select allowClear style={{ minWidth: 100 }} placeholder={t('全部')} options={(options.data?.types ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
        <Form.Item name="year" label={t('年度')}><InputNumber min={2000} max={2100} style={{ width: mobile ? '100%' : 100 }} /></Form.Item>
        <Form.Item name="state" label={t('状态')}><Select allowClear style={{ minWidth: 110 }} placeholder={t('全部')} options={(options.data?.states ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
        <Form.Item name="number" label={t('文号')}><Input allowClear placeholder={t('如 长政协发〔2025〕')} style={{ width: mobile ? '100%' : 170 }} /></Form.Item>
        <Form.Item name="q" label={t('关键词')}><Input allowClear placeholder={t('标题或文号')} /></Form.Item>
        <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { filterForm.resetFields(); apply({}); }}>{t('重置')}</Button></Space></Form.Item>
      </Form>
      {data && data.total === 0 ? (
        <EmptyHint text={t('没有符合条件的公文。')} />
      ) : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item onClick={() => navigate(`/office/documents/${r.id}`)} style={{ cursor: 'pointer' }}>
              <List.Item.Meta title={<Link to={`/office/documents/${r.id}`}>{r.title}</Link>}
                description={<Space wrap size={[6, 4]}><Tag color={r.stateTone}>{t(r.stateLabel)}</Tag><span>{t(r.typeLabel)}</span>{r.number && <span>{r.number}</span>}<span>{t('{n}字', { n: r.chars })}</span></Space>} />
            </List.Item>
          )} />
      ) : (
        <Table<DocumentListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />
      )}
      <Modal open={creating} title={t('拟稿')} onCancel={() => setCreating(false)} onOk={() => createForm.submit()} okText={t('保存草稿')} width={mobile ? undefined : 760}>
        <Form form={createForm} name="documentCreate" layout="vertical" onFinish={create}>
          <Form.Item name="docType" label={t('文种')} rules={[{ required: true, message: t('请选择文种') }]} extra={t('选择文种后按模板填入标题和正文')}>
            <Select onChange={chooseType} options={(options.data?.types ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('标题')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="addressee" label={t('主送机关')}><Input maxLength={200} /></Form.Item>
          <Form.Item name="body" label={t('正文')} rules={[{ required: true }]}><Input.TextArea rows={mobile ? 8 : 14} maxLength={60000} /></Form.Item>
        </Form>
      </Modal>
    </PageCard>
  );
}
