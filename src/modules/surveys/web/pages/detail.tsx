/**
 * 网络征集详情 (staff): where the questionnaire stands (the step bar) and what may be done now (the buttons come from the
 * server's `actions`); the form, built here while it is a draft (question types, required marks, options, the logic
 * that shows a question when an option is chosen, audience and dates); the share link with its QR code; the results,
 * a chart per question and the themes of the free-text answers (each answer can become a 社情民意 draft), with the
 * Excel and Word exports; and the history.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, InputNumber, List, QRCode, Radio, Result, Select, Skeleton, Space, Steps, Switch, Tabs, Tag, Timeline, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { SurveyResults, SurveysDetail } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { PageCard, formatDate, formatDateTime } from '../../../../kernel/web/components.tsx';
import { WorkflowActions, type RecordAction } from '../../../../kernel/web/workflow-actions.tsx';
import { EChart } from '../../../../kernel/web/chart.tsx';
import { CosignerField } from '../../../proposals/web/pages/cosigner-picker.tsx';

/** The API's limit on 指定人员 of one questionnaire (audienceUserIds, at most 5,000). */
const SURVEY_LIST_MAX = 5000;

type Question = SurveysDetail['questions'][number];
const kindLabels: Record<Question['kind'], string> = { single: '单选', multiple: '多选', rating: '评分', text: '填空' };
const pre = { whiteSpace: 'pre-wrap' as const, margin: 0 };

interface QuestionRow { id: string; kind: Question['kind']; title: string; required: boolean; optionsText?: string; max?: number; showQuestion?: string; showOption?: number }
interface EditValues { title: string; body: string; audience: string; audienceUserIds: string[]; allowAnonymous: boolean; opensOn?: Dayjs | null; closesOn?: Dayjs | null; questions: QuestionRow[] }

