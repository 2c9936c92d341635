/**
 * 编期: find verified reports (keyword in the title or text, submitter, 报送单位 or lower-level CPPCC, 领域 (专委会),
 * 选题, date, 急报), page through all of them, and give each chosen one a piece — one report is a single piece (单篇),
 * several under one piece make a composite (综合). The choice is kept while the filters and pages change.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Badge, Button, Card, Collapse, DatePicker, Form, Input, List, Select, Space, Table, Tag, Typography, theme } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { IssueDetail, ReportFacets, ReportListItem } from '../../contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { EmptyHint, PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';

/** the filters, kept in the address so that going back returns to the same list */
const keys = ['q', 'submitter', 'orgId', 'sourceTenantId', 'committeeId', 'topicId', 'from', 'to', 'urgent'] as const;
type Filters = Partial<Record<(typeof keys)[number], string>>;

/** a chosen report and the piece it goes into */
interface Chosen { piece: number; item: ReportListItem }
/** the choice survives a reload of the page in this browser tab */
const STORE = 'zx.opinions.compile';
function storedChoice(): Record<string, Chosen> {
  try { return JSON.parse(sessionStorage.getItem(STORE) ?? '{}') as Record<string, Chosen>; } catch { return {}; }
}

export default function IssueCompilePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { token } = theme.useToken();
  const [params, setParams] = useSearchParams();
  const filters: Filters = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const query = { ...filters, state: 'verified', inBody: filters.q ? 'true' : undefined };
  const { data, loading, error } = useApiQuery<{ items: ReportListItem[]; total: number }>('/api/opinions', { ...query, page, pageSize });
  const facets = useApiQuery<ReportFacets>('/api/opinions/facets', query);
  const [chosen, setChosen] = useState<Record<string, Chosen>>(storedChoice);
  useEffect(() => { sessionStorage.setItem(STORE, JSON.stringify(chosen)); }, [chosen]);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  useEffect(() => {
    form.setFieldsValue({
      ...filters, from: undefined, to: undefined, orgId: undefined, sourceTenantId: undefined,
      source: filters.orgId ? `org:${filters.orgId}` : filters.sourceTenantId ? `src:${filters.sourceTenantId}` : undefined,
      dates: filters.from || filters.to ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null] : undefined,
    });
    // the form follows the address (back and forward included)
  }, [params.toString()]);

  const apply = (next: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== '' && v !== null) p.set(k, String(v));
    setParams(p);
  };
  const search = (v: { q?: string; submitter?: string; source?: string; committeeId?: string; topicId?: string; dates?: [Dayjs | null, Dayjs | null]; urgent?: string }) => {
    const [kind, id] = (v.source ?? '').split(':');
    apply({
      q: v.q?.trim(), submitter: v.submitter?.trim(), orgId: kind === 'org' ? id : undefined, sourceTenantId: kind === 'src' ? id : undefined,
      committeeId: v.committeeId, topicId: v.topicId, from: v.dates?.[0]?.format('YYYY-MM-DD'), to: v.dates?.[1]?.format('YYYY-MM-DD'), urgent: v.urgent, pageSize,
    });
  };

  const picked = Object.entries(chosen);
  const pieceNumbers = [...new Set(picked.map(([, c]) => c.piece))].sort((a, b) => a - b);
  const slots = Array.from({ length: (pieceNumbers.at(-1) ?? 0) + 1 }, (_, i) => ({ value: i + 1, label: t('第 {n} 篇', { n: i + 1 }) }));
  const choose = (item: ReportListItem, piece?: number) => setChosen((m) => {
    const next = { ...m };
    if (piece) next[item.id] = { piece, item }; else delete next[item.id];
    return next;
  });
  const byPiece = useMemo(() => pieceNumbers.map((n) => ({ n, items: picked.filter(([, c]) => c.piece === n).map(([, c]) => c.item) })), [picked, pieceNumbers]);

  const compile = async () => {
    const pieces = byPiece.map((p) => ({ kind: p.items.length > 1 ? 'composite' : 'single', reportIds: p.items.map((x) => x.id) }));
    if (!pieces.length) { void message.warning(t('请至少选择一条信息')); return; }
    setBusy(true);
    try {
      const issue = await api.post<IssueDetail>('/api/opinions/issues', { pieces });
      setChosen({});
      void message.success(t('已编成{n}', { n: issue.number }));
      navigate(`/opinions/issues/${issue.id}`);
    } catch (e) { report(e); } finally { setBusy(false); }
  };

  const f = facets.data;
  const sourceOptions = [
    ...(f?.units.length ? [{ label: t('报送单位'), options: f.units.map((u) => ({ value: `org:${u.id}`, label: `${u.name}（${u.count}）` })) }] : []),
    ...(f?.sources.length ? [{ label: t('下级报送'), options: f.sources.map((s) => ({ value: `src:${s.id}`, label: `${s.name}（${s.count}）` })) }] : []),
  ];

  const filterForm = (
    <Form form={form} layout={mobile ? 'vertical' : 'inline'} onFinish={search} style={{ marginBottom: mobile ? 0 : 16, rowGap: 8 }} data-testid="compile-filters">
      <Form.Item name="q" label={t('关键词')}><Input allowClear placeholder={t('标题或正文')} style={{ width: mobile ? '100%' : 160 }} /></Form.Item>
      <Form.Item name="submitter" label={t('报送人')}><Input allowClear placeholder={t('姓名')} style={{ width: mobile ? '100%' : 110 }} /></Form.Item>
      <Form.Item name="source" label={t('报送单位或来源')}><Select allowClear placeholder={t('全部')} style={{ minWidth: 180 }} options={sourceOptions} /></Form.Item>
      <Form.Item name="committeeId" label={t('领域（专委会）')}><Select allowClear placeholder={t('全部')} style={{ minWidth: 160 }} options={(f?.committees ?? []).map((c) => ({ value: c.id, label: c.name }))} /></Form.Item>
      <Form.Item name="topicId" label={t('选题')}><Select allowClear placeholder={t('全部')} style={{ minWidth: 160 }} options={(f?.topics ?? []).map((x) => ({ value: x.id, label: `${x.name}（${x.count}）` }))} /></Form.Item>
      <Form.Item name="dates" label={t('报送日期')}><DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: mobile ? '100%' : 240 }} /></Form.Item>
      <Form.Item name="urgent" label={t('急事急报')}><Select allowClear placeholder={t('全部')} style={{ minWidth: 100 }} options={[{ value: 'true', label: t('急报') }, { value: 'false', label: t('非急报') }]} /></Form.Item>
      <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { form.resetFields(); apply({}); }}>{t('重置')}</Button></Space></Form.Item>
    </Form>
  );
  // what is chosen so far, by piece, whatever page it was chosen on
  const chosenCard = picked.length > 0 && (
    <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { maxHeight: 260, overflowY: 'auto' } }} data-testid="compile-chosen"
      title={t('已选信息（{n} 条，{m} 篇）', { n: picked.length, m: byPiece.length })} extra={<Button size="small" onClick={() => setChosen({})}>{t('清空')}</Button>}>
      {byPiece.map((p) => (
        <List key={p.n} size="small" header={<strong>{t('第 {n} 篇', { n: p.n })} · {p.items.length > 1 ? t('综合') : t('单篇')}</strong>} dataSource={p.items}
          renderItem={(x) => (
            <List.Item actions={[<Button key="x" type="text" size="small" icon={<CloseOutlined />} aria-label={t('移出')} onClick={() => choose(x)} />]}>
              <Space size={4} wrap><Link to={`/opinions/${x.id}`}>{x.title}</Link><Typography.Text type="secondary">{x.submitterOrgName ?? x.submitterName}</Typography.Text></Space>
            </List.Item>
          )} />
      ))}
    </Card>
  );
  const pieceSelect = (r: ReportListItem) => (
    <Select aria-label={t('篇目')} style={{ width: 120 }} allowClear placeholder={t('不编入')} value={chosen[r.id]?.piece} options={slots} onChange={(v) => choose(r, v ?? undefined)} />
  );
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, pageSizeOptions: [20, 50, 100, 200], showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };
  const chosenStyle = (r: ReportListItem) => (chosen[r.id] ? { background: token.colorInfoBg } : undefined);
  const source = (r: ReportListItem) => r.submitterOrgName && <Typography.Text type="secondary">{r.submitterOrgName}</Typography.Text>;

  return (
    <PageCard title={t('编期')} extra={
      <Button type="primary" loading={busy} onClick={compile} data-testid="compile-issue">
        {t('编成一期')}{picked.length > 0 && <Badge count={picked.length} color="#fff" style={{ color: token.colorPrimary, marginInlineStart: 6 }} />}
      </Button>
    }>
      <Typography.Paragraph type="secondary">{t('为每条信息选择篇目：同一篇目下的多条信息合为一篇综合，保留每条来源信息和报送人。')}</Typography.Paragraph>
      {mobile ? <Collapse size="small" style={{ marginBottom: 16 }} items={[{ key: 'f', label: t('筛选条件'), children: filterForm }]} /> : filterForm}
      {chosenCard}
      {error && <Alert type="error" showIcon message={error.message} style={{ marginBottom: 16 }} />}
      {data && data.total === 0 ? <EmptyHint text={keys.some((k) => filters[k]) ? t('没有符合条件的已核稿信息。') : t('没有已核稿的信息。')} /> : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small' }} data-testid="compile-list"
          renderItem={(r) => (
            <List.Item style={chosenStyle(r)}>
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Space size={4} wrap>{r.urgent && <Tag color="red">{t('急')}</Tag>}<Link to={`/opinions/${r.id}`}>{r.title}</Link>{r.sourceTenantName && <Tag>{r.sourceTenantName}</Tag>}</Space>
                <Space size={8} wrap><span>{r.submitterName}</span>{source(r)}<Typography.Text type="secondary">{formatDateTime(r.submittedAt)}</Typography.Text></Space>
                {pieceSelect(r)}
              </Space>
            </List.Item>
          )} />
      ) : (
        <Table<ReportListItem> rowKey="id" loading={loading} dataSource={data?.items ?? []} scroll={{ x: 'max-content' }} pagination={pagination}
          onRow={(r) => ({ style: chosenStyle(r) })}
          columns={[
            { title: t('标题'), dataIndex: 'title', key: 'title', render: (v, r) => (
              <Space size={4} wrap style={{ maxWidth: 440 }}>{r.urgent && <Tag color="red">{t('急')}</Tag>}<Link to={`/opinions/${r.id}`}>{v}</Link>{r.sourceTenantName && <Tag>{r.sourceTenantName}</Tag>}</Space>
            ) },
            { title: t('报送人'), dataIndex: 'submitterName', key: 'submitterName', width: 150, render: (v, r) => <div>{v}{r.submitterOrgName && <div>{source(r)}</div>}</div> },
            { title: t('报送时间'), dataIndex: 'submittedAt', key: 'submittedAt', width: 160, render: (v) => formatDateTime(v) },
            { title: t('篇目'), key: 'piece', width: 140, render: (_, r) => pieceSelect(r) },
          ]} />
      )}
    </PageCard>
  );
}
