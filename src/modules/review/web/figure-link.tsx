/**
 * A figure as a link to its records: the web page listing them when the figure names one, otherwise a drawer that
 * opens the figure's list (`link`, the API) and shows its rows, so every number can be followed.
 */
import { useState, type ReactNode } from 'react';
import { Drawer, List, Typography } from 'antd';
import { Link } from 'react-router';
import { useApiQuery } from '../../../kernel/web/hooks.ts';
import { useI18n } from '../../../kernel/web/i18n.tsx';

interface Linked { label: string; link: string | null; page: string | null }

const rowText = (r: Record<string, unknown>) => String(r.title ?? r.name ?? r.displayName ?? r.memberName ?? r.number ?? r.id ?? '');

function RecordsDrawer({ f, open, onClose }: { f: Linked; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const url = open && f.link ? `${f.link}${f.link.includes('?') ? '&' : '?'}pageSize=100` : null;
  const { data, loading } = useApiQuery<{ items: Array<Record<string, unknown>>; total: number }>(url);
  return (
    <Drawer open={open} onClose={onClose} title={t(f.label)} width={Math.min(520, typeof window === 'undefined' ? 520 : window.innerWidth)}>
      <Typography.Paragraph type="secondary">{t('共 {n} 条', { n: data?.total ?? 0 })}</Typography.Paragraph>
      <List loading={loading} size="small" dataSource={data?.items ?? []} renderItem={(r) => <List.Item>{rowText(r)}</List.Item>} />
    </Drawer>
  );
}

/** `children` (the number) linked to the figure's records. */
export function FigureLink({ f, children, testId }: { f: Linked; children: ReactNode; testId?: string }) {
  const [open, setOpen] = useState(false);
  if (f.page) return <Link to={f.page} data-testid={testId} className="figure-link">{children}</Link>;
  if (!f.link) return <span data-testid={testId}>{children}</span>;
  return (
    <>
      <a role="button" data-testid={testId} className="figure-link" onClick={() => setOpen(true)}>{children}</a>
      <RecordsDrawer f={f} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

/** 较上年 +12 / −3 / 持平, coloured; a figure that needs attention is bad news when it grows. */
export function ChangeText({ change, percent, attention }: { change: number | null; percent: number | null; attention?: boolean }) {
  const { t } = useI18n();
  if (change === null) return <Typography.Text type="secondary">{t('无上年数据')}</Typography.Text>;
  if (change === 0) return <Typography.Text type="secondary">{t('与上年持平')}</Typography.Text>;
  const up = change > 0;
  const good = attention ? !up : up;
  return (
    <Typography.Text type={good ? 'success' : 'danger'}>
      {t('较上年')} {up ? '+' : '−'}{Math.abs(change)}{percent !== null ? `（${up ? '+' : '−'}${Math.abs(percent)}%）` : ''}
    </Typography.Text>
  );
}
