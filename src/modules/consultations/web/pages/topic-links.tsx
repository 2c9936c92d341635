/**
 * 关联提案和社情民意 of a 协商选题 or a 计划项: the records that inspired it (选题来源) and those that came out of it
 * (协商成果), each a link to its page; an editor that picks them by number or title through the records' own lists; and
 * 列入协商选题, the panel a proposal's or a report's page shows for the topics and plan items that link it.
 */
import { useState } from 'react';
import { Button, Card, Form, List, Modal, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TopicLinked, TopicLinkView } from '../../domain/plan-contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import type { RecordPanelProps } from '../../../../kernel/web/record-panels.tsx';
import { RecordPicker } from './record-picker.tsx';

const relationLabel = { source: '选题来源', outcome: '协商成果' } as const;
const typeLabel = { proposal: '提案', opinion: '社情民意' } as const;

/** The links, grouped by relation; nothing when there are none (unless `empty` is given). */
export function TopicLinkList({ links, empty }: { links: readonly TopicLinkView[]; empty?: string }) {
  const { t } = useI18n();
  if (!links.length) return empty ? <Typography.Text type="secondary">{empty}</Typography.Text> : null;
  return (
    <Space direction="vertical" size={2} data-testid="topic-links">
      {(['source', 'outcome'] as const).filter((rel) => links.some((l) => l.relation === rel)).map((rel) => (
        <div key={rel}>
          <Typography.Text type="secondary">{t(relationLabel[rel])}：</Typography.Text>
          {links.filter((l) => l.relation === rel).map((l, i) => (
            <span key={`${l.entityType}:${l.id}`}>{i > 0 && '；'}<Tag bordered={false}>{t(typeLabel[l.entityType])}</Tag>{l.link ? <Link to={l.link}>{l.title}</Link> : l.title}</span>
          ))}
        </div>
      ))}
    </Space>
  );
}

type Fields = 'sourceProposalIds' | 'sourceReportIds' | 'outcomeProposalIds' | 'outcomeReportIds';
const fields: Array<{ name: Fields; relation: 'source' | 'outcome'; kind: 'proposal' | 'opinion'; label: string }> = [
  { name: 'sourceProposalIds', relation: 'source', kind: 'proposal', label: '来源提案' },
  { name: 'sourceReportIds', relation: 'source', kind: 'opinion', label: '来源社情民意' },
  { name: 'outcomeProposalIds', relation: 'outcome', kind: 'proposal', label: '形成的提案' },
  { name: 'outcomeReportIds', relation: 'outcome', kind: 'opinion', label: '形成的社情民意' },
];

/** The editor: a modal of four pickers, saved as a whole set under the version with PUT `url`. */
export function TopicLinksEditor({ url, version, links, open, onClose, onSaved }: { url: string; version: number; links: readonly TopicLinkView[]; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const report = useReportError();
  const mobile = useIsMobile();
  const [form] = Form.useForm();
  const of = (relation: string, kind: string) => links.filter((l) => l.relation === relation && l.entityType === kind);
  const save = async (v: Partial<Record<Fields, string[]>>) => {
    try {
      await api.put(url, { version, ...Object.fromEntries(fields.map((f) => [f.name, v[f.name] ?? []])) });
      onSaved();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: onSaved }); }
  };
  return (
    <Modal open={open} title={t('关联提案和社情民意')} onCancel={onClose} onOk={() => form.submit()} okText={t('保存')} destroyOnHidden width={mobile ? undefined : 720}>
      <Form name="topic-links" form={form} layout="vertical" onFinish={save} initialValues={Object.fromEntries(fields.map((f) => [f.name, of(f.relation, f.kind).map((l) => l.id)]))}>
        {fields.map((f) => (
          <Form.Item key={f.name} name={f.name} label={t(f.label)}>
            <RecordPicker kind={f.kind} known={of(f.relation, f.kind).map((l) => ({ value: l.id, label: l.title }))} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

/** A card of a topic's links with the edit button when the caller may change them. */
export function TopicLinksCard({ url, version, links, canEdit, onSaved }: { url: string; version: number; links: readonly TopicLinkView[]; canEdit: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!links.length && !canEdit) return null;
  return (
    <Card size="small" title={t('关联提案和社情民意')} extra={canEdit && <Button size="small" onClick={() => setOpen(true)} data-testid="edit-topic-links">{t('编辑关联')}</Button>}>
      <TopicLinkList links={links} empty={t('暂无')} />
      <TopicLinksEditor url={url} version={version} links={links} open={open} onClose={() => setOpen(false)} onSaved={() => { setOpen(false); onSaved(); }} />
    </Card>
  );
}

/** 列入协商选题: on a proposal's or a report's page, the topics and plan items that link it (those the reader may see). */
export function LinkedTopics({ entityType, id, stacked }: RecordPanelProps) {
  const { t } = useI18n();
  const { data } = useApiQuery<TopicLinked>(`/api/consultations/topic-links?${new URLSearchParams({ entityType, id })}`);
  if (!data?.items.length) return null;
  return (
    <Card size={stacked ? 'small' : 'default'} title={t('列入协商选题')} data-testid="linked-topics" style={stacked ? undefined : { marginBottom: 16 }}>
      <List size="small" dataSource={data.items} renderItem={(x) => (
        <List.Item>
          <Space direction="vertical" size={0}>
            <span>{t('列入协商选题')} <Link to={x.link}>{x.title}</Link></span>
            <Typography.Text type="secondary">{x.year} · {t(x.kind === 'topic' ? '协商选题' : '计划项')} · {x.note} <Tag>{t(x.relationLabel)}</Tag></Typography.Text>
          </Space>
        </List.Item>
      )} />
    </Card>
  );
}
