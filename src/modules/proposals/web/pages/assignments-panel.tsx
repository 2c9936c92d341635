/**
 * 分办、会办 units' parts of a proposal: state, due date, their reply (with its 签发人 and its letter, 答复函) or opinion,
 * and the caller's actions on them.
 */
import { App, Button, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ProposalDetail } from '../../contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { WorkflowActions, type RecordAction } from '../../../../kernel/web/workflow-actions.tsx';
import type { ActionField } from '../../../../kernel/universal/workflow.ts';
import { labelOf, replyClassText, useProposalOptions } from '../shared.tsx';

const colors: Record<string, string> = { assigned: 'gold', in_progress: 'blue', reply_signoff: 'purple', replied: 'green', opinion_pending: 'orange', opinion_submitted: 'green' };

export function AssignmentsCard({ p, onDone }: { p: ProposalDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const options = useProposalOptions();
  if (!p.assignments.length) return null;
  const renderField = ({ name: field }: ActionField) => {
    const o = options.data;
    if (field === 'replyClass') return <Radio.Group options={(o?.replyClasses ?? []).map((m) => ({ value: m.code, label: replyClassText(m.code, t(m.label)) }))} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} />;
    if (field === 'replyText') return <Input.TextArea rows={8} maxLength={50000} showCount />;
    if (field === 'opinion') return <Input.TextArea rows={6} maxLength={20000} showCount />;
    if (field === 'reason') return <Input.TextArea rows={3} maxLength={2000} showCount />;
    return undefined;
  };
  return (
    <PageCard title={t('分办与会办')}>
      <List
        dataSource={p.assignments}
        renderItem={(a) => {
          const fire = async (act: RecordAction, input: Record<string, unknown>) => {
            const clean = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== '' && v !== null));
            await api.post(`/api/proposals/${p.id}/assignments/${a.id}/transitions`, { action: act.name, version: a.version, input: clean });
            void message.success(t('已{label}', { label: t(act.label) }));
            onDone();
          };
          return (
            <List.Item key={a.id} data-testid={`assignment-${a.unitId}`}>
              <div style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{a.unitName}</Typography.Text>
                  <Tag>{t(a.roleLabel)}</Tag>
                  <Tag color={colors[a.state] ?? 'default'}>{t(a.stateLabel)}</Tag>
                  {a.dueDate && !a.doneAt && <Typography.Text type="secondary">{t('期限')} {a.dueDate}</Typography.Text>}
                  {a.doneAt && <Typography.Text type="secondary">{formatDateTime(a.doneAt)}</Typography.Text>}
                </Space>
                {a.replyClass && <div><Tag color="blue">{replyClassText(a.replyClass, t(labelOf(options.data?.replyClasses, a.replyClass)))}</Tag></div>}
                {a.replyText && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{a.replyText}</Typography.Paragraph>}
                {a.replyLetterUrl && (
                  <div style={{ marginBottom: 4 }}>
                    <Button size="small" icon={<DownloadOutlined />} href={a.replyLetterUrl}
                      title={t('下载{unit}的答复函（Word）', { unit: a.unitName })} data-testid={`assignment-letter-${a.unitId}`}>{t('下载答复函')}</Button>
                  </div>
                )}
                {a.signerName && (
                  <div data-testid={`assignment-signer-${a.unitId}`}>
                    <Typography.Text type="secondary">{t('签发人：{name}', { name: a.signerName })}{a.signedOffAt ? `　${formatDateTime(a.signedOffAt)}` : ''}</Typography.Text>
                  </div>
                )}
                {a.actions.some((x) => x.name === 'sign_off') && <Typography.Paragraph type="warning" style={{ marginBottom: 4 }}>{t('本单位答复待您签发：请审阅答复内容，签发后答复即报出，或退回修改。')}</Typography.Paragraph>}
                {a.opinion && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}><Typography.Text type="secondary">{t('会办意见：')}</Typography.Text>{a.opinion}</Typography.Paragraph>}
                {a.actions.length > 0 && <WorkflowActions actions={a.actions} onFire={fire} renderField={renderField} onConflictReload={onDone} />}
              </div>
            </List.Item>
          );
        }}
      />
    </PageCard>
  );
}
