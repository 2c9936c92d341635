/**
 * 接待方案: the plan's head and step bar, its lists as tables (cards scroll sideways on a phone), the budget with what
 * was spent, the actions from the server (审批通过, 接待完成) and 修改 (the whole plan while a draft, the actual spending
 * once approved), under the version the page read.
 */
import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Modal, Result, Skeleton, Space, Steps, Table, Tag, Timeline, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { ReceptionDetail } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { WorkflowActions, type RecordAction } from '../../../../kernel/web/workflow-actions.tsx';
import { ReceptionForm, toReceptionBody, toReceptionForm } from './reception-form.tsx';

export default function ReceptionDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { data: r, loading, error, reload } = useApiQuery<ReceptionDetail>(`/api/office/receptions/${id}`);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();

  if (error && !r) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/office/receptions')}>{t('返回列表')}</Button>} />;
  if (!r) return <PageCard loading={loading}><Skeleton active /></PageCard>;

  const fire = async (a: RecordAction, input: Record<string, unknown>) => {
    await api.post(`/api/office/receptions/${r.id}/transitions`, { action: a.name, version: r.version, input });
    void message.success(t('已{label}', { label: t(a.label) }));
    reload();
  };
  const save = async (v: Record<string, any>) => {
    try {
      const body = toReceptionBody(v);
      await api.patch(`/api/office/receptions/${r.id}`, r.state === 'approved' ? { version: r.version, budget: body.budget } : { version: r.version, ...body });
      setEditing(false);
      reload();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: reload }); }
  };
  const table = (title: string, rows: object[], cols: Array<[string, string]>) => (
    <Card size="small" title={t(title)}>
      {rows.length === 0 ? <Typography.Text type="secondary">{t('暂无')}</Typography.Text> : (
        <Table size="small" rowKey={(_x, i) => String(i)} pagination={false} dataSource={rows} scroll={{ x: 'max-content' }}
          columns={cols.map(([k, label]) => ({ key: k, dataIndex: k, title: t(label), render: (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v)) }))} />
      )}
    </Card>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard wrapTitle title={r.title} extra={<Tag color={r.stateTone}>{t(r.stateLabel)}</Tag>}>
        <Steps size="small" direction={mobile ? 'vertical' : 'horizontal'} current={r.progress.stage} status={r.progress.status} items={r.progress.stages.map((s) => ({ title: t(s) }))} style={{ marginBottom: 16 }} />
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('来访单位')}>{r.guestUnit}</Descriptions.Item>
          <Descriptions.Item label={t('接待日期')}>{r.startDate === r.endDate ? r.startDate : `${r.startDate} – ${r.endDate}`}</Descriptions.Item>
          <Descriptions.Item label={t('来宾人数')}>{r.guestCount}</Descriptions.Item>
          <Descriptions.Item label={t('预算')}>{t('{n} 元', { n: r.budgetTotal })}</Descriptions.Item>
          <Descriptions.Item label={t('实际支出')}>{t('{n} 元', { n: r.actualTotal })}</Descriptions.Item>
          <Descriptions.Item label={t('经办人')}>{r.ownerName}</Descriptions.Item>
        </Descriptions>
        <Space wrap style={{ marginTop: 16 }}>
          <WorkflowActions actions={r.actions} onFire={fire} onConflictReload={reload} />
          {r.canEdit && <Button onClick={() => { form.setFieldsValue(toReceptionForm(r)); setEditing(true); }}>{r.state === 'approved' ? t('登记实际支出') : t('修改')}</Button>}
        </Space>
      </PageCard>
      {table('来宾', r.guests, [['name', '姓名'], ['unit', '单位'], ['title', '职务'], ['count', '人数']])}
      {table('日程安排', r.programme, [['time', '时间'], ['place', '地点'], ['content', '内容']])}
      {table('住宿安排', r.rooms, [['hotel', '酒店'], ['room', '房型'], ['guest', '入住人'], ['nights', '晚数']])}
      {table('用餐安排', r.meals, [['date', '日期'], ['meal', '餐次'], ['place', '地点'], ['people', '人数'], ['standard', '标准']])}
      {table('经费预算', r.budget, [['item', '项目'], ['amount', '预算（元）'], ['actual', '实际（元）']])}
      <Card size="small" title={t('办理过程')}>
        <Timeline items={r.history.map((h) => ({ children: <div>{t(h.actionLabel)} → {t(h.toStateLabel)} · {h.actorName} · {formatDateTime(h.at)}{h.note && <div>{h.note}</div>}</div> }))} />
      </Card>
      <Modal open={editing} title={r.state === 'approved' ? t('登记实际支出') : t('修改接待方案')} onCancel={() => setEditing(false)} onOk={() => form.submit()} okText={t('保存')} width={mobile ? undefined : 900}>
        <ReceptionForm form={form} onFinish={save} mobile={mobile} approved={r.state === 'approved'} />
      </Modal>
    </Space>
  );
}
