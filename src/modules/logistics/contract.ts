/**
 * The 接待、会务、用车 API's shapes (zod), shared by the server's routes and the web pages. Every field has a Chinese
 * `.describe()` label: a bad request is a 400 whose message names the field by it, and OpenAPI shows it.
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { allowedActionSchema, stateViewSchema } from '../../kernel/universal/workflow.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
const localTime = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, '应为 YYYY-MM-DDTHH:mm 格式的时间').describe(label);
const text = (label: string, max = 200, min = 1) => z.string().trim().min(min).max(max).describe(label);
const money = (label: string) => z.number().int().min(0).max(100_000_000).describe(label);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const stateFilter = z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为状态代码，多个用逗号分隔').max(200).optional().describe('状态');
const periodQuery = pageQuery.extend({ from: day('开始日期').optional(), to: day('结束日期').optional(), q: z.string().trim().max(100).optional().describe('关键词') });

export const idParams = z.object({ id: z.string().min(1).max(40).describe('编号') });
const history = z.array(z.object({ id: z.string(), action: z.string(), actionLabel: z.string(), toStateLabel: z.string(), actorName: z.string(), note: z.string().nullable(), at: z.string() }));
const workflowView = { state: z.string(), stateLabel: z.string(), stateTone: z.string(), progress: stateViewSchema, actions: z.array(allowedActionSchema), history };

// ---- 接待 ----
export const guestSchema = z.object({ name: text('来宾姓名', 50), unit: text('来宾单位', 100), title: z.string().trim().max(100).default('').describe('职务'), count: z.number().int().min(1).max(500).default(1).describe('人数') });
export const programmeSchema = z.object({ time: text('时间', 50), place: text('地点', 100), content: text('内容', 300) });
export const roomSchema = z.object({ hotel: text('酒店', 100), room: z.string().trim().max(50).default('').describe('房型'), guest: z.string().trim().max(100).default('').describe('入住人'), nights: z.number().int().min(1).max(30).default(1).describe('晚数') });
export const mealSchema = z.object({ date: day('用餐日期'), meal: z.enum(['早餐', '午餐', '晚餐', '工作餐']).describe('餐次'), place: text('用餐地点', 100), people: z.number().int().min(1).max(500).describe('用餐人数'), standard: z.string().trim().max(100).default('').describe('标准') });
export const budgetLineSchema = z.object({ item: text('预算项目', 100), amount: money('预算金额（元）'), actual: money('实际支出（元）').nullable().default(null) });

export const receptionBody = z.object({
  title: text('接待名称', 200, 2),
  guestUnit: text('来访单位', 200),
  startDate: day('开始日期'),
  endDate: day('结束日期'),
  guests: z.array(guestSchema).max(100).default([]).describe('来宾'),
  programme: z.array(programmeSchema).max(100).default([]).describe('日程安排'),
  rooms: z.array(roomSchema).max(100).default([]).describe('住宿安排'),
  meals: z.array(mealSchema).max(100).default([]).describe('用餐安排'),
  budget: z.array(budgetLineSchema).max(100).default([]).describe('经费预算'),
});
export type ReceptionBody = z.infer<typeof receptionBody>;
/** PATCH: only the fields sent change (no defaults here: a list left out is kept, not emptied). */
export const receptionEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  title: text('接待名称', 200, 2).optional(),
  guestUnit: text('来访单位', 200).optional(),
  startDate: day('开始日期').optional(),
  endDate: day('结束日期').optional(),
  guests: z.array(guestSchema).max(100).optional().describe('来宾'),
  programme: z.array(programmeSchema).max(100).optional().describe('日程安排'),
  rooms: z.array(roomSchema).max(100).optional().describe('住宿安排'),
  meals: z.array(mealSchema).max(100).optional().describe('用餐安排'),
  budget: z.array(budgetLineSchema).max(100).optional().describe('经费预算'),
});
export type ReceptionEditBody = z.infer<typeof receptionEditBody>;
export const receptionListQuery = periodQuery.extend({ state: stateFilter });
export type ReceptionListQuery = z.infer<typeof receptionListQuery>;

export const receptionListItem = z.object({
  id: z.string(), title: z.string(), guestUnit: z.string(), startDate: z.string(), endDate: z.string(),
  guestCount: z.number(), budgetTotal: z.number(), actualTotal: z.number(), ownerName: z.string(),
  state: z.string(), stateLabel: z.string(), stateTone: z.string(), version: z.number(),
});
export type ReceptionListItem = z.infer<typeof receptionListItem>;
export const receptionPage = pageOf(receptionListItem).extend({ budgetTotal: z.number(), actualTotal: z.number() });
export const receptionDetail = receptionListItem.extend({
  guests: z.array(guestSchema), programme: z.array(programmeSchema), rooms: z.array(roomSchema), meals: z.array(mealSchema), budget: z.array(budgetLineSchema),
  ...workflowView, canEdit: z.boolean(),
});
export type ReceptionDetail = z.infer<typeof receptionDetail>;

