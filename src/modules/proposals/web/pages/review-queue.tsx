/**
 * 审查队列 of the proposal office: the submitted proposals (待审查) with checkboxes, a 审查会议批量处理 bar that decides
 * the selected ones at once (each item's outcome shown on its row), and groups of likely duplicates offered for 并案.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, List, Modal, Progress, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { MergeCellsOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import type { ProposalListItem } from '../../contract.ts';
import type { BatchItem, BatchResponse, BatchResult, BatchTransition, DuplicateGroupsResponse } from '../../domain/review-contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { EmptyHint, PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { labelOf, useProposalOptions } from '../shared.tsx';
import { MatterReasonLine } from '../../../text/web/index.tsx';

interface Decision { transition: BatchTransition; reason?: string; reasonCode?: string; convertTo?: 'opinion' | 'reference'; targetId?: string; date?: dayjs.Dayjs; note?: string }

const decisions: Array<{ value: BatchTransition; label: string }> = [
  { value: 'file', label: '立案' }, { value: 'not_file', label: '不予立案' }, { value: 'return', label: '退回修改' }, { value: 'merge', label: '并案' },
];

function ResultTag({ r }: { r?: BatchResult }) {
  const { t } = useI18n();
  if (!r) return null;
  // the state the proposal is now in (已立案, 不予立案, 退回修改, 已并案) says what happened; no 已 in front of it
  return r.ok ? <Tag color="success" data-testid="batch-result">{t(r.stateLabel ?? '')}</Tag>
    : <Typography.Text type="danger" style={{ fontSize: 13 }}>{r.status === 409 && r.code === 'VERSION_CONFLICT' ? t('已被他人修改，请刷新后重试') : r.message}</Typography.Text>;
}

export default function ReviewQueuePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const mobile = useIsMobile();
  const options = useProposalOptions();
  const queue = useApiQuery<{ items: ProposalListItem[]; total: number }>('/api/proposals', { state: 'submitted', pageSize: 100 });
  const dups = useApiQuery<DuplicateGroupsResponse>('/api/proposals/review-queue/duplicate-groups');
  const [selected, setSelected] = useState<string[]>([]);
  const [results, setResults] = useState<Map<string, BatchResult>>(new Map());
  // the rows decided in the last batch stay shown with their outcome until the page is left
  const [decided, setDecided] = useState<ProposalListItem[]>([]);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Decision>();
  const transition = Form.useWatch('transition', form);

  const rows = useMemo(() => {
    const live = queue.data?.items ?? [];
    const ids = new Set(live.map((r) => r.id));
    return [...live, ...decided.filter((d) => !ids.has(d.id))];
  }, [queue.data, decided]);
  const byId = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows]);
  const chosen = selected.map((id) => byId.get(id)).filter((r): r is ProposalListItem => !!r && r.state === 'submitted');

  const openDialog = (preset?: Partial<Decision>, ids?: string[]) => {
    if (ids) setSelected(ids);
    form.resetFields();
    form.setFieldsValue({ transition: 'file', date: dayjs(), ...preset });
    setOpen(true);
  };

  const run = async () => {
    const v = await form.validateFields();
    // each decision carries the fields its own schema takes (the form requires them before this runs)
    const items = chosen.filter((r) => !(v.transition === 'merge' && r.id === v.targetId)).map((r) => ({
      id: r.id, version: r.version, transition: v.transition,
      ...(v.transition === 'return' ? { reason: v.reason } : {}),
      ...(v.transition === 'not_file' ? { reasonCode: v.reasonCode, ...(v.convertTo ? { convertTo: v.convertTo } : {}) } : {}),
      ...(v.transition === 'merge' ? { targetId: v.targetId } : {}),
    })) as BatchItem[];
    if (!items.length) { void message.warning(t('请至少选择一件（并入目标除外）')); return; }
    setBusy(true);
    try {
      const res = await api.post<BatchResponse>('/api/proposals/batch-transitions', {
        items, meeting: v.date ? { date: v.date.format('YYYY-MM-DD'), ...(v.note ? { note: v.note } : {}) } : undefined,
      });
      const next = new Map(results);
      for (const r of res.results) next.set(r.id, r);
      setResults(next);
      const done = new Map(res.results.filter((x) => x.ok).map((x) => [x.id, x]));
      setDecided((d) => [...d.filter((x) => !done.has(x.id)), ...chosen.filter((r) => done.has(r.id))
        .map((r) => ({ ...r, state: done.get(r.id)!.state as ProposalListItem['state'], stateLabel: done.get(r.id)!.stateLabel ?? r.stateLabel }))]);
      if (res.failed) void message.warning(t('完成 {ok} 件，{failed} 件未能处理，见各行说明', { ok: res.succeeded, failed: res.failed }));
      else void message.success(t('已处理 {n} 件', { n: res.succeeded }));
      setSelected(res.results.filter((r) => !r.ok).map((r) => r.id));
      setOpen(false);
      queue.reload();
      dups.reload();
    } catch (err) { report(err); } finally { setBusy(false); }
  };

  const columns: ColumnsType<ProposalListItem> = [
    { title: t('标题'), dataIndex: 'title', key: 'title', render: (v, r) => <Link to={`/proposals/${r.id}`}>{v}</Link> },
    { title: t('提案人'), dataIndex: 'proposerName', key: 'proposerName', width: 110 },
    { title: t('类型'), dataIndex: 'type', key: 'type', width: 130, responsive: ['lg'], render: (v) => t(labelOf(options.data?.types, v)) },
    { title: t('提交时间'), dataIndex: 'submittedAt', key: 'submittedAt', width: 160, responsive: ['md'], render: (v) => formatDateTime(v) },
    { title: t('审查结果'), key: 'result', width: 200, render: (_, r) => <ResultTag r={results.get(r.id)} /> },
  ];
  const isOpen = (r: ProposalListItem) => !results.get(r.id)?.ok;

  const bar = (
    <Space wrap style={{ marginBottom: 12 }} data-testid="review-batch-bar">
      <Typography.Text>{t('已选 {n} 件', { n: chosen.length })}</Typography.Text>
      <Button type="primary" icon={<TeamOutlined />} disabled={!chosen.length} onClick={() => openDialog()}>{t('审查会议批量处理')}</Button>
      {chosen.length > 0 && <Button onClick={() => setSelected([])}>{t('取消选择')}</Button>}
    </Space>
  );

  return (
    <>
      <PageCard title={t('审查队列')} loading={queue.loading && !queue.data}>
        {bar}
        {rows.length === 0 ? <EmptyHint text={t('没有待审查的提案。')} /> : mobile ? (
          <List dataSource={rows} renderItem={(r) => (
            <List.Item>
              <Space align="start">
                <Checkbox checked={selected.includes(r.id)} disabled={!isOpen(r)} aria-label={r.title}
                  onChange={(e) => setSelected((s) => (e.target.checked ? [...s, r.id] : s.filter((x) => x !== r.id)))} />
                <div>
                  <Link to={`/proposals/${r.id}`}>{r.title}</Link>
                  <div><Space wrap size={[6, 2]}><Typography.Text type="secondary">{r.proposerName}</Typography.Text><ResultTag r={results.get(r.id)} /></Space></div>
                </div>
              </Space>
            </List.Item>
          )} />
        ) : (
          <Table<ProposalListItem> rowKey="id" columns={columns} dataSource={rows} pagination={false} size="middle" scroll={{ x: 'max-content' }}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (r) => ({ disabled: !isOpen(r), name: r.title }) }} />
        )}
      </PageCard>

      <PageCard title={<Space><MergeCellsOutlined />{t('疑似重复与同一事项')}</Space>} loading={dups.loading && !dups.data}>
        {dups.data && dups.data.groups.length === 0 && <EmptyHint text={t('审查队列中没有疑似重复或反映同一事项的提案。')} />}
        {dups.data?.groups.map((g) => (
          <div key={g.members.map((m) => m.id).join()} style={{ borderBottom: '1px solid rgba(0,0,0,0.06)', padding: '12px 0' }} data-testid="duplicate-group">
            <Space wrap style={{ marginBottom: 6 }}>
              {g.kind === 'same_matter'
                ? <><Tag color="orange">{t('同一事项')}</Tag><Typography.Text strong>{t('{n} 件反映同一事项', { n: g.members.length })}</Typography.Text></>
                : <Typography.Text strong>{t('{n} 件疑似重复', { n: g.members.length })}</Typography.Text>}
              {g.sharedKeywords.map((k) => <Tag key={k}>{k}</Tag>)}
            </Space>
            <MatterReasonLine reason={g.reason} />
            {g.members.map((m) => (
              <div key={m.id} style={{ display: 'flex', gap: 8, alignItems: 'flex-start', margin: '6px 0' }}>
                <Progress type="circle" size={28} percent={Math.round(m.score * 100)} format={(pct) => `${pct}`} style={{ flex: 'none' }} />
                <Space wrap size={[8, 0]}>
                  <Link to={`/proposals/${m.id}`}>{m.title}</Link>
                  <Typography.Text type="secondary">{m.proposerName}</Typography.Text>
                  {m.id === g.suggestedTargetId && <Tag color="blue">{t('建议并入此件')}</Tag>}
                </Space>
              </div>
            ))}
            {dups.data?.canMerge && (
              <Button size="small" icon={<MergeCellsOutlined />} style={{ marginTop: 6 }}
                onClick={() => openDialog({ transition: 'merge', targetId: g.suggestedTargetId }, g.members.map((m) => m.id))}>{t('并案')}</Button>
            )}
          </div>
        ))}
        {dups.data && <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>{t('比较了 {n} 件待审查提案，相似度阈值 {p}%', { n: dups.data.compared, p: Math.round(dups.data.threshold * 100) })}</Typography.Paragraph>}
      </PageCard>

      <Modal open={open} title={t('审查会议批量处理')} onCancel={() => setOpen(false)} onOk={() => void run()} confirmLoading={busy} okText={t('执行')} destroyOnHidden width={mobile ? '100%' : 560}>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('共 {n} 件，逐件执行；某件失败不影响其他各件。', { n: chosen.length })} />
        <Form form={form} layout="vertical" name="reviewBatch">
          <Form.Item name="transition" label={t('审查决定')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={decisions.map((d) => ({ value: d.value, label: t(d.label) }))} />
          </Form.Item>
          {transition === 'not_file' && (
            <>
              <Form.Item name="reasonCode" label={t('不予立案理由')} rules={[{ required: true, message: t('请选择不予立案理由') }]}>
                <Select options={(options.data?.notFiledReasons ?? []).map((r) => ({ value: r.code, label: t(r.label) }))} />
              </Form.Item>
              <Form.Item name="convertTo" label={t('转办（征得提案人同意后）')}>
                <Select allowClear placeholder={t('不转办')} options={[{ value: 'opinion', label: t('转社情民意') }, { value: 'reference', label: t('转参考件') }]} />
              </Form.Item>
            </>
          )}
          {transition === 'return' && (
            <Form.Item name="reason" label={t('退回理由')} rules={[{ required: true, message: t('请填写退回理由') }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          )}
          {transition === 'merge' && (
            <Form.Item name="targetId" label={t('并入提案')} rules={[{ required: true, message: t('请选择并入的提案') }]} extra={t('其余各件并入所选提案，提案人均保留署名并收到答复。')}>
              <Select options={chosen.map((r) => ({ value: r.id, label: r.title }))} />
            </Form.Item>
          )}
          <Space wrap align="start">
            <Form.Item name="date" label={t('会议日期')}><DatePicker /></Form.Item>
            <Form.Item name="note" label={t('会议说明')}><Input maxLength={500} placeholder={t('如：第三次提案审查会议')} /></Form.Item>
          </Space>
        </Form>
        <List size="small" header={t('本次处理的提案')} dataSource={chosen} style={{ maxHeight: 180, overflow: 'auto' }} renderItem={(r) => <List.Item>{r.title}</List.Item>} />
      </Modal>
    </>
  );
}
