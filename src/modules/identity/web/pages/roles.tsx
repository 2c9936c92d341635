/** 角色与权限: the security administrator grants permissions to roles (三员分立: admin permissions stay with admin roles). */
import { useEffect, useMemo, useState } from 'react';
import { App, Button, Checkbox, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';

interface Role { code: string; name: string; builtin: boolean; description: string | null; admin: boolean; permissions: string[]; userCount: number; actions: string[] }
interface Permission { code: string; name: string; module: string; admin: boolean; defaultRoles: string[] }

export default function RolesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const roles = useApiQuery<{ items: Role[] }>('/api/admin/roles');
  const perms = useApiQuery<{ items: Permission[] }>('/api/permissions');
  const [selected, setSelected] = useState<string>();
  const [granted, setGranted] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const role = roles.data?.items.find((r) => r.code === selected);
  useEffect(() => { setGranted(role?.permissions ?? []); }, [role]);

  const byModule = useMemo(() => {
    const m = new Map<string, Permission[]>();
    for (const p of perms.data?.items ?? []) { if (!m.has(p.module)) m.set(p.module, []); m.get(p.module)!.push(p); }
    return [...m.entries()];
  }, [perms.data]);

  const save = async () => {
    if (!role) return;
    setBusy(true);
    try {
      await api.put(`/api/admin/roles/${role.code}/permissions`, { permissions: granted });
      void message.success(t('权限已更新'));
      roles.reload();
    } catch (e) { report(e); } finally { setBusy(false); }
  };

  const editable = !!role?.actions.includes('setPermissions');
  return (
    <Row gutter={[16, 0]}>
      <Col xs={24} md={9}>
        <PageCard title={t('角色')} loading={roles.loading}>
          <List
            dataSource={roles.data?.items ?? []}
            renderItem={(r) => (
              <List.Item onClick={() => setSelected(r.code)} style={{ cursor: 'pointer', paddingInline: 8, background: r.code === selected ? 'rgba(29,78,137,0.08)' : undefined }}
                extra={<Tag>{t('{n} 人', { n: r.userCount })}</Tag>}>
                <List.Item.Meta title={<button type="button" onClick={() => setSelected(r.code)} style={{ all: 'unset', cursor: 'pointer' }}>{r.name}{r.admin && <Tag color="purple" style={{ marginInlineStart: 8 }}>{t('管理员')}</Tag>}</button>} description={r.code} />
              </List.Item>
            )}
          />
        </PageCard>
      </Col>
      <Col xs={24} md={15}>
        <PageCard title={role ? t('「{name}」的权限', { name: role.name }) : t('权限')} extra={role && editable && <Button type="primary" loading={busy} onClick={() => void save()}>{t('保存')}</Button>}>
          {!role ? <Empty description={t('在左侧选择一个角色')} /> : (
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              {byModule.map(([mod, list]) => (
                <div key={mod}>
                  <Typography.Title level={5} style={{ marginTop: 0 }}>{mod}</Typography.Title>
                  <Checkbox.Group value={granted} onChange={(v) => setGranted(v as string[])} disabled={!editable}
                    options={list.map((p) => ({ value: p.code, label: <span>{p.name} <Typography.Text type="secondary">{p.code}</Typography.Text></span>, disabled: p.admin !== role.admin }))} />
                </div>
              ))}
            </Space>
          )}
        </PageCard>
      </Col>
    </Row>
  );
}
