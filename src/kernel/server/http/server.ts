/** The Fastify instance every module registers on: validation, one error format, security headers, OpenAPI. */
import http from 'node:http';
import { isIP, type Socket } from 'node:net';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance, type FastifyError, type FastifyReply } from 'fastify';
import type { FastifyStaticOptions } from '@fastify/static';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import multipart from '@fastify/multipart';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider, hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../../universal/errors.ts';
import { zhValidatorCompiler } from './validation.ts';
import { installSecurityHeaders } from './security-headers.ts';

export type App = FastifyInstance<any, any, any, any, ZodTypeProvider>;

export interface HttpOptions {
  logLevel: string;
  maxUploadBytes: number;
  cookieSecret: string;
  bodyLimit?: number;
  /** serve this folder's index.html for unknown GET paths outside /api (the web app's client-side routes) */
  spaRoot?: string;
  /**
   * the reverse proxies (addresses or CIDRs) whose X-Forwarded-For and X-Forwarded-Proto are believed; none by default,
   * so a client cannot choose the address the rate limits, the sign-in delays and the audit log see
   */
  trustedProxies?: readonly string[];
}

/** Errors of a multipart body that is not well formed (busboy's messages): the client's fault, a 400. */
const MALFORMED_MULTIPART = /^(Multipart: |Unexpected end of (form|multipart data)|Malformed part header|Malformed urlencoded form)/;

/** A complete HTTP response in the common error format, for answers written to the socket before Fastify has a request. */
function rawErrorResponse(status: number, code: string, message: string): string {
  const body = JSON.stringify({ error: { code, message } });
  return `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

/**
 * What Node's HTTP server answers itself, before a request reaches Fastify (headers or address too large, a timeout,
 * a request it cannot parse): the common error format with a Chinese message, instead of Node's or Fastify's English.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  let answer: string;
  if (err.code === 'HPE_HEADER_OVERFLOW') answer = rawErrorResponse(431, 'HEADERS_TOO_LARGE', '请求头过大（请求地址或 Cookie 过长），请缩短后重试');
  else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') answer = rawErrorResponse(408, 'REQUEST_TIMEOUT', '请求超时，请重试');
  else answer = rawErrorResponse(400, 'BAD_REQUEST', '请求格式有误，服务器无法解析');
  if (socket.writable) socket.write(answer);
  socket.destroy(err);
}

/** Hashed build output (`/assets/<name>-<hash>.js`): its name changes with its content, so browsers keep it for a year. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Everything else of the web app (index.html): the browser asks again each time, and gets a 304 when nothing changed. */
export const REVALIDATE_CACHE = 'no-cache';

/**
 * How @fastify/static serves the built web app in `root` (decision 0030): every file under its own path (no wildcard);
 * the brotli or gzip file written beside it at build time when the request's Accept-Encoding allows one
 * (`Vary: Accept-Encoding` on every answer), the .br and .gz files themselves not as addresses of their own; hashed
 * assets cached as immutable, the rest revalidated. The SPA fallback below sends index.html through the same options.
 */
export function webStaticOptions(root: string): FastifyStaticOptions {
  const assets = path.join(root, 'assets') + path.sep;
  return {
    root, prefix: '/', wildcard: false, index: ['index.html'],
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders: (reply, file) => { reply.header('cache-control', file.startsWith(assets) ? IMMUTABLE_CACHE : REVALIDATE_CACHE); },
  };
}

/** An entry of TRUSTED_PROXIES: an address, a CIDR, or one of proxy-addr's names for ranges. */
function isProxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, bits, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

export async function createHttpServer(opts: HttpOptions): Promise<App> {
  const badProxy = opts.trustedProxies?.find((p) => !isProxyEntry(p));
  if (badProxy !== undefined) throw new Error(`TRUSTED_PROXIES 中的「${badProxy}」不是 IP 地址或 CIDR（如 10.0.0.5 或 10.1.0.0/16）`);
  const app = Fastify({
    logger: opts.logLevel === 'silent' ? false : { level: opts.logLevel },
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    trustProxy: opts.trustedProxies?.length ? [...opts.trustedProxies] : false,
    clientErrorHandler,
    // errors of the router (an address it cannot decode, a path parameter over maxParamLength) in the common format,
    // without echoing the address
    frameworkErrors: (err, _req, res) => {
      const reply = res as FastifyReply;
      if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') return reply.status(414).send(new AppError('URI_TOO_LONG', '请求地址过长').toBody());
      if (err.code === 'FST_ERR_BAD_URL') return reply.status(400).send(new AppError('BAD_REQUEST', '请求地址格式有误').toBody());
      return reply.status(500).send(new AppError('INTERNAL', '服务器内部错误，请稍后重试').toBody());
    },
    logController: new LogController({ disableRequestLogging: opts.logLevel !== 'debug' }),
    ajv: { customOptions: { coerceTypes: 'array' } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(zhValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) return reply.status(err.status).send(err.toBody());
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      return reply.status(400).send(new AppError('VALIDATION_FAILED', `请求内容不符合要求：${first?.message ?? ''}`).toBody());
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      return reply.status(500).send(new AppError('INTERNAL', '服务器内部错误，请稍后重试').toBody());
    }
    const fe = err as FastifyError;
    const status = fe.statusCode ?? 500;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.code === 'FST_REQ_FILE_TOO_LARGE' || status === 413)
      return reply.status(413).send(new AppError('PAYLOAD_TOO_LARGE', '上传内容超过大小限制').toBody());
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415)
      return reply.status(415).send(new AppError('UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型').toBody());
    if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (fe as any).type === 'entity.parse.failed')
      return reply.status(400).send(new AppError('BAD_REQUEST', '请求内容不是有效的 JSON').toBody());
    if (status === 429) return reply.status(429).send(new AppError('RATE_LIMITED', '请求过于频繁，请稍后再试').toBody());
    if (MALFORMED_MULTIPART.test(fe.message ?? '') || fe.code === 'FST_PROTO_VIOLATION' || fe.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      return reply.status(400).send(new AppError('BAD_REQUEST', '上传内容格式有误：不是完整的 multipart/form-data（缺少分隔符或结尾）').toBody());
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: 'BAD_REQUEST', message: `请求有误：${fe.message}` } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(new AppError('INTERNAL', '服务器内部错误，请稍后重试').toBody());
  });

  app.setNotFoundHandler((req, reply) => {
    // a missing hashed asset is a 404, never the page: assets carry only the headers of a script (security-headers.ts)
    if (opts.spaRoot && req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/assets/') && (req.headers.accept ?? '').includes('text/html')) {
      return reply.type('text/html').sendFile('index.html', opts.spaRoot);
    }
    return reply.status(404).send(new AppError('NOT_FOUND', `没有这个地址：${req.method} ${req.url.split('?')[0]}`).toBody());
  });

  await app.register(cookie, { secret: opts.cookieSecret });
  installSecurityHeaders(app);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: opts.maxUploadBytes, files: 5, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '智慧政协 zhengxie API', version: '0.1.0', description: '智慧政协平台的 HTTP 接口。所有写操作需要会话 Cookie 和 X-CSRF-Token 请求头。' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'zx_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false, uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
