/** 工作日历: the month's working days and holidays (调休 included), with administrator overrides per date. */
import { useMemo, useState } from 'react';
import { Alert, App, Badge, Button, Calendar, Form, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CalendarMonth } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';
import { ScheduleDialog } from '../schedule-dialog.tsx';

type Day = CalendarMonth['days'][number];

export default function CalendarPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const mobile = useIsMobile();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  const { data, loading, reload } = useApiQuery<CalendarMonth>('/api/admin/calendar', { year: month.year(), month: month.month() + 1 });
  const days = useMemo(() => new Map((data?.days ?? []).map((d) => [d.date, d])), [data]);
  const [editing, setEditing] = useState<Day | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ kind: 'workday' | 'holiday'; note?: string }>();
  const canEdit = (data?.actions ?? []).length > 0;
  const [scheduling, setScheduling] = useState(false);

  const openDay = (d: Dayjs) => {
    const day = days.get(d.format('YYYY-MM-DD'));
    if (!day || !canEdit) return;
    form.setFieldsValue({ kind: day.override?.kind ?? (day.workday ? 'holiday' : 'workday'), note: day.override?.note ?? '' });
    setEditing(day);
  };

  const save = async (v: { kind: 'workday' | 'holiday'; note?: string }) => {
    if (!editing) return;
    setBusy(true);
    try {
      await api.put(`/api/admin/calendar/overrides/${editing.date}`, { kind: v.kind, note: v.note || null });
      void message.success(t('已保存'));
      setEditing(null);
      reload();
    } catch (e) { if (!applyFormErrors(form, e)) report(e); } finally { setBusy(false); }
  };

  const remove = async () => {
    if (!editing) return;
    setBusy(true);
    try {
      await api.del(`/api/admin/calendar/overrides/${editing.date}`);
      void message.success(t('已恢复为法定安排'));
      setEditing(null);
      reload();
    } catch (e) { report(e); } finally { setBusy(false); }
  };

  const cell = (d: Dayjs) => {
    const day = days.get(d.format('YYYY-MM-DD'));
    if (!day || d.month() !== month.month()) return null;
    const weekend = d.day() === 0 || d.day() === 6;
    return (
      <Space orientation="vertical" size={2}>
        {day.workday ? (weekend ? <Tag color="orange">{t('调休上班')}</Tag> : null) : <Tag color={day.name ? 'red' : 'default'}>{day.name ? t(day.name) : t('休息')}</Tag>}
        {day.override && <Badge status="processing" text={t('已调整')} />}
      </Space>
    );
  };

  return (
    <PageCard title={t('工作日历')} loading={loading && !data}
      extra={canEdit ? <Button onClick={() => setScheduling(true)} data-testid="enter-schedule">{t('录入节假日安排')}</Button> : undefined}>
      {data && !data.officialData && !data.schedule && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="calendar-missing"
          title={t('{year} 年尚无法定节假日安排，跨节假日的期限会按普通工作日计算。请在国务院公布后录入或导入。', { year: data.year })}
          action={canEdit ? <Button size="small" type="primary" onClick={() => setScheduling(true)}>{t('录入')}</Button> : undefined} />
      )}
      {data?.schedule && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }}
          title={t('{year} 年节假日安排由 {who} 于 {at} 录入：{h} 个放假日、{w} 个调休上班日', { year: data.schedule.year, who: data.schedule.enteredBy, at: data.schedule.enteredAt.slice(0, 10), h: data.schedule.holidays, w: data.schedule.workdays })} />
      )}
      <Typography.Paragraph type="secondary">{t('办理期限按工作日计算。点击日期可将其设为工作日或休息日（如临时调整），调整对所有期限立即生效。')}</Typography.Paragraph>
      <Calendar
        fullscreen={!mobile}
        value={month}
        onPanelChange={(d) => setMonth(d.startOf('month'))}
        onSelect={(d, info) => { if (info.source === 'date') openDay(d); else setMonth(d.startOf('month')); }}
        cellRender={(d, info) => (info.type === 'date' ? cell(d) : info.originNode)}
      />
      <Modal open={!!editing} title={editing ? t('调整 {date}', { date: editing.date }) : ''} onCancel={() => setEditing(null)} destroyOnHidden
        footer={<Space wrap>
          {editing?.override && <Button danger onClick={() => void remove()} loading={busy}>{t('恢复法定安排')}</Button>}
          <Button onClick={() => setEditing(null)}>{t('取消')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>{t('保存')}</Button>
        </Space>}>
        {editing && <Typography.Paragraph>{t('当前：')}{editing.workday ? t('工作日') : t('休息日')}{editing.name ? `（${t(editing.name)}）` : ''}</Typography.Paragraph>}
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="kind" label={t('设为')} rules={[{ required: true, message: t('请选择') }]}>
            <Radio.Group optionType="button" options={[{ value: 'workday', label: t('工作日') }, { value: 'holiday', label: t('休息日') }]} />
          </Form.Item>
          <Form.Item name="note" label={t('说明')}><Input maxLength={200} placeholder={t('例如：市委通知临时放假')} /></Form.Item>
        </Form>
      </Modal>
      <ScheduleDialog open={scheduling} year={data?.year ?? month.year()} onClose={() => setScheduling(false)}
        onSaved={(r) => { setScheduling(false); setMonth(dayjs(`${r.year}-01-01`)); reload(); }} />
    </PageCard>
  );
}
