/**
 * 委员之家: the registry of members' homes — county, town, convener, members and the year's activities (each opening
 * its home's activities). Staff register a home with its convener and members; staff and the home's convener edit it
 * (the convener all but who convenes), with the version they read.
 */
import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, List, Modal, Select, Space, Table, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';
import { useSession } from '../../../../kernel/web/session.tsx';
import { CosignerField } from '../../../proposals/web/pages/cosigner-picker.tsx';
import type { HomeDetail } from '../../contract.ts';
import type { ActivityOptions } from './list.tsx';

interface Home { id: string; name: string; county: string; town: string | null; place: string | null; convenerUserId: string | null; convenerName: string | null; members: number; activities: number }

export default function HomesPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const report = useReportError();
  const options = useApiQuery<ActivityOptions>('/api/activities/options');
  const { data, loading, reload } = useApiQuery<{ items: Home[]; total: number }>('/api/activities/homes');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const { me } = useSession();
  const mayEdit = (h: Home) => !!options.data?.canManage || h.convenerUserId === me?.id;
  const edit = (h: Home) => (mayEdit(h) ? <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(h.id)} data-testid={`edit-home-${h.id}`}>{t('修改')}</Button> : null);
  const [form] = Form.useForm();
  const add = async (v: Record<string, any>) => {
    try {
      const ids: string[] = v.memberIds ?? [];
      await api.post('/api/activities/homes', { name: v.name, county: v.county, town: v.town || undefined, place: v.place || undefined, lat: v.lat ?? undefined, lng: v.lng ?? undefined, convenerUserId: ids[0], memberIds: ids });
      setAdding(false); form.resetFields(); reload();
    } catch (e) { if (!applyFormErrors(form, e)) report(e); }
  };
  const link = (h: Home) => <Link to={`/activities?homeId=${encodeURIComponent(h.id)}&mine=false`}>{h.activities}</Link>;
  return (
    <PageCard title={t('委员之家')} extra={options.data?.canManage && <Button type="primary" onClick={() => setAdding(true)}>{t('登记委员之家')}</Button>}>
      {mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} renderItem={(h) => (
          <List.Item><List.Item.Meta title={h.name} description={<Space wrap size={4}><Tag>{h.county}</Tag>{h.convenerName && <span>{t('召集人')}：{h.convenerName}</span>}<span>{t('成员 {n} 人', { n: h.members })}</span><span>{t('活动')} {link(h)}</span>{edit(h)}</Space>} /></List.Item>
        )} />
      ) : (
        <Table<Home> rowKey="id" size="small" loading={loading} dataSource={data?.items ?? []} pagination={{ pageSize: 20, showTotal: (n) => t('共 {n} 个', { n }) }}
          columns={[
            { title: t('名称'), dataIndex: 'name', key: 'name' },
            { title: t('县区'), dataIndex: 'county', key: 'county', width: 100 },
            { title: t('乡镇（街道）'), dataIndex: 'town', key: 'town', width: 120 },
            { title: t('召集人'), dataIndex: 'convenerName', key: 'convenerName', width: 110 },
            { title: t('成员'), dataIndex: 'members', key: 'members', width: 80, align: 'right' },
            { title: t('活动'), key: 'activities', width: 80, align: 'right', render: (_v, h) => link(h) },
            { title: '', key: 'op', width: 90, render: (_v, h) => edit(h) },
          ]} />
      )}
      <Modal open={adding} title={t('登记委员之家')} onCancel={() => setAdding(false)} onOk={() => form.submit()} width={mobile ? undefined : 640} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={add}>
          <HomePlaceFields />
          <Form.Item name="memberIds" label={t('成员（第一位为召集人）')}><CosignerField wording="members" /></Form.Item>
        </Form>
      </Modal>
      {editing && <EditHome id={editing} onClose={() => setEditing(null)} onDone={reload} />}
    </PageCard>
  );
}

/** A 委员之家's name and place, the same when it is registered and when it is corrected. */
function HomePlaceFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="name" label={t('名称')} rules={[{ required: true, min: 2 }]}><Input maxLength={100} /></Form.Item>
      <Form.Item name="county" label={t('县区')} rules={[{ required: true }]}><Input maxLength={50} /></Form.Item>
      <Form.Item name="town" label={t('乡镇（街道）')}><Input maxLength={50} /></Form.Item>
      <Form.Item name="place" label={t('地址')}><Input maxLength={200} /></Form.Item>
      <Space.Compact block>
        <Form.Item name="lat" label={t('纬度')} style={{ width: '50%' }}><InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="lng" label={t('经度')} style={{ width: '50%' }}><InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} /></Form.Item>
      </Space.Compact>
    </>
  );
}

/** 修改委员之家: name, place, convener (staff only) and members, with the version read (stale → 409, offered a reload). */
function EditHome({ id, onClose, onDone }: { id: string; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const report = useReportError();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { data: h, reload } = useApiQuery<HomeDetail>(`/api/activities/homes/${id}`);
  const save = async (v: Record<string, any>) => {
    if (!h) return;
    try {
      await api.put(`/api/activities/homes/${id}`, {
        version: h.version, name: v.name, county: v.county, town: v.town?.trim() || null, place: v.place?.trim() || null, lat: v.lat ?? null, lng: v.lng ?? null,
        ...(h.canChangeConvener ? { convenerUserId: v.convenerUserId ?? null } : {}), memberIds: v.memberIds ?? [],
      });
      void message.success(t('已保存'));
      onClose();
      onDone();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: reload }); }
  };
  return (
    <Modal open title={t('修改委员之家')} onCancel={onClose} onOk={() => form.submit()} okText={t('保存')} width={mobile ? undefined : 640} destroyOnHidden loading={!h}>
      {h && (
        <Form form={form} layout="vertical" onFinish={save} initialValues={{ ...h, town: h.town ?? '', place: h.place ?? '', lat: h.lat ?? undefined, lng: h.lng ?? undefined, memberIds: h.memberList.map((m) => m.userId) }}>
          <HomePlaceFields />
          <Form.Item name="memberIds" label={t('成员')}><CosignerField known={h.memberList} wording="members" /></Form.Item>
          <Form.Item noStyle shouldUpdate>
            {({ getFieldValue }) => (
              <Form.Item name="convenerUserId" label={t('召集人')} extra={h.canChangeConvener ? t('召集人须为本家成员') : t('更换召集人请联系工作人员')}>
                <Select allowClear disabled={!h.canChangeConvener}
                  options={(getFieldValue('memberIds') as string[] ?? []).map((u) => ({ value: u, label: h.memberList.find((m) => m.userId === u)?.name ?? (u === h.convenerUserId ? h.convenerName : u) }))} />
              </Form.Item>
            )}
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
