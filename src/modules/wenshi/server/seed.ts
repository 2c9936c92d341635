/**
 * Demo data: three published issues of 《长治文史》 (第38–40辑, 2023–2025) holding 42 accepted materials of 上党 history
 * (上党战役, 太行山根据地, 长治古建筑 …), an issue being edited (第41辑, this year), two accepted materials waiting to
 * be selected, and eight submissions waiting for review (已收到/审核中) from members and the public, on the 文史委
 * staff's worklist. The demo member (`member`) contributed some of the printed materials and one pending submission,
 * so 我的投稿 is not empty. Every material is sent to the cross-module search.
 */
import { insertBatches } from '../../../kernel/server/db/bulk.ts';
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { seedWorkflowRows } from '../../../kernel/server/work-items.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import type { TextIndexManyPayload } from '../../text/index.ts';
import { findPeople } from '../../identity/index.ts';
import { MATERIAL_SOURCE } from './commands.ts';
import { pendingMaterials, seedMaterials } from './seed-data.ts';
import { wenshiDb } from './tables.ts';

type Row = Record<string, unknown>;
const at = (date: string, hhmm = '10:00') => new Date(Date.parse(`${date}T${hhmm}:00+08:00`)).toISOString();
const pad = (n: number) => String(n).padStart(2, '0');

export const wenshiSeedFigures = { publishedIssues: 3, printed: 42, acceptedWaiting: 2, pending: 8 } as const;

