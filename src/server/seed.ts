/**
 * Demo data for an empty database, modelled on the 长治市政协 of the seed article: the CPPCC tree with its 12 county-level
 * CPPCCs, internal bodies, special committees, ~40 handling units, parties and groups, 界别, ~500 members with generated
 * (fictitious) names, and one demo account per role. Then every other module's demo seed runs, in module order.
 */
import type { ModuleContext, SeedContext } from '../kernel/server/module.ts';
import { builtinRoles, hashPassword, syncPermissionCatalogue } from '../modules/identity/index.ts';
import { modules } from './modules.ts';
import { WorldRows } from './world.ts';
import { clock } from '../kernel/universal/clock.ts';
import { seededRandom } from '../kernel/universal/seeded-random.ts';

/** a role code the kernel or a module declares */
type RoleCode = string;
const roleNames = new Map(builtinRoles(modules).map((r) => [r.code, r.name]));

export const DEMO_PASSWORD = 'Zhengxie@2026';

export interface DemoAccount { username: string; password: string; role: string; org: string; totpSecret?: string }

/** Fixed TOTP secrets of the demo administrators, so people and tests can compute their codes. */
export const DEMO_TOTP_SECRETS = {
  sysadmin: 'ZHENGXIESYSADMINTWOZEROTWOSIXAAA',
  secadmin: 'ZHENGXIESECADMINTWOZEROTWOSIXAAA',
  auditor: 'ZHENGXIEAUDITORTWOZEROTWOSIXAAAA',
} as const;

export const COUNTIES = ['潞州区', '上党区', '屯留区', '潞城区', '襄垣县', '平顺县', '黎城县', '壶关县', '长子县', '武乡县', '沁县', '沁源县'] as const;
const COUNTY_CODES = ['140403', '140404', '140405', '140406', '140423', '140425', '140426', '140427', '140428', '140429', '140430', '140431'];

export const COMMITTEES = [
  '提案委员会', '农业和农村委员会', '社会法制委员联络和港澳台侨外事委员会', '人口资源环境委员会',
  '文化文史和学习委员会', '经济委员会', '教科卫体和民族宗教委员会',
] as const;

export const UNITS = [
  '市农业农村局', '市住建局', '市教育局', '市卫健委', '市交通运输局', '市生态环境局', '市人社局', '市民政局', '市财政局', '市发改委',
  '市工信局', '市商务局', '市文旅局', '市自然资源局', '市水务局', '市应急管理局', '市市场监管局', '市公安局', '市司法局', '市医保局',
  '市城管局', '市行政审批服务管理局', '市科技局', '市退役军人事务局', '市林业局', '市体育局', '市统计局', '市审计局', '市能源局', '市国资委',
  '市乡村振兴局', '市残联', '市妇联', '团市委', '市总工会', '市科协', '市工商联', '国网长治供电公司', '市税务局', '市住房公积金管理中心',
] as const;

const PARTIES = ['民革', '民盟', '民建', '民进', '农工党', '致公党', '九三学社'] as const;
const GROUPS = ['市侨联', '市台联', '市青联', '市文联'] as const;

export const SECTORS = [
  '中共', '民革', '民盟', '民建', '民进', '农工党', '致公党', '九三学社', '无党派人士', '共青团', '工会', '妇联', '科协', '工商联',
  '经济界', '农业界', '教育界', '科技界', '文化艺术界', '医药卫生界', '社会科学界', '体育界', '新闻出版界', '社会福利和社会保障界',
  '少数民族界', '宗教界', '特邀人士',
] as const;

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹易常武乔贺赖龚文'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力斌宇浩凯鹏晨欣悦佳琳雪慧婷博志海峰亮云春晓思嘉宁安德成国永新瑞泽睿航晋源'.split('');

/** The kernel's seeded generator with the demo's helpers, so the demo data are the same on every machine. */
function prng(seed: number) {
  const next = seededRandom(seed);
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
  };
}

