/** 督办看板: for the proposal office, each unit's overdue and soon-due proposal work, most overdue first. */
import { Collapse, InputNumber, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { ProposalBoard } from '../../contract.ts';
import { EmptyHint, PageCard } from '../../../../kernel/web/components.tsx';
import { useApiQuery } from '../../../../kernel/web/hooks.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { WorkYearLabel } from '../../../organizations/web/work-year.tsx';

type Item = ProposalBoard['units'][number]['items'][number];

export default function ProposalBoardPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const within = params.get('withinDays') ?? undefined;
  const { data, loading } = useApiQuery<ProposalBoard>('/api/proposals/board', { withinDays: within });
  const columns = [
    { title: t('提案'), dataIndex: 'title', key: 'title', render: (v: string, r: Item) => <Link to={`/proposals/${r.proposalId}`}>{v}</Link> },
    { title: t('事项'), dataIndex: 'label', key: 'label', width: 120 },
    { title: t('承办角色'), dataIndex: 'roleLabel', key: 'role', width: 90, render: (v: string) => t(v) },
    { title: t('期限'), dataIndex: 'dueDate', key: 'due', width: 120 },
    {
      title: t('剩余工作日'), dataIndex: 'daysLeft', key: 'left', width: 120,
      render: (v: number, r: Item) => (r.overdue ? <Tag color="red">{t('超期 {n} 天', { n: String(-v) })}</Tag> : <Tag color={v <= 2 ? 'orange' : 'gold'}>{t('剩 {n} 天', { n: String(v) })}</Tag>),
    },
  ];
  return (
    <PageCard title={t('督办看板')} loading={loading && !data}>
      <WorkYearLabel year={undefined} block />
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        {/* 当前超期: the statistics' figure over all years, opening the proposals it counts */}
        <Link to={`/proposals?${new URLSearchParams({ overdue: 'true', statLabel: t('当前超期') })}`} aria-label={`${t('当前超期')} ${data?.overdue ?? 0}`}>
          <Statistic title={t('当前超期')} value={data?.overdue ?? 0} styles={{ content: { color: '#cf1322' } }} />
        </Link>
        <Statistic title={t('临期事项')} value={data?.dueSoon ?? 0} />
        <label>
          <Typography.Text type="secondary">{t('临期范围（工作日）')} </Typography.Text>
          <InputNumber min={0} max={60} value={data?.withinDays} aria-label={t('临期范围（工作日）')}
            onChange={(v) => { const p = new URLSearchParams(params); if (v === null) p.delete('withinDays'); else p.set('withinDays', String(v)); setParams(p); }} />
        </label>
      </Space>
      {data && data.units.length === 0 ? <EmptyHint text={t('没有超期或临期的办理事项。')} /> : (
        <Collapse
          defaultActiveKey={(data?.units ?? []).filter((u) => u.overdue > 0).map((u) => u.unitId)}
          items={(data?.units ?? []).map((u) => ({
            key: u.unitId,
            label: <Space wrap><Typography.Text strong>{u.unitName}</Typography.Text>{u.overdue > 0 && <Tag color="red">{t('超期 {n} 件', { n: String(u.overdue) })}</Tag>}{u.dueSoon > 0 && <Tag color="gold">{t('临期 {n} 件', { n: String(u.dueSoon) })}</Tag>}</Space>,
            children: <Table<Item> rowKey="taskId" size="small" pagination={false} columns={columns} dataSource={u.items} scroll={{ x: 640 }} />,
          }))}
        />
      )}
    </PageCard>
  );
}
