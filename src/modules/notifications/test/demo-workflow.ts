// A two-step workflow on a test table, to drive real transitions (and their events) in this module's tests.
import type { Kysely } from 'kysely';
import type { ModuleManifest } from '../../../kernel/server/module.ts';
import { defineWorkflow } from '../../../kernel/universal/workflow.ts';
import type { WorkflowRecord, WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';

export interface DemoItem extends WorkflowRecord { title: string; owner_id: string; unit_id: string }

export const demoWorkflow = defineWorkflow<DemoItem>({
  id: 'demo',
  label: '测试事项',
  initial: 'draft',
  states: {
    draft: { label: '草稿', task: { role: 'member', orgField: 'tenant', userField: 'owner_id', label: '待提交' } },
    at_unit: { label: '办理中', task: { role: 'unit_handler', orgField: 'unit_id', label: '待签收', dueInWorkingDays: 5 } },
    done: { label: '办结', terminal: true },
  },
  transitions: [
    { name: 'send', label: '交办', from: ['draft'], to: 'at_unit', roles: ['member'] },
    { name: 'finish', label: '办结', from: ['at_unit'], to: 'done', roles: ['unit_handler'] },
  ],
});

export const demoSpec: WorkflowSpec<DemoItem> = {
  workflow: demoWorkflow,
  table: 'demo_items',
  entityLabel: '测试事项',
  titleOf: (r) => r.title,
  canSee: () => true,
};

export async function createDemoTable(db: Kysely<any>) {
  await db.schema.createTable('demo_items').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

/** The test's own module: it declares the 'demo' entity, so work-item notifications link to its page. */
export const demoModule: ModuleManifest = {
  name: 'demo', label: '测试事项', permissions: [], migrations: [],
  entities: [{ type: 'demo', label: '测试事项', link: (id) => `/demos/${id}` }],
};
