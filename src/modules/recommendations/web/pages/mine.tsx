/**
 * 我的待落实: a department's page of every open recommendation it owes the CPPCC, whatever it came from (协商成果,
 * 调研视察报告, 民主评议, 重点提案…), overdue first and then by due date, each with its due date and the action to report
 * progress (反馈落实情况 opens the recommendation, where the reply form and the evidence upload are). Cards, so it reads
 * on a phone.
 */
import { Alert, Button, Card, Empty, List, Pagination, Space, Statistic, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { RecommendationsListItem } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDate } from '../../../../kernel/web/components.tsx';

export default function MyOpenRecommendationsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const { data, loading } = useApiQuery<{ items: RecommendationsListItem[]; total: number }>('/api/recommendations', { open: 'true', sort: 'due', page, pageSize: 20 });
  const overdue = useApiQuery<{ total: number }>('/api/recommendations', { overdue: 'true', pageSize: 1 });
  const items = data?.items ?? [];
  return (
    <PageCard title={t('我的待落实')} loading={loading && !data}>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Space size={32} wrap>
          <Statistic title={t('未办结')} value={data?.total ?? 0} />
          <Link to="/recommendations?overdue=true"><Statistic title={t('超期')} value={overdue.data?.total ?? 0} valueStyle={(overdue.data?.total ?? 0) > 0 ? { color: '#cf1322' } : undefined} /></Link>
        </Space>
        {(overdue.data?.total ?? 0) > 0 && <Alert type="error" showIcon message={t('有 {n} 条建议已超过反馈期限，请尽快反馈落实情况或申请延期。', { n: overdue.data!.total })} />}
        {items.length === 0 && !loading ? <Empty description={t('没有待落实的建议')} /> : (
          <List dataSource={items} rowKey="id" renderItem={(r) => (
            <Card size="small" style={{ marginBottom: 12, borderColor: r.overdue ? '#ffa39e' : undefined }} data-testid="owed">
              <Space direction="vertical" size={6} style={{ width: '100%' }}>
                <Space size={4} wrap>
                  <Tag color={r.stateTone}>{t(r.stateLabel)}</Tag>
                  {r.overdue && <Tag color="red">{t('超期')}</Tag>}
                  {r.extensionPending && <Tag color="orange">{t('延期申请')}</Tag>}
                  {r.hasInstruction && <Tag color="blue">{t('有批示')}</Tag>}
                  <Tag>{t(r.sourceTypeLabel)}</Tag>
                </Space>
                <Link to={`/recommendations/${r.id}`}><Typography.Text strong>{r.text}</Typography.Text></Link>
                <Typography.Text type="secondary" ellipsis>{r.sourceTitle}</Typography.Text>
                <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
                  <Typography.Text type={r.overdue ? 'danger' : undefined}>{t('反馈期限')}：{r.dueDate ? formatDate(r.dueDate) : '—'}</Typography.Text>
                  <Button type="primary" onClick={() => navigate(`/recommendations/${r.id}`)} data-action="report-progress">
                    {t(r.state === 'answered' ? '查看' : '反馈落实情况')}
                  </Button>
                </Space>
              </Space>
            </Card>
          )} />
        )}
        {(data?.total ?? 0) > 20 && <Pagination current={page} pageSize={20} total={data?.total ?? 0} onChange={(p) => setParams({ page: String(p) })} />}
      </Space>
    </PageCard>
  );
}
