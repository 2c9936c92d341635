/** Pieces the 调研视察 pages share: the list's query keys (a figure's link opens the same rows) and the new-trip form. */
import { useState } from 'react';
import { Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { API, type InspectionDetail } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';

export { API };
export interface Options { year: number; kinds: Opt[]; states: Opt[]; committees: Opt[]; units: Opt[]; members: Opt[] }
export interface Opt { code: string; label: string }
/** The query keys a figure's list may carry (server/figures.ts) and the list's own filters. */
export const listKeys = ['year', 'kind', 'state', 'stage', 'committeeId', 'mine', 'q', 'from', 'to'] as const;

/** 列入计划: the organisers' form for a new trip of the year's plan. */
export function NewTripButton() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const report = useReportError();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const options = useApiQuery<Options>(open ? `${API}/options` : null);
  const create = async (v: { kind: string; title: string; topic: string; proposer: string; leadCommitteeId: string; dates: [Dayjs, Dayjs]; places: string[]; participantIds?: string[] }) => {
    try {
      const r = await api.post<InspectionDetail>(API, {
        kind: v.kind, title: v.title, topic: v.topic, proposer: v.proposer, leadCommitteeId: v.leadCommitteeId,
        plannedFrom: v.dates[0].format('YYYY-MM-DD'), plannedTo: v.dates[1].format('YYYY-MM-DD'), places: v.places, participantIds: v.participantIds ?? [],
      });
      setOpen(false);
      form.resetFields();
      navigate(`/inspections/${r.id}`);
    } catch (e) {
      if (!applyFormErrors(form, e)) report(e);
    }
  };
  const opts = (list?: Opt[]) => (list ?? []).map((o) => ({ value: o.code, label: t(o.label) }));
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>{t('列入计划')}</Button>
      <Modal open={open} title={t('新建调研视察')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('保存')} width={mobile ? undefined : 720} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={create} initialValues={{ kind: 'investigation' }}>
          <Form.Item name="kind" label={t('类型')} rules={[{ required: true }]}><Select options={opts(options.data?.kinds)} /></Form.Item>
          <Form.Item name="title" label={t('题目')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="topic" label={t('调研视察内容')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
          <Form.Item name="proposer" label={t('提出单位')} rules={[{ required: true }]}><Input maxLength={100} placeholder={t('如：主席会议、专委会、党派')} /></Form.Item>
          <Form.Item name="leadCommitteeId" label={t('牵头专委会')} rules={[{ required: true }]}><Select options={opts(options.data?.committees)} /></Form.Item>
          <Form.Item name="dates" label={t('计划日期')} rules={[{ required: true }]}><DatePicker.RangePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="places" label={t('考察地点')} rules={[{ required: true }]}><Select mode="tags" placeholder={t('输入地点后回车')} /></Form.Item>
          <Form.Item name="participantIds" label={t('参加委员')}><Select mode="multiple" showSearch optionFilterProp="label" options={opts(options.data?.members)} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
