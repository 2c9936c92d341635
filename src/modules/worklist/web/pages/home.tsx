/** 待办 (home): counts per kind, the work waiting for me ordered by due date with countdowns, and the latest notifications. */
import { useState } from 'react';
import { Button, Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { WorklistResponse } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { useServerEvent } from '../../../../kernel/web/events.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { DueTag, EmptyHint, PageCard } from '../../../../kernel/web/components.tsx';
import { RecentNotifications } from '../../../notifications/web/components.tsx';

export default function HomePage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const [label, setLabel] = useState<string>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const { data, loading, reload } = useApiQuery<WorklistResponse>('/api/worklist', { ...paging, label });
  useServerEvent('worklist', reload);

  const empty = data && data.total === 0 && !label;
  const next = can('proposal.create')
    ? { text: t('目前没有等您处理的事项。有想法时可以撰写一件提案，提交后在这里跟踪办理进度。'), action: { label: t('撰写提案'), to: '/proposals/new' } }
    : { text: t('目前没有等您处理的事项。有新的交办、退回或到期提醒时，会出现在这里并通知您。') };

  return (
    <Row gutter={[16, 0]}>
      <Col xs={24} lg={16}>
        <Typography.Title level={1} style={{ fontSize: mobile ? 20 : 24, marginTop: 0 }}>{t('您好，{name}', { name: me?.displayName ?? '' })}</Typography.Title>
        {data && data.counts.length > 0 && (
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="worklist-counts">
            {data.counts.map((c) => (
              <Col key={c.label} xs={12} sm={8} md={6}>
                <Card size="small" hoverable onClick={() => { setLabel(label === c.label ? undefined : c.label); setPaging((p) => ({ ...p, page: 1 })); }}
                  style={{ borderColor: label === c.label ? '#1d4e89' : undefined }} role="button" aria-pressed={label === c.label} tabIndex={0}
                  onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); setLabel(label === c.label ? undefined : c.label); } }}>
                  <Typography.Text type="secondary">{t(c.label)}</Typography.Text>
                  <div style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.3 }}>{c.count}</div>
                  {c.overdue > 0 && <Tag color="red">{t('超期 {n}', { n: c.overdue })}</Tag>}
                </Card>
              </Col>
            ))}
          </Row>
        )}
        <PageCard title={<span>{t('我的待办')}{label ? <Tag closable onClose={() => setLabel(undefined)} style={{ marginInlineStart: 8 }}>{t(label)}</Tag> : null}</span>}
          extra={data ? <Typography.Text type="secondary">{t('共 {n} 条', { n: data.total })}</Typography.Text> : null} loading={loading && !data}>
          {empty ? <EmptyHint text={next.text} action={next.action} /> : (
            <List
              data-testid="worklist"
              loading={loading}
              dataSource={data?.items ?? []}
              pagination={data && data.total > paging.pageSize ? { current: paging.page, pageSize: paging.pageSize, total: data.total, onChange: (page, pageSize) => setPaging({ page, pageSize }), size: 'small' } : false}
              renderItem={(w) => (
                <List.Item
                  style={{ cursor: 'pointer' }}
                  onClick={() => navigate(w.link)}
                  actions={mobile ? undefined : [<Button key="go" type="primary" ghost onClick={(e) => { e.stopPropagation(); navigate(w.link); }}>{t('去办理')}</Button>]}
                >
                  <List.Item.Meta
                    title={<a href={w.link} onClick={(e) => { e.preventDefault(); navigate(w.link); }}>{w.title}</a>}
                    description={<Space wrap size={[8, 4]}>
                      <Tag color="geekblue">{t(w.label)}</Tag>
                      <DueTag daysLeft={w.daysLeft} overdue={w.overdue} dueDate={w.dueDate} />
                      {w.dueDate && <Typography.Text type="secondary">{t('期限 {date}', { date: w.dueDate })}</Typography.Text>}
                      {mobile && <RightOutlined aria-hidden />}
                    </Space>}
                  />
                </List.Item>
              )}
            />
          )}
        </PageCard>
      </Col>
      <Col xs={24} lg={8}>
        <RecentNotifications />
      </Col>
    </Row>
  );
}
