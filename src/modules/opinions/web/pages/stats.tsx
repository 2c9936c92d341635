/** 社情民意统计: a year's figures, each opening the list of records behind it, and the submitters' points. */
import { Card, Col, InputNumber, Row, Space, Statistic, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { OpinionStats, StatFigure } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery } from '../../../../kernel/web/hooks.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';

const linkOf = (f: StatFigure) => (f.path === '/api/opinions' ? `/opinions?${new URLSearchParams(f.query)}` : f.path === '/api/opinions/issues' ? '/opinions/issues' : null);

export default function OpinionStatsPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const { data, loading } = useApiQuery<OpinionStats>('/api/opinions/stats', { year });
  const scores = useApiQuery<{ items: Array<{ submitterUserId: string; submitterName: string; points: number; events: number; reports: number }> }>('/api/opinions/scores', { year });
  const group = (title: string, figs: StatFigure[] = []) => (
    <Card size="small" title={t(title)}>
      <Row gutter={[16, 16]}>
        {figs.map((f) => {
          const to = linkOf(f);
          const value = <Statistic title={t(f.label)} value={f.count} suffix={f.share !== null ? `（${f.share}%）` : undefined} />;
          return <Col key={f.key} xs={12} md={6}>{to ? <Link to={to}>{value}</Link> : value}</Col>;
        })}
      </Row>
    </Card>
  );
  return (
    <PageCard title={t('社情民意统计')} loading={loading} extra={<Space>{t('年度')}<InputNumber aria-label={t('年度')} value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} /></Space>}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {group('总体', data?.totals)}
        {group('委员参与', data?.members)}
        {group('各级采用', data?.adoptedByLevel)}
        {group('领导批示', data?.instructionsByLevel)}
        <Card size="small" title={t('积分排名')}>
          <Table rowKey="submitterUserId" size="small" loading={scores.loading} dataSource={scores.data?.items ?? []} pagination={{ pageSize: 10 }}
            columns={[
              { title: t('报送人'), dataIndex: 'submitterName', key: 'n', render: (v, r) => <Link to={`/opinions?submitterUserId=${r.submitterUserId}`}>{v}</Link> },
              { title: t('积分'), dataIndex: 'points', key: 'p' },
              { title: t('采用与批示'), dataIndex: 'events', key: 'e' },
              { title: t('信息'), dataIndex: 'reports', key: 'r' },
            ]} />
        </Card>
      </Space>
    </PageCard>
  );
}
