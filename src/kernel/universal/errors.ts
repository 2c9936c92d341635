/** Application errors with a stable code, an HTTP status and a Chinese message that names the field. */

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VERSION_CONFLICT'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'CSRF_FAILED'
  | 'ACCOUNT_LOCKED'
  | 'TOTP_REQUIRED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'LOGIN_DELAYED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'REQUEST_TIMEOUT'
  | 'URI_TOO_LONG'
  | 'HEADERS_TOO_LARGE'
  | 'INTERNAL';

const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  CSRF_FAILED: 403,
  ACCOUNT_LOCKED: 423,
  TOTP_REQUIRED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  LOGIN_DELAYED: 429,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  REQUEST_TIMEOUT: 408,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; details?: Array<{ field: string; message: string }> };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly field?: string;
  readonly details?: Array<{ field: string; message: string }>;
  constructor(code: ErrorCode, message: string, opts: { field?: string; details?: Array<{ field: string; message: string }> } = {}) {
    super(message);
    this.code = code;
    this.status = statusOf[code];
    this.field = opts.field;
    this.details = opts.details;
  }
  toBody(): ErrorBody {
    const e: ErrorBody['error'] = { code: this.code, message: this.message };
    if (this.field) e.field = this.field;
    if (this.details?.length) e.details = this.details;
    return { error: e };
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或无权查看`);
export const forbidden = (what = '此操作') => new AppError('FORBIDDEN', `您无权执行${what}`);
export const invalid = (field: string, label: string, message: string) =>
  new AppError('VALIDATION_FAILED', `${label}${message}`, { field, details: [{ field, message: `${label}${message}` }] });
export const versionConflict = (what: string) =>
  new AppError('VERSION_CONFLICT', `${what}已被他人修改，请刷新后重试`);

/**
 * A transition's input travels as `input` in its request body: a field named by the input's schema or check
 * (`reasonCode`) is reported as the body names it (`input.reasonCode`), as the body's own validation does.
 */
export async function inInputField<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AppError && e.code === 'VALIDATION_FAILED' && e.field && !e.field.startsWith('input.')) {
      const prefix = (f: string) => (f.startsWith('input.') ? f : `input.${f}`);
      throw new AppError(e.code, e.message, { field: prefix(e.field), ...(e.details ? { details: e.details.map((d) => ({ ...d, field: prefix(d.field) })) } : {}) });
    }
    throw e;
  }
}
