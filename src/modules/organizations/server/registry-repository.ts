/**
 * 委员管理: the data of a member's registry record — the profile (界别, 党派, contact details, 专长, 关注领域), their
 * terms (任职: joined, left and why, 常委, posts) and 专委会 — read for a tenant and written under the profile's
 * version, and the staff's contact log (联络记录). The 委员 module presents them (names, masking, Excel); this module
 * owns the tables, so every write goes through here, inside the caller's unit of work.
 */
import type { Transaction } from 'kysely';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { invalid, versionConflict } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { committeeRoles, leaveReasons, termLabel, termPosts, type ContactKind } from '../domain/registry.ts';
import { orgDb } from './tables.ts';

export interface RegistryTermRow {
  termNo: number;
  joinedOn: string;
  leftOn: string | null;
  leftReason: string | null;
  standing: boolean;
  posts: string[];
}

/** A member's registry data as stored (no name: the account's name belongs to 用户与权限). */
export interface RegistryRow {
  userId: string;
  tenantId: string;
  sectorId: string | null;
  party: string | null;
  gender: string | null;
  workplace: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  skills: string[];
  fields: string[];
  version: number;
  /** newest first */
  terms: RegistryTermRow[];
  committees: Array<{ id: string; role: string }>;
}

const list = (v: string | null | undefined): string[] => {
  if (!v) return [];
  try { const a = JSON.parse(v); return Array.isArray(a) ? a.map(String) : []; } catch { return []; }
};

/** Every member's registry data of a tenant (or of some members only). */
export async function registryRowsOf(anyDb: AnyModuleDb, tenantId: string, userIds?: readonly string[]): Promise<RegistryRow[]> {
  const db = orgDb(anyDb);
  if (userIds && userIds.length === 0) return [];
  let pq = db.selectFrom('member_profiles').selectAll().where('tenant_id', '=', tenantId);
  let tq = db.selectFrom('member_terms').selectAll().where('tenant_id', '=', tenantId);
  let cq = db.selectFrom('committee_memberships').select(['user_id', 'committee_id', 'role']).where('tenant_id', '=', tenantId);
  if (userIds) {
    pq = pq.where('user_id', 'in', userIds);
    tq = tq.where('user_id', 'in', userIds);
    cq = cq.where('user_id', 'in', userIds);
  }
  const [profiles, terms, committees] = await Promise.all([pq.execute(), tq.orderBy('term_no', 'desc').execute(), cq.execute()]);
  const termsOf = new Map<string, RegistryTermRow[]>();
  for (const t of terms) {
    const l = termsOf.get(t.user_id) ?? [];
    l.push({ termNo: Number(t.term_no), joinedOn: t.joined_on, leftOn: t.left_on, leftReason: t.left_reason, standing: Number(t.is_standing) === 1, posts: list(t.posts) });
    termsOf.set(t.user_id, l);
  }
  const committeesOf = new Map<string, Array<{ id: string; role: string }>>();
  for (const c of committees) {
    const l = committeesOf.get(c.user_id) ?? [];
    l.push({ id: c.committee_id, role: c.role });
    committeesOf.set(c.user_id, l);
  }
  return profiles.map((p) => ({
    userId: p.user_id, tenantId: p.tenant_id, sectorId: p.sector_id, party: p.party, gender: p.gender, workplace: p.workplace,
    phone: p.phone, email: p.email ?? null, address: p.address ?? null, skills: list(p.skills), fields: list(p.fields), version: Number(p.version ?? 1),
    terms: termsOf.get(p.user_id) ?? [], committees: committeesOf.get(p.user_id) ?? [],
  }));
}

/** The tenant a member's profile belongs to; undefined when the person has no member profile. */
export async function memberTenantOf(anyDb: AnyModuleDb, userId: string): Promise<string | undefined> {
  const row = await orgDb(anyDb).selectFrom('member_profiles').select('tenant_id').where('user_id', '=', userId).executeTakeFirst();
  return row?.tenant_id;
}

/** What a registry edit may replace; absent fields stay as they are. */
export interface RegistryPatch {
  gender?: string | null;
  sectorId?: string | null;
  party?: string | null;
  workplace?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  skills?: string[];
  fields?: string[];
  committees?: Array<{ committeeId: string; role: string }>;
  terms?: RegistryTermRow[];
}

/**
 * Check a patch against the tenant's sectors and committees and the terms' own rules (one row per term, left on or
 * after joining, a reason exactly when left); throws 400 naming the field (`prefix` names the list, e.g. an import row).
 */
