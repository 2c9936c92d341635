/**
 * 车辆和驾驶员: the office's fleet. Register a vehicle (车牌号, 车型, 座位数) or a driver (姓名, 手机号), correct one,
 * 停用 one that leaves service (it stays on its past trips but is no longer offered for 派车 nor shown on the board) and
 * 恢复 it. Every change is saved under the version the page read: a colleague's change in between is a 409 and a reload.
 * On a phone each vehicle and driver is a row of a list with its buttons under it.
 */
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, List, Modal, Popconfirm, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { OfficeOptions } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { PageCard } from '../../../../kernel/web/components.tsx';

type Vehicle = OfficeOptions['vehicles'][number];
type Driver = OfficeOptions['drivers'][number];
type Editing = { kind: 'vehicle'; row: Vehicle | null } | { kind: 'driver'; row: Driver | null };

export default function FleetPage() {
  const { t } = useI18n();
  const { data, loading, reload } = useApiQuery<OfficeOptions>('/api/office/options');
  const { can } = useSession();
  const manage = can('logistics.dispatch');
  const mobile = useIsMobile();
  const report = useReportError();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [form] = Form.useForm();

  const open = (e: Editing) => {
    setEditing(e);
    form.resetFields();
    form.setFieldsValue(e.row ?? { active: true, ...(e.kind === 'vehicle' ? { seats: 5 } : {}) });
  };
  const path = (kind: 'vehicle' | 'driver') => (kind === 'vehicle' ? '/api/office/vehicles' : '/api/office/drivers');
  const save = async (v: Record<string, unknown>) => {
    if (!editing) return;
    try {
      if (editing.row) await api.put(`${path(editing.kind)}/${editing.row.id}`, { ...v, version: editing.row.version });
      else await api.post(path(editing.kind), v);
      void message.success(t(editing.row ? '已保存' : '已登记'));
      setEditing(null);
      reload();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: () => { setEditing(null); reload(); } }); }
  };
  /** 停用 / 恢复: the row as read, with `active` turned */
  const toggle = async (kind: 'vehicle' | 'driver', row: Vehicle | Driver) => {
    const { id, version, ...rest } = row;
    try {
      await api.put(`${path(kind)}/${id}`, { ...rest, active: !row.active, version });
      void message.success(t(row.active ? '已停用' : '已恢复'));
      reload();
    } catch (e) { report(e, { onReload: reload }); }
  };

  const state = (active: boolean) => active ? <Tag color="success">{t('在用')}</Tag> : <Tag>{t('已停用')}</Tag>;
  const buttons = (kind: 'vehicle' | 'driver', row: Vehicle | Driver) => manage && (
    <Space key="b" size={4} wrap>
      <Button size="small" onClick={() => open({ kind, row } as Editing)} data-testid={`edit-${kind}`}>{t('修改')}</Button>
      <Popconfirm title={row.active ? t(kind === 'vehicle' ? '停用后不再用于派车，已有行程保留。确定停用？' : '停用后不再派给任务，已有行程保留。确定停用？') : t('恢复后可再用于派车。')}
        okText={row.active ? t('停用') : t('恢复')} cancelText={t('取消')} onConfirm={() => toggle(kind, row)}>
        <Button size="small" danger={row.active} data-testid={`toggle-${kind}`}>{row.active ? t('停用') : t('恢复')}</Button>
      </Popconfirm>
    </Space>
  );
  const vehicleLabel = (v: Vehicle) => `${v.plate.slice(0, 2)}·${v.plate.slice(2)}`;

  const vehicles = data?.vehicles ?? [];
  const drivers = data?.drivers ?? [];
  const vehicleList = mobile ? (
    <List dataSource={vehicles} loading={loading} renderItem={(v) => (
      <List.Item data-testid="fleet-row" extra={state(v.active)}>
        <List.Item.Meta title={vehicleLabel(v)} description={<Space direction="vertical" size={4}><span>{v.kind} · {t('{n} 座', { n: v.seats })}</span>{buttons('vehicle', v)}</Space>} />
      </List.Item>
    )} />
  ) : (
    <Table<Vehicle> rowKey="id" loading={loading} dataSource={vehicles} pagination={false} onRow={() => ({ 'data-testid': 'fleet-row' }) as never}
      columns={[
        { title: t('车牌号'), dataIndex: 'plate', render: (_: unknown, v) => vehicleLabel(v) },
        { title: t('车型'), dataIndex: 'kind' },
        { title: t('座位数'), dataIndex: 'seats' },
        { title: t('状态'), dataIndex: 'active', render: (a: boolean) => state(a) },
        ...(manage ? [{ title: t('操作'), key: 'op', render: (_: unknown, v: Vehicle) => buttons('vehicle', v) }] : []),
      ]} />
  );
  const driverList = mobile ? (
    <List dataSource={drivers} loading={loading} renderItem={(d) => (
      <List.Item data-testid="fleet-row" extra={state(d.active)}>
        <List.Item.Meta title={d.name} description={<Space direction="vertical" size={4}><span>{d.phone}</span>{buttons('driver', d)}</Space>} />
      </List.Item>
    )} />
  ) : (
    <Table<Driver> rowKey="id" loading={loading} dataSource={drivers} pagination={false} onRow={() => ({ 'data-testid': 'fleet-row' }) as never}
      columns={[
        { title: t('姓名'), dataIndex: 'name' },
        { title: t('手机号'), dataIndex: 'phone' },
        { title: t('状态'), dataIndex: 'active', render: (a: boolean) => state(a) },
        ...(manage ? [{ title: t('操作'), key: 'op', render: (_: unknown, d: Driver) => buttons('driver', d) }] : []),
      ]} />
  );

  const addButtons = manage && (
    <Space wrap>
      <Button icon={<PlusOutlined />} onClick={() => open({ kind: 'vehicle', row: null })}>{t('登记车辆')}</Button>
      <Button icon={<PlusOutlined />} onClick={() => open({ kind: 'driver', row: null })}>{t('登记驾驶员')}</Button>
    </Space>
  );
  const title = editing ? t(editing.kind === 'vehicle' ? (editing.row ? '修改车辆' : '登记车辆') : (editing.row ? '修改驾驶员' : '登记驾驶员')) : '';
  return (
    <PageCard title={t('车辆和驾驶员')} extra={!mobile && addButtons}>
      {mobile && addButtons && <div style={{ marginBottom: 12 }}>{addButtons}</div>}
      <Typography.Paragraph type="secondary">{t('停用的车辆和驾驶员保留在已有行程上，不再用于派车，也不显示在车辆安排中。')}</Typography.Paragraph>
      <Tabs items={[
        { key: 'vehicles', label: t('车辆（{n}）', { n: vehicles.length }), children: vehicleList },
        { key: 'drivers', label: t('驾驶员（{n}）', { n: drivers.length }), children: driverList },
      ]} />
      <Modal open={!!editing} title={title} onCancel={() => setEditing(null)} onOk={() => form.submit()} okText={t('保存')} cancelText={t('取消')} destroyOnHidden>
        <Form form={form} name="fleetForm" layout="vertical" onFinish={save}>
          {editing?.kind === 'vehicle' ? (
            <>
              <Form.Item name="plate" label={t('车牌号')} rules={[{ required: true, message: t('请填写车牌号') }]} extra={t('如 晋D12345')}><Input maxLength={8} /></Form.Item>
              <Form.Item name="kind" label={t('车型')} rules={[{ required: true, message: t('请填写车型') }]}><Input maxLength={20} placeholder={t('轿车、商务车、中巴……')} /></Form.Item>
              <Form.Item name="seats" label={t('座位数')} rules={[{ required: true, message: t('请填写座位数') }]}><InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} /></Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="name" label={t('姓名')} rules={[{ required: true, message: t('请填写姓名') }]}><Input maxLength={50} /></Form.Item>
              <Form.Item name="phone" label={t('手机号')} rules={[{ required: true, message: t('请填写手机号') }]}><Input maxLength={11} inputMode="numeric" /></Form.Item>
            </>
          )}
          <Form.Item name="active" label={t('在用')} valuePropName="checked"><Switch /></Form.Item>
        </Form>
      </Modal>
    </PageCard>
  );
}
