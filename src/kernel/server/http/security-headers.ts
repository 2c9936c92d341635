/**
 * Security headers, worked out once at start and set on every response by one synchronous hook, instead of running
 * helmet's middleware chain for each request. Pages (the web app, the API documentation) get helmet's defaults with
 * this app's content security policy; JSON API responses get the set OWASP's REST security guidance gives for APIs:
 * a policy that allows nothing and no framing, no sniffing, HSTS, no referrer, and no storing of responses, which
 * carry signed-in people's data. The web app's hashed scripts and stylesheets (`/assets/*.js`, `*.css`) get only the
 * headers that act on a script or a stylesheet (decision 0075): a content security policy, framing, opener and DNS
 * prefetch rules apply to documents (and workers, which this app does not start from its assets), and each of the
 * member's home's ~30 scripts would carry about 600 bytes of them over a phone connection.
 */
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';

export const securityPolicy: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
    },
  },
  crossOriginEmbedderPolicy: false,
};

/** The headers helmet sets for these options (the policy has no per-request parts such as nonces). */
export function securityHeadersOf(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: unknown) { headers[name.toLowerCase()] = String(value); },
    removeHeader(name: string) { delete headers[name.toLowerCase()]; },
  };
  let finished = false;
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
    finished = true;
  });
  if (!finished) throw new Error('helmet did not finish synchronously; security headers cannot be precomputed');
  return headers;
}

/** The headers of a JSON API response. */
export const apiSecurityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

/**
 * The headers of a hashed script or stylesheet of the web app: not sniffed as anything else, not loaded by other sites,
 * HTTPS only, and no referrer on what a stylesheet fetches.
 */
export const assetSecurityHeaders: Readonly<Record<string, string>> = {
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
};

/** Whether a request path is a script or stylesheet of the built web app (`/assets/<name>-<hash>.js|css`). */
export const isScriptOrStyleAsset = (url: string) => /^\/assets\/[\w.-]+\.(?:js|css)(?:\?|$)/.test(url);

/** Whether a request path is the JSON API (the documentation pages under /api/docs are pages). */
export const isApiPath = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');

export function installSecurityHeaders(app: FastifyInstance<any, any, any, any, any>, options: HelmetOptions = securityPolicy): void {
  const pageHeaders = securityHeadersOf(options);
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(isApiPath(req.url) ? apiSecurityHeaders : isScriptOrStyleAsset(req.url) ? assetSecurityHeaders : pageHeaders);
    done();
  });
}
