/**
 * 建议落实: for the office and leaders, the board (every open recommendation by source, department and age, each count
 * a link to its list) above the list; for a department, what it owes the CPPCC: its recommendations here and, through
 * the proposals module's own list, its proposals in handling. Filters and paging live in the address (so a figure's or
 * the board's link opens the same rows); a table on wide screens and a list on phones; the office enters a report's
 * recommendation by hand.
 */
import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, List, Modal, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { RecommendationsBoard, RecommendationsListItem } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { EmptyHint, PageCard, formatDate } from '../../../../kernel/web/components.tsx';

// the query keys a figure's or the board's list may carry (see server/figures.ts and the board)
const keys = ['state', 'open', 'sourceType', 'sourceId', 'unitId', 'overdue', 'answered', 'age', 'extensionPending', 'q', 'from', 'to'] as const;
/** the proposal states in which a unit still owes its handling (办理阶段), as the proposals list filters them */
const PROPOSALS_IN_HANDLING = 'assigned,objected,in_progress,extension_requested,reply_signoff,rehandle';
type Option = { code: string; label: string };
interface Options { states: Option[]; sourceTypes: Option[]; units: Option[]; ages: Option[] }

export default function RecommendationsListPage() {
  const { t } = useI18n();
  const { can, me } = useSession();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const staff = can('recommendations.read_all');
  const { data, loading, reload } = useApiQuery<{ items: RecommendationsListItem[]; total: number }>('/api/recommendations', { ...filters, page, pageSize });
  const options = useApiQuery<Options>('/api/recommendations/options');
  const board = useApiQuery<RecommendationsBoard>(staff ? '/api/recommendations/board' : null);
  // a department's proposals in handling, as the proposals module lists them
  const proposals = useApiQuery<{ total: number }>(!staff && me ? '/api/proposals' : null, { unitId: me?.orgId, state: PROPOSALS_IN_HANDLING, pageSize: 1 });
  const [filterForm] = Form.useForm();
  const [createForm] = Form.useForm();
  const [creating, setCreating] = useState(false);

  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const create = async (v: Record<string, any>) => {
    try {
      const body: Record<string, any> = { ...v, instructionAt: v.instructionAt ? v.instructionAt.format('YYYY-MM-DD') : undefined };
      for (const k of Object.keys(body)) if (body[k] === '' || body[k] === undefined || body[k] === null) delete body[k];
      await api.post('/api/recommendations', body);
      setCreating(false);
      createForm.resetFields();
      reload();
      board.reload?.();
    } catch (e) { if (!applyFormErrors(createForm, e)) report(e); }
  };

  const columns: ColumnsType<RecommendationsListItem> = [
    { title: t('建议内容'), dataIndex: 'text', key: 'text', render: (v, r) => <Link to={`/recommendations/${r.id}`}>{v}</Link> },
    { title: t('来源'), key: 'source', width: 260, responsive: ['lg'], render: (_v, r) => <Space direction="vertical" size={0}><Tag>{t(r.sourceTypeLabel)}</Tag><Typography.Text type="secondary" ellipsis style={{ maxWidth: 240 }}>{r.sourceTitle}</Typography.Text></Space> },
    { title: t('责任单位'), dataIndex: 'unitName', key: 'unitName', width: 140 },
    { title: t('状态'), dataIndex: 'state', key: 'state', width: 110, render: (_v, r) => <Space size={4} wrap><Tag color={r.stateTone}>{t(r.stateLabel)}</Tag>{r.extensionPending && <Tag color="orange">{t('延期申请')}</Tag>}</Space> },
    { title: t('反馈期限'), dataIndex: 'dueDate', key: 'dueDate', width: 120, render: (v, r) => (v ? <Typography.Text type={r.overdue ? 'danger' : undefined}>{formatDate(v)}{r.overdue ? ` ${t('超期')}` : ''}</Typography.Text> : '—') },
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };
  const cellLink = (query: Record<string, string>, n: number, danger = false) => (
    <a onClick={() => apply(query)} style={danger && n > 0 ? { color: '#cf1322' } : undefined}>{n}</a>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {staff && board.data && (
        <PageCard title={t('督办看板')}>
          <Row gutter={[16, 16]}>
            {[
              ['未办结', board.data.open, { open: 'true' }], ['超期', board.data.overdue, { overdue: 'true' }],
              ['待评估', board.data.awaitingAssessment, { state: 'answered' }], ['延期申请', board.data.extensionRequests, { extensionPending: 'true' }],
            ].map(([label, n, q]) => (
              <Col xs={12} md={6} key={label as string}>
                <a onClick={() => apply(q as Record<string, string>)} data-board={label as string}>
                  <Statistic title={t(label as string)} value={n as number} valueStyle={label === '超期' && (n as number) > 0 ? { color: '#cf1322' } : undefined} />
                </a>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            {([['按来源', board.data.bySource], ['按责任单位', board.data.byUnit], ['按时长', board.data.byAge]] as const).map(([title, cells]) => (
              <Col xs={24} lg={8} key={title}>
                <Card size="small" title={t(title)} styles={{ body: { maxHeight: 240, overflow: 'auto' } }}>
                  <Table size="small" rowKey="code" pagination={false} dataSource={[...cells]} showHeader
                    columns={[
                      { title: t(title === '按责任单位' ? '责任单位' : title === '按来源' ? '来源类型' : '时长'), dataIndex: 'label', render: (v: string) => t(v) },
                      { title: t('未办结'), dataIndex: 'open', width: 70, render: (n: number, c) => cellLink(c.query, n) },
                      { title: t('超期'), dataIndex: 'overdue', width: 60, render: (n: number, c) => cellLink({ ...c.query, overdue: 'true' }, n, true) },
                    ]} />
                </Card>
              </Col>
            ))}
          </Row>
        </PageCard>
      )}
      {!staff && proposals.data && (
        <Alert type="info" showIcon message={<span>{t('本单位所欠提案办理')}：<Link to={`/proposals?${new URLSearchParams({ unitId: me?.orgId ?? '', state: PROPOSALS_IN_HANDLING })}`}>{proposals.data.total} {t('件办理中的提案')}</Link></span>} />
      )}
      <PageCard title={staff ? t('建议落实') : t('本单位建议落实')} extra={can('recommendations.create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('录入建议')}</Button>}>
        <Form form={filterForm} layout={mobile ? 'vertical' : 'inline'} initialValues={filters} onFinish={(v) => apply({ ...filters, ...v, page: 1 })} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="state" label={t('状态')}><Select allowClear style={{ minWidth: 110 }} placeholder={t('全部')} options={(options.data?.states ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
          <Form.Item name="sourceType" label={t('来源类型')}><Select allowClear style={{ minWidth: 120 }} placeholder={t('全部')} options={(options.data?.sourceTypes ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
          {staff && <Form.Item name="unitId" label={t('责任单位')}><Select allowClear showSearch optionFilterProp="label" style={{ minWidth: 150 }} placeholder={t('全部')} options={(options.data?.units ?? []).map((s) => ({ value: s.code, label: s.label }))} /></Form.Item>}
          <Form.Item name="age" label={t('时长')}><Select allowClear style={{ minWidth: 110 }} placeholder={t('全部')} options={(options.data?.ages ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
          <Form.Item name="q" label={t('关键词')}><Input allowClear /></Form.Item>
          <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { filterForm.resetFields(); apply({}); }}>{t('重置')}</Button></Space></Form.Item>
        </Form>
        {data && data.total === 0 ? (
          <EmptyHint text={t('没有符合条件的建议。')} />
        ) : mobile ? (
          <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
            renderItem={(r) => (
              <List.Item onClick={() => navigate(`/recommendations/${r.id}`)} style={{ cursor: 'pointer' }} data-rec={r.id}>
                <List.Item.Meta title={<Link to={`/recommendations/${r.id}`}>{r.text}</Link>}
                  description={<Space wrap size={[6, 4]}><Tag color={r.stateTone}>{t(r.stateLabel)}</Tag><span>{r.unitName}</span>
                    {r.dueDate && <Typography.Text type={r.overdue ? 'danger' : 'secondary'}>{t('反馈期限')} {formatDate(r.dueDate)}</Typography.Text>}</Space>} />
              </List.Item>
            )} />
        ) : (
          <div data-testid="recommendation-list">
            <Table<RecommendationsListItem> rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />
          </div>
        )}
      </PageCard>
      <Modal open={creating} title={t('录入建议')} onCancel={() => setCreating(false)} onOk={() => createForm.submit()} okText={t('保存')} width={mobile ? undefined : 720}>
        <Form form={createForm} layout="vertical" onFinish={create} initialValues={{ sourceType: 'document', dueInWorkingDays: 20 }}>
          <Form.Item name="sourceType" label={t('来源类型')} rules={[{ required: true }]}><Select options={(options.data?.sourceTypes ?? []).map((s) => ({ value: s.code, label: t(s.label) }))} /></Form.Item>
          <Form.Item name="sourceTitle" label={t('来源文件')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="itemKey" label={t('建议序号')}><Input maxLength={40} style={{ width: 120 }} /></Form.Item>
          <Form.Item name="text" label={t('建议内容')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={4} maxLength={5000} /></Form.Item>
          <Form.Item name="unitIds" label={t('责任单位')} rules={[{ required: true }]}><Select mode="multiple" showSearch optionFilterProp="label" options={(options.data?.units ?? []).map((s) => ({ value: s.code, label: s.label }))} /></Form.Item>
          <Form.Item name="dueInWorkingDays" label={t('反馈期限（工作日）')}><InputNumber min={1} max={250} /></Form.Item>
          <Space wrap>
            <Form.Item name="instructionBy" label={t('批示领导')}><Input maxLength={100} /></Form.Item>
            <Form.Item name="instructionAt" label={t('批示日期')}><DatePicker /></Form.Item>
          </Space>
          <Form.Item name="instructionText" label={t('批示内容')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
