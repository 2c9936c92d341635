/**
 * 委员档案: one member's registry record in tabs — 基本信息 (界别, 党派, unit, contact details as the viewer may see them,
 * 专长, 关注领域), 任职与职务 (each term with joining, leaving and why, 常委, posts; 专委会 with their posts) and 联络记录
 * (the staff's visits, calls and talks). Staff who keep the registry edit each tab under the record's version; the
 * member sees their own record read-only (/members/me/registry).
 */
import { useState } from 'react';
import { App, Button, Checkbox, Col, DatePicker, Descriptions, Empty, Form, Input, List, Modal, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useParams } from 'react-router';
import {
  committeeRoles, contactKindLabels, contactKinds, leaveReasons, termPosts,
  type ContactLogEntry, type MemberTerm, type RegistryRecord,
} from '../../../organizations/contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';
import { clock } from '../../../../kernel/universal/clock.ts';

interface Named { id: string; name: string }
const day = (d: dayjs.Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export default function RegistryMemberPage() {
  const { t } = useI18n();
  const { userId } = useParams();
  const self = !userId;
  const url = self ? '/api/members/me/registry' : `/api/members/registry/${encodeURIComponent(userId)}`;
  const { data, loading, error, reload } = useApiQuery<RegistryRecord>(url);
  const title = self ? t('我的委员档案') : data ? t('{name}的委员档案', { name: data.name }) : t('委员档案');
  const tabs = data ? [
    { key: 'basic', label: t('基本信息'), children: <BasicTab r={data} onSaved={reload} /> },
    { key: 'terms', label: t('任职与职务'), children: <TermsTab r={data} onSaved={reload} /> },
    ...(data.actions.includes('readContacts') ? [{ key: 'contacts', label: t('联络记录'), children: <ContactsTab r={data} /> }] : []),
  ] : [];
  return (
    <PageCard title={title} loading={loading && !data}>
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      {data && (
        <>
          <Space size={8} wrap style={{ marginBottom: 8 }}>
            <Typography.Text strong style={{ fontSize: 18 }}>{data.name}</Typography.Text>
            <Tag>{data.tenantName}</Tag>
            {data.termLabel && <Tag color="blue">{data.termLabel}</Tag>}
            {data.posts.map((p) => <Tag key={p} color="geekblue">{p}</Tag>)}
            {!data.active && <Tag color="default">{t('已离任')}</Tag>}
          </Space>
          <Tabs items={tabs} data-testid="registry-tabs" />
        </>
      )}
    </PageCard>
  );
}

function BasicTab({ r, onSaved }: { r: RegistryRecord; onSaved: () => void }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const report = useReportError();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  const groups = useApiQuery<{ sectors: Named[]; committees: Named[] }>(editing ? '/api/members/search/groups' : null);
  const save = async (v: Record<string, any>) => {
    const body: Record<string, unknown> = {
      version: r.version, gender: v.gender ?? null, sectorId: v.sectorId ?? null, party: v.party || null, workplace: v.workplace || null,
      skills: v.skills ?? [], fields: v.fields ?? [],
    };
    // masked contact details are not the viewer's to change
    if (!r.contactsMasked) Object.assign(body, { phone: v.phone || null, email: v.email || null, address: v.address || null });
    try {
      await api.patch(`/api/members/registry/${r.userId}`, body);
      void message.success(t('已保存'));
      setEditing(false);
      onSaved();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: onSaved }); }
  };
  const tags = (xs: string[]) => (xs.length ? <Space size={4} wrap>{xs.map((x) => <Tag key={x}>{x}</Tag>)}</Space> : '—');
  return (
    <>
      {r.actions.includes('edit') && <Button icon={<EditOutlined />} style={{ marginBottom: 12 }} onClick={() => { form.setFieldsValue(r); setEditing(true); }} data-testid="edit-basic">{t('编辑基本信息')}</Button>}
      <Descriptions bordered size="small" column={mobile ? 1 : 2}>
        <Descriptions.Item label={t('姓名')}>{r.name}</Descriptions.Item>
        <Descriptions.Item label={t('用户名')}>{r.username}</Descriptions.Item>
        <Descriptions.Item label={t('性别')}>{r.gender ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('界别')}>{r.sectorName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('党派')}>{r.party ?? t('无党派')}</Descriptions.Item>
        <Descriptions.Item label={t('工作单位及职务')}>{r.workplace ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('联系电话')}><span data-testid="member-phone">{r.phone ?? '—'}</span></Descriptions.Item>
        <Descriptions.Item label={t('电子邮箱')}>{r.email ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('通讯地址')} span={mobile ? 1 : 2}>{r.address ?? '—'}{r.contactsMasked && <Typography.Text type="secondary">（{t('联系方式已隐去部分内容')}）</Typography.Text>}</Descriptions.Item>
        <Descriptions.Item label={t('专长')}>{tags(r.skills)}</Descriptions.Item>
        <Descriptions.Item label={t('关注领域')}>{tags(r.fields)}</Descriptions.Item>
      </Descriptions>
      <Modal open={editing} title={t('编辑基本信息')} onCancel={() => setEditing(false)} onOk={() => form.submit()} okText={t('保存')} destroyOnHidden width={640}>
        <Form form={form} layout="vertical" onFinish={save}>
          <Row gutter={12}>
            <Col xs={24} sm={8}><Form.Item name="gender" label={t('性别')}><Select allowClear options={[{ value: '男', label: t('男') }, { value: '女', label: t('女') }]} /></Form.Item></Col>
            <Col xs={24} sm={8}><Form.Item name="sectorId" label={t('界别')}><Select allowClear showSearch optionFilterProp="label" options={(groups.data?.sectors ?? []).map((s) => ({ value: s.id, label: s.name }))} /></Form.Item></Col>
            <Col xs={24} sm={8}><Form.Item name="party" label={t('党派')}><Input maxLength={40} /></Form.Item></Col>
          </Row>
          <Form.Item name="workplace" label={t('工作单位及职务')}><Input maxLength={100} /></Form.Item>
          {!r.contactsMasked && (
            <Row gutter={12}>
              <Col xs={24} sm={12}><Form.Item name="phone" label={t('联系电话')}><Input maxLength={20} /></Form.Item></Col>
              <Col xs={24} sm={12}><Form.Item name="email" label={t('电子邮箱')}><Input maxLength={100} /></Form.Item></Col>
              <Col span={24}><Form.Item name="address" label={t('通讯地址')}><Input maxLength={200} /></Form.Item></Col>
            </Row>
          )}
          <Form.Item name="skills" label={t('专长')}><Select mode="tags" tokenSeparators={['、', ',', '，']} /></Form.Item>
          <Form.Item name="fields" label={t('关注领域')}><Select mode="tags" tokenSeparators={['、', ',', '，']} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function TermsTab({ r, onSaved }: { r: RegistryRecord; onSaved: () => void }) {
  const { t } = useI18n();
  const report = useReportError();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  const groups = useApiQuery<{ sectors: Named[]; committees: Named[] }>(editing ? '/api/members/search/groups' : null);
  const terms = useApiQuery<{ items: Array<{ termNo: number; label: string }> }>(editing ? '/api/members/registry/terms' : null);
  const open = () => {
    form.setFieldsValue({
      terms: r.terms.map((x) => ({ ...x, joinedOn: dayjs(x.joinedOn), leftOn: x.leftOn ? dayjs(x.leftOn) : null })),
      committees: r.committees.map((c) => ({ committeeId: c.id, role: c.role })),
    });
    setEditing(true);
  };
  const save = async (v: { terms: Array<Record<string, any>>; committees?: Array<{ committeeId: string; role: string }> }) => {
    try {
      await api.patch(`/api/members/registry/${r.userId}`, {
        version: r.version, committees: v.committees ?? [],
        terms: v.terms.map((x) => ({ termNo: x.termNo, joinedOn: day(x.joinedOn), leftOn: day(x.leftOn), leftReason: x.leftReason ?? null, standing: !!x.standing, posts: x.posts ?? [] })),
      });
      void message.success(t('已保存'));
      setEditing(false);
      onSaved();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: onSaved }); }
  };
  // terms offered: those on record, the current one and the next
  const termOptions = [...new Map([...(terms.data?.items ?? []), ...r.terms].map((x) => [x.termNo, x.label])).entries()].map(([value, label]) => ({ value, label }));
  return (
    <>
      {r.actions.includes('edit') && <Button icon={<EditOutlined />} style={{ marginBottom: 12 }} onClick={open} data-testid="edit-terms">{t('编辑任职与职务')}</Button>}
      <Table<MemberTerm> rowKey="termNo" size="small" pagination={false} dataSource={r.terms} scroll={{ x: 'max-content' }} data-testid="terms-table" columns={[
        { title: t('届次'), dataIndex: 'label', key: 'label', width: 80 },
        { title: t('职务'), dataIndex: 'posts', key: 'posts', render: (ps: string[]) => <Space size={4} wrap>{ps.map((p) => <Tag key={p}>{p}</Tag>)}</Space> },
        { title: t('常委'), dataIndex: 'standing', key: 'standing', width: 60, render: (v) => (v ? t('是') : t('否')) },
        { title: t('任职日期'), dataIndex: 'joinedOn', key: 'joinedOn', width: 110 },
        { title: t('离任日期'), dataIndex: 'leftOn', key: 'leftOn', width: 110, render: (v) => v ?? '—' },
        { title: t('离任原因'), dataIndex: 'leftReason', key: 'leftReason', width: 110, render: (v) => v ?? '—' },
      ]} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('专委会')}</Typography.Title>
      {r.committees.length ? <Space size={[6, 6]} wrap>{r.committees.map((c) => <Tag key={c.id} color="blue">{c.name} · {c.role}</Tag>)}</Space> : <Typography.Text type="secondary">{t('未参加专委会')}</Typography.Text>}
      <Modal open={editing} title={t('编辑任职与职务')} onCancel={() => setEditing(false)} onOk={() => form.submit()} okText={t('保存')} destroyOnHidden width={760}>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.List name="terms">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row key={f.key} gutter={8} align="top" style={{ borderBottom: '1px dashed #eee', marginBottom: 8 }}>
                    <Col xs={12} sm={4}><Form.Item name={[f.name, 'termNo']} label={t('届次')} rules={[{ required: true, message: t('请选择届次') }]}><Select options={termOptions} /></Form.Item></Col>
                    <Col xs={12} sm={8}><Form.Item name={[f.name, 'posts']} label={t('职务')}><Select mode="multiple" options={termPosts.map((p) => ({ value: p, label: p }))} data-testid="term-posts" /></Form.Item></Col>
                    <Col xs={12} sm={4}><Form.Item name={[f.name, 'standing']} label={t('常委')} valuePropName="checked"><Checkbox data-testid="term-standing">{t('常委')}</Checkbox></Form.Item></Col>
                    <Col xs={12} sm={7}><Form.Item name={[f.name, 'joinedOn']} label={t('任职日期')} rules={[{ required: true, message: t('请选择任职日期') }]}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
                    <Col xs={2} sm={1}><MinusCircleOutlined style={{ marginTop: 36 }} onClick={() => remove(f.name)} /></Col>
                    <Col xs={12} sm={{ span: 7, offset: 8 }}><Form.Item name={[f.name, 'leftOn']} label={t('离任日期')}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
                    <Col xs={12} sm={8}><Form.Item name={[f.name, 'leftReason']} label={t('离任原因')}><Select allowClear options={leaveReasons.map((x) => ({ value: x, label: x }))} /></Form.Item></Col>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ posts: ['委员'], standing: false })}>{t('添加一届任职')}</Button>
              </>
            )}
          </Form.List>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('专委会')}</Typography.Title>
          <Form.List name="committees">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item name={[f.name, 'committeeId']} rules={[{ required: true, message: t('请选择专委会') }]}><Select style={{ width: 220 }} options={(groups.data?.committees ?? []).map((c) => ({ value: c.id, label: c.name }))} /></Form.Item>
                    <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: t('请选择职务') }]}><Select style={{ width: 110 }} options={committeeRoles.map((x) => ({ value: x, label: x }))} /></Form.Item>
                    <MinusCircleOutlined style={{ marginTop: 8 }} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <div><Button icon={<PlusOutlined />} onClick={() => add({ role: '委员' })}>{t('添加专委会')}</Button></div>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}

