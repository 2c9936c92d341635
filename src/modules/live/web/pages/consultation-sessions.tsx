/**
 * 网络议政 on a consultation meeting's page: the live sessions the meeting hosts (those linked to it when they were
 * set up), each with its state, time and how many took part, opening its room. Shown through the record-panel slot,
 * so the consultations module does not import this one; nothing shows when the meeting hosts none.
 */
import { Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery } from '../../../../kernel/web/hooks.ts';
import { formatDateTime } from '../../../../kernel/web/components.tsx';
import type { RecordPanelProps } from '../../../../kernel/web/record-panels.tsx';
import type { SessionListItem } from '../../contract.ts';

type Item = SessionListItem & { participants?: number; contributions?: number };

export function ConsultationSessions({ id, stacked }: RecordPanelProps) {
  const { t } = useI18n();
  const { data } = useApiQuery<{ items: Item[]; total: number }>(`/api/live/sessions?${new URLSearchParams({ consultationId: id, pageSize: '20' })}`);
  if (!data?.items.length) return null;
  return (
    <Card size={stacked ? 'small' : 'default'} title={t('网络议政')} data-testid="consultation-live-sessions" style={stacked ? undefined : { marginBottom: 16 }}>
      <List size="small" dataSource={data.items} renderItem={(s) => (
        <List.Item>
          <Space direction="vertical" size={0}>
            <Link to={`/live/${encodeURIComponent(s.id)}`}>{s.title}</Link>
            <Typography.Text type="secondary">
              {formatDateTime(s.opensAt)} – {formatDateTime(s.closesAt)} <Tag color={s.stateTone}>{t(s.stateLabel)}</Tag>
              {s.participants !== undefined && t('参与 {n} 人，发言 {m} 条', { n: s.participants, m: s.contributions ?? 0 })}
            </Typography.Text>
          </Space>
        </List.Item>
      )} />
    </Card>
  );
}
