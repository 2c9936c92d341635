/** Test support: firing a proposal's workflow actions, and a 分办/会办 part's, through the API. */
import assert from 'node:assert/strict';
import type { Client } from '../../../../test/support/http.ts';

/** POST …/transitions: the answer as it comes, for tests of refusals. */
export const fire = (c: Client, id: string, action: string, version: number, input: Record<string, unknown> = {}) =>
  c.post(`/api/proposals/${id}/transitions`, { action, version, input });

/** An action that must succeed: the proposal after it. */
export async function ok(c: Client, id: string, action: string, version: number, input: Record<string, unknown> = {}) {
  const r = await fire(c, id, action, version, input);
  assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** POST …/assignments/:assignmentId/transitions (a 分办 or 会办 unit's part): the answer as it comes. */
export const fireUnit = (c: Client, id: string, aid: string, action: string, version: number, input: Record<string, unknown> = {}) =>
  c.post(`/api/proposals/${id}/assignments/${aid}/transitions`, { action, version, input });

/** A part's action that must succeed: the part after it. */
export async function okUnit(c: Client, id: string, aid: string, action: string, version: number, input: Record<string, unknown> = {}) {
  const r = await fireUnit(c, id, aid, action, version, input);
  assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
  return r.body.assignments.find((x: any) => x.id === aid);
}
