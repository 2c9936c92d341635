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

/** The Chinese label of the field at `path`, from the schema's descriptions, or the path itself. */
export function labelAt(schema: z.ZodType, path: PropertyKey[]): string {
  let cur: any = schema;
  let label: string | undefined;
  for (const key of path) {
    cur = unwrap(cur);
    const def = cur?._zod?.def;
    if (!def) { cur = undefined; break; }
    if (def.type === 'object') cur = def.shape[key as string];
    else if (def.type === 'array') cur = def.element;
    else if (def.type === 'record') cur = def.valueType;
    else { cur = undefined; break; }
    label = cur?.description ?? unwrap(cur)?.description ?? label;
  }
  return label ?? path.map(String).join('.');
}

export function toAppError(schema: z.ZodType, error: z.ZodError, part?: string): AppError {
  const details = error.issues.slice(0, 20).map((iss) => {
    const field = iss.path.map(String).join('.') || (part ?? '');
    const label = iss.path.length ? labelAt(schema, iss.path) : where[part ?? ''] ?? '请求';
    return { field, message: `「${label}」${iss.message}` };
  });
  const first = details[0] ?? { field: '', message: '请求内容不符合要求' };
  return new AppError('VALIDATION_FAILED', first.message, { field: first.field || undefined, details });
}

export const zhValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => (data: unknown) => {
  const r = schema.safeParse(data);
  if (r.success) return { value: r.data };
  return { error: toAppError(schema, r.error, httpPart) };
};

/** Validate a plain value against a schema, throwing the same error shape as route validation. */
export function parseOrThrow<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const r = schema.safeParse(data);
  if (!r.success) throw toAppError(schema, r.error, 'body');
  return r.data;
}
