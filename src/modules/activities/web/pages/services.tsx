/**
 * 服务为民: the service records (办好事) — the member's own, or the CPPCC's for staff (a figure's link opens the same
 * rows) — with 完成 for those still open; and the needs list (需求清单): staff enter needs, see the members suggested
 * by skills and county and confirm one; a member sees the needs matched to them and records the service, and keeps
 * their own skills for matching.
 */
import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { ServiceItem } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDate } from '../../../../kernel/web/components.tsx';
import { RecordService } from './detail.tsx';
import type { ActivityOptions } from './list.tsx';

interface Need { id: string; title: string; detail: string; source: string; county: string | null; skills: string | null; serviceKind: string; serviceKindLabel: string; state: string; stateLabel: string; matchedName: string | null; serviceId: string | null; version: number }
const keys = ['from', 'to', 'state', 'userId', 'county', 'homeId', 'activityId', 'mine'] as const;

export default function ServicesPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const options = useApiQuery<ActivityOptions>('/api/activities/options');
  const { data, loading, reload } = useApiQuery<{ items: ServiceItem[]; total: number }>('/api/activities/services', { ...filters, page, pageSize: 20 });
  const manage = options.data?.canManage ?? false;
  const sum = (data?.items ?? []).reduce((n, s) => n + s.peopleServed, 0);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard title={t('服务记录')}>
        {filters.from && <Typography.Paragraph type="secondary">{formatDate(filters.from)} – {formatDate(filters.to ?? '')}</Typography.Paragraph>}
        {mobile ? (
          <List loading={loading} dataSource={data?.items ?? []} pagination={{ current: page, total: data?.total ?? 0, pageSize: 20, simple: true, size: 'small', onChange: (p) => { params.set('page', String(p)); setParams(params); } }}
            locale={{ emptyText: t('暂无服务记录') }}
            renderItem={(s) => <List.Item extra={<ServiceState s={s} reload={reload} />}><List.Item.Meta title={`${t(s.serviceKindLabel)} · ${formatDate(s.onDate)}`} description={<>{s.content}<br />{t('服务群众 {n} 人次', { n: s.peopleServed })}</>} /></List.Item>} />
        ) : (
          <Table<ServiceItem> rowKey="id" size="small" loading={loading} dataSource={data?.items ?? []} scroll={{ x: 'max-content' }}
            pagination={{ current: page, total: data?.total ?? 0, pageSize: 20, showSizeChanger: false, showTotal: (n) => t('共 {n} 条，本页服务群众 {m} 人次', { n, m: sum }), onChange: (p) => { params.set('page', String(p)); setParams(params); } }}
            columns={[
              { title: t('服务日期'), dataIndex: 'onDate', key: 'onDate', width: 110, render: (v) => formatDate(v) },
              { title: t('委员'), dataIndex: 'name', key: 'name', width: 100 },
              { title: t('服务类别'), key: 'kind', width: 110, render: (_v, s) => t(s.serviceKindLabel) },
              { title: t('服务内容'), dataIndex: 'content', key: 'content' },
              { title: t('县区'), dataIndex: 'county', key: 'county', width: 90 },
              { title: t('服务群众人次'), dataIndex: 'peopleServed', key: 'peopleServed', width: 120, align: 'right' },
              { title: t('状态'), key: 'state', width: 140, render: (_v, s) => <ServiceState s={s} reload={reload} /> },
            ]} />
        )}
      </PageCard>
      <Needs manage={manage} options={options.data} reloadServices={reload} />
      {!manage && options.data && <MySkills counties={options.data.counties} />}
    </Space>
  );
}

