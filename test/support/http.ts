/** Drives the real Fastify app in tests: signs in through the API and keeps the session cookie and CSRF token. */
import type { App } from '../../src/kernel/server/http/server.ts';

export interface Client {
  username: string;
  csrf: string;
  cookie: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  get(url: string): Promise<{ status: number; body: any }>;
  post(url: string, body?: unknown): Promise<{ status: number; body: any }>;
  put(url: string, body?: unknown): Promise<{ status: number; body: any }>;
  patch(url: string, body?: unknown): Promise<{ status: number; body: any }>;
  del(url: string): Promise<{ status: number; body: any }>;
}

function parse(payload: string) {
  try { return JSON.parse(payload); } catch { return payload; }
}

export function anonymous(app: App): Omit<Client, 'username'> {
  return makeClient(app, '', '');
}

function makeClient(app: App, cookie: string, csrf: string) {
  const c = {
    csrf, cookie,
    async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
      const h: Record<string, string> = { ...headers };
      if (c.cookie) h.cookie = c.cookie;
      if (c.csrf && method !== 'GET') h['x-csrf-token'] = c.csrf;
      const res = await app.inject({ method: method as any, url, payload: body as any, headers: h });
      return { status: res.statusCode, body: parse(res.payload), headers: res.headers as Record<string, unknown> };
    },
    get: (url: string) => c.request('GET', url),
    post: (url: string, body?: unknown) => c.request('POST', url, body ?? {}),
    put: (url: string, body?: unknown) => c.request('PUT', url, body ?? {}),
    patch: (url: string, body?: unknown) => c.request('PATCH', url, body ?? {}),
    del: (url: string) => c.request('DELETE', url),
  };
  return c;
}

/** Sign in with username and password (and a TOTP code for admin roles); fails the test when sign-in fails. */
export async function login(app: App, username: string, password: string, totp?: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...(totp ? { totp } : {}) } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.payload}`);
  const setCookie = ([] as string[]).concat((res.headers['set-cookie'] as string | string[]) ?? []);
  const cookie = setCookie.map((s) => s.split(';')[0]).join('; ');
  const body = JSON.parse(res.payload);
  return { username, ...makeClient(app, cookie, body.csrfToken) };
}