/** Load the demo data when the database has no organisations yet; returns the demo accounts, or null when not empty. */
export async function seedDemoIfEmpty(ctx: ModuleContext): Promise<null | { accounts: DemoAccount[] }> {
  const { db } = ctx;
  const existing = await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  if (existing) return null;
  const started = performance.now();
  await syncPermissionCatalogue(db, modules, ctx.dialect);

  const rnd = prng(20260101);
  const now = clock.iso();
  const world = new WorldRows(now, await hashPassword(DEMO_PASSWORD));

  /* ---------- organisations ---------- */
  const addOrg = world.org.bind(world);
  const orgName = new Map<string, string>();
  const provinceId = addOrg({ parent: null, kind: 'cppcc', level: 'province', name: '政协山西省委员会', short: '山西省政协', code: '140000', sort: 0 });
  const cityId = addOrg({ parent: provinceId, kind: 'cppcc', level: 'city', name: '政协长治市委员会', short: '长治市政协', code: '140400', sort: 1 });
  orgName.set(cityId, '长治市政协');
  const officeId = addOrg({ parent: cityId, kind: 'office', name: '办公室', code: 'BGS', sort: 1, tenant: cityId });
  const researchId = addOrg({ parent: cityId, kind: 'office', name: '研究中心', code: 'YJZX', sort: 2, tenant: cityId });
  orgName.set(officeId, '长治市政协办公室').set(researchId, '长治市政协研究中心');
  const committeeIds: Record<string, string> = {};
  COMMITTEES.forEach((name, i) => {
    committeeIds[name] = addOrg({ parent: cityId, kind: 'committee', name, code: `ZWH${String(i + 1).padStart(2, '0')}`, sort: 10 + i, tenant: cityId });
    orgName.set(committeeIds[name], `长治市政协${name}`);
  });
  const unitIds: Record<string, string> = {};
  UNITS.forEach((name, i) => {
    unitIds[name] = addOrg({ parent: cityId, kind: 'gov_unit', name, code: `U${String(i + 1).padStart(2, '0')}`, sort: 100 + i, tenant: cityId });
    orgName.set(unitIds[name], name);
  });
  PARTIES.forEach((p, i) => addOrg({ parent: cityId, kind: 'party', name: `${p}长治市委员会`, short: p, sort: 200 + i, tenant: cityId }));
  GROUPS.forEach((g, i) => addOrg({ parent: cityId, kind: 'group', name: g, sort: 300 + i, tenant: cityId }));
  const countyIds: Record<string, string> = {};
  const countyUnitIds: Record<string, Record<string, string>> = {};
  COUNTIES.forEach((c, i) => {
    const id = addOrg({ parent: cityId, kind: 'cppcc', level: 'county', name: `长治市${c}政协`, short: `${c}政协`, code: COUNTY_CODES[i], sort: 400 + i });
    countyIds[c] = id;
    orgName.set(id, `长治市${c}政协`);
    addOrg({ parent: id, kind: 'office', name: '办公室', sort: 1, tenant: id });
    countyUnitIds[c] = {};
    for (const [j, u] of ['住建局', '教育局', '农业农村局'].entries()) {
      countyUnitIds[c][u] = addOrg({ parent: id, kind: 'gov_unit', name: `${c}${u}`, sort: 100 + j, tenant: id });
    }
  });

  /* ---------- sectors (界别) ---------- */
  const sectorIds: Record<string, string> = {};
  const countySectorIds: Record<string, string[]> = {};
  for (const tenant of [cityId, ...Object.values(countyIds)]) {
    SECTORS.forEach((name, i) => {
      const id = world.sector(tenant, name, i + 1);
      if (tenant === cityId) sectorIds[name] = id;
      else (countySectorIds[tenant] ??= []).push(id);
    });
  }

  /* ---------- users ---------- */
  const usedNames = new Set<string>();
  const personName = () => {
    for (let k = 0; k < 50; k++) {
      const n = rnd.pick(SURNAMES) + rnd.pick(GIVEN) + (rnd.next() < 0.7 ? rnd.pick(GIVEN) : '');
      if (!usedNames.has(n)) { usedNames.add(n); return n; }
    }
    return rnd.pick(SURNAMES) + rnd.pick(GIVEN) + rnd.pick(GIVEN) + rnd.pick(GIVEN);
  };
  const phone = () => `13${rnd.int(10)}${String(rnd.int(1e8)).padStart(8, '0')}`;
  const addUser = (u: { username: string; orgId: string; tenantId: string; roles: Array<{ code: RoleCode; orgId?: string }>; displayName?: string; totpSecret?: string }) =>
    world.user({ ...u, displayName: u.displayName ?? personName() });
  const committeeLeads = new Map<string, number>();
  const addMember = (userId: string, tenantId: string, sectorId: string, sectorName: string, committees: string[]) => {
    const party = (PARTIES as readonly string[]).includes(sectorName) ? sectorName : sectorName === '中共' ? '中国共产党' : null;
    const isStanding = rnd.next() < 0.2;
    const gender = rnd.next() < 0.62 ? '男' : '女';
    world.member({
      userId, tenantId, sectorId, party, term: '十四届', isStanding, gender, phone: phone(),
      committees: committees.map((c) => {
        const n = committeeLeads.get(c) ?? 0;
        committeeLeads.set(c, n + 1);
        return { committeeId: c, role: n === 0 ? '主任' : n <= 2 ? '副主任' : '委员' };
      }),
    });
  };
  const committeeList = Object.values(committeeIds);
  const pickCommittees = () => {
    const first = rnd.pick(committeeList);
    if (rnd.next() < 0.4) {
      const second = rnd.pick(committeeList);
      if (second !== first) return [first, second];
    }
    return [first];
  };

  const accounts: DemoAccount[] = [];
  const demoUsers: SeedContext['demoUsers'] = {};
  const demo = (username: string, role: RoleCode, orgId: string, tenantId: string, opts: { totp?: string; member?: boolean; alsoRoles?: RoleCode[]; displayName?: string } = {}) => {
    const roles: Array<{ code: RoleCode }> = [{ code: role }, ...(opts.alsoRoles ?? []).map((code) => ({ code }))];
    const userId = addUser({ username, orgId, tenantId, roles, totpSecret: opts.totp, displayName: opts.displayName });
    if (opts.member) {
      const sector = tenantId === cityId ? SECTORS[rnd.int(SECTORS.length)] : SECTORS[0];
      const sectorId = tenantId === cityId ? sectorIds[sector] : countySectorIds[tenantId][0];
      addMember(userId, tenantId, sectorId, sector, tenantId === cityId ? [committeeIds['提案委员会']] : []);
    }
    demoUsers[username] = { userId, orgId, username };
    accounts.push({ username, password: DEMO_PASSWORD, role: roleNames.get(role) ?? role, org: orgName.get(orgId) ?? '', ...(opts.totp ? { totpSecret: opts.totp } : {}) });
    return userId;
  };
  demo('member', 'member', cityId, cityId, { member: true });
  demo('informant', 'informant', cityId, cityId);
  demo('proposal', 'proposal_staff', committeeIds['提案委员会'], cityId);
  demo('editor', 'info_editor', researchId, cityId);
  demo('committee', 'committee_staff', committeeIds['农业和农村委员会'], cityId);
  demo('office', 'office_staff', officeId, cityId);
  demo('unit', 'unit_handler', unitIds['市住建局'], cityId);
  demo('unitlead', 'unit_leader', unitIds['市住建局'], cityId);
  demo('unit2', 'unit_handler', unitIds['市教育局'], cityId);
  demo('leader', 'leader', cityId, cityId);
  // 秘书长: a leader who heads the office and writes the annual review (工作回眸) from the figures a leader reads (a
  // name of its own, so the seeded names and figures of everyone else stay as they were)
  demo('secgen', 'office_staff', officeId, cityId, { alsoRoles: ['leader'], displayName: '秦秘书长' });
  demo('county', 'member', countyIds['潞州区'], countyIds['潞州区'], { member: true });
  demo('countystaff', 'proposal_staff', countyIds['潞州区'], countyIds['潞州区']);
  demo('countyeditor', 'info_editor', countyIds['潞州区'], countyIds['潞州区']);
  demo('countyplat', 'platform_staff', countyIds['潞州区'], countyIds['潞州区']);
  demo('countyplat2', 'platform_staff', countyIds['上党区'], countyIds['上党区']);
  // 县级政协领导: the leader of 潞州区's CPPCC, whose dashboard shows their own CPPCC only
  demo('countylead', 'leader', countyIds['潞州区'], countyIds['潞州区'], { displayName: '潞州区政协主席' });
  // 乡镇工作人员: a platform staff account of 潞州区 limited to one town (the platforms seed names the town)
  demo('townplat', 'platform_staff', countyIds['潞州区'], countyIds['潞州区'], { displayName: '任晓峰' });
  demo('sysadmin', 'sys_admin', cityId, cityId, { totp: DEMO_TOTP_SECRETS.sysadmin });
  demo('secadmin', 'sec_admin', cityId, cityId, { totp: DEMO_TOTP_SECRETS.secadmin });
  demo('auditor', 'audit_admin', cityId, cityId, { totp: DEMO_TOTP_SECRETS.auditor });

  // ~500 members of the city CPPCC; some of them are also 特邀信息员
  const memberUserIds: string[] = [];
  for (let i = 1; i <= 500; i++) {
    const roles: Array<{ code: RoleCode }> = [{ code: 'member' }];
    if (i % 17 === 0) roles.push({ code: 'informant' });
    const userId = addUser({ username: `m${String(i).padStart(4, '0')}`, orgId: cityId, tenantId: cityId, roles });
    const sector = SECTORS[rnd.int(SECTORS.length)];
    addMember(userId, cityId, sectorIds[sector], sector, pickCommittees());
    memberUserIds.push(userId);
  }
  // a few members in every county
  COUNTIES.forEach((c, ci) => {
    const tenantId = countyIds[c];
    for (let i = 1; i <= 5; i++) {
      const userId = addUser({ username: `c${String(ci + 1).padStart(2, '0')}m${i}`, orgId: tenantId, tenantId, roles: [{ code: 'member' }] });
      const s = rnd.int(SECTORS.length);
      addMember(userId, tenantId, countySectorIds[tenantId][s], SECTORS[s], []);
    }
  });
  // one clerk (经办人) for every city handling unit
  UNITS.forEach((u, i) => addUser({ username: `handler${String(i + 1).padStart(2, '0')}`, orgId: unitIds[u], tenantId: cityId, roles: [{ code: 'unit_handler' }] }));
  // and one leader (分管领导) who signs off its replies (签发), so no unit's reply waits for a signer it does not have;
  // 市住建局's is the demo account 'unitlead'
  UNITS.forEach((u, i) => { if (u !== '市住建局') addUser({ username: `unitlead${String(i + 1).padStart(2, '0')}`, orgId: unitIds[u], tenantId: cityId, roles: [{ code: 'unit_leader' }] }); });

  await world.insert(ctx, { tenantId: cityId, action: 'demo.seed' });

  const seedCtx: SeedContext = { cityId, countyIds, unitIds, committeeIds, sectorIds, memberUserIds, demoUsers };
  for (const m of modules) {
    if (m.name === 'organizations' || m.name === 'identity' || !m.seed) continue;
    const t = performance.now();
    await m.seed(ctx, seedCtx);
    ctx.log.info(`演示数据：${m.label} 用时 ${Math.round(performance.now() - t)} ms`);
  }
  ctx.log.info(`演示数据加载完成，用时 ${Math.round(performance.now() - started)} ms`);
  return { accounts };
}
