/** The signed-in admin layout: side menu filtered by permission (a drawer on phones), header, breadcrumb, content. */
import { useEffect, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import { Breadcrumb, Button, Drawer, Dropdown, Layout, Menu, Space, Tooltip, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import { FontSizeOutlined, GlobalOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { useI18n, locales, type Locale } from './i18n.tsx';
import { useSession } from './session.tsx';
import { useIsMobile } from './hooks.ts';
import { visibleMenu, type WebMenuItem } from './manifest.ts';

export interface MenuGroup { label: string; icon?: ReactNode; order?: number }

export interface AppLayoutProps {
  brand: string;
  menu: WebMenuItem[];
  groups: Record<string, MenuGroup>;
  headerWidgets: ComponentType[];
  /** notices above every page (the modules' banners) */
  banners?: ComponentType[];
}

function matchMenu(items: WebMenuItem[], pathname: string): WebMenuItem | undefined {
  let best: WebMenuItem | undefined;
  for (const m of items) {
    const hit = m.path === '/' ? pathname === '/' : pathname === m.path || pathname.startsWith(m.path + '/');
    if (hit && (!best || m.path.length > best.path.length)) best = m;
  }
  return best;
}

export function AppLayout({ brand, menu, groups, headerWidgets, banners = [] }: AppLayoutProps) {
  const { me, preferences, updatePreferences, logout } = useSession();
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const matches = useMatches();
  const { token } = theme.useToken();

  const visible = useMemo(() => visibleMenu(menu, me?.permissions ?? []), [menu, me]);
  const current = matchMenu(visible, location.pathname);

  const items: MenuProps['items'] = useMemo(() => {
    const out: NonNullable<MenuProps['items']> = [];
    const byGroup = new Map<string, NonNullable<MenuProps['items']>>();
    const groupOrder: string[] = [];
    for (const m of visible) {
      const entry = { key: m.key, icon: m.icon, label: <Link to={m.path}>{t(m.label)}</Link> };
      if (!m.group) { out.push(entry); continue; }
      if (!byGroup.has(m.group)) { byGroup.set(m.group, []); groupOrder.push(m.group); }
      byGroup.get(m.group)!.push(entry);
    }
    for (const g of groupOrder.sort((a, b) => (groups[a]?.order ?? 100) - (groups[b]?.order ?? 100))) {
      out.push({ key: 'group:' + g, icon: groups[g]?.icon, label: t(groups[g]?.label ?? g), children: byGroup.get(g) });
    }
    return out;
  }, [visible, groups, t]);

  // the group of the page on screen is open, whenever the page changes or the menu arrives after the page; groups the
  // person opened stay open
  const currentGroup = current?.group ? 'group:' + current.group : undefined;
  const [openGroups, setOpenGroups] = useState<string[]>(currentGroup ? [currentGroup] : []);
  useEffect(() => {
    if (currentGroup) setOpenGroups((open) => (open.includes(currentGroup) ? open : [...open, currentGroup]));
  }, [currentGroup]);
  const crumbs: Array<{ title: ReactNode }> = [{ title: <Link to="/">{t('首页')}</Link> }];
  if (current && current.path !== '/') {
    if (current.group) crumbs.push({ title: t(groups[current.group]?.label ?? current.group) });
    crumbs.push({ title: current.path === location.pathname ? t(current.label) : <Link to={current.path}>{t(current.label)}</Link> });
  }
  for (const m of matches) {
    const crumb = (m.handle as { crumb?: string } | undefined)?.crumb;
    if (crumb && crumb !== current?.label) crumbs.push({ title: t(crumb) });
  }

  const roleName = me?.roles?.[0]?.name ? t(me.roles[0].name) : '';
  const sideMenu = (
    <Menu
      mode="inline"
      selectedKeys={current ? [current.key] : []}
      openKeys={openGroups}
      onOpenChange={setOpenGroups}
      items={items}
      onClick={() => setDrawerOpen(false)}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  const userMenu: MenuProps = {
    items: [
      { key: 'profile', icon: <UserOutlined />, label: t('个人设置') },
      { type: 'divider' },
      ...locales.map((l) => ({ key: 'locale:' + l.value, icon: <GlobalOutlined />, label: l.label + (preferences.locale === l.value ? ' ✓' : '') })),
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: t('退出登录'), danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'profile') navigate('/profile');
      else if (key === 'logout') void logout();
      else if (key.startsWith('locale:')) void updatePreferences({ locale: key.slice(7) as Locale });
    },
  };

  const brandBlock = (
    <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 8, color: 'inherit', textDecoration: 'none', minWidth: 0 }}>
      <span aria-hidden style={{ width: 28, height: 28, borderRadius: 6, background: token.colorPrimary, color: '#fff', display: 'inline-flex', alignItems: 'center', justifyContent: 'center', fontWeight: 700, flex: 'none' }}>政</span>
      <span style={{ fontWeight: 600, fontSize: token.fontSizeLG, whiteSpace: 'nowrap' }}>{t(brand)}</span>
    </Link>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!mobile && (
        <Layout.Sider width={232} theme="light" style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }} aria-label={t('主菜单')}>
          <div style={{ height: 64, display: 'flex', alignItems: 'center', padding: '0 20px' }}>{brandBlock}</div>
          <nav aria-label={t('主菜单')}>{sideMenu}</nav>
        </Layout.Sider>
      )}
      {mobile && (
        <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" size={280} title={brandBlock} styles={{ body: { padding: 0 } }}>
          <nav aria-label={t('主菜单')}>{sideMenu}</nav>
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: token.colorBgContainer, padding: mobile ? '0 8px' : '0 24px', display: 'flex', alignItems: 'center',
            justifyContent: 'space-between', gap: 8, borderBottom: `1px solid ${token.colorBorderSecondary}`, position: 'sticky', top: 0, zIndex: 10, lineHeight: 'normal',
          }}
        >
          <Space size={8} style={{ minWidth: 0 }}>
            {mobile && <Button type="text" size="large" icon={<MenuOutlined />} aria-label={t('打开菜单')} onClick={() => setDrawerOpen(true)} />}
            {mobile ? <span style={{ fontWeight: 600 }}>{t(brand)}</span> : (
              <Typography.Text strong ellipsis style={{ maxWidth: 360 }} data-testid="org-name">{me?.orgName ?? me?.tenantName ?? ''}</Typography.Text>
            )}
          </Space>
          <Space size={mobile ? 0 : 8} style={{ flex: 'none' }}>
            {headerWidgets.map((W, i) => <W key={i} />)}
            <Tooltip title={preferences.largeText ? t('切换为标准字号') : t('切换为大字模式（适老化）')}>
              <Button
                type={preferences.largeText ? 'primary' : 'text'}
                size="large"
                icon={<FontSizeOutlined />}
                aria-pressed={preferences.largeText}
                aria-label={t('大字模式')}
                data-testid="large-text-toggle"
                onClick={() => void updatePreferences({ largeText: !preferences.largeText })}
              >
                {mobile ? null : t('大字')}
              </Button>
            </Tooltip>
            {!mobile && (
              <Dropdown menu={{ items: locales.map((l) => ({ key: l.value, label: l.label })), onClick: ({ key }) => void updatePreferences({ locale: key as Locale }) }}>
                <Button type="text" size="large" icon={<GlobalOutlined />} aria-label={t('切换语言')}>{locales.find((l) => l.value === preferences.locale)?.label}</Button>
              </Dropdown>
            )}
            <Dropdown menu={userMenu} trigger={['click']}>
              <Button type="text" size="large" icon={<UserOutlined />} aria-label={t('用户菜单')} data-testid="user-menu">
                {mobile ? null : (
                  <span data-testid="user-name">{me?.displayName}{roleName ? <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>{roleName}</Typography.Text> : null}</span>
                )}
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: mobile ? 12 : 24, minWidth: 0 }}>
          <Breadcrumb items={crumbs} style={{ marginBottom: 12 }} />
          {banners.map((B, i) => <B key={i} />)}
          <div id="main-content">
            <Outlet />
          </div>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', padding: '12px 24px', color: token.colorTextSecondary }}>{t('智慧政协')} · {me?.tenantName ?? ''}</Layout.Footer>
      </Layout>
    </Layout>
  );
}
