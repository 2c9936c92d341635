/**
 * 履职积分 card on a member's duty record (我的履职, or a member's 履职档案 for those who read all): the year's total,
 * grade and rank, and every item with its points; an item opens the score page with that item's records shown (the
 * figure's own list). Contributed as a record panel for entity type 'member', so the record page imports nothing of
 * this module. Phone first: one column of rows.
 */
import { Card, List, Space, Tag, Typography } from 'antd';
import { RightOutlined, TrophyOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import type { MemberScore } from '../../contract.ts';
import type { RecordPanelProps } from '../../../../kernel/web/record-panels.tsx';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function ScoreCard({ id, stacked }: RecordPanelProps) {
  const { t } = useI18n();
  const { me } = useSession();
  const [params] = useSearchParams();
  const year = params.get('year') ?? undefined;
  const self = id === me?.id;
  const { data, error } = useApiQuery<MemberScore>(self ? '/api/scores/mine' : `/api/scores/members/${encodeURIComponent(id)}`, { year });
  if (error || !data) return null;
  const page = self ? '/scores/mine' : `/scores/members/${encodeURIComponent(id)}`;
  const open = (figure?: string) => `${page}?year=${data.year}${figure ? `&show=${encodeURIComponent(figure)}` : ''}`;
  const top = data.bands[0]?.label;
  const gradeColor = data.grade === top ? 'red' : data.bands[data.bands.length - 1]?.label === data.grade ? 'default' : 'blue';
  const items = data.items.filter((it) => it.count !== 0 || it.points !== 0 || !it.minMet);
  return (
    <Card size="small" data-testid="score-card" style={stacked ? undefined : { marginBottom: 16 }}
      title={<Space size={6}><TrophyOutlined style={{ color: '#b71c1c' }} />{t('{y}年度履职积分', { y: data.year })}</Space>}
      extra={<Link to={open()}>{t('积分明细')}</Link>}>
      <Space size={16} align="center" wrap>
        <span data-testid="score-card-total" style={{ fontSize: 32, fontWeight: 700, color: '#b71c1c', lineHeight: 1.1 }}>{data.total}</span>
        <Tag color={gradeColor} style={{ fontSize: 14, padding: '2px 8px' }} data-testid="score-card-grade">{t(data.grade)}</Tag>
        <Typography.Text type="secondary">{data.rank !== null ? t('第 {rank} 名 / {n} 人', { rank: data.rank, n: data.members ?? 0 }) : t('尚未排名')}</Typography.Text>
      </Space>
      {data.total < data.minimum && <Typography.Paragraph type="warning" style={{ margin: '4px 0 0' }}>{t('当前积分低于年度最低分 {min} 分', { min: data.minimum })}</Typography.Paragraph>}
      <List size="small" style={{ marginTop: 8 }} dataSource={items} locale={{ emptyText: t('本年度尚无得分记录') }}
        renderItem={(it) => {
          const row = (
            <div style={{ display: 'flex', alignItems: 'center', gap: 8, width: '100%' }}>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text>{t(it.label)}</Typography.Text>
                <div style={{ fontSize: 12, color: '#888' }}>{t('{count} 次 × {each} 分', { count: it.count, each: signed(it.pointsEach) })}{it.capped ? ` · ${t('已达上限')}` : ''}{!it.minMet ? ` · ${t('未达最低要求')}` : ''}</div>
              </div>
              <span data-testid="score-card-points" style={{ fontWeight: 600, color: it.points < 0 ? '#cf1322' : it.points > 0 ? '#b71c1c' : '#999', whiteSpace: 'nowrap' }}>{signed(it.points)}</span>
              {it.list && it.count > 0 && <RightOutlined style={{ color: '#bbb', fontSize: 12 }} />}
            </div>
          );
          return (
            <List.Item style={{ paddingInline: 0 }} data-testid={`score-card-item-${it.figure}`}>
              {it.list && it.count > 0 ? <Link to={open(it.figure)} style={{ width: '100%', color: 'inherit' }}>{row}</Link> : row}
            </List.Item>
          );
        }} />
    </Card>
  );
}
