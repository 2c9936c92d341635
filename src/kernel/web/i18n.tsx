/**
 * A tiny dictionary-based translation: Chinese text is the key, English comes from dictionaries the modules register.
 * Labels the server sends (states, work items, roles, reply classes) are keys like any other; text the server composes
 * (a notice: 新待办：{label}) is matched against the dictionaries' patterns (decision 0038).
 */
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';

export type Locale = 'zh-CN' | 'en';
export const locales: Array<{ value: Locale; label: string }> = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

const english: Record<string, string> = {};
let current: Locale = 'zh-CN';

/** A module's English: the dictionary itself, or (for the larger ones) a loader, fetched only in English mode. */
export type MessagesSource = Record<string, string> | (() => Promise<{ default: Record<string, string> }>);
const loaders: Array<() => Promise<{ default: Record<string, string> }>> = [];
let loading: Promise<void> | null = null;

let patterns: Array<{ re: RegExp; names: string[]; en: string }> | null = null;

/**
 * Adds English translations keyed by the Chinese source text. A loader is kept until English is asked for
 * (`loadEnglish`), so a Chinese session never downloads the dictionaries.
 */
export function registerMessages(source: MessagesSource): void {
  if (typeof source === 'function') {
    loaders.push(source);
    loading = null;
    return;
  }
  Object.assign(english, source);
  patterns = null;
}

/** Whether every registered dictionary is in (English can be shown without waiting). */
export function englishLoaded(): boolean {
  return loaders.length === 0;
}

/** Fetches the dictionaries registered as loaders; resolves when all are in. */
export function loadEnglish(): Promise<void> {
  if (loaders.length === 0) return Promise.resolve();
  if (!loading) {
    const pending = loaders.slice();
    loading = Promise.all(pending.map((load) => load())).then((dicts) => {
      for (const d of dicts) registerMessages(d.default);
      for (const load of pending) loaders.splice(loaders.indexOf(load), 1);
      loading = null;
    });
  }
  return loading;
}

/** Whether the dictionaries hold an English text for this Chinese one. */
export function hasEnglish(zh: string): boolean {
  return Object.prototype.hasOwnProperty.call(english, zh);
}

/** Runs `fn` with the given locale current (for code outside React, and tests). */
export function withLocale<T>(locale: Locale, fn: () => T): T {
  const was = current;
  current = locale;
  try { return fn(); } finally { current = was; }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The dictionary keys with placeholders as patterns, longest first (the most specific wins). */
function compiled() {
  if (patterns) return patterns;
  patterns = Object.keys(english).filter((k) => /\{\w+\}/.test(k) && k.replace(/\{\w+\}/g, '').length >= 2)
    .sort((a, b) => b.length - a.length)
    .map((k) => {
      const names: string[] = [];
      const re = new RegExp(`^${k.split(/(\{\w+\})/).map((part) => {
        const m = /^\{(\w+)\}$/.exec(part);
        if (!m) return escape(part);
        names.push(m[1]);
        return '([\\s\\S]+?)';
      }).join('')}$`);
      return { re, names, en: english[k] };
    });
  return patterns;
}

function translateIn(locale: Locale, text: string, depth = 0): string {
  if (locale !== 'en' || !text) return text;
  const exact = english[text];
  if (exact !== undefined) return exact;
  if (depth > 2) return text;
  for (const p of compiled()) {
    const m = p.re.exec(text);
    if (!m) continue;
    const vars: Record<string, string> = {};
    p.names.forEach((n, i) => { vars[n] = translateIn(locale, m[i + 1], depth + 1); });
    return interpolate(p.en, vars);
  }
  return text;
}

/**
 * Text the server sent in Chinese, in the current locale: a label by its dictionary entry, composed text (a notice's
 * title or body) by the pattern it was made from, its parts translated in turn (a record's title stays as written).
 * Text no dictionary knows is shown as it is.
 */
export function translateServerText(text: string): string {
  return translateIn(current, text);
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
  /** server-composed text (see `translateServerText`) */
  ts: (text: string) => string;
  setLocale: (l: Locale) => void;
}

const I18nContext = createContext<I18nValue>({ locale: 'zh-CN', t, ts: translateServerText, setLocale: () => {} });

export function I18nProvider({ locale, onChange, children }: { locale: Locale; onChange: (l: Locale) => void; children: ReactNode }) {
  current = locale;
  // a new `t` identity per locale makes memoised consumers re-render when the language changes
  const bound = useCallback((zh: string, vars?: Record<string, string | number>) => {
    const s = locale === 'en' ? english[zh] ?? zh : zh;
    return interpolate(s, vars);
  }, [locale]);
  const ts = useCallback((text: string) => translateIn(locale, text), [locale]);
  const value = useMemo(() => ({ locale, t: bound, ts, setLocale: onChange }), [locale, bound, ts, onChange]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