// ---- 会务 ----
export const checklistItemSchema = z.object({
  id: z.string().max(40).optional(),
  category: z.string().trim().max(20).default('其他').describe('类别'),
  label: text('保障事项', 200),
  owner: z.string().trim().max(50).default('').describe('责任人'),
  done: z.boolean().default(false).describe('已落实'),
});
export const linkSchema = z.object({ type: z.string().regex(/^[a-z_]+$/, '应为记录类型代码').max(40).describe('关联记录类型'), id: z.string().min(1).max(40).describe('关联记录') });
export const checklistBody = z.object({
  title: text('活动名称', 200, 2),
  eventDate: day('活动日期'),
  link: linkSchema.nullable().default(null).describe('关联记录'),
  templateId: z.string().max(40).optional().describe('清单模板'),
  items: z.array(checklistItemSchema).max(200).default([]).describe('保障事项'),
});
export type ChecklistBody = z.infer<typeof checklistBody>;
export const checklistEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  title: text('活动名称', 200, 2).optional(),
  eventDate: day('活动日期').optional(),
  items: z.array(checklistItemSchema).max(200).optional().describe('保障事项'),
});
export type ChecklistEditBody = z.infer<typeof checklistEditBody>;
export const checklistListQuery = periodQuery.extend({ open: bool.optional().describe('只看未落实完的'), linkType: z.string().max(40).optional().describe('关联记录类型'), linkId: z.string().max(40).optional().describe('关联记录') });
export type ChecklistListQuery = z.infer<typeof checklistListQuery>;
export const checklistListItem = z.object({
  id: z.string(), title: z.string(), eventDate: z.string(), itemsTotal: z.number(), itemsDone: z.number(),
  link: z.object({ type: z.string(), id: z.string(), title: z.string().nullable() }).nullable(), ownerName: z.string(), version: z.number(),
});
export type ChecklistListItem = z.infer<typeof checklistListItem>;
export const checklistPage = pageOf(checklistListItem);
export const checklistDetail = checklistListItem.extend({ items: z.array(checklistItemSchema.extend({ id: z.string() })), canEdit: z.boolean() });
export type ChecklistDetail = z.infer<typeof checklistDetail>;
export const templateBody = z.object({ name: text('模板名称', 100, 2), items: z.array(z.object({ category: z.string().trim().max(20).default('其他').describe('类别'), label: text('保障事项', 200) })).min(1).max(200).describe('保障事项') });
export const templateView = templateBody.extend({ id: z.string(), version: z.number() });

// ---- 用车 ----
export const tripBody = z.object({
  purpose: text('用车事由', 300, 2),
  passengers: z.number().int().min(1).max(60).describe('乘车人数'),
  destination: text('目的地', 200),
  startsAt: localTime('出发时间'),
  endsAt: localTime('返回时间'),
});
export type TripBody = z.infer<typeof tripBody>;
export const tripListQuery = periodQuery.extend({ state: stateFilter, mine: bool.optional().describe('只看我的'), vehicleId: z.string().max(40).optional().describe('车辆') });
export type TripListQuery = z.infer<typeof tripListQuery>;
export const tripListItem = z.object({
  id: z.string(), purpose: z.string(), destination: z.string(), passengers: z.number(), startsAt: z.string(), endsAt: z.string(),
  ownerName: z.string(), vehicle: z.string().nullable(), driver: z.string().nullable(), driverPhone: z.string().nullable(), km: z.number().nullable(),
  state: z.string(), stateLabel: z.string(), stateTone: z.string(), version: z.number(),
});
export type TripListItem = z.infer<typeof tripListItem>;
export const tripPage = pageOf(tripListItem).extend({ km: z.number() });
export const tripDetail = tripListItem.extend({ vehicleId: z.string().nullable(), driverId: z.string().nullable(), startKm: z.number().nullable(), endKm: z.number().nullable(), reason: z.string().nullable(), ...workflowView });
export type TripDetail = z.infer<typeof tripDetail>;

export const vehicleBody = z.object({ plate: z.string().trim().regex(/^[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}$/, '应为车牌号，如 晋D12345').describe('车牌号'), seats: z.number().int().min(2).max(60).describe('座位数'), kind: text('车型', 20), active: z.boolean().default(true).describe('在用') });
export const vehicleView = vehicleBody.extend({ id: z.string(), version: z.number() });
export const driverBody = z.object({ name: text('姓名', 50), phone: z.string().trim().regex(/^1\d{10}$/, '应为 11 位手机号').describe('手机号'), active: z.boolean().default(true).describe('在岗') });
export const driverView = driverBody.extend({ id: z.string(), version: z.number() });

/** GET /api/office/board: the vehicles and drivers with their bookings over some days (the availability board). */
export const boardQuery = z.object({ date: day('日期'), days: z.coerce.number().int().min(1).max(14).default(1).describe('天数') });
const booking = z.object({ tripId: z.string(), startsAt: z.string(), endsAt: z.string(), purpose: z.string(), destination: z.string(), ownerName: z.string(), state: z.string(), other: z.string().nullable() });
export const boardView = z.object({
  from: z.string(), to: z.string(),
  vehicles: z.array(z.object({ id: z.string(), label: z.string(), seats: z.number(), kind: z.string(), bookings: z.array(booking) })),
  drivers: z.array(z.object({ id: z.string(), label: z.string(), phone: z.string(), bookings: z.array(booking) })),
});
export type BoardView = z.infer<typeof boardView>;

export const officeOptions = z.object({
  receptionStates: z.array(z.object({ code: z.string(), label: z.string() })),
  tripStates: z.array(z.object({ code: z.string(), label: z.string() })),
  vehicles: z.array(vehicleView), drivers: z.array(driverView), templates: z.array(templateView),
});
export type OfficeOptions = z.infer<typeof officeOptions>;
