/** 提案详情: content, where the proposal stands (the shared LifecycleSteps) and its history (Timeline), with the caller's actions as buttons. */
import { Alert, App, Button, Col, Descriptions, Form, Input, InputNumber, Radio, Result, Row, Select, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { useEffect, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { ProposalDetail } from '../../contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { useServerEvent } from '../../../../kernel/web/events.ts';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { LifecycleSteps } from '../../../../kernel/web/lifecycle-steps.tsx';
import { WorkflowActions, type RecordAction } from '../../../../kernel/web/workflow-actions.tsx';
import type { ActionField } from '../../../../kernel/universal/workflow.ts';
import { ProposalPicker, StateTag, UnitSelect, labelOf, replyClassText, useProposalOptions } from '../shared.tsx';
import { EvaluationCard, MutualCard } from './evaluation-panel.tsx';
import { AssignmentsCard } from './assignments-panel.tsx';
import { ConsultationsCard } from './consultations-panel.tsx';
import { KeyCard } from './key-panel.tsx';
import { ConversionTags } from './conversion-tags.tsx';
import { CosignPanel } from './cosign-panel.tsx';
import { SimilarItems, UnitSuggestionsField } from '../../../text/web/index.tsx';
import { useSession } from '../../../../kernel/web/session.tsx';
import { RecordPanels } from '../../../../kernel/web/record-panels.tsx';

/** The unit's reply actions: a draft returned by its leader (or an earlier reply when re-handling) is offered for editing. */
const replyActions = new Set(['reply', 'reply_sign']);

/** Fills an empty form field once with the current value (Form.Item passes id, value and onChange, which go on to the input). */
interface FieldProps { id?: string; value?: unknown; onChange?: (v: unknown) => void }
function Prefilled({ initial, children, ...field }: FieldProps & { initial: string | null; children: (p: FieldProps) => ReactNode }) {
  useEffect(() => { if ((field.value === undefined || field.value === '') && initial) field.onChange?.(initial); }, []);
  return <>{children(field)}</>;
}

export default function ProposalDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const session = useSession();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const options = useProposalOptions();
  const { data: p, loading, error, reload } = useApiQuery<ProposalDetail>(`/api/proposals/${id}`);
  useServerEvent('worklist', (e) => { if ((e as { entityId?: string })?.entityId === id) reload(); });

  if (error && !p) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/proposals')}>{t('返回列表')}</Button>} />;
  if (!p) return <PageCard loading={loading}><Skeleton active /></PageCard>;

  const fire = async (a: RecordAction, input: Record<string, unknown>) => {
    const clean = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== '' && v !== null));
    await api.post(`/api/proposals/${p.id}/transitions`, { action: a.name, version: p.version, input: clean });
    void message.success(t('已{label}', { label: t(a.label) }));
    reload();
  };

  /** Inputs for the fields the lifecycle names (labels, required and options come with each action's field list). */
  const renderField = (f: ActionField, a: RecordAction) => {
    const o = options.data;
    const field = f.name;
    const choices = (f.options ?? []).map((m) => ({ value: m.value, label: t(m.label) }));
    if (replyActions.has(a.name) && (field === 'replyClass' || field === 'replyText')) {
      const initial = field === 'replyClass' ? p.replyClass : p.replyText;
      return (
        <Prefilled initial={initial}>
          {(fp) => field === 'replyClass'
            ? <Radio.Group id={fp.id} value={fp.value} onChange={(e) => fp.onChange?.(e.target.value)} options={(o?.replyClasses ?? []).map((m) => ({ value: m.code, label: replyClassText(m.code, t(m.label)) }))} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} />
            : <Input.TextArea id={fp.id} value={fp.value as string | undefined} onChange={(e) => fp.onChange?.(e.target.value)} rows={8} maxLength={50000} showCount />}
        </Prefilled>
      );
    }
    switch (field) {
      // the tenant's configured lists
      case 'reasonCode': return <Select options={(o?.notFiledReasons ?? []).map((r) => ({ value: r.code, label: t(r.label) }))} />;
      case 'replyClass': return <Radio.Group options={(o?.replyClasses ?? []).map((m) => ({ value: m.code, label: replyClassText(m.code, t(m.label)) }))} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} />;
      case 'targetId': return <ProposalPicker exclude={p.id} />;
      case 'mode': return <Radio.Group optionType="button" options={choices} />;
      case 'leadUnitId': return <UnitSelect />;
      // asked for only when the mode is 分办 or 会办 (below)
      case 'coUnitIds': return null;
      case 'convertTo': return <Select allowClear placeholder={t('不转办')} options={choices} />;
      case 'extensionDays': return <InputNumber min={1} max={130} />;
      // 不满意 is its own action (不满意，重新办理) with a reason
      case 'satisfaction': return <Radio.Group optionType="button" options={choices.filter((c) => c.value !== 'unsatisfied')} />;
      case 'comment': return <Input.TextArea rows={3} maxLength={2000} />;
      default: return undefined;
    }
  };

  const extraFields = (a: RecordAction) => {
    if (a.name === 'assign' || a.name === 'reassign') {
      return (
        <>
        {p && <UnitSuggestionsField text={`${p.title}\n${p.background}\n${p.analysis}\n${p.suggestions}`} record={{ source: 'proposal', refId: p.id }} />}
        <Form.Item noStyle shouldUpdate={(prev, cur) => prev.mode !== cur.mode}>
          {({ getFieldValue }) => getFieldValue('mode') && getFieldValue('mode') !== 'single' ? (
            <Form.Item name="coUnitIds" label={t('会办（分办）单位')} rules={[{ required: true, message: t('分办或会办时至少选择一个单位') }]}><UnitSelect multiple /></Form.Item>
          ) : null}
        </Form.Item>
        </>
      );
    }
    return null;
  };

  const o = options.data;

  const actionBar = (
    <Space wrap>
      {p.abilities.edit && <Button size="large" icon={<EditOutlined />} onClick={() => navigate(`/proposals/${p.id}/edit`)}>{t('编辑')}</Button>}
      <WorkflowActions actions={p.actions} onFire={fire} renderField={renderField} extraFields={extraFields} onConflictReload={reload} />
    </Space>
  );

  return (
    <>
      <PageCard wrapTitle title={<Space wrap><span>{p.title}</span></Space>}>
        <CosignPanel p={p} onDone={reload} />
        <Space wrap style={{ marginBottom: 16 }}>
          <StateTag label={p.stateLabel} tone={p.stateTone} />
          {p.number && <Tag>{p.number}</Tag>}
          {p.isKey && <Tag color="red">{t('重点提案')}</Tag>}
          {p.isExcellent && !p.excellentYear && <Tag color="gold">{t('优秀提案')}</Tag>}
          <ConversionTags p={p} />
          {p.evaluation.leaderAttention && <Tag color="red">{t('领导关注')}</Tag>}
          <Typography.Text type="secondary">{p.sessionLabel}</Typography.Text>
          <Button size="small" icon={<PrinterOutlined />} onClick={() => navigate(`/proposals/${p.id}/print`)} data-testid="proposal-print">{t('打印')}</Button>
          <Button size="small" icon={<DownloadOutlined />} href={`/api/proposals/${p.id}/form.docx`}>{t('提案表')}</Button>
        </Space>
        <div style={{ marginBottom: 16 }}><LifecycleSteps progress={{ ...p.progress, label: p.stateLabel }} testId="proposal-steps" /></div>
        {(p.actions.length > 0 || p.abilities.edit || p.abilities.confirmCosign) && <div style={{ marginBottom: 8 }} data-testid="proposal-actions">{actionBar}</div>}
      </PageCard>
      <Row gutter={[16, 0]}>
        <Col xs={24} lg={16}>
          <PageCard title={t('提案内容')}>
            <Descriptions column={mobile ? 1 : 2} size="small" style={{ marginBottom: 16 }} items={[
              { key: 'proposer', label: t('提案人'), children: p.proposerName },
              { key: 'type', label: t('类型'), children: t(labelOf(o?.types, p.type)) },
              { key: 'category', label: t('类别'), children: p.category ? t(labelOf(o?.categories, p.category)) : '—' },
              { key: 'submitted', label: t('提交时间'), children: formatDateTime(p.submittedAt) || '—' },
              { key: 'unit', label: t('主办单位'), children: p.leadUnitName ?? '—' },
              { key: 'mode', label: t('办理方式'), children: p.handlingMode ? t(labelOf(o?.handlingModes, p.handlingMode)) : '—' },
              { key: 'due', label: t('办理期限'), children: p.dueDate ?? '—' },
              { key: 'public', label: t('同意公开'), children: p.isPublic ? t('是') : t('否') },
              ...(p.topicTitle ? [{ key: 'topic', label: t('参考选题'), children: p.topicTitle }] : []),
            ]} />
            {([['背景情况', p.background], ['问题分析', p.analysis], ['具体建议', p.suggestions]] as const).map(([label, text]) => (
              <section key={label} style={{ marginBottom: 16 }}>
                <Typography.Title level={2} style={{ fontSize: 16 }}>{t(label)}</Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{text || <Typography.Text type="secondary">{t('（未填写）')}</Typography.Text>}</Typography.Paragraph>
              </section>
            ))}
          </PageCard>
          {(p.replyText || p.replyClass) && (
            <PageCard title={t('答复')}>
              {p.state === 'reply_signoff' && (
                <Alert type={p.actions.some((a) => a.name === 'sign_off') ? 'warning' : 'info'} showIcon style={{ marginBottom: 12 }} data-testid="proposal-signoff-note"
                  title={t(p.actions.some((a) => a.name === 'sign_off') ? '答复待单位领导签发：请审阅答复内容和答复函，签发后报送提案委审核，或退回修改。' : '答复已送单位领导签发。')} />
              )}
              <Space wrap style={{ marginBottom: 8 }}>
                {p.replyClass && <Tag color="blue">{replyClassText(p.replyClass, t(labelOf(o?.replyClasses, p.replyClass)))}</Tag>}
                {p.satisfaction && <Tag color={p.satisfaction === 'unsatisfied' ? 'red' : 'green'}>{t(labelOf(o?.satisfaction, p.satisfaction))}</Tag>}
                {p.repliedAt && <Typography.Text type="secondary">{formatDateTime(p.repliedAt)}</Typography.Text>}
                {p.replyText && <Button size="small" icon={<DownloadOutlined />} href={`/api/proposals/${p.id}/reply-letter.docx`}>{t('下载答复函')}</Button>}
              </Space>
              {p.signerName && (
                <Descriptions column={mobile ? 1 : 2} size="small" style={{ marginBottom: 8 }} data-testid="proposal-signer" items={[
                  { key: 'signer', label: t('签发人'), children: p.signerName },
                  { key: 'signedAt', label: t('签发时间'), children: formatDateTime(p.signedAt) || '—' },
                ]} />
              )}
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.replyText}</Typography.Paragraph>
            </PageCard>
          )}
          <KeyCard p={p} onDone={reload} />
          <AssignmentsCard p={p} onDone={reload} />
          <ConsultationsCard p={p} onDone={reload} />
          <EvaluationCard p={p} />
          <MutualCard p={p} onDone={reload} />
        </Col>
        <Col xs={24} lg={8}>
          {session.can('text.use') && (
            <PageCard title={t('相似件')}>
              <SimilarItems text={`${p.title}\n${p.background}\n${p.analysis}`} record={{ source: 'proposal', refId: p.id }} title={false} />
            </PageCard>
          )}
          {(p.units.length > 0 || p.cosigners.length > 0) && (
            <PageCard title={t('承办与联名')}>
              {p.units.length > 0 && <Descriptions column={1} size="small" items={p.units.map((u) => ({ key: u.unitId + u.role, label: t(u.roleLabel), children: u.unitName }))} />}
              {p.cosigners.length > 0 && (
                <div style={{ marginTop: 8 }}>
                  <Typography.Text type="secondary">{t('联名委员')}</Typography.Text>
                  <div>{p.cosigners.map((c) => <Tag key={c.userId} color={c.confirmedAt ? 'green' : 'default'}>{c.name}{c.confirmedAt ? '' : t('（待确认）')}</Tag>)}</div>
                </div>
              )}
            </PageCard>
          )}
          {/* what other modules show on a proposal's page (关联协商) */}
          <RecordPanels entityType="proposal" id={p.id} />
          <PageCard title={t('办理过程')}>
            <Timeline
              items={[...p.history].reverse().map((h) => ({
                key: h.id,
                color: h.toStateEnds === 'error' ? 'red' : h.toStateEnds === 'finish' ? 'green' : 'blue',
                title: formatDateTime(h.at),
                content: (
                  <div>
                    <Typography.Text strong>{t(h.actionLabel)}</Typography.Text> → <StateTag label={h.toStateLabel} tone={h.toStateTone} />
                    <div><Typography.Text type="secondary">{h.actorName}</Typography.Text></div>
                    {h.note && <div style={{ whiteSpace: 'pre-wrap' }}>{h.note}</div>}
                    {typeof h.data?.reason === 'string' && h.data.reason !== h.note && <div style={{ whiteSpace: 'pre-wrap' }}>{t('理由：')}{h.data.reason}</div>}
                  </div>
                ),
              }))}
            />
          </PageCard>
        </Col>
      </Row>
    </>
  );
}