function ServiceState({ s, reload }: { s: ServiceItem; reload: () => void }) {
  const { t } = useI18n();
  const report = useReportError();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const complete = async (v: { peopleServed: number }) => {
    try { await api.post(`/api/activities/services/${s.id}/complete`, { version: s.version, peopleServed: v.peopleServed }); setOpen(false); reload(); } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: reload }); }
  };
  return (
    <Space size={4}>
      <Tag color={s.state === 'done' ? 'green' : 'gold'}>{t(s.stateLabel)}</Tag>
      {s.canComplete && <Button size="small" onClick={() => setOpen(true)}>{t('完成')}</Button>}
      <Modal open={open} title={t('完成服务')} onCancel={() => setOpen(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={complete} initialValues={{ peopleServed: s.peopleServed }}>
          <Form.Item name="peopleServed" label={t('服务群众人次')} rules={[{ required: true }]}><InputNumber min={0} max={100000} style={{ width: '100%' }} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** 需求清单: staff enter and match needs; a member sees theirs and records the service. */
function Needs({ manage, options, reloadServices }: { manage: boolean; options?: ActivityOptions; reloadServices: () => void }) {
  const { t } = useI18n();
  const report = useReportError();
  const { message } = App.useApp();
  const { data, reload } = useApiQuery<{ items: Need[]; total: number }>('/api/activities/needs', { pageSize: 50 });
  const [adding, setAdding] = useState(false);
  const [matching, setMatching] = useState<Need | null>(null);
  const [serving, setServing] = useState<Need | null>(null);
  const [form] = Form.useForm();
  const suggestions = useApiQuery<Array<{ userId: string; name: string; skills: string | null; county: string | null; score: number; matched: string[] }>>(matching ? `/api/activities/needs/${matching.id}/suggestions` : null);
  const add = async (v: Record<string, string>) => {
    try { await api.post('/api/activities/needs', v); setAdding(false); form.resetFields(); reload(); } catch (e) { if (!applyFormErrors(form, e)) report(e); }
  };
  const confirm = async (n: Need, userId: string) => {
    try { await api.post(`/api/activities/needs/${n.id}/match`, { version: n.version, userId }); setMatching(null); void message.success(t('已确认匹配')); reload(); } catch (e) { report(e, { onReload: reload }); }
  };
  return (
    <Card size="small" title={manage ? t('需求清单') : t('匹配给我的需求')} extra={manage && <Button type="primary" onClick={() => setAdding(true)}>{t('登记需求')}</Button>}>
      <List size="small" dataSource={data?.items ?? []} locale={{ emptyText: t('暂无需求') }}
        renderItem={(n) => (
          <List.Item actions={[
            manage && n.state === 'open' ? <Button key="m" size="small" onClick={() => setMatching(n)}>{t('匹配委员')}</Button> : null,
            !manage && n.state === 'matched' && !n.serviceId ? <Button key="s" size="small" type="primary" onClick={() => setServing(n)}>{t('记录服务')}</Button> : null,
          ].filter(Boolean)}>
            <List.Item.Meta title={<Space size={4} wrap>{n.title}<Tag color={n.state === 'done' ? 'green' : n.state === 'matched' ? 'blue' : 'gold'}>{t(n.stateLabel)}</Tag></Space>}
              description={<>{n.source}{n.county ? ` · ${n.county}` : ''} · {t(n.serviceKindLabel)}{n.skills ? ` · ${t('所需特长')}：${n.skills}` : ''}{n.matchedName ? ` · ${t('匹配委员')}：${n.matchedName}` : ''}</>} />
          </List.Item>
        )} />
      <Modal open={adding} title={t('登记需求')} onCancel={() => setAdding(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={add}>
          <Form.Item name="title" label={t('需求名称')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="detail" label={t('需求内容')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          <Form.Item name="source" label={t('提出单位')} rules={[{ required: true, min: 2 }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="serviceKind" label={t('服务类别')} rules={[{ required: true }]}><Select options={(options?.serviceKinds ?? []).map((k) => ({ value: k.code, label: t(k.label) }))} /></Form.Item>
          <Form.Item name="county" label={t('县区')}><Select allowClear options={(options?.counties ?? []).map((c) => ({ value: c, label: c }))} /></Form.Item>
          <Form.Item name="skills" label={t('所需特长')}><Input maxLength={200} placeholder={t('如：义诊、法律')} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!matching} title={t('推荐委员')} footer={null} onCancel={() => setMatching(null)} destroyOnHidden>
        <Typography.Paragraph type="secondary">{matching?.title}</Typography.Paragraph>
        <List size="small" loading={suggestions.loading} dataSource={suggestions.data ?? []} locale={{ emptyText: t('没有特长或县区相符的委员') }}
          renderItem={(m) => (
            <List.Item actions={[<Button key="c" size="small" type="primary" onClick={() => void confirm(matching!, m.userId)}>{t('确认匹配')}</Button>]}>
              <List.Item.Meta title={m.name} description={<>{m.skills}{m.county ? ` · ${m.county}` : ''}{m.matched.length ? ` · ${t('相符')}：${m.matched.join('、')}` : ''}</>} />
            </List.Item>
          )} />
      </Modal>
      {serving && <RecordService open onClose={() => setServing(null)} need={serving} onDone={() => { reload(); reloadServices(); }} />}
    </Card>
  );
}

function MySkills({ counties }: { counties: string[] }) {
  const { t } = useI18n();
  const report = useReportError();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const save = async (v: { skills: string; county?: string }) => {
    try { await api.put('/api/activities/skills/me', v); void message.success(t('已保存')); } catch (e) { if (!applyFormErrors(form, e)) report(e); }
  };
  return (
    <Card size="small" title={t('我的服务特长')}>
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="skills" label={t('服务特长')} rules={[{ required: true }]} extra={t('多个特长用顿号分隔，用于匹配服务需求')}><Input maxLength={200} placeholder={t('如：义诊、法律')} /></Form.Item>
        <Form.Item name="county" label={t('县区')}><Select allowClear options={counties.map((c) => ({ value: c, label: c }))} /></Form.Item>
        <Button type="primary" htmlType="submit">{t('保存')}</Button>
      </Form>
    </Card>
  );
}
