// The root component: session, theme (standard or 适老化), locale, router with the signed-in layout and public pages.
// What this file imports statically is what the login page loads; the layout, every page and the 无权访问 / 页面不存在
// pages load on demand (decision 0030).
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createBrowserRouter, Navigate, RouterProvider, useLocation, useMatches } from 'react-router';
import { SessionProvider, useSession } from '../kernel/web/session.tsx';
import type { NeededPermission } from '../kernel/web/manifest.ts';
import { englishLoaded, I18nProvider, loadEnglish, type Locale } from '../kernel/web/i18n.tsx';
import { lazyComponent, lazyPage, preload } from '../kernel/web/lazy.tsx';
import { connectEvents, disconnectEvents } from '../kernel/web/events.ts';
import { useIsMobile, usePrefersReducedMotion } from '../kernel/web/core-hooks.ts';
import { largeTextTheme, standardTheme } from './theme.ts';
import { headerWidgets, publicRoutes, routes } from './modules.ts';

const booting = <div className="zx-boot"><Spin size="large" /></div>;
const Shell = lazyComponent(() => import('./shell.tsx').then((m) => m.Shell), booting);
const Forbidden = lazyComponent(() => import('../kernel/web/forbidden.tsx').then((m) => m.Forbidden));

function RequireSession({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  const matches = useMatches();
  const signedIn = !!me && !me.mustEnrollTotp;
  useEffect(() => {
    if (signedIn) connectEvents();
    if (!me) disconnectEvents();
  }, [me, signedIn]);
  // the layout, its header widgets and the page asked for load side by side, not the page after the layout
  useEffect(() => {
    if (!signedIn) return;
    Shell.preload();
    for (const w of headerWidgets) preload(w);
    for (const m of matches) (m.handle as { preload?: () => void } | undefined)?.preload?.();
  }, [signedIn, matches]);
  if (loading) return booting;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.mustEnrollTotp) return <Navigate to="/totp-setup" replace />;
  return <>{children}</>;
}

/** A page for those who hold its permission; a 无权访问 page for the others. */
function Permitted({ permission, children }: { permission?: NeededPermission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? <>{children}</> : <Forbidden />;
}

const router = createBrowserRouter([
  ...publicRoutes.map((r) => ({ path: r.path, element: r.element })),
  {
    path: '/',
    element: (
      <RequireSession>
        <Shell />
      </RequireSession>
    ),
    children: [
      ...routes.map((r) => ({
        ...(r.path === '/' ? { index: true as const } : { path: r.path.replace(/^\//, '') }),
        element: <Permitted permission={r.permission}>{r.element}</Permitted>,
        handle: { crumb: r.crumb, preload: () => preload(r.element) },
      })),
      { path: '*', element: lazyPage(() => import('./not-found.tsx')) },
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
  // the modules' English dictionaries load only when English is chosen
  const [, setEnglishIn] = useState(0);
  const waitingForEnglish = locale === 'en' && !englishLoaded();
  useEffect(() => {
    if (waitingForEnglish) void loadEnglish().then(() => setEnglishIn((n) => n + 1));
  }, [waitingForEnglish]);
  useEffect(() => {
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = locale;
    document.documentElement.dataset.largeText = preferences.largeText ? 'true' : 'false';
  }, [locale, preferences.largeText]);
  if (waitingForEnglish) return booting;
  return (
    <I18nProvider locale={locale} onChange={(l) => void updatePreferences({ locale: l })}>
      <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={theme}>
        <RouterProvider router={router} />
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
