/** A tiny dictionary-based translation: Chinese text is the key, English comes from dictionaries the modules register. */
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';

export type Locale = 'zh-CN' | 'en';
export const locales: Array<{ value: Locale; label: string }> = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

const english: Record<string, string> = {};
let current: Locale = 'zh-CN';

/** Adds English translations keyed by the Chinese source text. */
export function registerMessages(dict: Record<string, string>): void {
  Object.assign(english, dict);
}

export function currentLocale(): Locale {
  return current;
}

function interpolate(s: string, vars?: Record<string, string | number>): string {
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** Translate Chinese source text into the current locale; `{name}` placeholders are filled from `vars`. */
export function t(zh: string, vars?: Record<string, string | number>): string {
  const s = current === 'en' ? english[zh] ?? zh : zh;
  return interpolate(s, vars);
}

interface I18nValue {
  locale: Locale;
  t: typeof t;
  setLocale: (l: Locale) => void;
}

const I18nContext = createContext<I18nValue>({ locale: 'zh-CN', t, setLocale: () => {} });

export function I18nProvider({ locale, onChange, children }: { locale: Locale; onChange: (l: Locale) => void; children: ReactNode }) {
  current = locale;
  // a new `t` identity per locale makes memoised consumers re-render when the language changes
  const bound = useCallback((zh: string, vars?: Record<string, string | number>) => {
    const s = locale === 'en' ? english[zh] ?? zh : zh;
    return interpolate(s, vars);
  }, [locale]);
  const value = useMemo(() => ({ locale, t: bound, setLocale: onChange }), [locale, bound, onChange]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
