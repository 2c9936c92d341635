/** 期刊: the pieces with their source reports and submitters, sign-off and distribution, and adoptions recorded per piece. */
import { App, Button, Card, Checkbox, Descriptions, List, Result, Select, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { IssueDetail } from '../../contract.ts';
import { LifecycleSteps } from '../../../../kernel/web/lifecycle-steps.tsx';
import { api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { WorkflowActions, type RecordAction } from '../../../../kernel/web/workflow-actions.tsx';
import { StateTag, useOpinionOptions } from '../shared.tsx';

export default function IssuePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const options = useOpinionOptions();
  const { data: i, loading, error, reload } = useApiQuery<IssueDetail>(`/api/opinions/issues/${id}`);
  const [recipients, setRecipients] = useState<string[] | null>(null);
  const [level, setLevel] = useState<string>('city');

  if (error && !i) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} />;
  if (!i) return <PageCard loading={loading}><Skeleton active /></PageCard>;
  const all = options.data?.recipients ?? [];
  const chosen = recipients ?? all.map((r) => r.code);

  const fire = async (a: RecordAction, input: Record<string, unknown>) => {
    await api.post(`/api/opinions/issues/${i.id}/transitions`, { action: a.name, version: i.version, input: a.name === 'distribute' ? { ...input, recipients: chosen } : input });
    void message.success(t('已{label}', { label: t(a.label) }));
    reload();
  };
  const adopt = async (pieceId: string) => {
    try { await api.post(`/api/opinions/issues/${i.id}/pieces/${pieceId}/events`, { kind: 'adoption', level }); void message.success(t('已登记采用')); reload(); } catch (e) { report(e); }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard title={`《${t('社情民意')}》${i.year}年${i.number}`}
        extra={<StateTag label={i.stateLabel} tone={i.stateTone} />}>
        <div style={{ marginBottom: 16 }}><LifecycleSteps progress={i.progress} testId="issue-steps" /></div>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('篇目')}>{i.pieceCount}</Descriptions.Item>
          <Descriptions.Item label={t('签发人')}>{i.signedBy ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('分发对象')}>{i.recipients.map((r) => r.label).join('、') || '—'}</Descriptions.Item>
        </Descriptions>
        {i.actions.some((a) => a.name === 'distribute') && (
          <div style={{ margin: '12px 0' }}><Typography.Text>{t('分发对象')}：</Typography.Text>
            <Checkbox.Group value={chosen} onChange={(v) => setRecipients(v as string[])} options={all.map((r) => ({ value: r.code, label: t(r.label) }))} /></div>
        )}
        <Space wrap style={{ marginTop: 8 }}>
          <Button icon={<DownloadOutlined />} href={`/api/opinions/issues/${i.id}/issue.docx`} data-testid="issue-docx">{t('下载 Word')}</Button>
          <WorkflowActions actions={i.actions} onFire={fire} onConflictReload={reload} />
        </Space>
      </PageCard>
      {i.pieces.map((p) => (
        <Card key={p.id} size="small" title={<Space wrap><Tag color={p.kind === 'composite' ? 'purple' : 'blue'}>{t(p.kindLabel)}</Tag><span>{p.title}</span></Space>}
          extra={can('opinion.edit') && i.state === 'distributed' && (
            <Space><Select size="small" value={level} onChange={setLevel} style={{ width: 90 }} options={(options.data?.levels ?? []).map((l) => ({ value: l.code, label: t(l.label) }))} />
              <Button size="small" onClick={() => adopt(p.id)}>{t('登记采用')}</Button></Space>
          )}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 6, expandable: true }}>{p.body}</Typography.Paragraph>
          <List size="small" header={t('来源信息')} dataSource={p.sources}
            renderItem={(s) => <List.Item><Link to={`/opinions/${s.reportId}`}>{s.title}</Link><span>{s.submitterName}</span></List.Item>} />
        </Card>
      ))}
      <Card size="small" title={t('过程')}>
        <Timeline items={i.history.map((h) => ({ children: <div>{t(h.actionLabel)} · {h.actorName} · {formatDateTime(h.at)}{h.note && <div>{h.note}</div>}</div> }))} />
      </Card>
    </Space>
  );
}
