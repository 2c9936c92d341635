/** 重点提案、督办记录、优秀提案、跨年度跟踪 on a proposal, with the office's, the leaders' and the unit's actions. */
import { useState } from 'react';
import { App, Button, DatePicker, Descriptions, Form, Input, Modal, Radio, Select, Space, Tag, Timeline, Typography } from 'antd';
import type { ProposalDetail } from '../../contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';
import { useApiQuery, useReportError } from '../../../../kernel/web/hooks.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';

type Dialog = 'nominate' | 'decide' | 'note' | 'excellent' | null;

function LeaderSelect(props: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const { data, loading } = useApiQuery<{ items: Array<{ userId: string; name: string }> }>('/api/proposals/key-leaders');
  return <Select id={props.id} mode="multiple" value={props.value} onChange={props.onChange} loading={loading} options={(data?.items ?? []).map((l) => ({ value: l.userId, label: l.name }))} />;
}

export function KeyCard({ p, onDone }: { p: ProposalDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const k = p.key;
  const ab = k.abilities;
  const any = k.status || k.excellentReason || k.followUpCount > 0 || ab.nominate || ab.decide || ab.addNote || ab.markExcellent;
  if (!any) return null;
  const urls: Record<Exclude<Dialog, null>, string> = { nominate: 'key/nominate', decide: 'key/decide', note: 'supervision-notes', excellent: 'excellent' };
  const submit = async () => {
    if (!dialog) return;
    const v = await form.validateFields();
    const body = dialog === 'note' ? { ...v, date: v.date.format('YYYY-MM-DD') } : dialog === 'excellent' ? { excellent: v.excellent, reason: v.reason || undefined } : v;
    setBusy(true);
    try {
      await api.post(`/api/proposals/${p.id}/${urls[dialog]}`, body);
      void message.success(t('已保存'));
      setDialog(null);
      form.resetFields();
      onDone();
    } catch (err) { report(err, { onReload: onDone }); } finally { setBusy(false); }
  };
  const titles: Record<Exclude<Dialog, null>, string> = { nominate: '提名重点提案', decide: '决定重点提案', note: '记录督办情况', excellent: '评选优秀提案' };
  return (
    <PageCard title={t('重点督办')}>
      <Space wrap style={{ marginBottom: 8 }}>
        {k.statusLabel && <Tag color={k.status === 'key' ? 'red' : 'default'}>{t(k.statusLabel)}</Tag>}
        {p.isExcellent && <Tag color="gold">{t('优秀提案')}</Tag>}
        {k.followUpCount > 0 && <Tag color="purple">{t('{year}年跟踪办理', { year: String(k.followUpYear ?? '') })}</Tag>}
      </Space>
      {(k.leaders.length > 0 || k.plan || k.excellentReason) && (
        <Descriptions column={1} size="small" items={[
          ...(k.leaders.length ? [{ key: 'leaders', label: t('领衔督办'), children: k.leaders.map((l) => l.name).join('、') }] : []),
          ...(k.plan ? [{ key: 'plan', label: t('督办方案'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{k.plan}</span> }] : []),
          ...(k.excellentReason ? [{ key: 'excellent', label: t('评选理由'), children: k.excellentReason }] : []),
        ]} />
      )}
      {k.notes.length > 0 && (
        <Timeline style={{ marginTop: 12 }} items={k.notes.map((n) => ({
          key: n.id, title: n.date,
          content: <div><Space wrap><Tag>{t(n.kindLabel)}</Tag><Typography.Text type="secondary">{n.authorName}</Typography.Text></Space><div style={{ whiteSpace: 'pre-wrap' }}>{n.content}</div></div>,
        }))} />
      )}
      <Space wrap>
        {ab.nominate && <Button onClick={() => setDialog('nominate')}>{t('提名重点提案')}</Button>}
        {ab.decide && <Button type="primary" onClick={() => { form.setFieldsValue({ decision: 'approve' }); setDialog('decide'); }}>{t('决定重点提案')}</Button>}
        {ab.addNote && <Button onClick={() => setDialog('note')}>{t('记录督办情况')}</Button>}
        {ab.markExcellent && <Button onClick={() => { form.setFieldsValue({ excellent: !p.isExcellent }); setDialog('excellent'); }}>{p.isExcellent ? t('取消优秀提案') : t('评为优秀提案')}</Button>}
      </Space>
      <Modal open={!!dialog} title={dialog ? t(titles[dialog]) : ''} onCancel={() => setDialog(null)} onOk={() => void submit()} confirmLoading={busy} okText={t('保存')} destroyOnHidden>
        <Form form={form} name="keyAction" layout="vertical">
          {dialog === 'nominate' && <Form.Item name="reason" label={t('推荐理由')} rules={[{ required: true, message: t('请填写推荐理由') }]}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>}
          {dialog === 'decide' && (
            <>
              <Form.Item name="decision" label={t('决定')}><Radio.Group optionType="button" options={[{ value: 'approve', label: t('列为重点提案') }, { value: 'decline', label: t('不列入') }]} /></Form.Item>
              <Form.Item noStyle shouldUpdate={(a, b) => a.decision !== b.decision}>
                {({ getFieldValue }) => getFieldValue('decision') === 'approve' ? (
                  <>
                    <Form.Item name="leaderUserIds" label={t('领衔督办领导')} rules={[{ required: true, message: t('请选择领衔督办领导') }]}><LeaderSelect /></Form.Item>
                    <Form.Item name="plan" label={t('督办方案')} rules={[{ required: true, message: t('请填写督办方案') }]}><Input.TextArea rows={4} maxLength={10000} /></Form.Item>
                  </>
                ) : null}
              </Form.Item>
            </>
          )}
          {dialog === 'note' && (
            <>
              <Form.Item name="kind" label={t('督办方式')} rules={[{ required: true, message: t('请选择督办方式') }]}>
                <Select options={[['progress', '办理进展'], ['meeting', '督办会'], ['inspection', '视察调研']].map(([value, label]) => ({ value, label: t(label) }))} />
              </Form.Item>
              <Form.Item name="date" label={t('日期')} rules={[{ required: true, message: t('请选择日期') }]}><DatePicker /></Form.Item>
              <Form.Item name="content" label={t('督办情况')} rules={[{ required: true, message: t('请填写督办情况') }]}><Input.TextArea rows={4} maxLength={10000} /></Form.Item>
            </>
          )}
          {dialog === 'excellent' && (
            <>
              <Form.Item name="excellent" hidden><Input /></Form.Item>
              <Form.Item name="reason" label={t('评选理由')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </PageCard>
  );
}