function ContactsTab({ r }: { r: RegistryRecord }) {
  const { t } = useI18n();
  const report = useReportError();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const { data, loading, reload } = useApiQuery<{ items: ContactLogEntry[] }>(`/api/members/registry/${r.userId}/contacts`);
  const save = async (v: { kind: string; contactOn: dayjs.Dayjs; notes: string }) => {
    try {
      await api.post(`/api/members/registry/${r.userId}/contacts`, { kind: v.kind, contactOn: day(v.contactOn), notes: v.notes });
      void message.success(t('已记录'));
      setAdding(false);
      form.resetFields();
      reload();
    } catch (e) { if (!applyFormErrors(form, e)) report(e); }
  };
  return (
    <>
      {r.actions.includes('addContact') && <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setAdding(true)} data-testid="add-contact">{t('新增联络记录')}</Button>}
      <List loading={loading} dataSource={data?.items ?? []} locale={{ emptyText: <Empty description={t('暂无联络记录')} /> }} data-testid="contact-log"
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta title={<Space size={8} wrap><Tag color="blue">{t(c.kindLabel)}</Tag><span>{c.contactOn}</span><Typography.Text type="secondary">{c.staffName}</Typography.Text></Space>}
              description={<Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{c.notes}</Typography.Paragraph>} />
          </List.Item>
        )} />
      <Modal open={adding} title={t('新增联络记录')} onCancel={() => setAdding(false)} onOk={() => form.submit()} okText={t('保存')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save} initialValues={{ kind: 'visit', contactOn: dayjs(clock.today()) }}>
          <Form.Item name="kind" label={t('联络方式')} rules={[{ required: true }]}><Select options={contactKinds.map((k) => ({ value: k, label: t(contactKindLabels[k]) }))} data-testid="contact-kind" /></Form.Item>
          <Form.Item name="contactOn" label={t('联络日期')} rules={[{ required: true, message: t('请选择联络日期') }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="notes" label={t('联络内容')} rules={[{ required: true, message: t('请填写联络内容') }]}><Input.TextArea rows={4} maxLength={2000} data-testid="contact-notes" /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
