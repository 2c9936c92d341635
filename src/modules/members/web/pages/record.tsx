/**
 * 履职档案: my duty record (/members/me) or a member's (/members/:userId) for a year — the summary strip (every figure
 * opens the records behind it), the figures over the years, and the sections: proposals led, co-signed, merged, and
 * 社情民意 with adoptions, instructions and points. The year and the opened figure live in the address (?year=&show=).
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Empty, InputNumber, List, Row, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import type { MemberRecord, RecordProposal, RecordReport, RecordSection } from '../../contract.ts';
import type { Figure } from '../../../../kernel/universal/figures.ts';
import { levelLabels } from '../../../opinions/contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { api } from '../../../../kernel/web/api.ts';
import { PageCard, formatDate } from '../../../../kernel/web/components.tsx';
import { RecordPanels } from '../../../../kernel/web/record-panels.tsx';
import { TrendChart } from '../trend-chart.tsx';
import { WorkYearLabel } from '../../../organizations/web/work-year.tsx';

const sectionTitles: Record<RecordSection, string> = { led: '领衔提案', cosigned: '附议提案', merged: '并案提案', reports: '社情民意信息' };
/** the proposals figures come first in the strip, then the 社情民意 ones, then the consultations (协商议政) */
const isProposalFigure = (f: Figure) => f.key.startsWith('proposals.');
const isConsultationFigure = (f: Figure) => f.key.startsWith('consultations.');
/** 履职活动 figures (participations, good deeds, people served) come last */
const isActivityFigure = (f: Figure) => f.key.startsWith('activities.');
/** a row of an activity figure's list: a participation (GET /api/activities/participations) or a service record */
interface ActivityRow { id: string; activityId: string | null; activityTitle?: string; heldOn?: string; content?: string; onDate?: string; peopleServed?: number }

/** a row of a consultation figure's list (GET /api/consultations/participations): one invitation of the member */
interface ConsultationRow { id: string; consultationId: string; title: string; formLabel: string; plannedOn: string; statusLabel: string }

