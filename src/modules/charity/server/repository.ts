/**
 * Reading 公益 (Kysely, both databases): one base query per list, filtered by the actor's CPPCC, a drive, a period and a
 * member; the figures count the very same queries.
 */
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { charityDb } from './tables.ts';

export interface DonationFilter { driveId?: string; userId?: string; donorKind?: string; from?: string; to?: string }
export interface BeneficiaryFilter { driveId?: string; from?: string; to?: string }

export function donationQuery(db: AnyModuleDb, tenantId: string, f: DonationFilter) {
  let q = charityDb(db).selectFrom('charity_donations as d').innerJoin('charity_drives as v', 'v.id', 'd.drive_id').where('d.tenant_id', '=', tenantId);
  if (f.driveId) q = q.where('d.drive_id', '=', f.driveId);
  if (f.userId) q = q.where('d.donor_user_id', '=', f.userId);
  if (f.donorKind) q = q.where('d.donor_kind', '=', f.donorKind);
  if (f.from) q = q.where('d.donated_on', '>=', f.from);
  if (f.to) q = q.where('d.donated_on', '<=', f.to);
  return q;
}

export function beneficiaryQuery(db: AnyModuleDb, tenantId: string, f: BeneficiaryFilter) {
  let q = charityDb(db).selectFrom('charity_beneficiaries as b').innerJoin('charity_drives as v', 'v.id', 'b.drive_id').where('b.tenant_id', '=', tenantId);
  if (f.driveId) q = q.where('b.drive_id', '=', f.driveId);
  if (f.from) q = q.where('b.given_on', '>=', f.from);
  if (f.to) q = q.where('b.given_on', '<=', f.to);
  return q;
}

export async function countAndSum(q: any, sumCol: string): Promise<{ n: number; sum: number }> {
  const r = await q.select((eb: any) => [eb.fn.countAll().as('n'), eb.fn.sum(sumCol).as('s')]).executeTakeFirstOrThrow();
  return { n: Number(r.n), sum: Number(r.s ?? 0) };
}

export async function findDrive(db: AnyModuleDb, id: string) {
  return charityDb(db).selectFrom('charity_drives').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Each drive's donation and grant sums for a page of drives (two grouped queries). */
export async function driveSums(db: AnyModuleDb, ids: string[]) {
  const out = new Map<string, { raised: number; donations: number; given: number; beneficiaries: number }>();
  for (const i of ids) out.set(i, { raised: 0, donations: 0, given: 0, beneficiaries: 0 });
  if (ids.length === 0) return out;
  const cdb = charityDb(db);
  const [d, b] = await Promise.all([
    cdb.selectFrom('charity_donations').select(['drive_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('amount_yuan').as('s')]).where('drive_id', 'in', ids).groupBy('drive_id').execute(),
    cdb.selectFrom('charity_beneficiaries').select(['drive_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('amount_yuan').as('s')]).where('drive_id', 'in', ids).groupBy('drive_id').execute(),
  ]);
  for (const r of d) Object.assign(out.get(r.drive_id)!, { raised: Number(r.s ?? 0), donations: Number(r.n) });
  for (const r of b) Object.assign(out.get(r.drive_id)!, { given: Number(r.s ?? 0), beneficiaries: Number(r.n) });
  return out;
}
