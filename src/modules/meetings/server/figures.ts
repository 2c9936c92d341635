/**
 * The module's figures (统计数字): meetings held by kind, expected attendances and attendances (出席率 as the share),
 * and a member's own attendance and selected speeches (meetings.member.*, the duty record and the duty score). Each is
 * counted with the very query its list runs; a period counts by the meeting's first day; only closed meetings count.
 */
import type { FigureDecl, FigureSource } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { shareOf, type Figure } from '../../../kernel/universal/figures.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import { meetingKindLabels, meetingKinds, readsAll } from '../domain/meeting-rules.ts';
import { mayReadDutyRecords } from './commands.ts';
import { attendanceRows, meetingQuery, speechRows } from './repository.ts';

const decl = (name: string, label: string, unit: string, scope: 'organisation' | 'member'): FigureDecl => ({ key: `meetings.${name}`, label, unit, scope });
const orgDecls = [
  ...meetingKinds.map((k) => decl(`kind_${k}`, `召开${meetingKindLabels[k]}`, '次', 'organisation')),
  decl('expected', '应出席', '人次', 'organisation'),
  decl('attended', '出席', '人次', 'organisation'),
];
const memberDecls = [
  decl('member.attended', '出席会议', '次', 'member'),
  decl('member.leave', '请假', '次', 'member'),
  decl('member.absent', '缺席会议', '次', 'member'),
  decl('member.speeches', '大会发言（采用）', '篇', 'member'),
];
const d = (key: string) => [...orgDecls, ...memberDecls].find((x) => x.key === key)!;
const fig = (key: string, value: number, list: Figure['list'], share?: Figure['share']): Figure => ({ key, label: d(key).label, unit: d(key).unit, value, list, ...(share ? { share } : {}) });
const n = async (q: { select: (f: any) => any }) => Number(((await (q.select((eb: any) => eb.fn.countAll().as('n')) as any).executeTakeFirstOrThrow()) as { n: number }).n);

type Period = { from: string; to: string };

export async function orgFigures(ctx: Pick<ModuleContext, 'db'>, actor: Actor, period: Period): Promise<Figure[]> {
  const kinds = await Promise.all(meetingKinds.map(async (k) => {
    const query = { ...period, kind: k, state: 'closed' };
    return fig(`meetings.kind_${k}`, await n(meetingQuery(ctx.db, actor, { kind: k, state: 'closed', ...period })), { api: '/api/meetings', web: '/meetings', query, rows: 'meeting' });
  }));
  const present = { ...period, attendance: 'present' as const };
  const [expected, attended] = await Promise.all([n(attendanceRows(ctx.db, actor.tenantId, period)), n(attendanceRows(ctx.db, actor.tenantId, present))]);
  return [
    ...kinds,
    fig('meetings.expected', expected, { api: '/api/meetings/attendance', web: '/meetings/attendance', query: { ...period }, rows: 'meeting_participant' }),
    fig('meetings.attended', attended, { api: '/api/meetings/attendance', web: '/meetings/attendance', query: present, rows: 'meeting_participant' }, shareOf('meetings.expected', attended, expected)),
  ];
}

export async function memberFigures(ctx: Pick<ModuleContext, 'db'>, tenantId: string, userId: string, period: Period): Promise<Figure[]> {
  const q = (attendance: 'present' | 'leave' | 'absent') => ({ ...period, userId, attendance });
  const sq = { ...period, userId, state: 'selected' as const };
  const [a, l, x, s] = await Promise.all([
    n(attendanceRows(ctx.db, tenantId, q('present'))), n(attendanceRows(ctx.db, tenantId, q('leave'))), n(attendanceRows(ctx.db, tenantId, q('absent'))), n(speechRows(ctx.db, tenantId, sq)),
  ]);
  const att = (query: Record<string, string>): Figure['list'] => ({ api: '/api/meetings/attendance', web: '/meetings/attendance', query, rows: 'meeting_participant' });
  return [
    fig('meetings.member.attended', a, att(q('present'))),
    fig('meetings.member.leave', l, att(q('leave'))),
    fig('meetings.member.absent', x, att(q('absent'))),
    fig('meetings.member.speeches', s, { api: '/api/meetings/speeches', web: '/meetings/speeches', query: sq, rows: 'meeting_speech' }),
  ];
}

export const meetingsFigureSource: FigureSource = {
  figures: [...orgDecls, ...memberDecls],
  async compute(ctx, scope, actor) {
    if (actor.tenantId !== scope.tenantId) return [];
    const period = { from: scope.from, to: scope.to };
    if (scope.subject) {
      if (scope.subject.userId !== actor.userId && !mayReadDutyRecords(actor)) return [];
      return memberFigures(ctx, scope.tenantId, scope.subject.userId, period);
    }
    if (!readsAll(actor)) return [];
    return orgFigures(ctx, actor, period);
  },
};
