/**
 * 大会发言: speeches filtered from the address (by member, meeting, state, dates) — the list the figure
 * meetings.member.speeches opens.
 */
import { List, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { SpeechView } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery } from '../../../../kernel/web/hooks.ts';
import { EmptyHint, PageCard, formatDate } from '../../../../kernel/web/components.tsx';

const keys = ['userId', 'meetingId', 'state', 'from', 'to'] as const;

export default function SpeechesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(keys.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const page = Number(params.get('page') ?? 1);
  const { data, loading, error } = useApiQuery<{ items: SpeechView[]; total: number }>('/api/meetings/speeches', { ...filters, page, pageSize: 20 });
  return (
    <PageCard title={t('大会发言')}>
      {error ? <Typography.Text type="danger">{error.message}</Typography.Text> : data && data.total === 0 ? <EmptyHint text={t('没有符合条件的发言。')} /> : (
        <List loading={loading} dataSource={data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, showTotal: (n: number) => t('共 {n} 条', { n }), onChange: (p) => setParams(new URLSearchParams({ ...filters, page: String(p) })) }}
          renderItem={(s) => (
            <List.Item>
              <List.Item.Meta title={s.title}
                description={<Space wrap size={[6, 4]}><Tag color={s.state === 'selected' ? 'green' : s.state === 'declined' ? 'default' : 'processing'}>{t(s.stateLabel)}</Tag><span>{t(s.kindLabel)}</span><span>{s.name}</span>
                  <Link to={`/meetings/${s.meetingId}`}>{s.meetingTitle}</Link><span>{formatDate(s.heldOn)}</span></Space>} />
            </List.Item>
          )} />
      )}
    </PageCard>
  );
}
