// English mode is complete for what the server sends by its Chinese name (decision 0038): every role, every lifecycle's
// states, work-item labels, actions and their form fields and options, the default reply classes and 不予立案 reasons,
// and the enumerations a 提案 or 社情民意 page shows have an English entry in the web app's dictionaries; the notice
// texts the server composes translate through their patterns.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { actionFields, type WorkflowDef } from '../src/kernel/universal/workflow.ts';
import { kernelRoles } from '../src/kernel/universal/roles.ts';
import { modules } from '../src/server/modules.ts';
import { webModules } from '../src/web/modules.ts';
import { englishLoaded, hasEnglish, loadEnglish, translateServerText, withLocale } from '../src/kernel/web/i18n.tsx';
import { defaultNotFiledReasons, defaultReplyClasses } from '../src/modules/proposals/domain/proposal-settings.ts';
import * as proposalContract from '../src/modules/proposals/contract.ts';
import * as opinionContract from '../src/modules/opinions/contract.ts';
import { consultationMethodLabels } from '../src/modules/proposals/domain/proposal-consultation.ts';
import { actionLabel } from '../src/modules/proposals/domain/proposal-lifecycle.ts';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

function missing(labels: Iterable<string>): string[] {
  return [...new Set(labels)].filter((zh) => CJK.test(zh) && !hasEnglish(zh)).sort();
}

/** Every Chinese text a lifecycle puts on the screen: states, work items, actions, their fields and options, stages. */
function workflowLabels(wf: WorkflowDef<any>): string[] {
  const out: string[] = [...(wf.stages ?? [])];
  for (const s of Object.values(wf.states)) {
    out.push(s.label);
    if (s.task) out.push(s.task.label);
  }
  for (const t of wf.transitions) {
    out.push(t.label);
    for (const f of actionFields(t)) {
      out.push(f.label);
      for (const o of f.options ?? []) out.push(o.label);
    }
  }
  return out;
}

// the dictionaries given as loaders are fetched as English mode fetches them
before(async () => {
  await loadEnglish();
});

test('every web module registers its dictionary, and English mode loads all of them', () => {
  assert.ok(webModules.length >= 10);
  assert.equal(englishLoaded(), true);
});

// (modules named zxgen… are the ones test/module-template.test.ts generates for a moment and removes)
test('every Chinese text the web code translates (t(\'…\')) has an English entry', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== '_template' && e.name !== 'test' && !e.name.startsWith('zxgen')) walk(p); } else if (/\.tsx?$/.test(e.name) && /[/\\]web[/\\]/.test(p)) files.push(p);
    }
  };
  walk(path.resolve('src'));
  assert.ok(files.length > 50, `web files: ${files.length}`);
  const left: string[] = [];
  for (const f of files) {
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) {
      if (CJK.test(m[1]) && !hasEnglish(m[1])) left.push(`${path.relative(process.cwd(), f)}: ${m[1]}`);
    }
  }
  assert.deepEqual(left, []);
});

test('every role has an English name, the one its declaration gives when it gives one', () => {
  const roles = [...kernelRoles, ...modules.flatMap((m) => m.roles ?? [])];
  assert.ok(roles.length >= 12, `roles: ${roles.length}`);
  assert.deepEqual(missing(roles.map((r) => r.name)), []);
  withLocale('en', () => {
    for (const r of roles) if (r.nameEn) assert.equal(translateServerText(r.name), r.nameEn, `role ${r.code}`);
  });
});

test('every lifecycle state, work-item label, action, form field and option has an English entry', () => {
  const workflows = modules.flatMap((m) => m.workflows ?? []);
  assert.ok(workflows.length >= 3, `workflows: ${workflows.map((w) => w.id)}`);
  for (const wf of workflows) assert.deepEqual(missing(workflowLabels(wf)), [], `lifecycle ${wf.id}`);
});

test('every default reply class, 不予立案 reason and the enumerations a 提案 or 社情民意 page shows have an English entry', () => {
  assert.deepEqual(missing(defaultReplyClasses.map((c) => c.label)), [], 'reply classes');
  assert.deepEqual(missing(defaultNotFiledReasons.map((c) => c.label)), [], '不予立案 reasons');
  const enums = [
    proposalContract.proposalTypeLabels, proposalContract.proposalCategoryLabels, proposalContract.handlingModeLabels,
    proposalContract.unitRoleLabels, proposalContract.satisfactionLabels, proposalContract.evaluatorKindLabels, consultationMethodLabels,
    opinionContract.levelLabels, opinionContract.adoptionTypeLabels, opinionContract.eventKindLabels,
    { create: actionLabel('create') },
  ];
  assert.deepEqual(missing(enums.flatMap((e) => Object.values(e))), [], 'enumerations');
});

test('notice texts composed by the server translate through their patterns, the record titles in them kept', () => {
  withLocale('en', () => {
    assert.equal(translateServerText('新待办：待签收'), 'New task: To accept');
    assert.equal(translateServerText('「关于加装电梯的建议」已转到您处（待签收），请于 2027-01-08 前办理。'),
      '"关于加装电梯的建议" has come to you (To accept); please act by 2027-01-08.');
    assert.equal(translateServerText('催办：办理中'), 'Reminder: In progress');
    // text it does not know stays as it is
    assert.equal(translateServerText('一段用户写的话'), '一段用户写的话');
  });
  assert.equal(translateServerText('新待办：待签收'), '新待办：待签收', 'Chinese mode shows the stored text');
});
