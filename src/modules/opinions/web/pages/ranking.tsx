/** 年度通报: the year's figures and the rankings of submitters, units and special committees by points, with the 通报 as Word and Excel. */
import { useState } from 'react';
import { Button, Card, Col, InputNumber, List, Row, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { OpinionRanking, RankingRow } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';
import { defaultWorkYear, useWorkYear } from '../../../organizations/web/work-year.tsx';
import { YearWithDays } from '../shared.tsx';

export default function RankingPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  // opens on the CPPCC's working year (工作年度), as every page does
  const workYear = useWorkYear();
  const [chosen, setYear] = useState<number | null>(null);
  const year = chosen ?? defaultWorkYear(workYear.data);
  const [top, setTop] = useState(20);
  const { data, loading } = useApiQuery<OpinionRanking>('/api/opinions/ranking', { year });
  const s = data?.summary;

  const table = (rows: RankingRow[] = [], personal: boolean) => mobile ? (
    <List size="small" dataSource={rows} pagination={{ pageSize: 10, size: 'small', simple: true }} locale={{ emptyText: t('本年度没有记录。') }}
      renderItem={(r) => (
        <List.Item extra={<Typography.Text strong>{t('{n} 分', { n: r.points })}</Typography.Text>}>
          <List.Item.Meta title={<Space size={6}><Tag color={r.rank <= 3 ? 'gold' : 'default'}>{r.rank}</Tag>{personal ? <Link to={`/opinions?submitterUserId=${r.key}&year=${year}`}>{r.name}</Link> : r.name}</Space>}
            description={t('{k} · 报送 {a} · 录用 {b} · 采用 {c} · 批示 {d}', { k: t(r.kindLabel), a: r.submitted, b: r.accepted, c: r.adopted, d: r.instructed })} />
        </List.Item>
      )} />
  ) : (
    <Table<RankingRow> rowKey="key" size="small" dataSource={rows} pagination={{ pageSize: 20, showSizeChanger: false }}
      columns={[
        { title: t('名次'), dataIndex: 'rank', key: 'rank', width: 70, render: (v) => <Tag color={v <= 3 ? 'gold' : 'default'}>{v}</Tag> },
        { title: t('名称'), dataIndex: 'name', key: 'name', render: (v, r) => (personal ? <Link to={`/opinions?submitterUserId=${r.key}&year=${year}`}>{v}</Link> : v) },
        { title: t('类别'), dataIndex: 'kindLabel', key: 'kind', width: 110, render: (v) => t(v) },
        { title: t('报送'), dataIndex: 'submitted', key: 'submitted', width: 80 },
        { title: t('录用'), dataIndex: 'accepted', key: 'accepted', width: 80 },
        { title: t('采用'), dataIndex: 'adopted', key: 'adopted', width: 80 },
        { title: t('批示'), dataIndex: 'instructed', key: 'instructed', width: 80 },
        { title: t('积分'), dataIndex: 'points', key: 'points', width: 90, render: (v) => <Typography.Text strong>{v}</Typography.Text> },
      ]} />
  );

  return (
    <PageCard title={t('年度通报')} loading={loading && !data}
      extra={(
        <Space wrap>
          {t('年度')}<InputNumber aria-label={t('年度')} value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} style={{ width: 90 }} />
          {t('前')}<InputNumber aria-label={t('前N名')} value={top} min={1} max={500} onChange={(v) => v && setTop(v)} style={{ width: 70 }} />{t('名')}
          <Button icon={<DownloadOutlined />} href={`/api/opinions/ranking.docx?year=${year}&top=${top}`} data-testid="ranking-docx">{t('通报 Word')}</Button>
          <Button icon={<DownloadOutlined />} href={`/api/opinions/ranking.xlsx?year=${year}`}>{t('Excel')}</Button>
        </Space>
      )}>
      <YearWithDays year={year} workYear={workYear.data} days={data && data.year === year ? data : undefined} />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('关于{y}年度社情民意信息工作情况的通报', { y: year })}</Typography.Title>
        <Card size="small">
          <Row gutter={[16, 16]}>
            {([['收到信息', s?.submitted], ['录用', s?.accepted], ['编发期数', s?.issues], ['刊发篇目', s?.pieces], ['被采用', s?.adopted], ['获批示', s?.instructed], ['报送人数', s?.submitters], ['积分合计', s?.points]] as const)
              .map(([label, v]) => <Col key={label} xs={12} md={6} lg={3}><Statistic title={t(label)} value={v ?? 0} /></Col>)}
          </Row>
        </Card>
        <Tabs items={[
          { key: 'submitters', label: t('委员和信息员（{n}）', { n: data?.submitters.length ?? 0 }), children: table(data?.submitters, true) },
          { key: 'units', label: t('报送单位（{n}）', { n: data?.units.length ?? 0 }), children: table(data?.units, false) },
          { key: 'committees', label: t('专门委员会（{n}）', { n: data?.committees.length ?? 0 }), children: table(data?.committees, false) },
        ]} />
      </Space>
    </PageCard>
  );
}
