/** The signed-in user (the session probe `/api/auth/session`), their preferences, and sign-out; shared by every page. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthenticated, setCsrfToken } from './api.ts';
import type { Locale } from './i18n.tsx';
import { mayOpen, type NeededPermission } from './manifest.ts';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName?: string;
  tenantId: string;
  tenantName?: string;
  roles: Array<{ code: string; name: string }>;
  permissions: string[];
  preferences: { largeText: boolean; locale: Locale };
  totpEnabled?: boolean;
  mustEnrollTotp?: boolean;
  mustChangePassword?: boolean;
}

export interface MeResponse { user: Me; csrfToken: string }

export interface Preferences { largeText: boolean; locale: Locale }

interface SessionValue {
  me: Me | null;
  loading: boolean;
  /** preferences of the signed-in user, or the ones kept in this browser before sign-in */
  preferences: Preferences;
  signedIn(res: MeResponse): void;
  refresh(): Promise<Me | null>;
  updatePreferences(p: Partial<Preferences>): Promise<void>;
  logout(): Promise<void>;
  /** holds the permission, or one of them (an omitted one: anybody signed in) */
  can(permission?: NeededPermission): boolean;
}

const LOCAL_KEY = 'zx.preferences';

/**
 * A cookie the web app sets when someone signs in and clears when they sign out or the server answers 401: whether
 * asking the server who is signed in (`/api/auth/session`) is worth a request. Without it the login page shows at once,
 * without a request answered 401 that the browser would log as an error on every visit. Like the session cookie it
 * has no expiry, so both end with the browser session; it carries no secret (the session cookie is httpOnly).
 */
const SIGNED_IN_COOKIE = 'zx_signed_in';

function maybeSignedIn(): boolean {
  return typeof document !== 'undefined' && document.cookie.split(';').some((c) => c.trim() === `${SIGNED_IN_COOKIE}=1`);
}

function rememberSignedIn(on: boolean): void {
  if (typeof document === 'undefined' || on === maybeSignedIn()) return;
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${SIGNED_IN_COOKIE}=${on ? '1' : '; Max-Age=0'}; Path=/; SameSite=Lax${secure}`;
}

function localPreferences(): Preferences {
  try {
    const p = JSON.parse(localStorage.getItem(LOCAL_KEY) ?? '{}');
    return { largeText: !!p.largeText, locale: p.locale === 'en' ? 'en' : 'zh-CN' };
  } catch {
    return { largeText: false, locale: 'zh-CN' };
  }
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children, onSignedOut }: { children: ReactNode; onSignedOut: () => void }) {
  const [me, setMe] = useState<Me | null>(null);
  // nobody signed in from this browser session: no question to the server, the login page shows at once
  const [loading, setLoading] = useState(maybeSignedIn);
  const [local, setLocal] = useState<Preferences>(localPreferences);

  const accept = useCallback((res: MeResponse | null) => {
    setCsrfToken(res?.csrfToken ?? '');
    setMe(res?.user ?? null);
    rememberSignedIn(!!res?.user);
    if (res?.user?.preferences) {
      const p = { largeText: !!res.user.preferences.largeText, locale: res.user.preferences.locale === 'en' ? 'en' as const : 'zh-CN' as const };
      setLocal(p);
      localStorage.setItem(LOCAL_KEY, JSON.stringify(p));
    }
  }, []);

  const refresh = useCallback(async () => {
    try {
      // the probe answers 200 whether or not the session is still alive (it may have ended while the browser was
      // away), so no visit logs a 401
      const probe = await api.get<{ signedIn: false } | ({ signedIn: true } & MeResponse)>('/api/auth/session');
      const res = probe.signedIn ? { user: probe.user, csrfToken: probe.csrfToken } : null;
      accept(res);
      return res?.user ?? null;
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) accept(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, [accept]);

  useEffect(() => { if (maybeSignedIn()) void refresh(); }, [refresh]);

  useEffect(() => {
    onUnauthenticated(() => { setMe(null); setCsrfToken(''); rememberSignedIn(false); onSignedOut(); });
    return () => onUnauthenticated(null);
  }, [onSignedOut]);

  const updatePreferences = useCallback(async (p: Partial<Preferences>) => {
    const next = { ...local, ...p };
    setLocal(next);
    localStorage.setItem(LOCAL_KEY, JSON.stringify(next));
    if (me) {
      setMe({ ...me, preferences: next });
      await api.put('/api/auth/preferences', p);
    }
  }, [local, me]);

  const logout = useCallback(async () => {
    try { await api.post('/api/auth/logout'); } catch { /* the session may already be gone */ }
    accept(null);
    onSignedOut();
  }, [accept, onSignedOut]);

  const value = useMemo<SessionValue>(() => ({
    me,
    loading,
    preferences: local,
    signedIn: (res) => { accept(res); setLoading(false); },
    refresh,
    updatePreferences,
    logout,
    can: (permission?: NeededPermission) => permission === undefined || (!!me && mayOpen(permission, me.permissions)),
  }), [me, loading, local, accept, refresh, updatePreferences, logout]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
