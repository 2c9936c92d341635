/**
 * Test factories for 提案: a proposal of a world member in any lifecycle state, brought there by firing the real
 * transitions through the API (the path is read from the lifecycle; see `driveTo` in test/support/factories.ts).
 */
import assert from 'node:assert/strict';
import { proposalLifecycle, type ProposalRecord } from '../domain/proposal-lifecycle.ts';
import type { ProposalState } from '../contract.ts';
import { driveTo, type DriveOptions, type Driver, type World } from '../../../../test/support/factories.ts';
import { fire } from './transitions.ts';

/** How proposals are created, loaded and fired in a world; required input defaults to a single-unit 交办 to 市住建局 and an A-class reply. */
export function proposalDriver(world: World): Driver<ProposalRecord> {
  const defaults: Record<string, unknown> = {
    reason: '请补充具体情况后再办理', reasonCode: 'academic', mode: 'single', leadUnitId: world.ids.unitIds['市住建局'],
    replyClass: 'A', replyText: '经研究，所提问题已列入本年度工作计划并基本解决。', satisfaction: 'satisfied',
  };
  return {
    workflow: proposalLifecycle,
    load: async (id) => (await world.zx.ctx.db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as ProposalRecord & { state: string; version: number },
    fire: (c, id, action, version, input) => fire(c, id, action, version, input),
    fieldDefault: (field) => defaults[field],
    // 并案 needs a second proposal; 跨年度跟踪 goes back to 待签收 (a shorter way always exists)
    avoid: new Set(['merge', 'follow_up']),
  };
}

export interface ProposalSpec extends DriveOptions {
  /** the proposer (a world member's username, default `member`) */
  proposer?: string;
  title?: string;
  /** fields of the draft besides the title (background, type, cosignerUserIds, …) */
  draft?: Record<string, unknown>;
}

/** A proposal in `state` (暂存 by default); returns its detail as the proposer reads it and the actions taken. */
export async function makeProposal(world: World, state: ProposalState = 'draft', spec: ProposalSpec = {}) {
  const proposer = await world.as(spec.proposer ?? 'member');
  const created = await proposer.post('/api/proposals', {
    title: spec.title ?? '关于加强老旧小区加装电梯工作的建议', background: '老旧小区居民多为老年人，上下楼困难。',
    analysis: '加装电梯资金筹措和意见协调难。', suggestions: '建议完善补贴政策，简化审批流程。', ...spec.draft,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const steps = await driveTo(world, proposalDriver(world), created.body.id, state, spec);
  const detail = await proposer.get(`/api/proposals/${created.body.id}`);
  return { id: String(created.body.id), steps, detail: detail.body };
}
