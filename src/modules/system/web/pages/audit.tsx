/** 审计日志: the audit administrator searches the hash-chained log and verifies that no record was altered or removed. */
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, DatePicker, Form, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { SafetyOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { AuditRowView } from '../../contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';

interface Filters { action?: string; actorId?: string; entityType?: string; from?: string; to?: string }
interface Verify { ok: boolean; count: number; brokenAt?: number; reason?: string }

/** The record a log entry is about: its kind and title, linked to its page, with the type and id on hover. */
function AuditEntity({ row: r }: { row: AuditRowView }) {
  const { t } = useI18n();
  if (!r.entityType) return <>—</>;
  const raw = `${r.entityType}${r.entityId ? ' / ' + r.entityId : ''}`;
  const kind = r.entityLabel ? t(r.entityLabel) : r.entityType;
  if (!r.entityTitle) return <span title={raw} data-testid="audit-entity">{r.entityLabel ? `${kind}${r.entityId ? ' / ' + r.entityId : ''}` : raw}</span>;
  const name = r.entityLink ? <Link to={r.entityLink}>{r.entityTitle}</Link> : r.entityTitle;
  return <span title={raw} data-testid="audit-entity"><Typography.Text type="secondary">{kind}</Typography.Text> {name}</span>;
}

export default function AuditPage() {
  const { t } = useI18n();
  const report = useReportError();
  const mobile = useIsMobile();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { data, loading } = useApiQuery<{ items: AuditRowView[]; total: number }>('/api/audit', { ...filters, ...paging });
  const [verify, setVerify] = useState<Verify | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [form] = Form.useForm();

  const runVerify = async () => {
    setVerifying(true);
    try { setVerify(await api.get<Verify>('/api/audit/verify')); } catch (e) { report(e); } finally { setVerifying(false); }
  };

  const columns: ColumnsType<AuditRowView> = [
    { title: t('序号'), dataIndex: 'seq', key: 'seq', width: 80 },
    { title: t('时间'), dataIndex: 'at', key: 'at', render: (v) => formatDateTime(v) },
    { title: t('操作人'), dataIndex: 'actorName', key: 'actorName' },
    { title: t('操作'), dataIndex: 'action', key: 'action' },
    { title: t('对象'), key: 'entity', responsive: ['md'], render: (_v, r) => <AuditEntity row={r} /> },
    { title: t('来源地址'), dataIndex: 'ip', key: 'ip', responsive: ['lg'] },
  ];

  return (
    <PageCard title={t('审计日志')} extra={<Button icon={<SafetyOutlined />} loading={verifying} onClick={() => void runVerify()}>{t('校验完整性')}</Button>}>
      {verify && (verify.ok
        ? <Alert type="success" showIcon closable style={{ marginBottom: 16 }} title={t('审计日志完整：共 {n} 条记录，哈希链校验通过。', { n: verify.count })} />
        : <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('审计日志在第 {seq} 条处断链：{reason}', { seq: verify.brokenAt ?? '?', reason: verify.reason ?? '' })} />)}
      <Form form={form} layout={mobile ? 'vertical' : 'inline'} style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v: { action?: string; actorId?: string; entityType?: string; range?: [Dayjs, Dayjs] }) => {
          setFilters({ action: v.action || undefined, actorId: v.actorId || undefined, entityType: v.entityType || undefined, from: v.range?.[0]?.format('YYYY-MM-DD'), to: v.range?.[1]?.format('YYYY-MM-DD') });
          setPaging((p) => ({ ...p, page: 1 }));
        }}>
        <Form.Item name="action" label={t('操作')}><Input allowClear placeholder="auth.login" /></Form.Item>
        <Form.Item name="actorId" label={t('操作人')}><Input allowClear placeholder={t('用户编号')} /></Form.Item>
        <Form.Item name="entityType" label={t('对象类型')}><Input allowClear /></Form.Item>
        <Form.Item name="range" label={t('日期')}><DatePicker.RangePicker /></Form.Item>
        <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { form.resetFields(); setFilters({}); }}>{t('重置')}</Button></Space></Form.Item>
      </Form>
      <Table<AuditRowView>
        rowKey="seq" columns={columns} dataSource={data?.items ?? []} loading={loading} size={mobile ? 'small' : 'middle'} scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (r) => <>{mobile && r.entityType ? <div style={{ marginBottom: 8 }}><AuditEntity row={r} /></div> : null}<Typography.Paragraph code style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{JSON.stringify(r.data, null, 2)}{'\n'}hash: {r.hash}</Typography.Paragraph></> }}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('共 {n} 条', { n }), onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
      />
    </PageCard>
  );
}
