/**
 * The hooks the web root and the module manifests use: loading data from the API and phone detection. They need
 * nothing of antd but its breakpoints, so that the code every visitor loads first stays small (decision 0030);
 * pages import them through hooks.ts.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Grid } from 'antd';
import { api, ApiError, type Query } from './api.ts';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** GET `url` with `query`; refetches when either changes; `url` null waits. */
export function useApiQuery<T>(url: string | null, query?: Query): QueryState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState<boolean>(!!url);
  const [tick, setTick] = useState(0);
  const key = url ? url + JSON.stringify(query ?? {}) : '';
  const seq = useRef(0);
  useEffect(() => {
    if (!url) return;
    const mine = ++seq.current;
    setLoading(true);
    api.get<T>(url, query).then(
      (d) => { if (mine === seq.current) { setData(d); setError(undefined); setLoading(false); } },
      (e) => { if (mine === seq.current) { setError(e instanceof ApiError ? e : new ApiError(0, 'ERROR', String(e))); setLoading(false); } },
    );
  }, [key, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}

/**
 * Whether the person has asked their system for less motion (an accessibility setting, WCAG 2.3.3); dialogs, drawers
 * and menus then open and close without animation. Follows the setting when it changes.
 */
export function usePrefersReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => typeof window !== 'undefined' && !!window.matchMedia?.(query).matches);
  useEffect(() => {
    const m = window.matchMedia?.(query);
    if (!m) return;
    const onChange = () => setReduced(m.matches);
    onChange();
    m.addEventListener('change', onChange);
    return () => m.removeEventListener('change', onChange);
  }, []);
  return reduced;
}

/** Phones and narrow tablets: below the `md` breakpoint (768 px). */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  if (Object.keys(screens).length === 0) return typeof window !== 'undefined' && window.innerWidth < 768;
  return !screens.md;
}