export default function MemberRecordPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const { userId } = useParams();
  const [params, setParams] = useSearchParams();
  const who = userId ?? 'me';
  const yearParam = params.get('year');
  const show = params.get('show');
  const { data, error, loading } = useApiQuery<MemberRecord>(`/api/members/${encodeURIComponent(who)}/record`, { year: yearParam ?? undefined });
  const year = data?.year ?? (yearParam ? Number(yearParam) : undefined);
  const [collapsed, setCollapsed] = useState(false);

  const setQuery = useCallback((next: { year?: number; show?: string | null }) => {
    const p = new URLSearchParams(params);
    if (next.year !== undefined) { p.set('year', String(next.year)); p.delete('show'); }
    if (next.show !== undefined) { if (next.show) p.set('show', next.show); else p.delete('show'); }
    setParams(p, { replace: next.show !== undefined });
  }, [params, setParams]);

  const focus = data && show ? data.figures.find((f) => f.key === show) : undefined;
  // an opened figure shows the records its list holds (the same list, and so the same number, as the figure)
  // (kept with the list it came from, so switching figures never shows one figure's rows under another's name)
  const listKey = focus?.list ? `${focus.list.api}?${new URLSearchParams(focus.list.query)}` : null;
  const [opened, setOpened] = useState<{ key: string; ids: string[]; items: unknown[] } | null>(null);
  useEffect(() => {
    if (!listKey || !focus?.list) return;
    let live = true;
    api.get<{ items: Array<{ id: string }>; total: number }>(focus.list.api, { ...focus.list.query, pageSize: '200' })
      .then((r) => { if (live) setOpened({ key: listKey, ids: r.items.map((x) => x.id), items: r.items }); }, () => { if (live) setOpened({ key: listKey, ids: [], items: [] }); });
    return () => { live = false; };
  }, [listKey]);
  const focusIds = focus && opened && opened.key === listKey ? opened.ids : null;
  // opening a figure scrolls to the first section holding its records
  useEffect(() => {
    if (!focus || !data || !focusIds) return;
    if (isConsultationFigure(focus)) { document.getElementById('record-consultations')?.scrollIntoView({ behavior: 'smooth', block: 'start' }); return; }
    if (isActivityFigure(focus)) { document.getElementById('record-activities')?.scrollIntoView({ behavior: 'smooth', block: 'start' }); return; }
    const ids = new Set(focusIds);
    const order: RecordSection[] = ['led', 'cosigned', 'merged', 'reports'];
    const first = order.find((s) => (s === 'reports' ? data.reports : data.proposals[s]).some((x) => ids.has(x.id))) ?? (focus.list?.rows === 'report' ? 'reports' : 'led');
    document.getElementById(`record-${first}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [focus, data, focusIds]);

  if (error) {
    return <PageCard title={t('履职档案')}><Alert type={error.status === 404 ? 'warning' : 'error'} showIcon message={error.message} /></PageCard>;
  }
  const title = !data ? t('履职档案') : data.viewer.self ? t('我的履职') : t('{name}的履职档案', { name: data.member.name });
  const only = <T extends { id: string }>(rows: T[]) => (focusIds ? rows.filter((r) => focusIds.includes(r.id)) : rows);

  const figureCard = (f: Figure) => (
    <Col key={f.key} flex={mobile ? '0 0 33.33%' : '1 1 0'} style={mobile ? undefined : { minWidth: 96, maxWidth: 160 }}>
      <Card size="small" hoverable onClick={() => setQuery({ show: show === f.key ? null : f.key })} data-testid={`figure-${f.key}`}
        style={{ textAlign: 'center', borderColor: show === f.key ? '#b71c1c' : undefined, background: show === f.key ? '#fff5f5' : undefined }}
        styles={{ body: { padding: mobile ? '8px 4px' : '10px 8px' } }}>
        <div data-testid="figure-value" style={{ fontSize: mobile ? 20 : 24, fontWeight: 600, color: f.value ? '#b71c1c' : '#999', lineHeight: 1.2 }}>{f.value}</div>
        <div style={{ fontSize: 12, color: '#555', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{t(f.label)}</div>
      </Card>
    </Col>
  );

  const proposalTitle = (p: RecordProposal) => (data?.viewer.openProposals ? <Link to={`/proposals/${p.id}`}>{p.title}</Link> : p.title);
  const marks = (p: RecordProposal) => <>{p.isKey && <Tag color="red">{t('重点')}</Tag>}{p.isExcellent && <Tag color="gold">{t('优秀')}</Tag>}</>;
  const proposalColumns: ColumnsType<RecordProposal> = [
    { title: t('编号'), dataIndex: 'number', key: 'number', width: 100, render: (v) => v ?? '—' },
    { title: t('标题'), dataIndex: 'title', key: 'title', render: (_, p) => <Space size={4} wrap>{proposalTitle(p)}{marks(p)}</Space> },
    { title: t('提案人'), dataIndex: 'proposerName', key: 'proposerName', width: 100 },
    { title: t('状态'), dataIndex: 'stateLabel', key: 'state', width: 100, render: (v) => <Tag>{t(v)}</Tag> },
    { title: t('答复类别'), dataIndex: 'replyClass', key: 'replyClass', width: 90, render: (v, p) => (v ? <span title={p.replyClassLabel ?? ''}>{v}</span> : '—') },
    { title: t('满意度'), dataIndex: 'satisfactionLabel', key: 'satisfaction', width: 100, render: (v) => (v ? t(v) : '—') },
  ];
  const proposalSection = (s: Exclude<RecordSection, 'reports'>) => {
    const rows = only(data?.proposals[s] ?? []);
    if (focus && rows.length === 0) return null;
    return (
      <div id={`record-${s}`} key={s} style={{ scrollMarginTop: 72 }}>
        <Typography.Title level={5}>{t(sectionTitles[s])} <Typography.Text type="secondary">({rows.length})</Typography.Text></Typography.Title>
        {mobile ? (
          <List size="small" dataSource={rows} locale={{ emptyText: t('本年度没有记录。') }} data-testid={`section-${s}`}
            renderItem={(p) => (
              <List.Item>
                <List.Item.Meta title={<Space size={4} wrap>{proposalTitle(p)}{marks(p)}</Space>}
                  description={<Space wrap size={[6, 2]}>{p.number && <span>{p.number}</span>}<Tag>{t(p.stateLabel)}</Tag>
                    {p.replyClass && <span>{t('答复')} {p.replyClass}</span>}{p.satisfactionLabel && <span>{t(p.satisfactionLabel)}</span>}
                    {s !== 'led' && <span>{t('提案人')} {p.proposerName}</span>}</Space>} />
              </List.Item>
            )} />
        ) : (
          <Table<RecordProposal> rowKey="id" size="small" columns={s === 'led' ? proposalColumns.filter((c) => c.key !== 'proposerName') : proposalColumns}
            dataSource={rows} pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false} locale={{ emptyText: t('本年度没有记录。') }} data-testid={`section-${s}`} />
        )}
      </div>
    );
  };

  const reportTitle = (r: RecordReport) => (data?.viewer.openReports ? <Link to={`/opinions/${r.id}`}>{r.title}</Link> : r.title);
  const earned = (r: RecordReport) => (
    <Space size={4} wrap>
      {r.cosigned && <Tag color="purple" title={t('联名报送的信息：报送、录用、采用和积分计入报送人')}>{t('联名')}</Tag>}
      {r.acceptedInYear && <Tag color="blue">{t('录用')}</Tag>}
      {r.adoptedLevels.map((l) => <Tag key={`a-${l}`} color="green">{t('{level}采用', { level: t(levelLabels[l]) })}</Tag>)}
      {r.instructionLevels.map((l) => <Tag key={`i-${l}`} color="orange">{t('{level}批示', { level: t(levelLabels[l]) })}</Tag>)}
    </Space>
  );
  const reportColumns: ColumnsType<RecordReport> = [
    { title: t('标题'), dataIndex: 'title', key: 'title', render: (_, r) => reportTitle(r) },
    { title: t('状态'), dataIndex: 'stateLabel', key: 'state', width: 90, render: (v) => <Tag>{t(v)}</Tag> },
    { title: t('报送时间'), dataIndex: 'submittedAt', key: 'submittedAt', width: 110, render: (v) => formatDate(v) },
    { title: t('本年度'), key: 'earned', render: (_, r) => earned(r) },
    { title: t('积分'), dataIndex: 'points', key: 'points', width: 70, render: (v) => <Typography.Text strong>{v}</Typography.Text> },
  ];
  const reportRows = only(data?.reports ?? []);

  const proposalFigures = data?.figures.filter(isProposalFigure) ?? [];
  const reportFigures = data?.figures.filter((f) => !isProposalFigure(f) && !isConsultationFigure(f) && !isActivityFigure(f)) ?? [];
  const activityFigures = data?.figures.filter(isActivityFigure) ?? [];
  const activityRows = focus && isActivityFigure(focus) && opened && opened.key === listKey ? opened.items as ActivityRow[] : null;
  const consultationFigures = data?.figures.filter(isConsultationFigure) ?? [];
  // an opened consultation figure lists the member's invitations it counts (the records live in the consultations module)
  const consultationRows = focus && isConsultationFigure(focus) && opened && opened.key === listKey ? opened.items as ConsultationRow[] : null;
  const consultationTitle = (r: ConsultationRow) => <Link to={`/consultations/${r.consultationId}`}>{r.title}</Link>;

  return (
    <PageCard title={title} loading={loading && !data}
      extra={(
        <Space wrap>
          {data?.viewer.self && <Link to="/members/me/registry" data-testid="my-registry">{t('我的委员档案')}</Link>}
          {t('年度')}
          <InputNumber aria-label={t('年度')} data-testid="record-year" value={year} min={1990} max={(data?.currentYear ?? 2099) + 1} style={{ width: 90 }}
            onChange={(v) => { if (v && v >= 1990 && v <= 2100) setQuery({ year: v }); }} />
        </Space>
      )}>
      <WorkYearLabel year={year} block />
      {data && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Space wrap size={[8, 4]}>
            <Typography.Text strong>{data.member.name}</Typography.Text>
            <Typography.Text type="secondary">{data.member.tenantName}</Typography.Text>
            {data.member.sectorName && <Tag color="blue">{data.member.sectorName}</Tag>}
            {data.member.committees.map((c) => <Tag key={c.id}>{c.name}</Tag>)}
          </Space>

          <div data-testid="record-summary">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('{y}年度提案', { y: data.year })}</Typography.Text>
            <Row gutter={[8, 8]} style={{ marginTop: 4, marginBottom: 8 }}>{proposalFigures.map(figureCard)}</Row>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('{y}年度社情民意', { y: data.year })}</Typography.Text>
            <Row gutter={[8, 8]} style={{ marginTop: 4, marginBottom: consultationFigures.length ? 8 : 0 }}>{reportFigures.map(figureCard)}</Row>
            {consultationFigures.length > 0 && (
              <>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('{y}年度协商议政', { y: data.year })}</Typography.Text>
                <Row gutter={[8, 8]} style={{ marginTop: 4 }}>{consultationFigures.map(figureCard)}</Row>
              </>
            )}
            {activityFigures.length > 0 && (
              <>
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>{t('{y}年度履职活动', { y: data.year })}</Typography.Text>
                <Row gutter={[8, 8]} style={{ marginTop: 4 }}>{activityFigures.map(figureCard)}</Row>
              </>
            )}
          </div>

          <RecordPanels entityType="member" id={data.member.userId} stacked />

          <Card size="small" title={t('历年履职情况')} extra={<Button type="link" size="small" icon={collapsed ? <DownOutlined /> : <UpOutlined />} onClick={() => setCollapsed(!collapsed)}>{collapsed ? t('展开') : t('收起')}</Button>}>
            {!collapsed && <TrendChart trend={data.trend} year={data.year} onYear={(y) => setQuery({ year: y })} height={mobile ? 220 : 260} />}
          </Card>

          {focus && focusIds && (
            <Alert type="info" showIcon data-testid="record-focus"
              message={t('正在显示「{label}」的 {n} 条记录', { label: t(focus.label), n: focusIds.length })}
              action={<Button size="small" onClick={() => setQuery({ show: null })}>{t('显示全部')}</Button>} />
          )}
          {(['led', 'cosigned', 'merged'] as const).map(proposalSection)}
          {(!focus || reportRows.length > 0) && (
            <div id="record-reports" style={{ scrollMarginTop: 72 }}>
              <Typography.Title level={5}>{t(sectionTitles.reports)} <Typography.Text type="secondary">({reportRows.length})</Typography.Text></Typography.Title>
              {mobile ? (
                <List size="small" dataSource={reportRows} locale={{ emptyText: t('本年度没有记录。') }} data-testid="section-reports"
                  renderItem={(r) => (
                    <List.Item extra={<Typography.Text strong>{t('{n} 分', { n: r.points })}</Typography.Text>}>
                      <List.Item.Meta title={reportTitle(r)} description={<Space wrap size={[6, 2]}><Tag>{t(r.stateLabel)}</Tag><span>{formatDate(r.submittedAt)}</span>{earned(r)}</Space>} />
                    </List.Item>
                  )} />
              ) : (
                <Table<RecordReport> rowKey="id" size="small" columns={reportColumns} dataSource={reportRows}
                  pagination={reportRows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false} locale={{ emptyText: t('本年度没有记录。') }} data-testid="section-reports" />
              )}
            </div>
          )}
          {consultationRows && consultationRows.length > 0 && (
            <div id="record-consultations" style={{ scrollMarginTop: 72 }}>
              <Typography.Title level={5}>{t('参加协商')} <Typography.Text type="secondary">({consultationRows.length})</Typography.Text></Typography.Title>
              <List size="small" dataSource={consultationRows} data-testid="section-consultations"
                renderItem={(r) => (
                  <List.Item>
                    <List.Item.Meta title={consultationTitle(r)} description={<Space wrap size={[6, 2]}><Tag>{t(r.formLabel)}</Tag><span>{r.plannedOn}</span><Tag>{t(r.statusLabel)}</Tag></Space>} />
                  </List.Item>
                )} />
            </div>
          )}
          {activityRows && activityRows.length > 0 && (
            <div id="record-activities" style={{ scrollMarginTop: 72 }}>
              <Typography.Title level={5}>{t('履职活动')} <Typography.Text type="secondary">({activityRows.length})</Typography.Text></Typography.Title>
              <List size="small" dataSource={activityRows} data-testid="section-activities"
                renderItem={(r) => (
                  <List.Item>
                    <List.Item.Meta title={r.activityId ? <Link to={`/activities/${r.activityId}`}>{r.activityTitle ?? r.content}</Link> : r.content}
                      description={<Space wrap size={[6, 2]}><span>{r.heldOn ?? r.onDate}</span>{r.activityTitle === undefined && r.content && r.activityId && <span>{r.content}</span>}{r.peopleServed !== undefined && <Tag>{t('服务群众 {n} 人次', { n: r.peopleServed })}</Tag>}</Space>} />
                  </List.Item>
                )} />
            </div>
          )}
          {focusIds && focusIds.length === 0 && <Empty description={t('本年度没有记录。')} />}
        </Space>
      )}
    </PageCard>
  );
}
