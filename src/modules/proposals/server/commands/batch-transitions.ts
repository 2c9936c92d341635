/**
 * 审查会议 batch decisions: each item is one ordinary transition (same runner, guards, version check, history, work
 * items, audit) in its own transaction, so a stale version or a refused guard on one proposal fails that item alone
 * and the response lists exactly which. The meeting's date and note go into every decided proposal's history.
 */
import type { Actor } from '../../../../kernel/server/actor.ts';
import { can } from '../../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../../kernel/server/module.ts';
import { AppError, forbidden } from '../../../../kernel/universal/errors.ts';
import { stateLabel, type TransitionInput } from '../../domain/proposal-lifecycle.ts';
import type { BatchBody, BatchResult } from '../../domain/review-contract.ts';
import { fireTransition } from './fire-transition.ts';

export async function fireBatch(ctx: ModuleContext, actor: Actor, body: BatchBody, ip?: string): Promise<BatchResult[]> {
  if (!can(actor, 'proposal.review')) throw forbidden('审查会议批量处理');
  const seen = new Set<string>();
  body.items.forEach((it, i) => {
    if (seen.has(it.id)) throw new AppError('VALIDATION_FAILED', `「审查事项」第 ${i + 1} 项的提案重复出现`, { field: `items.${i}.id` });
    seen.add(it.id);
  });
  const results: BatchResult[] = [];
  for (const it of body.items) {
    const { id, version, transition, ...fields } = it;
    const input: TransitionInput = { ...fields, ...(body.meeting ? { meeting: body.meeting } : {}) };
    try {
      const r = await fireTransition(ctx, { id, action: transition, version, input, actor, ip });
      results.push({ id, ok: true, status: 200, state: r.state, stateLabel: stateLabel(r.state), version: Number(r.version) });
    } catch (e) {
      if (!(e instanceof AppError)) {
        // an unexpected failure of one item: the others still run, and the caller is told which one to retry
        console.error('batch transition failed', id, e);
        results.push({ id, ok: false, status: 500, code: 'INTERNAL', message: '处理失败，请稍后重试' });
        continue;
      }
      results.push({ id, ok: false, status: e.status, code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) });
    }
  }
  return results;
}
