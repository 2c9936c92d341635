/**
 * Test factories for 社情民意: a report of a world submitter in any state its own actions reach (编期 and 刊发 are the
 * issue commands'), brought there by firing the real transitions through the API (see test/support/factories.ts).
 */
import assert from 'node:assert/strict';
import { issueDrivenActions, reportLifecycle, type ReportRecord } from '../domain/opinion-lifecycle.ts';
import type { ReportState } from '../contract.ts';
import { driveTo, type DriveOptions, type Driver, type World } from '../../../../test/support/factories.ts';

export function reportDriver(world: World): Driver<ReportRecord> {
  return {
    workflow: reportLifecycle,
    load: async (id) => (await world.zx.ctx.db.selectFrom('opinion_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as ReportRecord & { state: string; version: number },
    fire: (c, id, action, version, input) => c.post(`/api/opinions/${id}/transitions`, { action, version, input }),
    fieldDefault: (field) => (field === 'reason' ? '请补充具体情况和数据' : undefined),
    avoid: issueDrivenActions,
  };
}

export interface ReportSpec extends DriveOptions {
  /** the submitter (default `member`) */
  submitter?: string;
  title?: string;
  body?: string;
  urgent?: boolean;
  /** the 选题 it answers */
  topicId?: string;
}

/** A report in `state` (待处理 by default); returns its detail as the submitter reads it and the actions taken. */
export async function makeReport(world: World, state: ReportState = 'submitted', spec: ReportSpec = {}) {
  const submitter = await world.as(spec.submitter ?? 'member');
  const created = await submitter.post('/api/opinions', {
    title: spec.title ?? '关于城区背街小巷路灯维修的建议',
    body: spec.body ?? '近期群众反映，城区部分背街小巷路灯损坏较多，夜间出行不便，存在安全隐患。建议有关部门开展排查，及时维修。',
    urgent: spec.urgent ?? false,
    ...(spec.topicId ? { topicId: spec.topicId } : {}),
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const steps = await driveTo(world, reportDriver(world), created.body.id, state, spec);
  const detail = await submitter.get(`/api/opinions/${created.body.id}`);
  return { id: String(created.body.id), steps, detail: detail.body };
}
