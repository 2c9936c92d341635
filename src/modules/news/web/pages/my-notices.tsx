/**
 * 我的通知: the notices addressed to me, unread first, with the count of unread; opening one (/news/my-notices/:id)
 * writes my read receipt.
 */
import { Badge, Button, Card, List, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { NoticeDetail } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDate, formatDateTime } from '../../../../kernel/web/components.tsx';
import { RichText, richTextCss } from '../rich-text.tsx';

interface Mine { items: Array<{ id: string; title: string; ownerName: string; sentOn: string | null; readAt: string | null; summary: string }>; total: number; unread: number }

export default function MyNoticesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const { data, loading } = useApiQuery<Mine>('/api/news/my-notices', { page, pageSize: 20 });
  return (
    <PageCard title={<Space>{t('我的通知')}<Badge count={data?.unread ?? 0} data-testid="unread-badge" /></Space>}>
      <List loading={loading} dataSource={data?.items ?? []} locale={{ emptyText: t('暂无通知') }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, size: 'small', simple: true, onChange: (p) => setParams({ page: String(p) }) }}
        renderItem={(n) => (
          <List.Item onClick={() => navigate(`/news/my-notices/${n.id}`)} style={{ cursor: 'pointer' }}>
            <List.Item.Meta
              title={<span>{!n.readAt && <Badge status="error" style={{ marginInlineEnd: 6 }} />}<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text></span>}
              description={<Space direction="vertical" size={2}><span>{n.summary}</span><Space wrap size={[8, 0]}>{n.sentOn && <span>{formatDate(n.sentOn)}</span>}<Tag color={n.readAt ? 'default' : 'red'}>{n.readAt ? t('已读') : t('未读')}</Tag></Space></Space>} />
          </List.Item>
        )} />
    </PageCard>
  );
}

export function MyNoticePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data: n, loading, error } = useApiQuery<NoticeDetail>(`/api/news/notices/${id}`);
  if (error && !n) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/news/my-notices')}>{t('返回列表')}</Button>} />;
  if (!n) return <PageCard loading={loading}><Skeleton active /></PageCard>;
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{n.title}</Typography.Title>
      <style>{richTextCss}</style>
      <Typography.Paragraph type="secondary">{n.ownerName}{n.sentOn && ` · ${formatDate(n.sentOn)}`}{n.readAt && ` · ${t('已读于 {at}', { at: formatDateTime(n.readAt) })}`}</Typography.Paragraph>
      <RichText html={n.body} />
      {n.attachments.length > 0 && (
        <div style={{ marginTop: 16 }}>
          <Typography.Text strong>{t('附件')}</Typography.Text>
          {n.attachments.map((f) => <div key={f.id}><a href={`/api/attachments/${f.id}`}>{f.filename}</a></div>)}
        </div>
      )}
      <Button style={{ marginTop: 16 }} onClick={() => navigate('/news/my-notices')}>{t('返回我的通知')}</Button>
    </Card>
  );
}
