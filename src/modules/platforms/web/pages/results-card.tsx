/**
 * One result of a consultation (成果清单 entry) as a small card: what, who is responsible, by when, where it stands,
 * the feedback and the residents' evaluation, and the caller's actions (落实, 评价) from the `actions` the server sends.
 */
import { App, Space, Tag, Typography } from 'antd';
import type { ResultItem } from '../../contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { formatDate } from '../../../../kernel/web/components.tsx';
import { WorkflowActions, type RecordAction } from '../../../../kernel/web/workflow-actions.tsx';

export function ResultLine({ r, onChange, showPlatform }: { r: ResultItem; onChange: () => void; showPlatform?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  // every action goes with the version the page read: a stale one is a 409, and WorkflowActions offers to reload
  const fire = async (a: RecordAction, input: Record<string, unknown>) => {
    await api.post(`/api/platforms/results/${r.id}/transitions`, { action: a.name, version: r.version, input });
    void message.success(t('已{label}', { label: t(a.label) }));
    onChange();
  };
  return (
    <div data-testid="result-line" style={{ padding: '8px 0', borderTop: '1px dashed #eee' }}>
      <Space wrap size={[8, 4]} style={{ marginBottom: 4 }}>
        <Tag color={r.stateTone}>{t(r.stateLabel)}</Tag>
        <Typography.Text strong>{r.content}</Typography.Text>
      </Space>
      <div style={{ color: '#666', fontSize: 13 }}>
        {showPlatform && <span>{r.countyName} · {r.platformName} · </span>}
        {t('责任单位')}：{r.responsibleBody} · {t('落实期限')}：{formatDate(r.dueDate)}
        {r.implementedOn && <> · {t('落实日期')}：{formatDate(r.implementedOn)}</>}
        {r.evaluationLabel && <> · {t('群众评价')}：<Tag color={r.evaluation === 'unsatisfied' ? 'red' : 'green'}>{t(r.evaluationLabel)}</Tag></>}
      </div>
      {r.feedback && <div style={{ fontSize: 13 }}>{t('落实情况')}：{r.feedback}</div>}
      {r.actions.length > 0 && <div style={{ marginTop: 6 }}><WorkflowActions actions={r.actions} onFire={fire} onConflictReload={onChange} /></div>}
    </div>
  );
}
