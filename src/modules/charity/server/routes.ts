/**
 * HTTP routes under /api/charity: drives with their totals, donations, beneficiaries (names and schools for the office
 * only). Validate → authorize → command → present; every route in /api/docs with a Chinese summary.
 */
import { z } from 'zod';
import { can, type Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { forbidden } from '../../../kernel/universal/errors.ts';
import { findPeople, tenantUsersHoldingRoles } from '../../identity/index.ts';
import {
  beneficiariesPage, beneficiariesQuery, beneficiaryCreateBody, beneficiaryEditBody, charityOptions, donationCreateBody, donationsPage, donationsQuery,
  driveCreateBody, driveDetail, driveEditBody, drivesPage, drivesQuery, idParams, memberOptions, memberOptionsQuery, recordParams,
} from '../contract.ts';
import { beneficiaryView, canUseCharity, donorKindLabels, driveTotals, formatYuan, managesCharity, readsAllCharity, readsPrivate, wanOf } from '../domain/charity-rules.ts';
import { addBeneficiary, addDonation, createDrive, DRIVE_LABEL, editBeneficiary, editDrive, visibleDrive } from './commands.ts';
import { beneficiaryQuery, donationQuery, driveSums } from './repository.ts';
import { charityDb, type DriveRow } from './tables.ts';

const tags = ['charity'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const created = z.object({ id: z.string() });
const money = (yuan: number | string) => ({ amountYuan: Number(yuan), amountWan: wanOf(Number(yuan)), amountText: formatYuan(Number(yuan)) });

function user(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!canUseCharity(actor)) throw forbidden(`使用${DRIVE_LABEL}`);
  return actor;
}

function driveOut(d: DriveRow, s: { raised: number; donations: number; given: number; beneficiaries: number }) {
  const t = driveTotals([s.raised], s.given ? [s.given] : []);
  return {
    id: d.id, name: d.name, startsOn: d.starts_on, endsOn: d.ends_on, targetYuan: d.target_yuan === null ? null : Number(d.target_yuan),
    targetText: d.target_yuan === null ? null : formatYuan(Number(d.target_yuan)), intro: d.intro, version: Number(d.version),
    totals: { raisedYuan: t.raisedYuan, raisedText: formatYuan(t.raisedYuan), givenYuan: t.givenYuan, givenText: formatYuan(t.givenYuan), balanceYuan: t.balanceYuan, donations: s.donations, beneficiaries: s.beneficiaries },
  };
}

export function charityRoutes(app: App, ctx: ModuleContext) {
  async function detailOf(id: string, actor: Actor) {
    const d = await visibleDrive(ctx, actor, id);
    const sums = (await driveSums(ctx.db, [id])).get(id)!;
    const manage = managesCharity(actor);
    return {
      ...driveOut(d, sums), readsPrivate: readsPrivate(actor),
      actions: manage ? [{ name: 'edit' as const, label: '修改' }, { name: 'donation' as const, label: '登记捐赠' }, { name: 'beneficiary' as const, label: '登记受助学生' }] : [],
    };
  }

  app.get('/api/charity', {
    schema: { tags, summary: '公益活动列表（含筹款、发放、受助人数合计）', querystring: drivesQuery, response: { 200: drivesPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = req.query;
    let base = charityDb(ctx.db).selectFrom('charity_drives').where('tenant_id', '=', actor.tenantId);
    if (q.q) base = base.where('name', 'like', `%${q.q.replace(/[%_\\]/g, '')}%`);
    if (q.year) base = base.where('starts_on', '<=', `${q.year}-12-31`).where('ends_on', '>=', `${q.year}-01-01`);
    const [rows, total] = await Promise.all([
      base.selectAll().orderBy('starts_on', 'desc').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const sums = await driveSums(ctx.db, rows.map((r) => r.id));
    return { items: rows.map((r) => driveOut(r, sums.get(r.id)!)), total: Number(total.n), page: q.page, pageSize: q.pageSize };
  });

  app.get('/api/charity/options', {
    schema: { tags, summary: '捐赠方类型的代码及名称', response: { 200: charityOptions, ...errors } },
  }, async (req) => {
    user(req);
    return { donorKinds: Object.entries(donorKindLabels).map(([code, label]) => ({ code, label })) };
  });

  app.get('/api/charity/member-options', {
    schema: { tags, summary: '选择捐赠委员：本级委员，按姓名查找（前 20 位；办公室）', querystring: memberOptionsQuery, response: { 200: memberOptions, ...errors } },
  }, async (req) => {
    const actor = user(req);
    if (!managesCharity(actor)) throw forbidden('选择委员');
    const people = await findPeople(ctx.db, await tenantUsersHoldingRoles(ctx.db, actor.tenantId, ['member']));
    const q = req.query.q ?? '';
    return { items: [...people.values()].filter((p) => p.name.includes(q)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).slice(0, 20).map((p) => ({ id: p.id, name: p.name })) };
  });

  app.post('/api/charity', {
    schema: { tags, summary: '新建公益活动（办公室）', body: driveCreateBody, response: { 201: driveDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createDrive(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await detailOf(id, actor));
  });

  app.get('/api/charity/donations', {
    schema: { tags, summary: '捐赠记录（按公益活动、捐赠委员、捐赠方类型、日期筛选）', querystring: donationsQuery, response: { 200: donationsPage, ...errors } },
  }, async (req) => {
    const q = req.query;
    // a member's donations (the figure in their duty record) may be followed by those who read members' records
    const raw = actorOf(req);
    const actor = q.userId && !canUseCharity(raw) && can(raw, 'member.read_all') ? raw : user(req);
    if (q.userId && q.userId !== actor.userId && !readsAllCharity(actor) && !managesCharity(actor) && !can(actor, 'member.read_all')) throw forbidden('查看其他委员的捐赠');
    const base = donationQuery(ctx.db, actor.tenantId, q);
    const [rows, total] = await Promise.all([
      base.selectAll('d').select('v.name as drive_name').orderBy('d.donated_on', 'desc').orderBy('d.created_at', 'desc').orderBy('d.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => ({ id: r.id, driveId: r.drive_id, driveName: r.drive_name, donorKind: r.donor_kind, donorName: r.donor_name, donatedOn: r.donated_on, note: r.note, ...money(r.amount_yuan) })),
      total: Number(total.n), page: q.page, pageSize: q.pageSize,
    };
  });

  app.get('/api/charity/beneficiaries', {
    schema: { tags, summary: '受助学生（按公益活动、发放日期筛选；姓名、学校仅办公室可见，其他人看到 张** ）', querystring: beneficiariesQuery, response: { 200: beneficiariesPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = req.query;
    const base = beneficiaryQuery(ctx.db, actor.tenantId, q);
    const [rows, total] = await Promise.all([
      base.selectAll('b').select('v.name as drive_name').orderBy('b.given_on', 'desc').orderBy('b.created_at', 'desc').orderBy('b.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => ({ id: r.id, driveId: r.drive_id, driveName: r.drive_name, ...beneficiaryView(r, actor), grade: r.grade, givenOn: r.given_on, version: Number(r.version), ...money(r.amount_yuan) })),
      total: Number(total.n), page: q.page, pageSize: q.pageSize,
    };
  });

  app.patch('/api/charity/beneficiaries/:rid', {
    schema: { tags, summary: '修改受助学生（办公室；带版本号，并发修改返回 409）', params: recordParams, body: beneficiaryEditBody, response: { 200: created, ...errors } },
  }, async (req) => {
    await editBeneficiary(ctx, user(req), req.params.rid, req.body, req.ip);
    return { id: req.params.rid };
  });

  app.get('/api/charity/:id', {
    schema: { tags, summary: '公益活动详情（合计、可执行的操作）', params: idParams, response: { 200: driveDetail, ...errors } },
  }, async (req) => detailOf(req.params.id, user(req)));

  app.patch('/api/charity/:id', {
    schema: { tags, summary: '修改公益活动（办公室；带版本号，并发修改返回 409）', params: idParams, body: driveEditBody, response: { 200: driveDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await editDrive(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post('/api/charity/:id/donations', {
    schema: { tags, summary: '登记捐赠（委员或单位；办公室）', params: idParams, body: donationCreateBody, response: { 201: created, ...errors } },
  }, async (req, reply) => reply.status(201).send({ id: await addDonation(ctx, user(req), req.params.id, req.body, req.ip) }));

  app.post('/api/charity/:id/beneficiaries', {
    schema: { tags, summary: '登记受助学生（办公室）', params: idParams, body: beneficiaryCreateBody, response: { 201: created, ...errors } },
  }, async (req, reply) => reply.status(201).send({ id: await addBeneficiary(ctx, user(req), req.params.id, req.body, req.ip) }));
}
