/**
 * 出勤记录: the participants of closed meetings with their attendance (出席/请假/缺席), filtered from the address — the
 * list the duty record's and the statistics' figures open (a member sees their own).
 */
import { Table, Tag, List, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { EmptyHint, PageCard, formatDate } from '../../../../kernel/web/components.tsx';

interface Row { id: string; meetingId: string; meetingTitle: string; kindLabel: string; heldOn: string; name: string; attendance: string; attendanceLabel: string; leaveReason: string | null }
const tone: Record<string, string> = { present: 'green', leave: 'gold', absent: 'red' };
const keys = ['userId', 'meetingId', 'attendance', 'kind', 'from', 'to'] as const;

export default function AttendancePage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(keys.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading, error } = useApiQuery<{ items: Row[]; total: number }>('/api/meetings/attendance', { ...filters, page, pageSize });
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showTotal: (n: number) => t('共 {n} 条', { n }),
    onChange: (p: number, s: number) => setParams(new URLSearchParams({ ...filters, page: String(p), pageSize: String(s) })),
  };
  const columns: ColumnsType<Row> = [
    { title: t('会议'), dataIndex: 'meetingTitle', key: 'm', render: (v, r) => <Link to={`/meetings/${r.meetingId}`}>{v}</Link> },
    { title: t('类别'), dataIndex: 'kindLabel', key: 'k', width: 100, render: (v) => t(v) },
    { title: t('日期'), dataIndex: 'heldOn', key: 'd', width: 110, render: (v) => formatDate(v) },
    { title: t('姓名'), dataIndex: 'name', key: 'n', width: 110 },
    { title: t('出勤'), dataIndex: 'attendanceLabel', key: 'a', width: 80, render: (v, r) => <Tag color={tone[r.attendance]}>{t(v)}</Tag> },
    { title: t('请假事由'), dataIndex: 'leaveReason', key: 'r', responsive: ['md'], render: (v) => v ?? '' },
  ];
  return (
    <PageCard title={t('出勤记录')}>
      {error ? <Typography.Text type="danger">{error.message}</Typography.Text> : data && data.total === 0 ? <EmptyHint text={t('没有符合条件的出勤记录。')} /> : mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => <List.Item><List.Item.Meta title={<Link to={`/meetings/${r.meetingId}`}>{r.meetingTitle}</Link>}
            description={<Space wrap size={[6, 4]}><Tag color={tone[r.attendance]}>{t(r.attendanceLabel)}</Tag><span>{r.name}</span><span>{formatDate(r.heldOn)}</span></Space>} /></List.Item>} />
      ) : <Table<Row> rowKey="id" size="small" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={pagination} scroll={{ x: 'max-content' }} />}
    </PageCard>
  );
}
