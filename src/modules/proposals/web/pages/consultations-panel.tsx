/** 面商记录 on a proposal: the units' consultations with the proposer, and the form a handling unit records one with. */
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Tag, Timeline, Typography } from 'antd';
import type { ProposalDetail } from '../../contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';
import { useReportError } from '../../../../kernel/web/hooks.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';

const methods: Array<[string, string]> = [['face_to_face', '面谈'], ['forum', '座谈会'], ['phone', '电话'], ['email', '邮件'], ['letter', '书信'], ['other', '其它']];

export function ConsultationsCard({ p, onDone }: { p: ProposalDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  if (!p.consultations.length && !p.abilities.recordConsultation) return null;
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api.post(`/api/proposals/${p.id}/consultations`, { method: v.method, date: v.date.format('YYYY-MM-DD'), people: v.people, notes: v.notes, version: p.version });
      void message.success(t('已记录面商'));
      setOpen(false);
      form.resetFields();
      onDone();
    } catch (err) { report(err); } finally { setBusy(false); }
  };
  return (
    <PageCard title={t('面商记录')} extra={p.abilities.recordConsultation ? <Button onClick={() => setOpen(true)} data-testid="record-consultation">{t('记录面商')}</Button> : undefined}>
      <div data-testid="proposal-consultations">{p.consultations.length === 0 ? <Typography.Text type="secondary">{t('尚无面商记录')}</Typography.Text> : (
        <Timeline items={p.consultations.map((c) => ({
          key: c.id,
          title: c.date,
          content: (
            <div>
              <Space wrap><Tag color="cyan">{t(c.methodLabel)}</Tag><Typography.Text strong>{c.unitName}</Typography.Text></Space>
              <div><Typography.Text type="secondary">{t('参加人员：')}</Typography.Text>{c.people}</div>
              <div style={{ whiteSpace: 'pre-wrap' }}>{c.notes}</div>
            </div>
          ),
        }))} />
      )}</div>
      <Modal open={open} title={t('记录面商')} onCancel={() => setOpen(false)} onOk={() => void submit()} confirmLoading={busy} okText={t('保存')} destroyOnHidden>
        <Form form={form} name="consultation" layout="vertical">
          <Form.Item name="method" label={t('沟通方式')} rules={[{ required: true, message: t('请选择沟通方式') }]}>
            <Select options={methods.map(([value, label]) => ({ value, label: t(label) }))} />
          </Form.Item>
          <Form.Item name="date" label={t('面商日期')} rules={[{ required: true, message: t('请选择日期') }]}><DatePicker /></Form.Item>
          <Form.Item name="people" label={t('参加人员')} rules={[{ required: true, message: t('请填写参加人员') }]}><Input maxLength={500} /></Form.Item>
          <Form.Item name="notes" label={t('面商情况')} rules={[{ required: true, message: t('请填写面商情况') }]}><Input.TextArea rows={5} maxLength={10000} showCount /></Form.Item>
        </Form>
      </Modal>
    </PageCard>
  );
}
