/**
 * 关联协商: on a proposal's or a 社情民意 report's page, the consultations that link it (those the reader may see), each
 * with its form, date and state. Shown through the record-panel slot, so neither module imports this one; nothing
 * shows when no consultation links the record.
 */
import { Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { LinkedConsultations as Linked } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery } from '../../../../kernel/web/hooks.ts';
import { formatDate } from '../../../../kernel/web/components.tsx';
import type { RecordPanelProps } from '../../../../kernel/web/record-panels.tsx';

export function LinkedConsultations({ entityType, id, stacked }: RecordPanelProps) {
  const { t } = useI18n();
  const { data } = useApiQuery<Linked>(`/api/consultations/links?${new URLSearchParams({ entityType, id })}`);
  if (!data?.items.length) return null;
  return (
    <Card size={stacked ? 'small' : 'default'} title={t('关联协商')} data-testid="linked-consultations" style={stacked ? undefined : { marginBottom: 16 }}>
      <List size="small" dataSource={data.items} renderItem={(c) => (
        <List.Item>
          <Space direction="vertical" size={0}>
            <Link to={`/consultations/${encodeURIComponent(c.id)}`}>{c.title}</Link>
            <Typography.Text type="secondary">{t(c.formLabel)} · {c.leadCommitteeName} · {formatDate(c.plannedOn)} <Tag color={c.stateTone}>{t(c.stateLabel)}</Tag></Typography.Text>
          </Space>
        </List.Item>
      )} />
    </Card>
  );
}
