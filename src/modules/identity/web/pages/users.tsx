/**
 * 用户管理 (system administrator): filter and page through users, create and edit them in a drawer, reset passwords.
 * 用户授权 (security administrator, the same page): set roles (三员分立: only the security administrator grants roles),
 * and the sign-in waits in force (登录锁定) with 解除锁定.
 */
import { useMemo, useState } from 'react';
import { App, Button, Drawer, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import type { LoginLock, RoleOption, UserSummary } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { OrgTreeSelect } from '../../../organizations/web/org-select.tsx';

interface Filters { q?: string; orgId?: string; role?: string }
type Editing = { mode: 'create' } | { mode: 'edit'; user: UserSummary };

export default function UsersPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const report = useReportError();
  const mobile = useIsMobile();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { data, loading, reload } = useApiQuery<{ items: UserSummary[]; total: number }>('/api/admin/users', { ...filters, ...paging });
  // the roles the kernel and the modules declare (the server's catalogue)
  const roleCatalogue = useApiQuery<{ items: RoleOption[] }>('/api/admin/role-options');
  const roleOptions = useMemo(() => (roleCatalogue.data?.items ?? []).map((r) => ({ value: r.code, label: t(r.name) })), [roleCatalogue.data, t]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [rolesFor, setRolesFor] = useState<UserSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const [rolesForm] = Form.useForm();
  const [filterForm] = Form.useForm<Filters>();
  const { can } = useSession();
  const manageUsers = can('user.manage');
  const grantRoles = can('role.manage');
  const locks = useApiQuery<{ items: LoginLock[] }>(can('login.unlock') ? '/api/admin/login-locks' : null);

  const open = (e: Editing) => {
    form.resetFields();
    setEditing(e);
    if (e.mode === 'edit') form.setFieldsValue({ displayName: e.user.displayName, orgId: e.user.orgId, email: e.user.email, phone: e.user.phone, active: e.user.active });
  };

  const save = async (v: Record<string, any>) => {
    if (!editing) return;
    setBusy(true);
    try {
      if (editing.mode === 'create') {
        await api.post('/api/admin/users', {
          username: v.username, displayName: v.displayName, orgId: v.orgId, password: v.password,
          roles: (v.roles ?? []).map((code: string) => ({ code })), email: v.email || undefined, phone: v.phone || undefined,
        });
      } else {
        await api.patch(`/api/admin/users/${editing.user.id}`, { version: editing.user.version, displayName: v.displayName, orgId: v.orgId, email: v.email || null, phone: v.phone || null, active: v.active });
      }
      void message.success(t('已保存'));
      setEditing(null);
      reload();
    } catch (e) {
      if (!applyFormErrors(form, e)) report(e, { onReload: () => { setEditing(null); reload(); } });
    } finally {
      setBusy(false);
    }
  };

  const resetPassword = (u: UserSummary) => modal.confirm({
    title: t('重置「{name}」的密码？', { name: u.displayName }),
    content: t('系统将生成临时密码，用户下次登录时须修改。'),
    okText: t('重置密码'), cancelText: t('取消'),
    onOk: async () => {
      try {
        const r = await api.post<{ temporaryPassword: string }>(`/api/admin/users/${u.id}/reset-password`, {});
        modal.success({ title: t('临时密码'), content: <Typography.Paragraph copyable code style={{ fontSize: 18 }}>{r.temporaryPassword}</Typography.Paragraph> });
        reload();
      } catch (e) { report(e); }
    },
  });

  const unlock = async (u: UserSummary) => {
    try { await api.post(`/api/admin/users/${u.id}/unlock`, {}); void message.success(t('已解除锁定')); reload(); locks.reload(); } catch (e) { report(e); }
  };

  const lift = async (l: LoginLock) => {
    try { await api.post('/api/admin/login-locks/lift', { username: l.username, ip: l.ip }); void message.success(t('已解除锁定')); locks.reload(); reload(); } catch (e) { report(e); }
  };

  const saveRoles = async (v: { roles: string[] }) => {
    if (!rolesFor) return;
    setBusy(true);
    try {
      await api.put(`/api/admin/users/${rolesFor.id}/roles`, { roles: v.roles.map((code) => ({ code, orgId: rolesFor.orgId })) });
      void message.success(t('角色已更新'));
      setRolesFor(null);
      reload();
    } catch (e) {
      if (!applyFormErrors(rolesForm, e)) report(e);
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<UserSummary> = useMemo(() => [
    { title: t('姓名'), dataIndex: 'displayName', key: 'displayName', render: (v, u) => <Space orientation="vertical" size={0}><span>{v}</span><Typography.Text type="secondary">{u.username}</Typography.Text></Space> },
    { title: t('所属组织'), dataIndex: 'orgName', key: 'orgName', responsive: ['md'] },
    { title: t('角色'), key: 'roles', render: (_v, u) => u.roles.map((r) => <Tag key={r.code + r.orgId}>{t(r.name)}</Tag>) },
    { title: t('状态'), key: 'state', render: (_v, u) => <Space wrap size={4}>
      {u.active ? <Tag color="green">{t('启用')}</Tag> : <Tag>{t('停用')}</Tag>}
      {u.locked && <Tag color="red">{t('已锁定')}</Tag>}
      {u.totpEnabled && <Tag color="blue">{t('双因素')}</Tag>}
    </Space> },
    { title: t('创建时间'), dataIndex: 'createdAt', key: 'createdAt', responsive: ['lg'], render: (v) => formatDateTime(v) },
    { title: t('操作'), key: 'actions', render: (_v, u) => <Space wrap size={0}>
      {u.actions.includes('edit') && <Button type="link" onClick={() => open({ mode: 'edit', user: u })}>{t('编辑')}</Button>}
      {u.actions.includes('setRoles') && <Button type="link" onClick={() => { rolesForm.setFieldsValue({ roles: u.roles.map((r) => r.code) }); setRolesFor(u); }}>{t('设置角色')}</Button>}
      {u.actions.includes('resetPassword') && <Button type="link" onClick={() => resetPassword(u)}>{t('重置密码')}</Button>}
      {u.actions.includes('unlock') && u.locked && <Button type="link" onClick={() => void unlock(u)}>{t('解除锁定')}</Button>}
    </Space> },
  ], [t]);

  return (
    <>
    {locks.data && (
      <PageCard title={t('登录锁定')} extra={<Typography.Text type="secondary">{t('同一用户名在同一来源地址连续登录失败后须等待，每多失败一次等待加倍')}</Typography.Text>}>
        <Table<LoginLock>
          rowKey={(l) => `${l.username}@${l.ip}`} dataSource={locks.data.items} loading={locks.loading} size="small" pagination={false} scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('当前没有登录锁定') }}
          columns={[
            { title: t('用户名'), key: 'username', render: (_v, l) => <Space orientation="vertical" size={0}><span>{l.username}</span>{l.displayName ? <Typography.Text type="secondary">{l.displayName}</Typography.Text> : <Typography.Text type="secondary">{t('不是本系统的账号')}</Typography.Text>}</Space> },
            { title: t('来源地址'), dataIndex: 'ip', key: 'ip' },
            { title: t('失败次数'), dataIndex: 'failures', key: 'failures' },
            { title: t('锁定至'), dataIndex: 'blockedUntil', key: 'blockedUntil', render: (v) => formatDateTime(v) },
            { title: t('操作'), key: 'actions', render: (_v, l) => <Button type="link" onClick={() => void lift(l)}>{t('解除锁定')}</Button> },
          ]}
        />
      </PageCard>
    )}
    <PageCard title={manageUsers ? t('用户管理') : t('用户授权')} extra={manageUsers && <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ mode: 'create' })}>{t('新建用户')}</Button>}>
      <Form form={filterForm} layout={mobile ? 'vertical' : 'inline'} onFinish={(v) => { setFilters(v); setPaging((p) => ({ ...p, page: 1 })); }} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="q" label={t('关键词')}><Input placeholder={t('姓名或用户名')} allowClear /></Form.Item>
        <Form.Item name="orgId" label={t('组织')} style={{ minWidth: 240 }}><OrgTreeSelect allowClear /></Form.Item>
        <Form.Item name="role" label={t('角色')} style={{ minWidth: 200 }}><Select allowClear options={roleOptions} placeholder={t('全部角色')} /></Form.Item>
        <Form.Item><Space><Button type="primary" htmlType="submit">{t('查询')}</Button><Button onClick={() => { filterForm.resetFields(); setFilters({}); }}>{t('重置')}</Button></Space></Form.Item>
      </Form>
      <Table<UserSummary>
        rowKey="id" columns={columns} dataSource={data?.items ?? []} loading={loading} size={mobile ? 'small' : 'middle'}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('共 {n} 条', { n }), onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
        scroll={{ x: 'max-content' }}
      />
      <Drawer open={!!editing} onClose={() => setEditing(null)} size={mobile ? '100%' : 480} destroyOnHidden title={editing?.mode === 'create' ? t('新建用户') : t('编辑用户')}
        extra={<Button type="primary" loading={busy} onClick={() => form.submit()}>{t('保存')}</Button>}>
        <Form form={form} layout="vertical" onFinish={save}>
          {editing?.mode === 'create' && <Form.Item name="username" label={t('用户名')} rules={[{ required: true, message: t('请输入用户名') }]}><Input autoComplete="off" /></Form.Item>}
          <Form.Item name="displayName" label={t('姓名')} rules={[{ required: true, message: t('请输入姓名') }]}><Input maxLength={50} /></Form.Item>
          <Form.Item name="orgId" label={t('所属组织')} rules={[{ required: true, message: t('请选择所属组织') }]}><OrgTreeSelect /></Form.Item>
          {editing?.mode === 'create' && (
            <>
              <Form.Item name="password" label={t('初始密码')} rules={[{ required: true, message: t('请输入初始密码') }]} extra={t('至少 10 位，包含大写字母、小写字母、数字、符号中的至少三类。')}><Input.Password autoComplete="new-password" /></Form.Item>
              {grantRoles
                ? <Form.Item name="roles" label={t('角色')}><Select mode="multiple" options={roleOptions} /></Form.Item>
                : <Typography.Paragraph type="secondary">{t('角色由安全管理员授予（三员分立）：建立账号后，请安全管理员在「用户授权」中设置角色。')}</Typography.Paragraph>}
            </>
          )}
          <Form.Item name="email" label={t('电子邮箱')}><Input type="email" /></Form.Item>
          <Form.Item name="phone" label={t('手机号码')}><Input inputMode="tel" /></Form.Item>
          {editing?.mode === 'edit' && <Form.Item name="active" label={t('启用')} valuePropName="checked"><Switch /></Form.Item>}
        </Form>
      </Drawer>
      <Modal open={!!rolesFor} title={t('设置「{name}」的角色', { name: rolesFor?.displayName ?? '' })} onCancel={() => setRolesFor(null)} onOk={() => rolesForm.submit()} okButtonProps={{ loading: busy }} okText={t('保存')} cancelText={t('取消')} destroyOnHidden>
        <Form form={rolesForm} layout="vertical" onFinish={saveRoles}>
          <Form.Item name="roles" label={t('角色')} extra={t('管理员角色（三员）不能与业务角色同时授予一个用户。')}><Select mode="multiple" options={roleOptions} /></Form.Item>
        </Form>
      </Modal>
    </PageCard>
    </>
  );
}
