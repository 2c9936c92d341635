// The figure catalogue's families (decision 0087): a declaration `per: 'committee'` with one '*' segment stands for one
// figure per special committee; the catalogue accepts the figures that fill the segment, orders them where the family
// is declared, and still refuses a figure nobody declared and a malformed family.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFigureCatalogue } from '../src/kernel/server/figures.ts';
import type { FigureDecl, FigureSource } from '../src/kernel/server/contributions.ts';
import type { Actor } from '../src/kernel/server/actor.ts';
import type { ModuleContext } from '../src/kernel/server/module.ts';
import type { Figure } from '../src/kernel/universal/figures.ts';

const decl = (key: string, over: Partial<FigureDecl> = {}): FigureDecl => ({ key, label: key, unit: '件', scope: 'organisation', ...over });
const fig = (key: string, value = 1): Figure => ({ key, label: key, unit: '件', value });
const source = (figures: FigureDecl[], answer: Figure[]): FigureSource => ({ figures, compute: async () => answer.map((f) => ({ ...f })) });
const scope = { tenantId: 't', from: '2025-01-01', to: '2025-12-31', year: 2025 };
const ctx = {} as ModuleContext;
const actor = {} as Actor;

test('a family\'s figures sit where it is declared, in the source\'s order; the family itself is never a figure', async () => {
  const decls = [decl('m.total'), decl('m.committee.*.submitted', { per: 'committee' }), decl('m.late')];
  const c = createFigureCatalogue([{ name: 'm', label: '模块', figures: source(decls, [fig('m.late'), fig('m.committee.B.submitted'), fig('m.total'), fig('m.committee.A.submitted')]) }]);
  const [g] = await c.compute(ctx, scope, actor);
  assert.deepEqual(g.figures.map((f) => f.key), ['m.total', 'm.committee.B.submitted', 'm.committee.A.submitted', 'm.late']);
});

test('a figure that fills no family, or fills it with more than one segment, is refused as undeclared', async () => {
  const decls = [decl('m.committee.*.submitted', { per: 'committee' })];
  for (const key of ['m.committee.A.accepted', 'm.committee.A.B.submitted', 'm.committee.submitted']) {
    const c = createFigureCatalogue([{ name: 'm', label: '模块', figures: source(decls, [fig(key)]) }]);
    await assert.rejects(c.compute(ctx, scope, actor), /未在模块「模块」中声明/, key);
  }
});

test('a family has exactly one \'*\' segment, and only a family has one', () => {
  assert.throws(() => createFigureCatalogue([{ name: 'm', label: 'm', figures: source([decl('m.committee.submitted', { per: 'committee' })], []) }]), /one segment is '\*'/);
  assert.throws(() => createFigureCatalogue([{ name: 'm', label: 'm', figures: source([decl('m.*.*', { per: 'committee' })], []) }]), /one segment is '\*'/);
  assert.throws(() => createFigureCatalogue([{ name: 'm', label: 'm', figures: source([decl('m.committee.*')], []) }]), /only a family/);
});
