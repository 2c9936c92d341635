/**
 * 年度调研视察计划: the year's investigations and inspections as the plan lists them (kind, proposer, the chair's
 * meeting approval, lead committee, places, dates, participants, where each stands), the year's figures each opening
 * its list, and the way to the consultation plan (年度协商计划) of the same year, which the consultations module keeps.
 */
import { Button, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';
import type { InspectionListItem } from '../../contract.ts';
import type { FiguresResponse } from '../../../../kernel/universal/figures.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { PageCard, formatDate } from '../../../../kernel/web/components.tsx';
import { API, NewTripButton, type Options } from './shared.tsx';

export default function InspectionPlanPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const options = useApiQuery<Options>(`${API}/options`);
  const year = params.get('year') ?? (options.data ? String(options.data.year) : null);
  const trips = useApiQuery<{ items: InspectionListItem[]; total: number }>(year ? API : null, { year, pageSize: 200 });
  const figures = useApiQuery<FiguresResponse>(year && can('inspections.read_all') ? '/api/figures' : null, { from: `${year}-01-01`, to: `${year}-12-31`, modules: 'inspections' });
  const figs = figures.data?.groups.find((g) => g.module === 'inspections')?.figures ?? [];
  const years = options.data ? [options.data.year + 1, options.data.year, options.data.year - 1, options.data.year - 2] : [];
  const items = [...(trips.data?.items ?? [])].sort((a, b) => a.plannedFrom.localeCompare(b.plannedFrom));
  const columns: ColumnsType<InspectionListItem> = [
    { title: t('序号'), key: 'i', width: 60, render: (_v, _r, i) => i + 1 },
    { title: t('类型'), dataIndex: 'kindLabel', key: 'kind', width: 70, render: (v) => <Tag color={v === '视察' ? 'volcano' : 'blue'}>{t(v)}</Tag> },
    { title: t('题目'), dataIndex: 'title', key: 'title', render: (v, r) => <Link to={`/inspections/${r.id}`}>{v}</Link> },
    { title: t('提出单位'), dataIndex: 'proposer', key: 'proposer', width: 140, responsive: ['lg'] },
    { title: t('牵头专委会'), dataIndex: 'leadCommitteeName', key: 'committee', width: 160, responsive: ['md'] },
    { title: t('计划日期'), key: 'dates', width: 190, render: (_v, r) => (r.plannedFrom === r.plannedTo ? formatDate(r.plannedFrom) : `${formatDate(r.plannedFrom)} – ${formatDate(r.plannedTo)}`) },
    { title: t('考察地点'), key: 'places', responsive: ['lg'], render: (_v, r) => r.places.join('、') },
    { title: t('参加委员'), dataIndex: 'participantCount', key: 'n', width: 90, responsive: ['xl'] },
    { title: t('审定'), key: 'approved', width: 170, responsive: ['xl'], render: (_v, r) => (r.approvedMeeting ? `${r.approvedMeeting}` : <Typography.Text type="secondary">{t('待审定')}</Typography.Text>) },
    { title: t('状态'), key: 'state', width: 100, render: (_v, r) => <Tag color={r.stateTone}>{t(r.stateLabel)}</Tag> },
  ];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard
        title={t('{y} 年度调研视察计划', { y: year ?? '' })}
        extra={<Space wrap>
          <Select value={year ?? undefined} style={{ width: 110 }} onChange={(y) => setParams({ year: String(y) })} options={years.map((y) => ({ value: String(y), label: t('{y} 年', { y }) }))} />
          {year && <Button icon={<FileWordOutlined />} href={`${API}/plan.docx?year=${year}`} data-testid="plan-docx">{t('下载计划 Word')}</Button>}
          {can('inspections.manage') && <NewTripButton />}
        </Space>}
      >
        <Table<InspectionListItem> rowKey="id" size={mobile ? 'small' : 'middle'} columns={columns} dataSource={items} loading={trips.loading} pagination={false} scroll={{ x: 'max-content' }} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('与年度协商计划统筹安排：')}<Link to={`/consultations/plans?year=${year ?? ''}`}>{t('查看 {y} 年度协商计划', { y: year ?? '' })}</Link>
        </Typography.Paragraph>
      </PageCard>
      {figs.length > 0 && (
        <Card size="small" title={t('{y} 年调研视察统计', { y: year ?? '' })}>
          <Row gutter={[16, 16]}>
            {figs.map((f) => (
              <Col key={f.key} xs={12} sm={8} lg={6} xl={3}>
                <Link to={f.list?.web ? `${f.list.web}?${new URLSearchParams(f.list.query)}` : `/inspections/plan?year=${year}`} data-figure={f.key}>
                  <Statistic title={t(f.label)} value={f.value} suffix={t(f.unit)} />
                </Link>
              </Col>
            ))}
          </Row>
        </Card>
      )}
    </Space>
  );
}
