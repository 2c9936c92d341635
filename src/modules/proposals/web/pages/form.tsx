/** 撰写提案 / 修改提案: title, type and the three required parts; a short step wizard on phones with the draft kept on the device. */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Result, Select, Skeleton, Space, Steps, Switch } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { ProposalDetail } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';
import { useProposalOptions } from '../shared.tsx';
import { SimilarItems } from '../../../text/web/index.tsx';
import { TopicField } from './topic-picker.tsx';
import { CosignerField, MAX_COSIGNERS } from './cosigner-picker.tsx';

interface Values { title: string; type: string; background: string; analysis: string; suggestions: string; isPublic: boolean; topicId?: string | null; cosignerUserIds?: string[] }

const LOCAL_DRAFT = 'zx.proposal.newDraft';
const steps: Array<{ title: string; fields: Array<keyof Values> }> = [
  { title: '标题与类型', fields: ['title', 'type', 'cosignerUserIds', 'topicId', 'isPublic'] },
  { title: '背景情况', fields: ['background'] },
  { title: '问题分析', fields: ['analysis'] },
  { title: '具体建议', fields: ['suggestions'] },
];

export default function ProposalFormPage() {
  const { id } = useParams();
  const editing = !!id;
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  // another module may open a new proposal with ?title=&background= (网络议政: answered questions or the session's summary)
  const [params] = useSearchParams();
  const prefill = editing ? null : { title: params.get('title'), background: params.get('background') };
  const prefilled = !!(prefill?.title || prefill?.background);
  const options = useProposalOptions();
  const existing = useApiQuery<ProposalDetail>(editing ? `/api/proposals/${id}` : null);
  const [form] = Form.useForm<Values>();
  const written = Form.useWatch([], form) as Partial<Values> | undefined;
  const draftText = [written?.title, written?.background, written?.analysis].filter(Boolean).join('\n');
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);

  useEffect(() => {
    if (editing && existing.data) {
      const p = existing.data;
      form.setFieldsValue({ title: p.title, type: p.type, background: p.background, analysis: p.analysis, suggestions: p.suggestions, isPublic: p.isPublic, topicId: p.topicId, cosignerUserIds: p.cosigners.map((c) => c.userId) });
    } else if (!editing && prefilled) {
      // a draft offered by another page replaces the one kept on the device (the member chose to start from it)
      form.setFieldsValue({ ...(prefill?.title ? { title: prefill.title } : {}), ...(prefill?.background ? { background: prefill.background } : {}) });
    } else if (!editing) {
      try { const saved = JSON.parse(localStorage.getItem(LOCAL_DRAFT) ?? 'null'); if (saved) form.setFieldsValue(saved); } catch { /* ignore a broken local draft */ }
    }
  }, [editing, existing.data, form, prefilled, prefill?.title, prefill?.background]);

  if (editing && existing.error) return <Result status="404" title={existing.error.message} />;
  if (editing && !existing.data) return <PageCard><Skeleton active /></PageCard>;
  if (editing && existing.data && !existing.data.abilities.edit) return <Result status="403" title={t('这件提案当前不能修改')} extra={<Button onClick={() => navigate(`/proposals/${id}`)}>{t('返回提案')}</Button>} />;

  const save = async (andSubmit: boolean) => {
    let v: Values;
    try {
      v = { ...form.getFieldsValue(true) } as Values;
      await form.validateFields(andSubmit ? undefined : ['title']);
    } catch {
      if (mobile) {
        const bad = form.getFieldsError().find((f) => f.errors.length);
        const at = steps.findIndex((s) => s.fields.includes(bad?.name[0] as keyof Values));
        if (at >= 0) setStep(at);
      }
      return;
    }
    setBusy(andSubmit ? 'submit' : 'save');
    try {
      const type = v.type ?? 'individual';
      // 联名委员 are invited on a joint proposal only; each of them confirms before it can be submitted
      const cosignerUserIds = type === 'joint' ? (v.cosignerUserIds ?? []) : [];
      const body = { title: v.title, type, background: v.background ?? '', analysis: v.analysis ?? '', suggestions: v.suggestions ?? '', isPublic: v.isPublic ?? true, topicId: v.topicId ?? null, cosignerUserIds };
      let detail: ProposalDetail;
      if (editing) detail = await api.patch<ProposalDetail>(`/api/proposals/${id}`, { version: existing.data!.version, ...body });
      else detail = await api.post<ProposalDetail>('/api/proposals', body);
      localStorage.removeItem(LOCAL_DRAFT);
      if (andSubmit) {
        const submit = detail.actions.find((a) => a.name === 'submit');
        const waiting = detail.cosigners.filter((c) => !c.confirmedAt).length;
        if (!submit && waiting) {
          void message.info(t('已保存并邀请 {n} 位联名委员确认；全部确认后即可提交', { n: waiting }), 6);
        } else if (submit) {
          try {
            await api.post(`/api/proposals/${detail.id}/transitions`, { action: 'submit', version: detail.version, input: {} });
            void message.success(t('提案已提交，等待提案委审查'));
          } catch (e) {
            report(e);
          }
        }
      } else {
        void message.success(t('已暂存'));
      }
      navigate(`/proposals/${detail.id}`, { replace: true });
    } catch (e) {
      if (!applyFormErrors(form, e)) report(e, { onReload: () => existing.reload() });
    } finally {
      setBusy(null);
    }
  };

  const field = (name: keyof Values) => {
    switch (name) {
      case 'title': return <Form.Item key={name} name="title" label={t('标题')} extra={t('一事一案，如“关于推进城镇老旧小区整治改造的建议”')} rules={[{ required: true, message: t('请填写标题') }, { min: 4, message: t('标题至少 4 个字') }, { max: 200, message: t('标题不超过 200 字') }]}><Input maxLength={200} showCount /></Form.Item>;
      case 'type': return <Form.Item key={name} name="type" label={t('提案类型')} initialValue="individual"><Select options={(options.data?.types ?? [{ code: 'individual', label: '委员个人提案' }]).map((x) => ({ value: x.code, label: t(x.label) }))} /></Form.Item>;
      case 'cosignerUserIds': return written?.type !== 'joint' ? null : (
        <Form.Item key={name} name="cosignerUserIds" label={t('联名委员')} required extra={t('可按姓名、界别、专委会查找本级委员，选择一位或多位。')}
          rules={[{ validator: async (_r, v?: string[]) => {
            if (!v?.length) throw new Error(t('联名提案至少需要一位联名委员'));
            if (v.length > MAX_COSIGNERS) throw new Error(t('联名委员不超过 {max} 位', { max: MAX_COSIGNERS }));
          } }]}>
          <CosignerField known={existing.data?.cosigners} />
        </Form.Item>
      );
      case 'topicId': return <Form.Item key={name} name="topicId" label={t('参考选题')} extra={t('可从提案委发布的选题参考目录中选用一个选题。')}><TopicField currentTitle={existing.data?.topicTitle} /></Form.Item>;
      case 'isPublic': return <Form.Item key={name} name="isPublic" label={t('同意公开')} valuePropName="checked" initialValue={true}><Switch /></Form.Item>;
      case 'background': return <Form.Item key={name} name="background" label={t('背景情况')} extra={t('说明问题的现状和由来。')} rules={[{ required: true, message: t('请填写背景情况') }]}><Input.TextArea rows={mobile ? 10 : 6} maxLength={20000} showCount /></Form.Item>;
      case 'analysis': return <Form.Item key={name} name="analysis" label={t('问题分析')} extra={t('分析问题的原因和影响。')} rules={[{ required: true, message: t('请填写问题分析') }]}><Input.TextArea rows={mobile ? 10 : 6} maxLength={20000} showCount /></Form.Item>;
      case 'suggestions': return <Form.Item key={name} name="suggestions" label={t('具体建议')} extra={t('提出具体、可操作的建议，可分条列出。')} rules={[{ required: true, message: t('请填写具体建议') }]}><Input.TextArea rows={mobile ? 10 : 6} maxLength={20000} showCount /></Form.Item>;
    }
  };

  const buttons = (
    <Space wrap>
      <Button size="large" loading={busy === 'save'} onClick={() => void save(false)}>{t('暂存')}</Button>
      <Button size="large" type="primary" loading={busy === 'submit'} onClick={() => void save(true)}>{t('提交')}</Button>
    </Space>
  );

  return (
    <PageCard title={editing ? t('修改提案') : t('撰写提案')}>
      {editing && existing.data?.state === 'returned' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('提案被退回修改，请根据意见修改后重新提交。')} />}
      {prefilled && <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="proposal-prefilled" title={t('已带入标题和背景情况，请核对修改，补充问题分析和具体建议后暂存或提交。')} />}
      <Form form={form} layout="vertical" requiredMark="optional" preserve
        onValuesChange={(_c, all) => { if (!editing) localStorage.setItem(LOCAL_DRAFT, JSON.stringify({ ...all, cosignerUserIds: undefined })); }}>
        {mobile ? (
          <>
            <Steps current={step} size="small" type="dot" responsive={false} titlePlacement="vertical" items={steps.map((s) => ({ title: t(s.title) }))} onChange={setStep} style={{ marginBottom: 20 }} />
            {steps.map((s, i) => <div key={s.title} style={{ display: i === step ? 'block' : 'none' }}>{s.fields.map(field)}</div>)}
            <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
              <Button size="large" disabled={step === 0} onClick={() => setStep(step - 1)}>{t('上一步')}</Button>
              {step < steps.length - 1
                ? <Button size="large" type="primary" onClick={async () => { try { await form.validateFields(steps[step].fields); setStep(step + 1); } catch { /* errors are shown next to the fields */ } }}>{t('下一步')}</Button>
                : buttons}
            </Space>
            {step === steps.length - 1 && <div style={{ marginTop: 16 }}><SimilarItems text={draftText} record={id ? { source: 'proposal', refId: id } : undefined} title={t('相似的已有提案和信息')} /></div>}
            {step < steps.length - 1 && <div style={{ marginTop: 12 }}><Button type="link" onClick={() => void save(false)} loading={busy === 'save'}>{t('暂存草稿')}</Button></div>}
          </>
        ) : (
          <>
            {(['title', 'type', 'cosignerUserIds', 'topicId', 'background', 'analysis', 'suggestions', 'isPublic'] as const).map(field)}
            <SimilarItems text={draftText} record={id ? { source: 'proposal', refId: id } : undefined} title={t('相似的已有提案和信息')} />
            {buttons}
          </>
        )}
      </Form>
    </PageCard>
  );
}
