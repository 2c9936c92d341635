/** 消息通知: the user's inbox with unread filter, mark one or all as read, and a link to the record. */
import { useState } from 'react';
import { App, Badge, Button, List, Segmented, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { NotificationItem } from '../../contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useServerEvent } from '../../../../kernel/web/events.ts';
import { EmptyHint, PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { announceRead } from '../components.tsx';

export default function NotificationsPage() {
  const { t, ts } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  // on a phone the actions go under the message, so the message keeps the width
  const mobile = useIsMobile();
  const [unread, setUnread] = useState<'all' | 'unread'>('all');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { data, loading, reload } = useApiQuery<{ items: NotificationItem[]; total: number }>('/api/notifications', { ...paging, unread: unread === 'unread' ? 'true' : undefined });
  useServerEvent('notification', reload);

  const markRead = async (n: NotificationItem) => {
    try { await api.post(`/api/notifications/${n.id}/read`); announceRead(); reload(); } catch (e) { report(e); }
  };
  const readAll = async () => {
    try { const r = await api.post<{ count: number }>('/api/notifications/read-all'); announceRead(); void message.success(t('已将 {n} 条标记为已读', { n: r.count })); reload(); } catch (e) { report(e); }
  };

  return (
    <PageCard title={t('消息通知')} extra={<Button onClick={() => void readAll()}>{t('全部标为已读')}</Button>}>
      <Segmented value={unread} onChange={(v) => { setUnread(v as 'all' | 'unread'); setPaging((p) => ({ ...p, page: 1 })); }} style={{ marginBottom: 16 }}
        options={[{ value: 'all', label: t('全部') }, { value: 'unread', label: t('未读') }]} />
      {data && data.items.length === 0 ? <EmptyHint text={unread === 'unread' ? t('没有未读通知。') : t('暂无通知。有人交办、退回或答复您的事项时，会在这里提醒您。')} /> : (
        <List
          loading={loading}
          itemLayout={mobile ? 'vertical' : 'horizontal'}
          dataSource={data?.items ?? []}
          pagination={{ current: paging.page, pageSize: paging.pageSize, total: data?.total ?? 0, showTotal: (n) => t('共 {n} 条', { n }), onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
          renderItem={(n) => (
            <List.Item actions={[
              n.link ? <Button key="open" type="link" onClick={async () => { if (!n.readAt) await markRead(n); navigate(n.link!); }}>{t('查看')}</Button> : null,
              !n.readAt && n.actions.includes('read') ? <Button key="read" type="link" onClick={() => void markRead(n)}>{t('标为已读')}</Button> : null,
            ].filter(Boolean)}>
              <List.Item.Meta
                title={<Space>{!n.readAt && <Badge status="processing" />}<Typography.Text strong={!n.readAt}>{ts(n.title)}</Typography.Text></Space>}
                description={<><div>{ts(n.body)}</div><Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text></>}
              />
            </List.Item>
          )}
        />
      )}
    </PageCard>
  );
}
