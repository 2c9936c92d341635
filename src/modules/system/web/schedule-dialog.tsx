/** 录入节假日安排: paste the State Council's notice (or import a text file), preview the days it sets, then save. */
import { useState } from 'react';
import { Alert, App, Button, Form, InputNumber, Input, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ScheduleResult } from '../contract.ts';
import { api, applyFormErrors } from '../../../kernel/web/api.ts';
import { useI18n } from '../../../kernel/web/i18n.tsx';
import { useReportError } from '../../../kernel/web/hooks.ts';

const EXAMPLE = `一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日至13日放假调休，共8天。2月14日（周日）、2月20日（周六）上班。
（或每行一项：春节 休 2027-02-06~2027-02-13 ／ 春节 班 2027-02-14、2027-02-20）`;

export function ScheduleDialog({ open, year, onClose, onSaved }: { open: boolean; year: number; onClose: () => void; onSaved: (r: ScheduleResult) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<{ year: number; text: string }>();
  const [preview, setPreview] = useState<ScheduleResult | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (save: boolean) => {
    let v: { year: number; text: string };
    try { v = await form.validateFields(); } catch { return; }
    setBusy(true);
    try {
      const r = await api.post<ScheduleResult>('/api/admin/calendar/schedules', { year: v.year, text: v.text, preview: !save });
      if (save) {
        const moved = r.moved.reduce((s, m) => s + m.moved, 0);
        void message.success(t('已保存 {year} 年节假日安排，{n} 个未到期的期限已随之调整', { year: r.year, n: moved }));
        setPreview(null);
        onSaved(r);
      } else setPreview(r);
    } catch (e) { if (!applyFormErrors(form, e)) report(e); } finally { setBusy(false); }
  };

  return (
    <Modal open={open} title={t('录入节假日安排')} onCancel={onClose} destroyOnHidden width={720}
      footer={<Space wrap>
        <Button onClick={onClose}>{t('取消')}</Button>
        <Button onClick={() => void send(false)} loading={busy} data-testid="schedule-preview">{t('预览')}</Button>
        <Button type="primary" disabled={!preview} onClick={() => void send(true)} loading={busy} data-testid="schedule-save">{t('保存并调整期限')}</Button>
      </Space>}>
      <Typography.Paragraph type="secondary">
        {t('粘贴国务院办公厅关于节假日安排的通知原文，或每行写一项。保存后，该年度已有的日历调整被替换，未到期的办理期限按剩余工作日数重新计算。')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ year }} onValuesChange={() => setPreview(null)}>
        <Form.Item name="year" label={t('年份')} rules={[{ required: true, message: t('请填写年份') }]}>
          <InputNumber min={2000} max={2100} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="text" label={t('节假日安排')} rules={[{ required: true, message: t('请粘贴或导入节假日安排') }]}
          extra={<Upload accept=".txt,.csv,text/plain" showUploadList={false} beforeUpload={(file) => {
            void file.text().then((text) => { form.setFieldValue('text', text); setPreview(null); });
            return false;
          }}><Button size="small" icon={<UploadOutlined />}>{t('从文本文件导入')}</Button></Upload>}>
          <Input.TextArea rows={8} placeholder={EXAMPLE} data-testid="schedule-text" />
        </Form.Item>
      </Form>
      {preview && (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 8 }}
            title={t('读到 {h} 个放假日、{w} 个调休上班日', { h: preview.days.filter((d) => d.kind === 'holiday').length, w: preview.days.filter((d) => d.kind === 'workday').length })} />
          <Table size="small" rowKey="date" pagination={false} scroll={{ y: 240 }} dataSource={preview.days} data-testid="schedule-days"
            columns={[
              { title: t('日期'), dataIndex: 'date' },
              { title: t('类型'), dataIndex: 'kind', render: (k: string) => (k === 'holiday' ? <Tag color="red">{t('放假')}</Tag> : <Tag color="orange">{t('调休上班')}</Tag>) },
              { title: t('名称'), dataIndex: 'name', render: (n: string) => t(n) },
            ]} />
        </>
      )}
    </Modal>
  );
}
