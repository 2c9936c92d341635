/** The HTTP client of the web app: same-origin cookies, the CSRF header on writes, and one error type for the server's error format. */
import type { FormInstance } from 'antd';
import { clock, SERVER_TIME_HEADER } from '../universal/clock.ts';

export interface ErrorDetail { field: string; message: string }

/** An error answered by the server as `{error:{code,message,field?,details?}}`, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  readonly details: ErrorDetail[];
  constructor(status: number, code: string, message: string, field?: string, details: ErrorDetail[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
    this.details = details;
  }
}

let csrfToken = '';
let unauthenticatedHandler: (() => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when a request answers 401 outside sign-in: the session provider sends the user to the login page. */
export function onUnauthenticated(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** `?a=1&b=x`, leaving out empty values. */
export function toQueryString(q?: Query): string {
  if (!q) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

const quietPaths = ['/api/auth/login', '/api/auth/me'];

export async function request<T = unknown>(method: string, url: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url + toQueryString(query), {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  const serverTime = res.headers.get(SERVER_TIME_HEADER);
  if (serverTime) clock.syncTo(Number(serverTime));
  const text = await res.text();
  let data: any = undefined;
  if (text) {
    try { data = JSON.parse(text); } catch { data = text; }
  }
  if (!res.ok) {
    const e = data && typeof data === 'object' && data.error ? data.error : null;
    const err = e
      ? new ApiError(res.status, e.code ?? 'ERROR', e.message ?? '请求失败', e.field, Array.isArray(e.details) ? e.details : [])
      : new ApiError(res.status, 'HTTP_' + res.status, `请求失败（${res.status}）`);
    if (res.status === 401 && err.code !== 'TOTP_REQUIRED' && !quietPaths.some((p) => url.startsWith(p))) unauthenticatedHandler?.();
    throw err;
  }
  return data as T;
}

export const api = {
  get: <T = unknown>(url: string, query?: Query) => request<T>('GET', url, undefined, query),
  post: <T = unknown>(url: string, body: unknown = {}) => request<T>('POST', url, body),
  put: <T = unknown>(url: string, body: unknown = {}) => request<T>('PUT', url, body),
  patch: <T = unknown>(url: string, body: unknown = {}) => request<T>('PATCH', url, body),
  del: <T = unknown>(url: string) => request<T>('DELETE', url),
};

/**
 * Put the server's field errors next to the form fields they name. Returns true when at least one field was marked.
 * Field paths like `input.reason` or `roles.0.code` are matched against the form's own field names.
 */
export function applyFormErrors(form: FormInstance, err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  const entries = err.details.length ? err.details : err.field ? [{ field: err.field, message: err.message }] : [];
  if (!entries.length) return false;
  const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const fields: Array<{ name: (string | number)[]; errors: string[] }> = [];
  for (const d of entries) {
    const parts = d.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    let name = parts;
    while (name.length > 1 && !known.has(name.join('.'))) name = name.slice(1);
    if (!known.has(name.join('.'))) continue;
    fields.push({ name, errors: [d.message] });
  }
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}
