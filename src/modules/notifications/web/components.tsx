/** The notification bell with its unread count, and the recent-notifications panel used on the home page. */
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, List, Tooltip, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { NotificationItem } from '../contract.ts';
import { api } from '../../../kernel/web/api.ts';
import { useI18n } from '../../../kernel/web/i18n.tsx';
import { useServerEvent } from '../../../kernel/web/events.ts';
import { useApiQuery } from '../../../kernel/web/hooks.ts';
import { EmptyHint, PageCard, formatDateTime } from '../../../kernel/web/components.tsx';

/** Unread count, refreshed when the server pushes a notification. */
export function useUnreadCount(): { count: number; reload: () => void } {
  const [count, setCount] = useState(0);
  const reload = useCallback(() => {
    api.get<{ count: number }>('/api/notifications/unread-count').then((r) => setCount(r.count), () => {});
  }, []);
  useEffect(() => { reload(); }, [reload]);
  useServerEvent('notification', reload);
  useEffect(() => {
    const h = () => reload();
    window.addEventListener('zx:notifications-read', h);
    return () => window.removeEventListener('zx:notifications-read', h);
  }, [reload]);
  return { count, reload };
}

/** Tell every unread badge on the page that notifications were marked read. */
export function announceRead(): void {
  window.dispatchEvent(new Event('zx:notifications-read'));
}

export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { count } = useUnreadCount();
  const label = count ? t('消息通知（{n} 条未读）', { n: count }) : t('消息通知');
  return (
    <Tooltip title={label}>
      <Button type="text" size="large" aria-label={label} data-testid="notification-bell" onClick={() => navigate('/notifications')}
        icon={<Badge count={count} size="small" overflowCount={99}><BellOutlined style={{ fontSize: 18 }} /></Badge>} />
    </Tooltip>
  );
}

/** 最新通知: the latest few messages, refreshed live. */
export function RecentNotifications() {
  const { t, ts } = useI18n();
  const navigate = useNavigate();
  const { data, loading, reload } = useApiQuery<{ items: NotificationItem[]; total: number }>('/api/notifications', { page: 1, pageSize: 5 });
  useServerEvent('notification', reload);
  const open = async (n: NotificationItem) => {
    if (!n.readAt) { try { await api.post(`/api/notifications/${n.id}/read`); announceRead(); } catch { /* still open the link */ } }
    if (n.link) navigate(n.link); else reload();
  };
  return (
    <PageCard title={t('最新通知')} extra={<Button type="link" onClick={() => navigate('/notifications')}>{t('全部通知')}</Button>} loading={loading && !data}>
      {data && data.items.length === 0 ? <EmptyHint text={t('暂无通知。有人交办、退回或答复您的事项时，会在这里提醒您。')} /> : (
        <List
          dataSource={data?.items ?? []}
          renderItem={(n) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => void open(n)}>
              <List.Item.Meta
                title={<Typography.Text strong={!n.readAt}>{!n.readAt && <Badge status="processing" style={{ marginInlineEnd: 6 }} />}{ts(n.title)}</Typography.Text>}
                description={<><Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }} type="secondary">{ts(n.body)}</Typography.Paragraph><Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text></>}
              />
            </List.Item>
          )}
        />
      )}
    </PageCard>
  );
}
