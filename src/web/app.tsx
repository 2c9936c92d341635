// The root component: session, theme (standard or 适老化), locale, router with the signed-in layout and public pages.
import { useEffect, useMemo, type ReactNode } from 'react';
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createBrowserRouter, Navigate, RouterProvider, useLocation, useNavigate } from 'react-router';
import { SessionProvider, useSession } from '../kernel/web/session.tsx';
import { I18nProvider, useI18n, type Locale } from '../kernel/web/i18n.tsx';
import { AppLayout } from '../kernel/web/layout.tsx';
import { RequirePermission } from '../kernel/web/components.tsx';
import { connectEvents, disconnectEvents } from '../kernel/web/events.ts';
import { useIsMobile, usePrefersReducedMotion } from '../kernel/web/hooks.ts';
import { largeTextTheme, standardTheme } from './theme.ts';
import { headerWidgets, menu, menuGroups, publicRoutes, routes } from './modules.ts';

function RequireSession({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  useEffect(() => {
    if (me && !me.mustEnrollTotp) connectEvents();
    if (!me) disconnectEvents();
  }, [me]);
  if (loading) return <div className="zx-boot"><Spin size="large" /></div>;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.mustEnrollTotp) return <Navigate to="/totp-setup" replace />;
  return <>{children}</>;
}

function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return <Result status="404" title={t('页面不存在')} extra={<Button type="primary" onClick={() => navigate('/')}>{t('返回首页')}</Button>} />;
}

const router = createBrowserRouter([
  ...publicRoutes.map((r) => ({ path: r.path, element: r.element })),
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout brand="智慧政协" menu={menu} groups={menuGroups} headerWidgets={headerWidgets} />
      </RequireSession>
    ),
    children: [
      ...routes.map((r) => ({
        ...(r.path === '/' ? { index: true as const } : { path: r.path.replace(/^\//, '') }),
        element: <RequirePermission permission={r.permission}>{r.element}</RequirePermission>,
        handle: { crumb: r.crumb },
      })),
      { path: '*', element: <NotFound /> },
    ],
  },
]);

function goToLogin() {
  const here = window.location.pathname + window.location.search;
  if (window.location.pathname.startsWith('/login')) return;
  void router.navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
}

function Themed() {
  const { preferences, updatePreferences } = useSession();
  const mobile = useIsMobile();
  const reducedMotion = usePrefersReducedMotion();
  const locale: Locale = preferences.locale;
  const theme = useMemo(() => {
    const base = preferences.largeText ? largeTextTheme(mobile) : standardTheme(mobile);
    // no animations for those who asked their system for less motion
    return reducedMotion ? { ...base, token: { ...base.token, motion: false } } : base;
  }, [preferences.largeText, mobile, reducedMotion]);
  useEffect(() => {
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = locale;
    document.documentElement.dataset.largeText = preferences.largeText ? 'true' : 'false';
  }, [locale, preferences.largeText]);
  return (
    <I18nProvider locale={locale} onChange={(l) => void updatePreferences({ locale: l })}>
      <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={theme}>
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </I18nProvider>
  );
}

export function Root() {
  return (
    <SessionProvider onSignedOut={goToLogin}>
      <Themed />
    </SessionProvider>
  );
}
