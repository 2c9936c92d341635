/**
 * The people and organisations of a CPPCC (组织机构、界别、用户、委员档案) as rows, inserted in one transaction with an
 * audit record. The demo seed builds the whole 长治 tree with it; test factories build a minimal world with the same
 * rows, so a record made by either looks the same to every module.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ModuleContext } from '../kernel/server/module.ts';
import { appendAudit } from '../kernel/server/audit.ts';
import { newId } from '../kernel/universal/ids.ts';
import { sealTotpSecret } from '../modules/identity/index.ts';
import { termNumberOf } from '../modules/organizations/index.ts';

export interface WorldOrg {
  parent: string | null;
  kind: string;
  level?: string | null;
  name: string;
  short?: string | null;
  code?: string | null;
  sort: number;
  /** the CPPCC the organisation belongs to; a CPPCC is its own tenant (the default) */
  tenant?: string;
}

export interface WorldUser {
  username: string;
  orgId: string;
  tenantId: string;
  /** role codes, each held in the user's organisation unless another is named */
  roles: Array<{ code: string; orgId?: string }>;
  displayName: string;
  email?: string | null;
  /** an administrator's TOTP secret (sealed before it is stored) */
  totpSecret?: string;
}

export interface WorldMember {
  userId: string;
  tenantId: string;
  sectorId: string;
  party: string | null;
  term?: string;
  isStanding?: boolean;
  gender?: string;
  phone?: string | null;
  /** special committees (专委会) and the member's role in each (主任, 副主任, 委员) */
  committees?: Array<{ committeeId: string; role: string }>;
  /** 任职日期 in the term (委员管理); the term's first January by default */
  joinedOn?: string;
}

async function insertBatched(trx: Transaction<any> | Kysely<any>, table: string, rows: Record<string, unknown>[], size = 200) {
  for (let i = 0; i < rows.length; i += size) await trx.insertInto(table).values(rows.slice(i, i + size)).execute();
}

/** Rows of organisations, 界别, users and member profiles, collected and then inserted together by `insert`. */
export class WorldRows {
  readonly orgs: Record<string, unknown>[] = [];
  readonly sectors: Record<string, unknown>[] = [];
  readonly users: Record<string, unknown>[] = [];
  readonly userRoles: Record<string, unknown>[] = [];
  readonly profiles: Record<string, unknown>[] = [];
  readonly memberships: Record<string, unknown>[] = [];
  readonly memberTerms: Record<string, unknown>[] = [];

  /** `passwordHash`: every user's password (hashed once: argon2 is slow on purpose) */
  constructor(private readonly now: string, private readonly passwordHash: string) {}

  org(o: WorldOrg): string {
    const id = newId();
    this.orgs.push({
      id, parent_id: o.parent, kind: o.kind, level: o.level ?? null, name: o.name, short_name: o.short ?? null, code: o.code ?? null,
      sort: o.sort, tenant_id: o.tenant ?? id, active: 1, version: 1, created_at: this.now, updated_at: this.now,
    });
    return id;
  }

  sector(tenantId: string, name: string, sort: number): string {
    const id = newId();
    this.sectors.push({ id, tenant_id: tenantId, name, sort });
    return id;
  }

  user(u: WorldUser): string {
    const id = newId();
    const codes = [...new Set(u.roles.map((r) => r.code))].sort();
    this.users.push({
      id, tenant_id: u.tenantId, org_id: u.orgId, username: u.username, display_name: u.displayName, email: u.email ?? null, phone: null,
      password_hash: this.passwordHash, password_changed_at: this.now, must_change_password: 0, failed_count: 0, locked_until: null,
      totp_secret: u.totpSecret ? sealTotpSecret(u.totpSecret, id) : null, totp_enabled: u.totpSecret ? 1 : 0, large_text: 0, locale: 'zh-CN', role_codes: codes.join(','),
      active: 1, version: 1, created_at: this.now, updated_at: this.now,
    });
    for (const r of u.roles) this.userRoles.push({ user_id: id, role_code: r.code, org_id: r.orgId ?? u.orgId });
    return id;
  }

  member(m: WorldMember): void {
    this.profiles.push({
      user_id: m.userId, tenant_id: m.tenantId, sector_id: m.sectorId, party: m.party, term: m.term ?? '十四届', is_standing: m.isStanding ? 1 : 0,
      gender: m.gender ?? '男', phone: m.phone ?? null, workplace: null, created_at: this.now, updated_at: this.now,
    });
    // 任职: the member serves in the term of their profile (委员管理)
    this.memberTerms.push({
      user_id: m.userId, term_no: termNumberOf(m.term ?? '十四届') ?? 14, tenant_id: m.tenantId, joined_on: m.joinedOn ?? '2022-01-01',
      left_on: null, left_reason: null, is_standing: m.isStanding ? 1 : 0, posts: JSON.stringify([m.isStanding ? '常委' : '委员']),
    });
    for (const c of m.committees ?? []) this.memberships.push({ user_id: m.userId, committee_id: c.committeeId, tenant_id: m.tenantId, role: c.role });
  }

  /** Insert every row in one transaction, with an audit record of `action` on the organisation `tenantId`. */
  async insert(ctx: Pick<ModuleContext, 'db' | 'dialect'>, audit: { tenantId: string; action: string }): Promise<void> {
    await ctx.db.transaction().execute(async (trx) => {
      await insertBatched(trx, 'organizations', this.orgs);
      await insertBatched(trx, 'sectors', this.sectors);
      await insertBatched(trx, 'users', this.users, 100);
      await insertBatched(trx, 'user_roles', this.userRoles);
      await insertBatched(trx, 'member_profiles', this.profiles);
      await insertBatched(trx, 'committee_memberships', this.memberships);
      await insertBatched(trx, 'member_terms', this.memberTerms);
      await appendAudit(trx, ctx.dialect, {
        tenantId: audit.tenantId, actorId: 'system', actorName: '系统', action: audit.action, entityType: 'organization', entityId: audit.tenantId,
        data: { organizations: this.orgs.length, users: this.users.length, members: this.profiles.length },
      });
    });
  }
}
