/**
 * Commands on 公益 (the office's): drives, donations, beneficiaries. Each runs in one unit of work (row, audit record,
 * event); edits carry the version read (a stale one is a 409). The audit names records, never a student.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { forbidden, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { findPeople } from '../../identity/index.ts';
import { membersAmong } from '../../organizations/index.ts';
import type { BeneficiaryCreateBody, DonationCreateBody, DriveCreateBody, DriveEditBody } from '../contract.ts';
import { managesCharity } from '../domain/charity-rules.ts';
import { findDrive } from './repository.ts';
import { charityDb } from './tables.ts';

export const DRIVE_LABEL = '公益活动';

function mustManage(actor: Actor, what: string) {
  if (!managesCharity(actor)) throw forbidden(what);
}

export async function visibleDrive(ctx: ModuleContext, actor: Actor, id: string) {
  const d = await findDrive(ctx.db, id);
  if (!d || d.tenant_id !== actor.tenantId) throw notFound(DRIVE_LABEL);
  return d;
}

export async function createDrive(ctx: ModuleContext, actor: Actor, body: DriveCreateBody, ip?: string): Promise<string> {
  mustManage(actor, '新建公益活动');
  if (body.endsOn < body.startsOn) throw invalid('endsOn', '「结束日期」', '不能早于开始日期');
  const id = newId();
  await ctx.uow.run(async (w) => {
    await charityDb(w.trx).insertInto('charity_drives').values({ id, tenant_id: actor.tenantId, name: body.name, starts_on: body.startsOn, ends_on: body.endsOn, target_yuan: body.targetYuan ?? null, intro: body.intro ?? '', version: 1, created_at: w.now, updated_at: w.now }).execute();
    await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'charity.drive_create', entityType: 'charity_drive', entityId: id, ip });
    await w.emit({ type: 'charity.drive_created', tenantId: actor.tenantId, entityType: 'charity_drive', entityId: id, actorId: actor.userId, payload: {} });
  });
  return id;
}

export async function editDrive(ctx: ModuleContext, actor: Actor, id: string, body: DriveEditBody, ip?: string) {
  mustManage(actor, '修改公益活动');
  const d = await visibleDrive(ctx, actor, id);
  const starts = body.startsOn ?? d.starts_on, ends = body.endsOn ?? d.ends_on;
  if (ends < starts) throw invalid('endsOn', '「结束日期」', '不能早于开始日期');
  await ctx.uow.run(async (w) => {
    const set: Record<string, unknown> = { updated_at: w.now, starts_on: starts, ends_on: ends };
    if (body.name !== undefined) set.name = body.name;
    if (body.targetYuan !== undefined) set.target_yuan = body.targetYuan;
    if (body.intro !== undefined) set.intro = body.intro;
    await w.bumpVersion('charity_drives', id, body.version, set, DRIVE_LABEL);
    await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'charity.drive_edit', entityType: 'charity_drive', entityId: id, ip });
  });
}

/** 登记捐赠: a member of this CPPCC (by id) or a unit (by name). */
export async function addDonation(ctx: ModuleContext, actor: Actor, driveId: string, body: DonationCreateBody, ip?: string): Promise<string> {
  mustManage(actor, '登记捐赠');
  const d = await visibleDrive(ctx, actor, driveId);
  let donorName: string;
  if (body.donorKind === 'member') {
    if (!body.donorUserId) throw invalid('donorUserId', '「捐赠委员」', '必填');
    const [ok, people] = await Promise.all([membersAmong(ctx.db, actor.tenantId, [body.donorUserId]), findPeople(ctx.db, [body.donorUserId])]);
    if (!ok.has(body.donorUserId) || !people.has(body.donorUserId)) throw invalid('donorUserId', '「捐赠委员」', '应为本级政协委员');
    donorName = people.get(body.donorUserId)!.name;
  } else {
    if (!body.donorName) throw invalid('donorName', '「捐赠单位」', '必填');
    donorName = body.donorName;
  }
  const id = newId();
  await ctx.uow.run(async (w) => {
    await charityDb(w.trx).insertInto('charity_donations').values({
      id, tenant_id: d.tenant_id, drive_id: d.id, donor_kind: body.donorKind, donor_user_id: body.donorKind === 'member' ? body.donorUserId! : null, donor_name: donorName,
      amount_yuan: body.amountYuan, donated_on: body.donatedOn, note: body.note ?? null, recorded_by: actor.userId, created_at: w.now,
    }).execute();
    await w.audit({ tenantId: d.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'charity.donation', entityType: 'charity_donation', entityId: id, ip, data: { driveId, amountYuan: body.amountYuan } });
    await w.emit({ type: 'charity.donation_recorded', tenantId: d.tenant_id, entityType: 'charity_donation', entityId: id, actorId: actor.userId, payload: { driveId, donorUserId: body.donorUserId ?? null } });
  });
  return id;
}

export async function addBeneficiary(ctx: ModuleContext, actor: Actor, driveId: string, body: BeneficiaryCreateBody, ip?: string): Promise<string> {
  mustManage(actor, '登记受助学生');
  const d = await visibleDrive(ctx, actor, driveId);
  const id = newId();
  await ctx.uow.run(async (w) => {
    await charityDb(w.trx).insertInto('charity_beneficiaries').values({ id, tenant_id: d.tenant_id, drive_id: d.id, student_name: body.studentName, school: body.school, grade: body.grade, amount_yuan: body.amountYuan, given_on: body.givenOn, version: 1, created_at: w.now, updated_at: w.now }).execute();
    await w.audit({ tenantId: d.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'charity.beneficiary', entityType: 'charity_beneficiary', entityId: id, ip, data: { driveId, amountYuan: body.amountYuan } });
  });
  return id;
}

export async function editBeneficiary(ctx: ModuleContext, actor: Actor, id: string, body: Partial<BeneficiaryCreateBody> & { version: number }, ip?: string) {
  mustManage(actor, '修改受助学生');
  const b = await charityDb(ctx.db).selectFrom('charity_beneficiaries').select(['tenant_id']).where('id', '=', id).executeTakeFirst();
  if (!b || b.tenant_id !== actor.tenantId) throw notFound('受助学生');
  await ctx.uow.run(async (w) => {
    const set: Record<string, unknown> = { updated_at: w.now };
    if (body.studentName !== undefined) set.student_name = body.studentName;
    if (body.school !== undefined) set.school = body.school;
    if (body.grade !== undefined) set.grade = body.grade;
    if (body.amountYuan !== undefined) set.amount_yuan = body.amountYuan;
    if (body.givenOn !== undefined) set.given_on = body.givenOn;
    await w.bumpVersion('charity_beneficiaries', id, body.version, set, '受助学生');
    await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'charity.beneficiary_edit', entityType: 'charity_beneficiary', entityId: id, ip });
  });
}