const toRow = (q: Question): QuestionRow => ({ id: q.id, kind: q.kind, title: q.title, required: q.required, optionsText: (q.options ?? []).join('\n'), max: q.max, showQuestion: q.showIf?.question, showOption: q.showIf?.option });
const optionsOf = (text?: string) => (text ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
function fromRow(r: QuestionRow): Question {
  const choice = r.kind === 'single' || r.kind === 'multiple';
  return {
    id: r.id, kind: r.kind, title: r.title, required: !!r.required,
    ...(choice ? { options: optionsOf(r.optionsText) } : {}),
    ...(r.kind === 'rating' ? { max: r.max ?? 5 } : {}),
    ...(r.showQuestion && r.showOption !== undefined && r.showOption !== null ? { showIf: { question: r.showQuestion, option: r.showOption } } : {}),
  };
}
const newQuestionId = () => `q${Math.random().toString(36).slice(2, 8)}`;

/** The form editor (草稿 only). */
function FormEditor({ r, reload }: { r: SurveysDetail; reload: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<EditValues>();
  const [busy, setBusy] = useState(false);
  const rows: QuestionRow[] = Form.useWatch('questions', form) ?? [];
  const audience = Form.useWatch('audience', form);
  const initial: EditValues = {
    title: r.title, body: r.body, audience: r.audience, audienceUserIds: r.audienceUserIds, allowAnonymous: r.allowAnonymous,
    opensOn: r.opensOn ? dayjs(r.opensOn) : null, closesOn: r.closesOn ? dayjs(r.closesOn) : null, questions: r.questions.map(toRow),
  };
  const save = async (v: EditValues) => {
    setBusy(true);
    try {
      await api.patch(`/api/surveys/${r.id}`, {
        version: r.version, title: v.title, body: v.body ?? '', audience: v.audience, audienceUserIds: v.audience === 'list' ? v.audienceUserIds ?? [] : [],
        allowAnonymous: !!v.allowAnonymous, opensOn: v.opensOn?.format('YYYY-MM-DD') ?? null, closesOn: v.closesOn?.format('YYYY-MM-DD') ?? null,
        questions: (v.questions ?? []).map(fromRow),
      });
      void message.success(t('已保存'));
      reload();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: reload }); } finally { setBusy(false); }
  };
  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={save}>
      <Form.Item name="title" label={t('标题')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
      <Form.Item name="body" label={t('说明')}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
      <Space wrap size={16} align="start">
        <Form.Item name="audience" label={t('征集对象')}>
          <Radio.Group options={[{ value: 'public', label: t('社会公众') }, { value: 'members', label: t('本级委员') }, { value: 'list', label: t('指定人员') }]} optionType="button" />
        </Form.Item>
        <Form.Item name="opensOn" label={t('开始日期')}><DatePicker /></Form.Item>
        <Form.Item name="closesOn" label={t('截止日期')}><DatePicker /></Form.Item>
        {audience === 'public' && <Form.Item name="allowAnonymous" label={t('允许匿名填写')} valuePropName="checked"><Switch /></Form.Item>}
      </Space>
      {audience === 'list' && (
        // 指定人员 are picked by name, 界别 and 专委会 with the members' picker
        <Form.Item name="audienceUserIds" label={t('指定人员')}><CosignerField wording="members" known={r.audiencePeople} max={SURVEY_LIST_MAX} /></Form.Item>
      )}
      <Form.List name="questions">
        {(fields, { add, remove, move }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((f, i) => {
              const row = rows[i] ?? ({} as QuestionRow);
              const earlier = rows.slice(0, i).filter((q) => q && (q.kind === 'single' || q.kind === 'multiple'));
              const cond = rows.find((q) => q?.id === row.showQuestion);
              return (
                <Card key={f.key} size="small" title={t('第 {n} 题', { n: i + 1 })} data-testid={`question-${i}`}
                  extra={<Space><Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)}>↑</Button><Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('删除')} /></Space>}>
                  <Form.Item name={[f.name, 'id']} hidden><Input /></Form.Item>
                  <Space wrap align="start">
                    <Form.Item name={[f.name, 'kind']} label={t('题型')} style={{ minWidth: 120 }}>
                      <Select options={(['single', 'multiple', 'rating', 'text'] as const).map((k) => ({ value: k, label: t(kindLabels[k]) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'required']} label={t('必答')} valuePropName="checked"><Switch /></Form.Item>
                    {row.kind === 'rating' && <Form.Item name={[f.name, 'max']} label={t('最高分')}><InputNumber min={2} max={10} /></Form.Item>}
                  </Space>
                  <Form.Item name={[f.name, 'title']} label={t('题目')} rules={[{ required: true, message: t('请填写题目') }]}><Input maxLength={300} /></Form.Item>
                  {(row.kind === 'single' || row.kind === 'multiple') && (
                    <Form.Item name={[f.name, 'optionsText']} label={t('选项（每行一个）')} rules={[{ required: true, message: t('请填写选项') }]}><Input.TextArea rows={4} /></Form.Item>
                  )}
                  {earlier.length > 0 && (
                    <Space wrap align="start">
                      <Form.Item name={[f.name, 'showQuestion']} label={t('显示条件：当')} style={{ minWidth: 220 }}>
                        <Select allowClear placeholder={t('总是显示')} options={earlier.map((q) => ({ value: q.id, label: t('第 {n} 题', { n: rows.indexOf(q) + 1 }) + ' ' + (q.title ?? '') }))} />
                      </Form.Item>
                      {cond && (
                        <Form.Item name={[f.name, 'showOption']} label={t('选择了')} style={{ minWidth: 180 }}>
                          <Select options={optionsOf(cond.optionsText).map((o, k) => ({ value: k, label: o }))} />
                        </Form.Item>
                      )}
                    </Space>
                  )}
                </Card>
              );
            })}
            <Button icon={<PlusOutlined />} onClick={() => add({ id: newQuestionId(), kind: 'single', title: '', required: true, optionsText: '' })} block>{t('添加题目')}</Button>
          </Space>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 16 }}>{t('保存草稿')}</Button>
    </Form>
  );
}

