/**
 * Demo data reproducing the seed article: the 2025 金秋助学 raised exactly 84.3 万元 (from members and units) and helped
 * 220 university students (3,000–5,000 元 each, 84.3 万元 given in all); a smaller 2025 助残日 drive besides. Each
 * student has a name and school that only the office reads.
 */
import { insertBatches } from '../../../kernel/server/db/bulk.ts';
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { seededRandom } from '../../../kernel/universal/seeded-random.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import { findPeople } from '../../identity/index.ts';
import { apportion } from '../domain/charity-rules.ts';
import { charityDb } from './tables.ts';

export const charitySeedFigures = { year: 2025, raisedYuan: 843_000, students: 220 } as const;

const UNITS = ['长治市工商联', '长治银行', '潞安化工集团', '长治市民营企业家协会', '山西振东制药', '长治市律师协会', '长治市医学会', '晋商银行长治分行', '长治市总商会', '长治市建筑业协会'];
const SCHOOLS = ['山西大学', '太原理工大学', '山西医科大学', '长治医学院', '长治学院', '中北大学', '山西财经大学', '山西师范大学', '山西农业大学', '太原科技大学'];
const GRADES = ['大一', '大一', '大一', '大二'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '郭', '牛', '申', '段', '秦', '崔', '冯'];
const GIVEN = ['子涵', '雨轩', '浩然', '欣怡', '梓萱', '宇航', '佳怡', '俊杰', '思远', '晓雯', '一鸣', '嘉欣', '志远', '梦琪'];
type Row = Record<string, unknown>;
const at = (date: string, hhmm: string) => new Date(Date.parse(`${date}T${hhmm}:00+08:00`)).toISOString();

export async function seedCharity(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  const db = charityDb(ctx.db);
  const staff = seed.demoUsers.office;
  const members = seed.memberUserIds;
  if (!staff || members.length < 150) return;
  if (await db.selectFrom('charity_drives').select('id').limit(1).executeTakeFirst()) return;
  const F = charitySeedFigures;
  const rand = seededRandom(843_220);
  const tenant = seed.cityId;
  const demoMember = seed.demoUsers.member?.userId;
  const donorsIds = [...(demoMember ? [demoMember] : []), ...members.slice(100, 219)];
  const people = await findPeople(ctx.db, donorsIds);
  const drives: Row[] = [], donations: Row[] = [], beneficiaries: Row[] = [];

  // 金秋助学 2025: August to September; 120 members and 10 units give 84.3 万元 in whole hundreds of 元
  const golden = newId();
  drives.push({ id: golden, tenant_id: tenant, name: '2025年“金秋助学”活动', starts_on: '2025-08-01', ends_on: '2025-09-30', target_yuan: 800_000, intro: '动员全市政协委员和社会各界捐资助学，资助家庭困难的新入学大学生。', version: 1, created_at: at('2025-07-20', '09:00'), updated_at: at('2025-07-20', '09:00') });
  const units = UNITS.length;
  const weights = [...donorsIds.map(() => 0.5 + rand() * 2), ...Array.from({ length: units }, () => 8 + rand() * 10)];
  apportion(F.raisedYuan / 100, weights).forEach((hundreds, i) => {
    const on = addDays('2025-08-01', Math.floor(rand() * 45));
    const isMember = i < donorsIds.length;
    donations.push({
      id: newId(), tenant_id: tenant, drive_id: golden, donor_kind: isMember ? 'member' : 'unit', donor_user_id: isMember ? donorsIds[i] : null,
      donor_name: isMember ? people.get(donorsIds[i])?.name ?? '委员' : UNITS[i - donorsIds.length], amount_yuan: hundreds * 100, donated_on: on, note: null, recorded_by: staff.userId, created_at: at(on, '15:00'),
    });
  });
  // 220 students: 87 × 3,000, 83 × 4,000 and 50 × 5,000 元 = 84.3 万元
  const amounts = [...Array(87).fill(3000), ...Array(83).fill(4000), ...Array(50).fill(5000)];
  amounts.forEach((yuan, i) => {
    const on = addDays('2025-09-10', i % 10);
    beneficiaries.push({
      id: newId(), tenant_id: tenant, drive_id: golden, student_name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 5 + Math.floor(i / 14)) % GIVEN.length]}`,
      school: SCHOOLS[(i * 3 + Math.floor(i / 10)) % SCHOOLS.length], grade: GRADES[(i + Math.floor(i / 10)) % GRADES.length], amount_yuan: yuan, given_on: on, version: 1, created_at: at(on, '10:00'), updated_at: at(on, '10:00'),
    });
  });

  // 助残日 2025: a smaller drive in May
  const disabled = newId();
  drives.push({ id: disabled, tenant_id: tenant, name: '2025年“全国助残日”爱心捐助', starts_on: '2025-05-10', ends_on: '2025-05-31', target_yuan: null, intro: '与市残联联合开展助残日活动。', version: 1, created_at: at('2025-05-01', '09:00'), updated_at: at('2025-05-01', '09:00') });
  for (let i = 0; i < 3; i++) donations.push({ id: newId(), tenant_id: tenant, drive_id: disabled, donor_kind: 'unit', donor_user_id: null, donor_name: UNITS[i], amount_yuan: 20_000, donated_on: '2025-05-18', note: '助残日捐助', recorded_by: staff.userId, created_at: at('2025-05-18', '10:00') });

  await ctx.db.transaction().execute(async (trx) => {
    await insertBatches(trx, 'charity_drives', drives);
    await insertBatches(trx, 'charity_donations', donations);
    await insertBatches(trx, 'charity_beneficiaries', beneficiaries);
  });
}