export async function seedWenshi(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  const db = wenshiDb(ctx.db);
  const staff = seed.demoUsers.committee ?? seed.demoUsers.office;
  const demoMember = seed.demoUsers.member;
  if (!staff || !demoMember || seed.memberUserIds.length < 20) return;
  if (await db.selectFrom('wenshi_issues').select('id').limit(1).executeTakeFirst()) return;
  const tenant = seed.cityId;
  const today = ctx.calendar.today();
  const thisYear = Number(today.slice(0, 4));
  const pool = [demoMember.userId, ...seed.memberUserIds.filter((id) => id !== demoMember.userId).slice(0, 30)];
  const people = await findPeople(ctx.db, [staff.userId, ...pool]);
  const nameOf = (id: string) => people.get(id)?.name ?? '委员';
  const staffName = nameOf(staff.userId);

  const issues: Row[] = [];
  const materials: Row[] = [];
  const revisions: Row[] = [];
  const history: Row[] = [];
  const tasks: Row[] = [];
  const hist = (id: string, from: string | null, to: string, action: string, when: string, actor: { id: string; name: string; org: string | null }, note: string | null = null) =>
    history.push({ id: newId(), tenant_id: tenant, entity_type: 'wenshi_material', entity_id: id, from_state: from, to_state: to, action, actor_id: actor.id, actor_name: actor.name, actor_org_id: actor.org, note, data: null, at: when });
  const staffRef = { id: staff.userId, name: staffName, org: staff.orgId };

  // 第38–40辑, published in 2023–2025; 第41辑 being edited this year
  const published = [{ number: 38, year: 2023, count: 15 }, { number: 39, year: 2024, count: 15 }, { number: 40, year: 2025, count: 12 }];
  const issueIds: string[] = [];
  for (const p of published) {
    const id = newId();
    issueIds.push(id);
    issues.push({ id, tenant_id: tenant, number: p.number, year: p.year, title: '长治文史', editor: '市政协文化文史和学习委员会', published: 1, published_at: at(`${p.year}-11-20`), version: 3, created_at: at(`${p.year}-03-01`), updated_at: at(`${p.year}-11-20`) });
  }
  const editingId = newId();
  issues.push({ id: editingId, tenant_id: tenant, number: 41, year: Math.max(thisYear, 2026), title: '长治文史', editor: '市政协文化文史和学习委员会', published: 0, published_at: null, version: 1, created_at: at(`${thisYear}-03-01`), updated_at: at(`${thisYear}-03-01`) });

  let k = 0;
  const texts: TextIndexManyPayload['items'] = [];
  const material = (m: (typeof seedMaterials)[number], o: { issue: string | null; seq: number | null; published: boolean; state: string; created: string; owner: string | null; contributor: string; contact: string; source: string }) => {
    const id = newId();
    const body = `${m.text}\n\n（${m.period}，${m.place}${m.people ? `，${m.people}` : ''}）`;
    const edited = o.state === 'selected' ? k % 2 === 0 : o.state === 'edited';
    const title = edited ? m.title.replace(/^长治古建筑：/, '') : m.title;
    materials.push({
      id, tenant_id: tenant, title: edited ? title : m.title, body: edited ? `${body}\n\n编者按：本文经作者同意，文字略有删节。` : body, original_title: m.title, original_body: body,
      source: o.source, owner_user_id: o.owner, contributor_name: o.contributor, contributor_contact: o.contact,
      period: m.period, place: m.place, people: m.people || null, topic: m.topic, decline_reason: null,
      issue_id: o.issue, section: o.issue ? m.section : null, seq: o.seq, published: o.published ? 1 : 0, state: o.state, version: o.state === 'selected' ? (edited ? 6 : 5) : edited ? 5 : 4,
      created_at: o.created, updated_at: o.created,
    });
    const actorOf = o.owner ? { id: o.owner, name: o.contributor, org: tenant } : { id: 'public', name: `社会公众（${o.contributor}）`, org: tenant };
    hist(id, null, 'received', 'create', o.created, actorOf);
    const d = o.created.slice(0, 10);
    hist(id, 'received', 'reviewing', 'review', at(d, '15:00'), staffRef);
    hist(id, 'reviewing', 'accepted', 'accept', at(addDays(d, 7), '10:00'), staffRef, '史料翔实，予以采用');
    if (edited) {
      revisions.push({ id: newId(), material_id: id, no: 1, title, body: `${body}\n\n编者按：本文经作者同意，文字略有删节。`, editor_id: staff.userId, editor_name: staffName, note: '核对史实，删节重复段落', created_at: at(addDays(d, 20)) });
      hist(id, 'accepted', 'edited', 'edit', at(addDays(d, 20)), staffRef, '核对史实，删节重复段落');
    }
    if (o.state === 'selected') hist(id, edited ? 'edited' : 'accepted', 'selected', 'select', at(addDays(d, 30)), staffRef);
    texts.push({ source: MATERIAL_SOURCE, refId: id, title: edited ? title : m.title, body: `${body}\n${m.period} ${m.place} ${m.people} ${m.topic}`, createdAt: o.created, state: o.state, ownerUserId: o.owner });
    k++;
  };

  let next = 0;
  published.forEach((p, i) => {
    for (let s = 1; s <= p.count; s++) {
      const m = seedMaterials[next++];
      // the demo member wrote the first of each issue; others by members, a few by the public
      const owner = s === 1 ? demoMember.userId : s % 4 === 0 ? null : pool[(next * 7) % pool.length];
      const contributor = owner ? nameOf(owner) : ['张建华', '李淑珍', '王永福', '杜海燕'][next % 4];
      material(m, {
        issue: issueIds[i], seq: s, published: true, state: 'selected', created: at(`${p.year - 1}-${pad(((s * 5) % 9) + 3)}-${pad(((s * 3) % 25) + 1)}`),
        owner, contributor, contact: `13${String(900000000 + next * 7919).slice(0, 9)}`, source: owner ? 'member' : 'public',
      });
    }
  });
  // two accepted (one edited) waiting for 第41辑
  for (const state of ['accepted', 'edited']) {
    const m = seedMaterials[next++];
    const owner = pool[(next * 7) % pool.length];
    material(m, { issue: null, seq: null, published: false, state, created: at(addDays(today, -60 - next), '09:30'), owner, contributor: nameOf(owner), contact: `13${String(800000000 + next * 7919).slice(0, 9)}`, source: 'member' });
  }

  // submissions waiting: the first four 已收到, the rest 审核中; the demo member's own among them
  pendingMaterials.forEach((m, i) => {
    const id = newId();
    const owner = m.public ? null : i === 3 ? demoMember.userId : pool[(i * 11) % pool.length];
    const contributor = owner ? nameOf(owner) : m.contributor;
    const created = at(addDays(today, -(i + 1)), `${pad(9 + (i % 8))}:20`);
    const state = i < 4 ? 'received' : 'reviewing';
    materials.push({
      id, tenant_id: tenant, title: m.title, body: m.text, original_title: m.title, original_body: m.text, source: owner ? 'member' : 'public',
      owner_user_id: owner, contributor_name: contributor, contributor_contact: m.contact, period: m.period, place: m.place, people: m.people || null, topic: m.topic,
      decline_reason: null, issue_id: null, section: null, seq: null, published: 0, state, version: state === 'received' ? 1 : 2, created_at: created, updated_at: created,
    });
    hist(id, null, 'received', 'create', created, owner ? { id: owner, name: contributor, org: tenant } : { id: 'public', name: `社会公众（${contributor}）`, org: tenant });
    if (state === 'reviewing') hist(id, 'received', 'reviewing', 'review', at(addDays(today, -i + 3 > 0 ? -1 : -i + 3), '16:00'), staffRef);
    tasks.push({
      id: newId(), tenant_id: tenant, entity_type: 'wenshi_material', entity_id: id, state, title: m.title, label: state === 'received' ? '文史资料待审核' : '文史资料审核中',
      assignee_user_id: null, assignee_org_id: tenant, assignee_role: 'committee_staff', due_date: ctx.calendar.addWorkingDays(created.slice(0, 10) < today ? today : today, state === 'received' ? 5 : 10),
      status: 'open', created_at: created, closed_at: null,
    });
    texts.push({ source: MATERIAL_SOURCE, refId: id, title: m.title, body: `${m.text}\n${m.period} ${m.place} ${m.people} ${m.topic}`, createdAt: created, state, ownerUserId: owner });
  });

  await ctx.db.transaction().execute(async (trx) => {
    await insertBatches(trx, 'wenshi_issues', issues, 100);
    await insertBatches(trx, 'wenshi_materials', materials, 100);
    await insertBatches(trx, 'wenshi_revisions', revisions, 100);
    await seedWorkflowRows(trx, { history, tasks });
  });
  await ctx.events.publish({ type: 'text.index.many', tenantId: tenant, entityType: MATERIAL_SOURCE, payload: { items: texts } as unknown as Record<string, unknown> });
}
