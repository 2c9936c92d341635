/** Zod validation for Fastify routes whose errors name the field in Chinese (labels come from `.describe()`). */
import { z } from 'zod';
import type { FastifySchemaCompiler } from 'fastify';
import { AppError } from '../../universal/errors.ts';

z.config(z.locales.zhCN());

const where: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' };

function unwrap(s: any): any {
  let cur = s;
  for (let i = 0; i < 10 && cur; i++) {
    const def = cur._zod?.def;
    if (!def) break;
    if (['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional', 'pipe'].includes(def.type)) {
      cur = def.innerType ?? def.in ?? cur;
      if (cur === s) break;
      continue;
    }
    break;
  }
  return cur;
}

/** The member of a discriminated union (e.g. a transition body on `action`) that the data names, if any. */
function unionMember(def: any, data: unknown): any {
  const key = def.discriminator as string | undefined;
  if (!key || !data || typeof data !== 'object') return undefined;
  const v = (data as Record<string, unknown>)[key];
  return (def.options as any[]).find((o) => {
    const lit = unwrap(o)?._zod?.def?.shape?.[key]?._zod?.def;
    return lit?.type === 'literal' && (lit.values as unknown[]).includes(v);
  });
}

/** The Chinese label of the field at `path`, from the schema's descriptions, or the path itself; `data` picks a union's member. */
export function labelAt(schema: z.ZodType, path: PropertyKey[], data?: unknown): string {
  let cur: any = schema;
  let here: unknown = data;
  let label: string | undefined;
  for (const key of path) {
    cur = unwrap(cur);
    let def = cur?._zod?.def;
    // a union on a discriminator (a transition body on `action`): the member the data names, else the first for the
    // discriminator's own label
    if (def?.type === 'union') { cur = unwrap(unionMember(def, here) ?? (def.discriminator === key ? def.options[0] : undefined)); def = cur?._zod?.def; }
    if (!def) { cur = undefined; break; }
    if (def.type === 'object') cur = def.shape[key as string];
    else if (def.type === 'array') cur = def.element;
    else if (def.type === 'record') cur = def.valueType;
    else { cur = undefined; break; }
    here = here && typeof here === 'object' ? (here as Record<PropertyKey, unknown>)[key] : undefined;
    label = cur?.description ?? unwrap(cur)?.description ?? label;
  }
  return label ?? path.map(String).join('.');
}

/** Is the value at `path` of `data` absent (a required field left out)? */
function absentAt(data: unknown, path: PropertyKey[]): boolean {
  let here: unknown = data;
  for (const key of path) {
    if (!here || typeof here !== 'object') return true;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here === undefined;
}

export function toAppError(schema: z.ZodType, error: z.ZodError, part?: string, data?: unknown): AppError {
  const details = error.issues.slice(0, 20).map((iss) => {
    const field = iss.path.map(String).join('.') || (part ?? '');
    const label = iss.path.length ? labelAt(schema, iss.path, data) : where[part ?? ''] ?? '请求';
    const missing = iss.code === 'invalid_type' && iss.path.length > 0 && data !== undefined && absentAt(data, iss.path);
    return { field, message: `「${label}」${missing ? '为必填项' : iss.message}` };
  });
  const first = details[0] ?? { field: '', message: '请求内容不符合要求' };
  return new AppError('VALIDATION_FAILED', first.message, { field: first.field || undefined, details });
}

export const zhValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => (data: unknown) => {
  const r = schema.safeParse(data);
  if (r.success) return { value: r.data };
  return { error: toAppError(schema, r.error, httpPart, data) };
};

/** Validate a plain value against a schema, throwing the same error shape as route validation. */
export function parseOrThrow<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const r = schema.safeParse(data);
  if (!r.success) throw toAppError(schema, r.error, 'body', data);
  return r.data;
}
