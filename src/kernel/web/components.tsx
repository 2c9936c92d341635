/** Small shared pieces: the content card, empty states, due-date countdowns (lazy pages: lazy.tsx; 无权访问: forbidden.tsx). */
import type { ReactNode } from 'react';
import { Button, Card, Empty, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from './i18n.tsx';

/** The content card every page sits in: title, actions on the right, generous padding. */
/**
 * A card of a page. `wrapTitle` lets a long title (a record's own title, such as a proposal's 案由) wrap onto more lines
 * instead of being cut off with an ellipsis on a narrow screen.
 */
export function PageCard({ title, extra, children, loading, wrapTitle }: { title?: ReactNode; extra?: ReactNode; children: ReactNode; loading?: boolean; wrapTitle?: boolean }) {
  return (
    <Card title={title} extra={extra} loading={loading} style={{ marginBottom: 16 }}
      styles={{ body: { overflowX: 'auto' }, ...(wrapTitle ? { title: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.5, padding: '12px 0' } } : {}) }}>
      {children}
    </Card>
  );
}

/** An empty state that says what to do next. */
export function EmptyHint({ text, action }: { text: string; action?: { label: string; to: string } }) {
  const navigate = useNavigate();
  return (
    <Empty description={text}>
      {action && <Button type="primary" onClick={() => navigate(action.to)}>{action.label}</Button>}
    </Empty>
  );
}

/** Countdown in working days: red when overdue, orange when 3 or fewer days are left. */
export function DueTag({ daysLeft, overdue, dueDate }: { daysLeft?: number | null; overdue?: boolean; dueDate?: string | null }) {
  const { t } = useI18n();
  if (daysLeft === undefined || daysLeft === null) return dueDate ? <Tag>{dueDate}</Tag> : <Tag>{t('无期限')}</Tag>;
  if (overdue || daysLeft < 0) return <Tag color="red">{daysLeft === 0 ? t('已超期') : t('已超期 {n} 个工作日', { n: Math.abs(daysLeft) })}</Tag>;
  if (daysLeft === 0) return <Tag color="orange">{t('今天到期')}</Tag>;
  return <Tag color={daysLeft <= 3 ? 'orange' : 'blue'}>{t('剩 {n} 个工作日', { n: daysLeft })}</Tag>;
}

export { formatDate, formatDateTime } from '../universal/china-time.ts';
