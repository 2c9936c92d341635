/**
 * What is offered can be fired, and what can be fired is offered: for every state of the 社情民意 report lifecycle and
 * of the issue (期刊) lifecycle, every role with its default permissions, inside and outside the record's CPPCC, and
 * reports of the actor's own and of others, the actions the API offers (`allowedActions`, without 编入期刊 and 刊发 on a
 * report, which only the issue fires) are exactly those the transition endpoint lets through (`checkTransition`, the
 * runner's decision, and the same exclusion); each offered action fires with a valid input and refuses one with a
 * required field left out, naming that field.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { allowedActions, checkTransition, type ActorLike, type WorkflowDef } from '../../../kernel/universal/workflow.ts';
import { kernelRoles } from '../../../kernel/universal/roles.ts';
import { modules } from '../../../server/modules.ts';
import { issueDrivenActions, issueLifecycle, reportLifecycle, type IssueRecord, type ReportRecord } from '../domain/opinion-lifecycle.ts';
import { opinionsModule } from '../module.ts';

const CITY = 'city';
/** every role the app knows: the kernel's three administrators and the business roles the manifests declare */
const roleCodes = [...kernelRoles.map((r) => r.code as string), ...modules.flatMap((m) => (m.roles ?? []).map((r) => r.code))];

/** Each role's default permissions, as the module grants them. */
const permissionsOf = (role: string) => new Set(opinionsModule.permissions.filter((p) => p.defaultRoles.includes(role)).map((p) => p.code));

/** One actor per role in the city and one in a county below it; an editor who also leads; a member whose grant was taken away. */
const actors: ActorLike[] = [
  ...roleCodes.flatMap((role) => [
    { userId: `${role}-1`, orgId: CITY, tenantId: CITY, roles: [role], permissions: permissionsOf(role) },
    { userId: `${role}-2`, orgId: 'county', tenantId: 'county', roles: [role], permissions: permissionsOf(role) },
  ]),
  { userId: 'both', orgId: CITY, tenantId: CITY, roles: ['info_editor', 'leader'], permissions: new Set([...permissionsOf('info_editor'), ...permissionsOf('leader')]) },
  { userId: 'revoked', orgId: CITY, tenantId: CITY, roles: ['member'], permissions: new Set<string>() },
];

const validInput: Record<string, Record<string, unknown>> = {
  return: { reason: '请补充具体数据' }, withdraw: {}, reject: { reason: '请调整篇目顺序' }, distribute: { recipients: ['市委'] },
};

/** The actions a record's page offers and its endpoint fires (a report's 编期 and 刊发 belong to the issue). */
function agree<R>(wf: WorkflowDef<R>, records: (state: string) => R[], ownActions: (name: string) => boolean) {
  let offeredCount = 0;
  for (const state of Object.keys(wf.states)) {
    for (const record of records(state)) {
      for (const actor of actors) {
        const offered = allowedActions(wf, state, { record, actor }).filter((a) => ownActions(a.name));
        const offeredNames = offered.map((a) => a.name).sort();
        const fireable = [...new Set(wf.transitions.map((t) => t.name))].filter(ownActions)
          .filter((name) => checkTransition(wf, state, name, { record, actor, input: validInput[name] ?? {} }).ok).sort();
        assert.deepEqual(offeredNames, fireable, `${wf.id} ${state} ${actor.userId} ${JSON.stringify(record)}`);
        for (const a of offered) {
          offeredCount++;
          for (const f of a.fields.filter((x) => x.required)) {
            const { [f.name]: _left, ...without } = validInput[a.name] ?? {};
            const r = checkTransition(wf, state, a.name, { record, actor, input: without });
            assert.ok(!r.ok && r.code === 'VALIDATION_FAILED' && r.field === f.name && r.message.includes(f.label), `${a.name} without ${f.name}`);
          }
        }
        if (wf.states[state].terminal) assert.deepEqual(offered, [], `${state} is terminal`);
      }
    }
  }
  return offeredCount;
}

describe('社情民意: allowed actions and firing agree', () => {
  test('the report lifecycle, for every state, role and submitter (the clerk of a handling unit among them)', () => {
    const report = (state: string, submitter: string, tenant = CITY): ReportRecord => ({ id: 'r1', tenant_id: tenant, state, version: 1, submitter_user_id: submitter, urgent: 0 });
    const n = agree(reportLifecycle, (state) => [
      report(state, 'member-1'), report(state, 'informant-1'), report(state, 'unit_handler-1'), report(state, 'office_staff-1'),
      report(state, 'member-2'), report(state, 'member-2', 'county'), report(state, 'revoked'),
    ], (name) => !issueDrivenActions.has(name));
    assert.ok(n > 30, `the fixture offers many actions (${n})`);
  });

  test('the issue lifecycle, for every state and role', () => {
    const issue = (state: string, tenant = CITY): IssueRecord => ({ id: 'i1', tenant_id: tenant, state, version: 1 });
    const n = agree(issueLifecycle, (state) => [issue(state), issue(state, 'county')], () => true);
    assert.ok(n > 5, `the fixture offers actions (${n})`);
  });

  test('a report is resubmitted or withdrawn by its own submitter only, the clerk of a handling unit too; a grant taken away hides and refuses it', () => {
    const returned = (submitter: string): ReportRecord => ({ id: 'r1', tenant_id: CITY, state: 'returned', version: 1, submitter_user_id: submitter });
    const clerk = actors.find((a) => a.userId === 'unit_handler-1')!;
    assert.deepEqual(allowedActions(reportLifecycle, 'returned', { record: returned('unit_handler-1'), actor: clerk }).map((a) => a.name).sort(), ['resubmit', 'withdraw']);
    assert.deepEqual(allowedActions(reportLifecycle, 'returned', { record: returned('member-1'), actor: clerk }), []);
    const revoked = actors.find((a) => a.userId === 'revoked')!;
    assert.deepEqual(allowedActions(reportLifecycle, 'returned', { record: returned('revoked'), actor: revoked }), []);
    const r = checkTransition(reportLifecycle, 'returned', 'resubmit', { record: returned('revoked'), actor: revoked, input: {} });
    assert.ok(!r.ok && r.code === 'FORBIDDEN');
  });
});
