/**
 * The 公益 API's shapes (zod), shared by the server's routes and the web pages. Amounts go over the wire as whole 元
 * (`amountYuan`); rows add `amountWan` (万元) and `amountText` (84.3万元). A beneficiary's name and school are masked
 * for everyone but the office staff (`masked`).
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { donorKinds, MAX_YUAN } from './domain/charity-rules.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
const id = (label: string) => z.string().min(1).max(40).describe(label);
const text = (label: string, min: number, max: number) => z.string().trim().min(min).max(max).describe(label);
const yuan = (label: string) => z.number().int('应为整数（元）').positive('应大于 0').max(MAX_YUAN, '超出上限').describe(label);
const money = { amountYuan: z.number().int(), amountWan: z.number(), amountText: z.string() };

export const idParams = z.object({ id: id('活动编号') });
export const recordParams = z.object({ rid: id('记录编号') });

export const driveCreateBody = z.object({
  name: text('活动名称', 2, 100),
  startsOn: day('开始日期'),
  endsOn: day('结束日期'),
  targetYuan: yuan('筹款目标').optional(),
  intro: z.string().trim().max(2000).optional().describe('活动说明'),
});
export type DriveCreateBody = z.infer<typeof driveCreateBody>;
export const driveEditBody = driveCreateBody.partial().extend({ version: z.number().int().min(1).describe('版本号') });
export type DriveEditBody = z.infer<typeof driveEditBody>;

export const drivesQuery = pageQuery.extend({ q: z.string().trim().max(100).optional().describe('关键词'), year: z.coerce.number().int().min(1990).max(2100).optional().describe('年度') });

export const totals = z.object({
  raisedYuan: z.number().int(), raisedText: z.string(), givenYuan: z.number().int(), givenText: z.string(),
  balanceYuan: z.number().int(), donations: z.number().int(), beneficiaries: z.number().int(),
});
export const driveItem = z.object({
  id: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string(), targetYuan: z.number().int().nullable(), targetText: z.string().nullable(),
  intro: z.string(), version: z.number().int(), totals,
});
export type DriveItem = z.infer<typeof driveItem>;
export const drivesPage = pageOf(driveItem);
export const driveDetail = driveItem.extend({
  /** what the caller may do: edit the drive, record donations and beneficiaries (the office) */
  actions: z.array(z.object({ name: z.enum(['edit', 'donation', 'beneficiary']), label: z.string() })),
  /** whether the caller reads the beneficiaries' names and schools */
  readsPrivate: z.boolean(),
});
export type DriveDetail = z.infer<typeof driveDetail>;

export const charityOptions = z.object({ donorKinds: z.array(z.object({ code: z.string(), label: z.string() })) });

// ---------- donations ----------

export const donationCreateBody = z.object({
  donorKind: z.enum(donorKinds).describe('捐赠方类型'),
  /** a member: their user id; a unit: its name */
  donorUserId: id('捐赠委员').optional(),
  donorName: text('捐赠单位', 2, 100).optional(),
  amountYuan: yuan('捐赠金额'),
  donatedOn: day('捐赠日期'),
  note: z.string().trim().max(500).optional().describe('备注'),
});
export type DonationCreateBody = z.infer<typeof donationCreateBody>;
export const donationsQuery = pageQuery.extend({
  driveId: id('公益活动').optional(), userId: id('委员').optional(), donorKind: z.enum(donorKinds).optional().describe('捐赠方类型'),
  from: day('开始日期').optional(), to: day('结束日期').optional(),
});
export const donationItem = z.object({ id: z.string(), driveId: z.string(), driveName: z.string(), donorKind: z.string(), donorName: z.string(), donatedOn: z.string(), note: z.string().nullable(), ...money });
export const donationsPage = pageOf(donationItem);
export type DonationItem = z.infer<typeof donationItem>;

// ---------- beneficiaries ----------

export const beneficiaryCreateBody = z.object({
  studentName: text('学生姓名', 2, 30),
  school: text('学校', 2, 100),
  grade: text('年级', 1, 30),
  amountYuan: yuan('资助金额'),
  givenOn: day('发放日期'),
});
export type BeneficiaryCreateBody = z.infer<typeof beneficiaryCreateBody>;
export const beneficiaryEditBody = beneficiaryCreateBody.partial().extend({ version: z.number().int().min(1).describe('版本号') });
export const beneficiariesQuery = pageQuery.extend({ driveId: id('公益活动').optional(), from: day('开始日期').optional(), to: day('结束日期').optional() });
export const beneficiaryItem = z.object({
  id: z.string(), driveId: z.string(), driveName: z.string(),
  /** the office reads the name; anyone else 张** */
  studentName: z.string(), school: z.string().nullable(), grade: z.string(), givenOn: z.string(), masked: z.boolean(), version: z.number().int(), ...money,
});
export const beneficiariesPage = pageOf(beneficiaryItem);
export type BeneficiaryItem = z.infer<typeof beneficiaryItem>;

export const memberOptions = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });
export const memberOptionsQuery = z.object({ q: z.string().trim().max(20).optional().describe('姓名') });