/** The questions as the public will see them (after publishing). */
function FormPreview({ r }: { r: SurveysDetail }) {
  const { t } = useI18n();
  return (
    <List dataSource={r.questions} renderItem={(q, i) => {
      const cond = q.showIf ? r.questions.find((x) => x.id === q.showIf!.question) : undefined;
      return (
        <List.Item>
          <List.Item.Meta title={<span>{q.required && <span style={{ color: '#ff4d4f' }}>* </span>}{i + 1}. {q.title} <Tag>{t(kindLabels[q.kind])}</Tag></span>}
            description={<Space direction="vertical" size={2}>
              {q.options && <span>{q.options.join(' / ')}</span>}
              {q.kind === 'rating' && <span>{t('1 至 {m} 分', { m: q.max ?? 5 })}</span>}
              {cond && <span>{t('当第 {n} 题选择「{o}」时显示', { n: r.questions.indexOf(cond) + 1, o: cond.options?.[q.showIf!.option] ?? '' })}</span>}
            </Space>} />
        </List.Item>
      );
    }} />
  );
}

/** 分享: the link and its QR code. */
function Share({ r }: { r: SurveysDetail }) {
  const { t } = useI18n();
  const url = `${window.location.origin}${r.sharePath}`;
  if (r.state === 'draft') return <Alert type="info" showIcon message={t('问卷发布后即可分享链接和二维码。')} />;
  return (
    <Space direction="vertical" align="center" style={{ width: '100%' }}>
      <QRCode value={url} size={220} />
      <Typography.Text copyable={{ text: url }} style={{ wordBreak: 'break-all' }} data-share-url={url}>{url}</Typography.Text>
      <Typography.Text type="secondary">{t('扫码或打开链接即可填写，无需登录。')}</Typography.Text>
    </Space>
  );
}

