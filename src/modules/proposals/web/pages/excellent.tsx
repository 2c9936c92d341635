/**
 * 优秀提案评选: the year's round with its nominations (提案委提名、承办单位或专委会推荐), sending the list to the chair's
 * meeting, its decision on each nominee (审定通过 / 未通过), and the publication (通报). Actions come from the server.
 */
import { useEffect, useState } from 'react';
import { App, Button, DatePicker, Descriptions, Empty, Form, Input, InputNumber, List, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import type { ExcellentNominee, ExcellentRound, ExcellentRoundList } from '../../domain/review-contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';

type Dialog = 'create' | 'nominate' | 'decide' | 'publish' | null;
const stateColors: Record<string, string> = { nominating: 'processing', reviewing: 'purple', decided: 'gold', published: 'success' };
const statusColors: Record<string, string> = { nominated: 'default', confirmed: 'success', dropped: 'default' };

function CandidateSelect({ roundId, value, onChange, id }: { roundId: string; value?: string; onChange?: (v: string) => void; id?: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const { data, loading } = useApiQuery<{ items: Array<{ id: string; number: string | null; title: string; proposerName: string }> }>(`/api/proposals/excellent/rounds/${roundId}/candidates`, { q: q || undefined });
  return (
    <Select id={id} value={value} onChange={onChange} loading={loading} showSearch={{ filterOption: false, onSearch: setQ }} placeholder={t('输入标题关键词查找提案')}
      options={(data?.items ?? []).map((p) => ({ value: p.id, label: `${p.number ?? ''} ${p.title}（${p.proposerName}）`.trim() }))} notFoundContent={t('没有可提名的已答复提案')} />
  );
}

export default function ExcellentPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const mobile = useIsMobile();
  const rounds = useApiQuery<ExcellentRoundList>('/api/proposals/excellent/rounds');
  const [roundId, setRoundId] = useState<string | null>(null);
  useEffect(() => { if (!roundId && rounds.data?.items.length) setRoundId(rounds.data.items[0].id); }, [rounds.data, roundId]);
  const round = useApiQuery<ExcellentRound>(roundId ? `/api/proposals/excellent/rounds/${roundId}` : null);
  const r = round.data;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  const reloadAll = () => { rounds.reload(); round.reload(); };
  const post = async (url: string, body: unknown) => {
    setBusy(true);
    try {
      const res = await api.post<ExcellentRound>(url, body);
      void message.success(t('已保存'));
      setDialog(null);
      form.resetFields();
      if (res?.id && res.id !== roundId) setRoundId(res.id);
      reloadAll();
    } catch (err) { report(err, { onReload: reloadAll }); } finally { setBusy(false); }
  };
  const submit = async () => {
    const v = await form.validateFields();
    if (dialog === 'create') return post('/api/proposals/excellent/rounds', { year: v.year });
    if (!r) return;
    const base = `/api/proposals/excellent/rounds/${r.id}`;
    if (dialog === 'nominate') return post(`${base}/nominations`, { proposalId: v.proposalId, reason: v.reason });
    if (dialog === 'decide') {
      return post(`${base}/transitions`, {
        action: 'decide', version: r.version, meetingDate: v.meetingDate.format('YYYY-MM-DD'), meetingNote: v.meetingNote || undefined,
        decisions: r.nominees.map((n) => ({ nomineeId: n.id, decision: v[`d_${n.id}`], ...(v[`n_${n.id}`] ? { note: v[`n_${n.id}`] } : {}) })),
      });
    }
    if (dialog === 'publish') return post(`${base}/transitions`, { action: 'publish', version: r.version, notice: v.notice });
  };
  const startReview = () => {
    if (!r) return;
    modal.confirm({ title: t('提交主席会议审定'), content: t('提交后不再接受提名。共 {n} 件提名。', { n: r.nominees.length }), onOk: () => post(`/api/proposals/excellent/rounds/${r.id}/transitions`, { action: 'start_review', version: r.version }) });
  };
  const can = (a: string) => !!r?.actions.some((x) => x.name === a);

  const columns: ColumnsType<ExcellentNominee> = [
    { title: t('编号'), dataIndex: 'number', key: 'number', width: 100, render: (v) => v ?? '—' },
    { title: t('标题'), dataIndex: 'title', key: 'title', width: 280, render: (v, n) => <Link to={`/proposals/${n.proposalId}`}>{v}</Link> },
    { title: t('提案人'), dataIndex: 'proposerName', key: 'proposerName', width: 100 },
    { title: t('主办单位'), dataIndex: 'leadUnitName', key: 'leadUnitName', width: 120, responsive: ['xl'], render: (v) => v ?? '—' },
    { title: t('提名'), key: 'source', width: 130, render: (_, n) => <Space direction="vertical" size={0}><span>{t(n.sourceLabel)}</span><Typography.Text type="secondary">{n.recommenderName}</Typography.Text></Space> },
    { title: t('推荐理由'), dataIndex: 'reason', key: 'reason', responsive: ['md'] },
    { title: t('审定'), key: 'status', width: 110, render: (_, n) => <Space direction="vertical" size={0}><Tag color={statusColors[n.status]}>{t(n.statusLabel)}</Tag>{n.decisionNote && <Typography.Text type="secondary">{n.decisionNote}</Typography.Text>}</Space> },
  ];
  const titles: Record<Exclude<Dialog, null>, string> = { create: '发起评选', nominate: '提名优秀提案', decide: '主席会议审定', publish: '通报' };

  const controls = (
      <Space wrap>
        {(rounds.data?.items.length ?? 0) > 0 && (
          <Select value={roundId ?? undefined} onChange={setRoundId} style={{ minWidth: 140 }} aria-label={t('评选年度')}
            options={rounds.data!.items.map((x) => ({ value: x.id, label: `${x.year} · ${t(x.stateLabel)}` }))} />
        )}
        {rounds.data?.canCreate && <Button icon={<PlusOutlined />} onClick={() => { form.setFieldsValue({ year: dayjs().year() }); setDialog('create'); }}>{t('发起评选')}</Button>}
      </Space>
  );
  return (
    <PageCard title={<Space><TrophyOutlined />{t('优秀提案评选')}</Space>} loading={rounds.loading && !rounds.data} extra={mobile ? undefined : controls}>
      {mobile && <div style={{ marginBottom: 12 }}>{controls}</div>}
      {rounds.data && rounds.data.items.length === 0 && <Empty description={t('还没有优秀提案评选。')} />}
      {r && (
        <>
          <Descriptions size="small" column={mobile ? 1 : 3} style={{ marginBottom: 12 }} items={[
            { key: 'title', label: t('评选'), children: r.title },
            { key: 'state', label: t('状态'), children: <Tag color={stateColors[r.state]}>{t(r.stateLabel)}</Tag> },
            { key: 'count', label: t('提名'), children: t('{n} 件，审定通过 {m} 件', { n: r.nominees.length, m: r.nominees.filter((n) => n.status === 'confirmed').length }) },
            ...(r.meetingDate ? [{ key: 'meeting', label: t('主席会议'), children: `${r.meetingDate}${r.meetingNote ? ` ${r.meetingNote}` : ''}` }] : []),
            ...(r.publishedAt ? [{ key: 'published', label: t('通报时间'), children: formatDateTime(r.publishedAt) }] : []),
            ...(r.notice ? [{ key: 'notice', label: t('通报'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.notice}</span> }] : []),
          ]} />
          <Space wrap style={{ marginBottom: 12 }}>
            {r.canNominate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('nominate')}>{t('提名优秀提案')}</Button>}
            {can('start_review') && <Button onClick={startReview}>{t('提交主席会议审定')}</Button>}
            {can('decide') && (
              <Button type="primary" onClick={() => {
                form.setFieldsValue({ meetingDate: dayjs(), ...Object.fromEntries(r.nominees.map((n) => [`d_${n.id}`, 'confirm'])) });
                setDialog('decide');
              }}>{t('主席会议审定')}</Button>
            )}
            {can('publish') && <Button type="primary" onClick={() => { form.setFieldsValue({ notice: t('关于通报{year}年度优秀提案的决定', { year: r.year }) }); setDialog('publish'); }}>{t('通报')}</Button>}
          </Space>
          {mobile ? (
            <List dataSource={r.nominees} locale={{ emptyText: t('还没有提名') }} renderItem={(n) => (
              <List.Item>
                <List.Item.Meta title={<Link to={`/proposals/${n.proposalId}`}>{n.title}</Link>}
                  description={<Space direction="vertical" size={2}>
                    <Space wrap size={[6, 2]}><Tag color={statusColors[n.status]}>{t(n.statusLabel)}</Tag><span>{n.proposerName}</span><span>{t(n.sourceLabel)}</span></Space>
                    <span>{n.reason}</span>
                  </Space>} />
              </List.Item>
            )} />
          ) : (
            <Table<ExcellentNominee> rowKey="id" columns={columns} dataSource={r.nominees} pagination={false} size="middle" locale={{ emptyText: t('还没有提名') }} />
          )}
        </>
      )}
      <Modal open={!!dialog} title={dialog ? t(titles[dialog]) : ''} onCancel={() => setDialog(null)} onOk={() => void submit()} confirmLoading={busy} okText={t('保存')} destroyOnHidden width={dialog === 'decide' && !mobile ? 720 : undefined}>
        <Form form={form} layout="vertical" name="excellentAction">
          {dialog === 'create' && <Form.Item name="year" label={t('评选年度')} rules={[{ required: true, message: t('请填写年度') }]}><InputNumber min={1990} max={2100} /></Form.Item>}
          {dialog === 'nominate' && r && (
            <>
              <Form.Item name="proposalId" label={t('提案')} rules={[{ required: true, message: t('请选择提案') }]}><CandidateSelect roundId={r.id} /></Form.Item>
              <Form.Item name="reason" label={t('推荐理由')} rules={[{ required: true, message: t('请填写推荐理由') }]}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>
            </>
          )}
          {dialog === 'decide' && r && (
            <>
              <Space wrap>
                <Form.Item name="meetingDate" label={t('主席会议日期')} rules={[{ required: true, message: t('请选择日期') }]}><DatePicker /></Form.Item>
                <Form.Item name="meetingNote" label={t('会议说明')}><Input maxLength={500} /></Form.Item>
              </Space>
              {r.nominees.map((n) => (
                <div key={n.id} style={{ borderTop: '1px solid rgba(0,0,0,0.06)', paddingTop: 8 }}>
                  <Typography.Text strong>{n.title}</Typography.Text>
                  <Space wrap align="start" style={{ marginTop: 4 }}>
                    <Form.Item name={`d_${n.id}`} style={{ marginBottom: 8 }}><Radio.Group optionType="button" options={[{ value: 'confirm', label: t('通过') }, { value: 'drop', label: t('不通过') }]} /></Form.Item>
                    <Form.Item name={`n_${n.id}`} style={{ marginBottom: 8 }}><Input placeholder={t('审定意见（可选）')} maxLength={500} /></Form.Item>
                  </Space>
                </div>
              ))}
            </>
          )}
          {dialog === 'publish' && <Form.Item name="notice" label={t('通报内容')} rules={[{ required: true, message: t('请填写通报内容') }]}><Input.TextArea rows={5} maxLength={5000} /></Form.Item>}
        </Form>
      </Modal>
    </PageCard>
  );
}
