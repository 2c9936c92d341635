/**
 * 协商选题详情: the topic, its outcome (列入计划, 未采纳 with the reason, 合并), the office's actions (buttons and forms from
 * the server's `actions`; the lead committee, month and target topic are picked from lists) and its history.
 */
import { Alert, Button, Card, Descriptions, Result, Select, Skeleton, Space, Steps, Tag, Timeline, Typography, App } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import type { PlanOptions, TopicDetail, TopicListItem } from '../../domain/plan-contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { WorkflowActions, type RecordAction } from '../../../../kernel/web/workflow-actions.tsx';
import { MaterialList, useMaterials } from './material-upload.tsx';
import { TopicLinksCard } from './topic-links.tsx';

const pre = { whiteSpace: 'pre-wrap' as const, margin: 0 };
export const months = Array.from({ length: 12 }, (_, i) => i + 1);

export default function TopicPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { data: r, loading, error, reload } = useApiQuery<TopicDetail>(`/api/consultations/topics/${id}`);
  const opts = useApiQuery<PlanOptions>('/api/consultations/topics/options');
  const canAct = (r?.actions.length ?? 0) > 0;
  const siblings = useApiQuery<{ items: TopicListItem[] }>(canAct && r ? '/api/consultations/topics' : null, { year: r?.year, state: 'proposed,accepted', pageSize: 200 });

  if (error && !r) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/consultations/topics')}>{t('返回列表')}</Button>} />;
  if (!r) return <PageCard loading={loading}><Skeleton active /></PageCard>;

  const fire = async (a: RecordAction, input: Record<string, unknown>) => {
    await api.post(`/api/consultations/topics/${r.id}/transitions`, { action: a.name, version: r.version, input });
    void message.success(t('已{label}', { label: t(a.label) }));
    reload();
  };
  const renderField = (f: { name: string }) => {
    if (f.name === 'leadOrgId') return <Select allowClear options={(opts.data?.committees ?? []).map((c) => ({ value: c.id, label: c.name }))} />;
    if (f.name === 'plannedMonth') return <Select allowClear options={months.map((m) => ({ value: m, label: t('{m}月', { m }) }))} />;
    if (f.name === 'targetId') return <Select showSearch optionFilterProp="label" options={(siblings.data?.items ?? []).filter((s) => s.id !== r.id).map((s) => ({ value: s.id, label: `${s.title}（${s.proposerOrgName}）` }))} />;
    return undefined;
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard wrapTitle title={r.title} extra={<Tag color={r.stateTone}>{t(r.stateLabel)}</Tag>}>
        <Steps size="small" direction={mobile ? 'vertical' : 'horizontal'} current={r.progress.stage} status={r.progress.status} items={r.progress.stages.map((s) => ({ title: t(s) }))} style={{ marginBottom: 16 }} />
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('年度')}>{r.year}</Descriptions.Item>
          <Descriptions.Item label={t('提出单位')}>{r.proposerOrgName}</Descriptions.Item>
          <Descriptions.Item label={t('建议协商形式')}>{t(r.formLabel)}</Descriptions.Item>
          <Descriptions.Item label={t('联系人及电话')}>{r.contact}</Descriptions.Item>
          <Descriptions.Item label={t('提交人')}>{r.proposerName}</Descriptions.Item>
          <Descriptions.Item label={t('提出时间')}>{formatDateTime(r.createdAt)}</Descriptions.Item>
        </Descriptions>
        {r.state === 'declined' && r.declineReason && <Alert type="warning" showIcon message={t('不予采纳理由：{r}', { r: r.declineReason })} style={{ marginTop: 12 }} />}
        {r.state === 'merged' && r.mergedIntoId && <Alert type="info" showIcon message={<span>{t('已合并到')} <Link to={`/consultations/topics/${r.mergedIntoId}`}>{r.mergedIntoTitle}</Link></span>} style={{ marginTop: 12 }} />}
        {r.state === 'accepted' && r.planId && <Alert type="success" showIcon message={<span>{t('已列入年度协商计划')} <Link to={`/consultations/plans/${r.planId}`}>{t('查看计划')}</Link></span>} style={{ marginTop: 12 }} />}
        {canAct && <div style={{ marginTop: 16 }}><WorkflowActions actions={r.actions} onFire={fire} onConflictReload={reload} renderField={renderField} /></div>}
      </PageCard>
      <Card size="small" title={t('选题理由')}><p style={pre}>{r.reason}</p></Card>
      <TopicLinksCard url={`/api/consultations/topics/${r.id}/links`} version={r.version} links={r.links} canEdit={r.canLink} onSaved={reload} />
      <MaterialCard topicId={r.id} />
      {r.mergedTopics.length > 0 && (
        <Card size="small" title={t('合并的选题')}>
          {r.mergedTopics.map((m) => <div key={m.id}><Link to={`/consultations/topics/${m.id}`}>{m.title}</Link>（{m.proposerOrgName}）</div>)}
        </Card>
      )}
      <Card size="small" title={t('处理过程')}>
        {r.history.length === 0 ? <Typography.Text type="secondary">{t('暂无')}</Typography.Text> : (
          <Timeline items={r.history.map((h) => ({ children: <div>{t(h.actionLabel)} → {t(h.toStateLabel)} · {h.actorName} · {formatDateTime(h.at)}{h.note && <div>{h.note}</div>}</div> }))} />
        )}
      </Card>
    </Space>
  );
}

/** The topic's supporting material, when it has any. */
function MaterialCard({ topicId }: { topicId: string }) {
  const { t } = useI18n();
  const items = useMaterials('consultation_topic', topicId);
  if (!items.length) return null;
  return <Card size="small" title={t('附件')}><MaterialList items={items} /></Card>;
}