/** 结果: a bar chart per choice or rating question, themes of the free-text answers, exports. */
function Results({ r }: { r: SurveysDetail }) {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const report = useReportError();
  const mobile = useIsMobile();
  const res = useApiQuery<SurveyResults>(`/api/surveys/${r.id}/results`);
  const toOpinion = async (question: string, answerId: string, text: string) => {
    try {
      const d = await api.post<{ link: string }>(`/api/surveys/${r.id}/answers/${answerId}/opinion`, { question, title: `关于${text.slice(0, 16).replace(/[，。；,.;].*$/, '')}的建议` });
      navigate(d.link);
    } catch (e) { report(e); }
  };
  if (!res.data) return <Skeleton active />;
  const d = res.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong data-testid="answer-total">{t('共收到答卷 {n} 份，其中社会公众 {p} 份', { n: d.answers, p: d.publicAnswers })}</Typography.Text>
        <Button icon={<DownloadOutlined />} href={`/api/surveys/${r.id}/results.xlsx`}>{t('导出 Excel')}</Button>
        <Button icon={<DownloadOutlined />} href={`/api/surveys/${r.id}/report.docx`}>{t('征集情况报告（Word）')}</Button>
      </Space>
      {d.questions.map((q, i) => (
        <Card key={q.id} size="small" title={<span style={{ whiteSpace: 'normal' }}>{i + 1}. {q.title} <Tag>{t(kindLabels[q.kind])}</Tag></span>}
          extra={<Typography.Text type="secondary">{t('作答 {n} 人', { n: q.answered })}{q.average !== null ? ` · ${t('平均 {a} 分', { a: q.average })}` : ''}</Typography.Text>}>
          {q.kind !== 'text' ? (
            <EChart label={q.title} testId={`chart-${q.id}`} height={Math.max(160, q.counts.length * (mobile ? 34 : 30) + 40)} option={{
              grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
              tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
              xAxis: { type: 'value', minInterval: 1 },
              yAxis: { type: 'category', inverse: true, data: q.counts.map((c) => (mobile && c.label.length > 10 ? `${c.label.slice(0, 10)}…` : c.label)) },
              series: [{ type: 'bar', data: q.counts.map((c) => c.count), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right' } }],
            }} />
          ) : (q.themes ?? []).length === 0 ? <Empty description={t('暂无可归纳的主题')} /> : (
            <List dataSource={q.themes} renderItem={(th) => (
              <List.Item>
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Space wrap>{th.keywords.map((k) => <Tag key={k} color="blue">{k}</Tag>)}<Typography.Text strong>{t('{n} 条', { n: th.count })}</Typography.Text></Space>
                  {th.examples.map((ex) => (
                    <Space key={ex.answerId} align="start" style={{ width: '100%', justifyContent: 'space-between' }}>
                      <Typography.Text type="secondary">“{ex.text}”</Typography.Text>
                      {can('opinion.submit') && <Button size="small" onClick={() => toOpinion(q.id, ex.answerId, ex.text)}>{t('转为社情民意')}</Button>}
                    </Space>
                  ))}
                </Space>
              </List.Item>
            )} />
          )}
        </Card>
      ))}
    </Space>
  );
}

export default function SurveysDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const { data: r, loading, error, reload } = useApiQuery<SurveysDetail>(`/api/surveys/${id}`);
  const tab = params.get('tab') ?? (r && r.state !== 'draft' ? 'results' : 'form');
  const key = useMemo(() => `${r?.id}:${r?.version}`, [r?.id, r?.version]);

  if (error && !r) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/surveys')}>{t('返回列表')}</Button>} />;
  if (!r) return <PageCard loading={loading}><Skeleton active /></PageCard>;

  const fire = async (a: RecordAction, input: Record<string, unknown>) => {
    await api.post(`/api/surveys/${r.id}/transitions`, { action: a.name, version: r.version, input });
    void message.success(t('已{label}', { label: t(a.label) }));
    reload();
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard wrapTitle title={r.title} extra={<Tag color={r.collecting ? 'processing' : r.stateTone}>{t(r.stateLabel)}</Tag>}>
        <Steps size="small" direction={mobile ? 'vertical' : 'horizontal'} current={r.progress.stage} status={r.progress.status}
          items={r.progress.stages.map((s) => ({ title: t(s) }))} style={{ marginBottom: 16 }} />
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('征集对象')}>{t(r.audienceLabel)}{r.allowAnonymous ? ` · ${t('允许匿名')}` : ''}</Descriptions.Item>
          <Descriptions.Item label={t('征集时间')}>{r.opensOn ? `${formatDate(r.opensOn)} – ${r.closesOn ? formatDate(r.closesOn) : ''}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('答卷')}>{r.answerCount}</Descriptions.Item>
          <Descriptions.Item label={t('创建人')}>{r.ownerName}</Descriptions.Item>
        </Descriptions>
        {r.body && <p style={{ ...pre, marginTop: 8 }}>{r.body}</p>}
        <Space wrap style={{ marginTop: 16 }}>
          <WorkflowActions actions={r.actions} onFire={fire} onConflictReload={reload} />
        </Space>
      </PageCard>
      <Card size="small">
        <Tabs activeKey={tab} onChange={(k) => { const p = new URLSearchParams(params); p.set('tab', k); setParams(p, { replace: true }); }} items={[
          { key: 'form', label: t('问卷设计'), children: r.canEdit ? <FormEditor key={key} r={r} reload={reload} /> : <FormPreview r={r} /> },
          { key: 'share', label: t('分享'), children: <Share r={r} /> },
          { key: 'results', label: t('征集结果'), children: r.state === 'draft' ? <Alert type="info" showIcon message={t('问卷发布后才有答卷。')} /> : <Results r={r} /> },
          { key: 'history', label: t('过程'), children: <Timeline items={r.history.map((h) => ({ children: <div>{t(h.actionLabel)} → {t(h.toStateLabel)} · {h.actorName} · {formatDateTime(h.at)}{h.note && <div>{h.note}</div>}</div> }))} /> },
        ]} />
      </Card>
    </Space>
  );
}