export async function checkRegistryPatch(anyDb: AnyModuleDb, tenantId: string, p: RegistryPatch): Promise<void> {
  const db = orgDb(anyDb);
  if (p.sectorId) {
    const s = await db.selectFrom('sectors').select('id').where('id', '=', p.sectorId).where('tenant_id', '=', tenantId).executeTakeFirst();
    if (!s) throw invalid('sectorId', '「界别」', '不是本级政协的界别');
  }
  if (p.committees?.length) {
    const ids = p.committees.map((c) => c.committeeId);
    const found = new Set((await db.selectFrom('organizations').select('id').where('id', 'in', ids).where('tenant_id', '=', tenantId).where('kind', '=', 'committee').execute()).map((r) => r.id));
    p.committees.forEach((c, i) => {
      if (!found.has(c.committeeId)) throw invalid(`committees.${i}.committeeId`, '「专委会」', '不是本级政协的专门委员会');
      if (!(committeeRoles as readonly string[]).includes(c.role)) throw invalid(`committees.${i}.role`, '「专委会职务」', `应为${committeeRoles.join('、')}之一`);
    });
    if (new Set(ids).size !== ids.length) throw invalid('committees', '「专委会」', '不能重复');
  }
  if (p.terms) {
    if (p.terms.length === 0) throw invalid('terms', '「任职」', '至少要有一届');
    const seen = new Set<number>();
    p.terms.forEach((t, i) => {
      if (seen.has(t.termNo)) throw invalid(`terms.${i}.termNo`, '「届次」', `${termLabel(t.termNo)}重复`);
      seen.add(t.termNo);
      if (t.leftOn && t.leftOn < t.joinedOn) throw invalid(`terms.${i}.leftOn`, '「离任日期」', '不能早于任职日期');
      if (t.leftOn && !t.leftReason) throw invalid(`terms.${i}.leftReason`, '「离任原因」', '填写了离任日期时必须选择');
      if (!t.leftOn && t.leftReason) throw invalid(`terms.${i}.leftOn`, '「离任日期」', '选择了离任原因时必须填写');
      if (t.leftReason && !(leaveReasons as readonly string[]).includes(t.leftReason)) throw invalid(`terms.${i}.leftReason`, '「离任原因」', `应为${leaveReasons.join('、')}之一`);
      t.posts.forEach((post) => { if (!(termPosts as readonly string[]).includes(post)) throw invalid(`terms.${i}.posts`, '「职务」', `应为${termPosts.join('、')}之一`); });
    });
  }
}

/**
 * Write a member's registry record under its version (a stale one is a 409); `expected` null creates the profile of a
 * person who had none (an import). Keeps the profile's 届 and 常委 the latest term's, which other modules read.
 * Returns the new version.
 */
export async function writeRegistry(trx: Transaction<any>, tenantId: string, userId: string, expected: number | null, p: RegistryPatch, now: string): Promise<number> {
  const db = orgDb(trx);
  const latest = p.terms ? [...p.terms].sort((a, b) => b.termNo - a.termNo)[0] : undefined;
  const set: Record<string, unknown> = { updated_at: now };
  for (const [k, col] of [['gender', 'gender'], ['sectorId', 'sector_id'], ['party', 'party'], ['workplace', 'workplace'], ['phone', 'phone'], ['email', 'email'], ['address', 'address']] as const) {
    if (p[k] !== undefined) set[col] = p[k];
  }
  if (p.skills) set.skills = JSON.stringify(p.skills);
  if (p.fields) set.fields = JSON.stringify(p.fields);
  if (latest) { set.term = termLabel(latest.termNo); set.is_standing = latest.standing ? 1 : 0; }
  let version: number;
  if (expected === null) {
    await db.insertInto('member_profiles').values({
      user_id: userId, tenant_id: tenantId, term: String(set.term ?? termLabel(14)), created_at: now, version: 1,
      ...(set as object),
    } as any).execute();
    version = 1;
  } else {
    const res = await db.updateTable('member_profiles').set({ ...set, version: expected + 1 } as any)
      .where('user_id', '=', userId).where('tenant_id', '=', tenantId).where('version', '=', expected).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict('委员档案');
    version = expected + 1;
  }
  if (p.terms) {
    await db.deleteFrom('member_terms').where('user_id', '=', userId).execute();
    await db.insertInto('member_terms').values(p.terms.map((t) => ({
      user_id: userId, term_no: t.termNo, tenant_id: tenantId, joined_on: t.joinedOn, left_on: t.leftOn, left_reason: t.leftOn ? t.leftReason : null,
      is_standing: t.standing ? 1 : 0, posts: JSON.stringify(t.posts),
    }))).execute();
  }
  if (p.committees) {
    await db.deleteFrom('committee_memberships').where('user_id', '=', userId).where('tenant_id', '=', tenantId).execute();
    if (p.committees.length) {
      await db.insertInto('committee_memberships').values(p.committees.map((c) => ({ user_id: userId, committee_id: c.committeeId, tenant_id: tenantId, role: c.role }))).execute();
    }
  }
  return version;
}

export interface ContactLogRow { id: string; kind: ContactKind; contactOn: string; staffId: string; staffName: string; notes: string; createdAt: string }

/** 联络记录 of a member, newest first. */
export async function contactLogOf(anyDb: AnyModuleDb, tenantId: string, userId: string): Promise<ContactLogRow[]> {
  const rows = await orgDb(anyDb).selectFrom('member_contacts').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', userId)
    .orderBy('contact_on', 'desc').orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind as ContactKind, contactOn: r.contact_on, staffId: r.staff_id, staffName: r.staff_name, notes: r.notes, createdAt: r.created_at }));
}

export async function addContactLog(trx: Transaction<any>, tenantId: string, userId: string, e: { kind: ContactKind; contactOn: string; notes: string; staffId: string; staffName: string }, now: string): Promise<ContactLogRow> {
  const row = { id: newId(), tenant_id: tenantId, user_id: userId, kind: e.kind, contact_on: e.contactOn, staff_id: e.staffId, staff_name: e.staffName, notes: e.notes, created_at: now };
  await orgDb(trx).insertInto('member_contacts').values(row).execute();
  return { id: row.id, kind: e.kind, contactOn: e.contactOn, staffId: e.staffId, staffName: e.staffName, notes: e.notes, createdAt: now };
}
