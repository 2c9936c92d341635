/**
 * 填写问卷: the page the share link and QR code open, for anyone, without signing in, made for a phone. The questions
 * with their logic (a question appears when its option is chosen), required marks, then who is answering: the
 * signed-in account, or a phone number verified by a text-message code, or (where the survey allows it) anonymously.
 * The server checks everything again and names the question that needs attention.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Input, Radio, Rate, Result, Skeleton, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { api, ApiError } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { visibleQuestions } from '../../domain/survey-logic.ts';

interface Q { id: string; kind: 'single' | 'multiple' | 'rating' | 'text'; title: string; required: boolean; options?: string[]; max?: number; showIf?: { question: string; option: number } }
interface PublicSurvey {
  title: string; body: string; committeeName: string; questions: Q[]; audience: string; audienceLabel: string; allowAnonymous: boolean;
  opensOn: string | null; closesOn: string | null; collecting: boolean; notice: string | null; signedInAs: string | null; answered: boolean;
}

export default function AnswerSurveyPage() {
  const { token } = useParams();
  const { t } = useI18n();
  const [s, setS] = useState<PublicSurvey | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const [mode, setMode] = useState<'phone' | 'anonymous'>('phone');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ field?: string; message: string } | null>(null);
  const [done, setDone] = useState(false);

  useEffect(() => {
    api.get<PublicSurvey>(`/api/public/surveys/${token}`).then(setS).catch((e: unknown) => setLoadError(e instanceof ApiError ? e.message : String(e)));
  }, [token]);
  useEffect(() => {
    if (wait <= 0) return;
    const h = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(h);
  }, [wait]);

  const shown = useMemo(() => (s ? visibleQuestions(s.questions, answers) : []), [s, answers]);
  if (loadError) return <Result status="404" title={loadError} />;
  if (!s) return <div style={{ padding: 16 }}><Skeleton active /></div>;

  const set = (id: string, v: unknown) => { setAnswers((a) => ({ ...a, [id]: v })); if (problem?.field === `answers.${id}`) setProblem(null); };
  const sendCode = async () => {
    setProblem(null);
    try {
      await api.post(`/api/public/surveys/${token}/sms`, { phone });
      setWait(60);
    } catch (e) { setProblem(e instanceof ApiError ? { field: e.field, message: e.message } : { message: String(e) }); }
  };
  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const visible = new Set(shown.map((q) => q.id));
      const body: Record<string, unknown> = { answers: Object.fromEntries(Object.entries(answers).filter(([k]) => visible.has(k))) };
      if (!s.signedInAs) {
        if (mode === 'anonymous') body.anonymousToken = (await api.post<{ token: string }>(`/api/public/surveys/${token}/anonymous-token`)).token;
        else Object.assign(body, { phone, code });
      }
      await api.post(`/api/public/surveys/${token}/answers`, body);
      setDone(true);
    } catch (e) {
      const err = e instanceof ApiError ? { field: e.field, message: e.message } : { message: String(e) };
      setProblem(err);
      if (err.field?.startsWith('answers.')) document.getElementById(`q-${err.field.slice(8)}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    } finally {
      setBusy(false);
    }
  };

  const shell = (children: React.ReactNode) => (
    <div style={{ minHeight: '100vh', background: '#f3f6fa' }}>
      <main style={{ maxWidth: 680, margin: '0 auto', padding: '16px 12px 40px' }}>{children}</main>
    </div>
  );
  if (done || s.answered) {
    return shell(<Result status="success" title={done ? t('提交成功，感谢您的参与！') : t('您已填写过本问卷')} subTitle={s.title} />);
  }

  const fieldError = (id: string) => (problem?.field === `answers.${id}` ? problem.message : null);
  return shell(
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Typography.Text type="secondary">{s.committeeName} · {t('网络征集')}</Typography.Text>
        <Typography.Title level={1} style={{ fontSize: 22, margin: '4px 0 8px' }}>{s.title}</Typography.Title>
        {s.body && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{s.body}</Typography.Paragraph>}
        <Typography.Text type="secondary">{t('征集时间：{a} 至 {b}', { a: s.opensOn ?? '', b: s.closesOn ?? '' })} · {t(s.audienceLabel)}</Typography.Text>
      </Card>
      {!s.collecting && <Alert type="info" showIcon message={s.notice ?? t('本问卷现在不接受填写')} />}
      {shown.map((q) => {
        const n = s.questions.indexOf(q) + 1;
        const err = fieldError(q.id);
        return (
          <Card key={q.id} id={`q-${q.id}`} size="small" style={err ? { borderColor: '#ff4d4f' } : undefined}
            title={<span style={{ whiteSpace: 'normal' }}>{q.required && <span style={{ color: '#ff4d4f' }}>* </span>}{n}. {q.title}{q.kind === 'multiple' && <Typography.Text type="secondary">{t('（可多选）')}</Typography.Text>}</span>}>
            {q.kind === 'single' && (
              <Radio.Group value={answers[q.id]} onChange={(e) => set(q.id, e.target.value)} disabled={!s.collecting}>
                <Space direction="vertical">{q.options!.map((o, i) => <Radio key={i} value={i} style={{ padding: '6px 0' }}>{o}</Radio>)}</Space>
              </Radio.Group>
            )}
            {q.kind === 'multiple' && (
              <Checkbox.Group value={(answers[q.id] as number[] | undefined) ?? []} onChange={(v) => set(q.id, v)} disabled={!s.collecting}>
                <Space direction="vertical">{q.options!.map((o, i) => <Checkbox key={i} value={i} style={{ padding: '6px 0' }}>{o}</Checkbox>)}</Space>
              </Checkbox.Group>
            )}
            {q.kind === 'rating' && (
              <Space direction="vertical" size={4}>
                <Rate count={q.max ?? 5} value={(answers[q.id] as number | undefined) ?? 0} onChange={(v) => set(q.id, v || undefined)} disabled={!s.collecting} style={{ fontSize: 30 }} aria-label={q.title} />
                <Typography.Text type="secondary">{answers[q.id] ? t('{n} 分', { n: answers[q.id] as number }) : t('请点星打分（1 至 {m} 分）', { m: q.max ?? 5 })}</Typography.Text>
              </Space>
            )}
            {q.kind === 'text' && (
              <Input.TextArea rows={4} maxLength={2000} showCount value={(answers[q.id] as string | undefined) ?? ''} onChange={(e) => set(q.id, e.target.value)} disabled={!s.collecting} aria-label={q.title} />
            )}
            {err && <div role="alert" style={{ color: '#ff4d4f', marginTop: 8 }}>{err}</div>}
          </Card>
        );
      })}
      {s.collecting && (
        <Card size="small" title={t('提交答卷')}>
          {s.signedInAs ? (
            <Typography.Paragraph>{t('以 {name} 的账号提交', { name: s.signedInAs })}</Typography.Paragraph>
          ) : (
            <Space direction="vertical" style={{ width: '100%' }}>
              {s.allowAnonymous && (
                <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} optionType="button"
                  options={[{ value: 'phone', label: t('手机验证') }, { value: 'anonymous', label: t('匿名填写') }]} />
              )}
              {mode === 'phone' && (
                <>
                  <Typography.Text type="secondary">{t('每个手机号码只能填写一次，号码不会公开。')}</Typography.Text>
                  <Input size="large" inputMode="tel" maxLength={11} placeholder={t('手机号码')} value={phone} onChange={(e) => setPhone(e.target.value.trim())} aria-label={t('手机号码')}
                    status={problem?.field === 'phone' ? 'error' : undefined} />
                  <Space.Compact style={{ width: '100%' }}>
                    <Input size="large" inputMode="numeric" maxLength={6} placeholder={t('短信验证码')} value={code} onChange={(e) => setCode(e.target.value.trim())} aria-label={t('短信验证码')}
                      status={problem?.field === 'code' ? 'error' : undefined} />
                    <Button size="large" onClick={sendCode} disabled={wait > 0 || !/^1\d{10}$/.test(phone)}>{wait > 0 ? t('{n} 秒后重发', { n: wait }) : t('获取验证码')}</Button>
                  </Space.Compact>
                </>
              )}
            </Space>
          )}
          {problem && <Alert type="error" showIcon message={problem.message} style={{ marginTop: 12 }} />}
          <Button type="primary" size="large" block loading={busy} onClick={submit} style={{ marginTop: 12 }}>{t('提交')}</Button>
        </Card>
      )}
    </Space>,
  );
}
