/**
 * 统计明细: the rows behind the figures that count something other than trips (members' sign-ins, the problems and
 * recommendations of sent reports, the leaders' instructions), with the figure's own query from the address.
 */
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDate, formatDateTime } from '../../../../kernel/web/components.tsx';
import { API } from './shared.tsx';

type Row = Record<string, string | number> & { id: string; inspectionId: string };
const titles: Record<string, string> = { participations: '委员参加调研视察', findings: '报告反映的问题和建议', instructions: '获领导批示' };

export default function InspectionRecordsPage() {
  const { list = 'findings' } = useParams();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = Object.fromEntries(params.entries());
  const page = Number(query.page ?? 1);
  const { data, loading } = useApiQuery<{ items: Row[]; total: number }>(titles[list] ? `${API}/${list}` : null, { ...query, page, pageSize: 20 });
  const trip = (r: Row, key = 'title') => <Link to={`/inspections/${r.inspectionId}`}>{String(r[key])}</Link>;
  const columns: Record<string, ColumnsType<Row>> = {
    participations: [
      { title: t('委员'), dataIndex: 'name', key: 'name', width: 120 }, { title: t('调研视察'), key: 't', render: (_v, r) => trip(r) },
      { title: t('类型'), dataIndex: 'kindLabel', key: 'k', width: 70, render: (v) => t(v) }, { title: t('签到时间'), dataIndex: 'signedInAt', key: 's', width: 170, render: (v) => formatDateTime(v) },
    ],
    findings: [
      { title: t('调研视察'), key: 't', render: (_v, r) => trip(r) }, { title: t('序号'), dataIndex: 'seq', key: 'seq', width: 60 },
      { title: query.type === 'problem' ? t('问题') : t('建议'), dataIndex: 'text', key: 'text' }, { title: t('计划日期'), dataIndex: 'plannedFrom', key: 'd', width: 120, render: (v) => formatDate(v) },
    ],
    instructions: [
      { title: t('调研视察'), key: 't', render: (_v, r) => trip(r, 'inspectionTitle') }, { title: t('批示领导'), dataIndex: 'by', key: 'by', width: 140 },
      { title: t('批示内容'), dataIndex: 'text', key: 'text' }, { title: t('批示日期'), dataIndex: 'onDate', key: 'd', width: 120, render: (v) => formatDate(v) },
    ],
  };
  const title = list === 'findings' ? (query.type === 'problem' ? '报告反映问题' : '报告提出建议') : titles[list] ?? '统计明细';
  return (
    <PageCard title={t(title)}>
      <Table<Row> rowKey="id" columns={columns[list] ?? []} dataSource={data?.items ?? []} loading={loading} scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, showTotal: (n) => t('共 {n} 条', { n }), onChange: (p) => setParams({ ...query, page: String(p) }) }} />
    </PageCard>
  );
}
