/** Paging shared by every list: page numbers from 1, a capped page size, and the total for "共 N 条". */
import { z } from 'zod';

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数'),
});
export type PageQuery = z.infer<typeof pageQuery>;

export interface Page<T> { items: T[]; total: number; page: number; pageSize: number }

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
