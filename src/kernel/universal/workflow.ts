/**
 * A lifecycle as data: states, transitions, who may fire each, guards, required fields and
 * deadlines in working days. Read by the engine, by policies, by the API (allowed actions) and by docs.
 * Pure: no database, no HTTP.
 */
import { z } from 'zod';
import type { AppError } from './errors.ts';

export interface ActorLike {
  userId: string;
  orgId: string;
  tenantId: string;
  roles: readonly string[];
  /** the actor's permissions ('*': all); a transition's `permission` is checked against them when they are given */
  permissions?: ReadonlySet<string>;
}

/** Where a state's work item lands: which role, in which organisation, and how long it may take. */
export interface StateTask {
  /** role code that must act (e.g. 'unit_handler') */
  role: string;
  /** which organisation's holders of the role see the task: a field of the record holding an org id, or 'tenant' */
  orgField: string | 'tenant';
  /** a user field on the record when one person must act (e.g. the proposer); overrides role/org matching */
  userField?: string;
  /** working days allowed in this state; the due date is counted on the working-day calendar */
  dueInWorkingDays?: number;
  /**
   * a date field of the record ('YYYY-MM-DD') holding its own deadline (e.g. a proposal's 办理期限): when it is set, the
   * work item is due then, however often the record comes back to this state, instead of counting from each entry
   */
  dueField?: string;
  /**
   * an urgent record's shorter deadline: when the record's `field` is set (e.g. a 社情民意 急报's `urgent`), the work
   * item is due in `days` working days instead of `dueInWorkingDays`, every time the record enters this state
   */
  urgent?: { field: string; days: number };
  /** a short Chinese phrase for the worklist, e.g. '待签收' */
  label: string;
}

/**
 * The colour of a state's tag in the web app (antd Tag colours). Forward states are blue-ish, waiting on someone else
 * gold/orange, turned back 'warning'/'volcano', finished 'success', stopped 'default'.
 */
export type Tone =
  | 'default' | 'processing' | 'success' | 'warning' | 'error'
  | 'blue' | 'cyan' | 'geekblue' | 'gold' | 'orange' | 'magenta' | 'purple' | 'volcano' | 'green' | 'red';

export interface StateDef {
  label: string; // Chinese name, e.g. '待立案'
  labelEn?: string;
  /** no action leaves this state (checked by `defineWorkflow`); a state that may still move later is not terminal */
  terminal?: boolean;
  task?: StateTask;
  /** which of the workflow's `stages` (the detail page's step bar) the state belongs to */
  stage?: string;
  /** the tag colour of the state */
  tone?: Tone;
  /** how the step bar shows the road: 'stopped' (不予立案, 撤回: the road ends here) or 'finished' (办结) */
  ends?: 'stopped' | 'finished';
}

export interface GuardContext<R> {
  record: R;
  actor: ActorLike;
  input: Record<string, unknown>;
}

/** How the web shows a field of a transition's input, beyond its schema (set with `formField`, read by `actionFields`). */
export interface FieldMeta {
  /** a kind other than the one derived from the schema (e.g. 'textarea' for a short text) */
  kind?: FieldKind;
  /** Chinese labels of an enum's values */
  optionLabels?: Readonly<Record<string, string>>;
  /** the form's label when it says more than the field's API name (`.describe()`), e.g. a condition */
  label?: string;
  /** accepted by the API but not asked for in the action's form (e.g. a review meeting set by the batch page) */
  hidden?: boolean;
}

/** Form hints kept beside the schemas (not in them, so the OpenAPI document stays plain JSON Schema). */
export const fieldMetaRegistry = z.registry<FieldMeta>();

/** Mark a field of a transition's input with form hints (option labels, hidden); returns the same schema. */
export function formField<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  fieldMetaRegistry.add(schema, meta);
  return schema;
}

export type FieldKind = 'text' | 'textarea' | 'number' | 'boolean' | 'select' | 'multiselect' | 'object';

/** One input field of an action as the web shows it, derived from the transition's input schema. */
export interface ActionField {
  name: string;
  /** Chinese label (the schema's `.describe()`) */
  label: string;
  kind: FieldKind;
  required: boolean;
  /** the allowed values of an enum field, with their Chinese labels */
  options?: Array<{ value: string; label: string }>;
}

export type AnyInputSchema = z.ZodObject<z.ZodRawShape>;

export interface TransitionDef<R = Record<string, unknown>> {
  name: string; // stable action name used in the API, e.g. 'file'
  label: string; // Chinese button text, e.g. '立案'
  labelEn?: string;
  from: readonly string[];
  to: string;
  roles: readonly string[];
  /** the permission the actor needs besides one of the roles (安全管理员 can change grants; the lifecycle names the roles) */
  permission?: string;
  /**
   * The input the action takes: its required fields are required (a missing one is a 400 naming the field in Chinese),
   * labels come from `.describe()`. The API's body, the batch endpoint and the web's form are derived from it.
   * No schema: the action takes no input.
   */
  input?: AnyInputSchema;
  /** who and when: returns a Chinese reason when this actor may not act on this record now (FORBIDDEN), or null */
  guard?: (ctx: GuardContext<R>) => string | null;
  /**
   * Rules on the (parsed) input against the record, e.g. a code from a configured list or a cross-field rule:
   * returns the AppError (a VALIDATION_FAILED naming the field in Chinese) or null. Run after the guard.
   */
  check?: (input: Record<string, unknown>, record: R, actor: ActorLike) => AppError | null;
  /** irreversible actions ask for confirmation in the UI */
  confirm?: boolean;
}

export interface WorkflowDef<R = Record<string, unknown>> {
  id: string; // entity type, e.g. 'proposal'
  label: string;
  initial: string;
  /** the main road shown as a step bar, in order (e.g. 提交 → 审查立案 → …); each state names its stage */
  stages?: readonly string[];
  states: Readonly<Record<string, StateDef>>;
  transitions: readonly TransitionDef<R>[];
}

export function defineWorkflow<R>(def: WorkflowDef<R>): WorkflowDef<R> {
  for (const t of def.transitions) {
    for (const s of [...t.from, t.to]) {
      if (!def.states[s]) throw new Error(`workflow ${def.id}: transition ${t.name} names unknown state ${s}`);
    }
  }
  if (!def.states[def.initial]) throw new Error(`workflow ${def.id}: unknown initial state ${def.initial}`);
  // terminal means terminal: no action leaves such a state (so "no actions" there holds by construction)
  for (const t of def.transitions) {
    for (const s of t.from) if (def.states[s].terminal) throw new Error(`workflow ${def.id}: transition ${t.name} leaves terminal state ${s}`);
  }
  const names = new Set<string>();
  for (const t of def.transitions) {
    const key = `${t.name}@${t.from.join(',')}`;
    if (names.has(key)) throw new Error(`workflow ${def.id}: duplicate transition ${key}`);
    names.add(key);
  }
  for (const [name, s] of Object.entries(def.states)) {
    if (s.stage !== undefined && !def.stages?.includes(s.stage)) throw new Error(`workflow ${def.id}: state ${name} names unknown stage ${s.stage}`);
  }
  return def;
}

export type TransitionCheck =
  | { ok: true; transition: TransitionDef<any>; input: Record<string, unknown> }
  | { ok: false; code: 'INVALID_TRANSITION' | 'FORBIDDEN' | 'VALIDATION_FAILED'; message: string; field?: string };

const mayUse = (actor: ActorLike, permission: string) =>
  !actor.permissions || actor.permissions.has('*') || actor.permissions.has(permission);

/**
 * Decide whether `actor` may fire `action` on a record in `state`; explains why not in Chinese. The one decision both
 * firing and `allowedActions` use: state, role, permission, guard, then (unless `checkInput` is false) the input
 * against the transition's schema and its `check`. On success the parsed input is returned.
 */
export function checkTransition<R>(
  wf: WorkflowDef<R>,
  state: string,
  action: string,
  ctx: GuardContext<R>,
  opts: { checkInput?: boolean } = {},
): TransitionCheck {
  const candidates = wf.transitions.filter((t) => t.name === action);
  if (candidates.length === 0) return { ok: false, code: 'INVALID_TRANSITION', message: `没有名为「${action}」的操作` };
  // an action the actor's roles may never take is refused as such, whatever the state (a member never files)
  const mayTake = (c: TransitionDef<R>) => c.roles.some((r) => ctx.actor.roles.includes(r)) && (!c.permission || mayUse(ctx.actor, c.permission));
  if (!candidates.some(mayTake)) return { ok: false, code: 'FORBIDDEN', message: `您的角色无权执行「${candidates[0].label}」` };
  const t = candidates.find((c) => c.from.includes(state));
  if (!t) {
    const label = wf.states[state]?.label ?? state;
    return { ok: false, code: 'INVALID_TRANSITION', message: `当前状态「${label}」下不能执行「${candidates[0].label}」` };
  }
  if (!mayTake(t)) return { ok: false, code: 'FORBIDDEN', message: `您的角色无权执行「${t.label}」` };
  if (t.guard) {
    const why = t.guard(ctx);
    if (why) return { ok: false, code: 'FORBIDDEN', message: why };
  }
  if (opts.checkInput === false) return { ok: true, transition: t, input: ctx.input };
  const checked = checkInput(t, ctx.input, ctx.record, ctx.actor);
  return checked.ok ? { ok: true, transition: t, input: checked.input } : checked;
}

/** The input half of the decision: parse against the transition's schema, then its `check` against the record. */
export function checkInput<R>(t: TransitionDef<R>, input: Record<string, unknown>, record: R, actor: ActorLike):
  { ok: true; input: Record<string, unknown> } | { ok: false; code: 'VALIDATION_FAILED'; message: string; field?: string } {
  const parsed = parseInput(t, input);
  if (!parsed.ok) return parsed;
  const bad = t.check?.(parsed.input, record, actor);
  if (bad) return { ok: false, code: 'VALIDATION_FAILED', message: bad.message, ...(bad.field ? { field: bad.field } : {}) };
  return parsed;
}

/** Parse an action's input against its schema; the first problem names the field in Chinese. */
function parseInput(t: TransitionDef<any>, input: Record<string, unknown>):
  { ok: true; input: Record<string, unknown> } | { ok: false; code: 'VALIDATION_FAILED'; message: string; field?: string } {
  if (!t.input) return { ok: true, input: {} };
  // blank text is no answer: a required field left blank is reported as missing
  const cleaned = Object.fromEntries(Object.entries(input).filter(([, v]) => !(typeof v === 'string' && v.trim() === '') && v !== null));
  const r = t.input.safeParse(cleaned);
  if (r.success) return { ok: true, input: r.data as Record<string, unknown> };
  const iss = r.error.issues[0];
  const field = iss.path.map(String).join('.');
  const label = fieldLabel(t.input, String(iss.path[0] ?? '')) ?? field;
  const missing = iss.code === 'invalid_type' && cleaned[String(iss.path[0])] === undefined;
  return { ok: false, code: 'VALIDATION_FAILED', field, message: missing ? `「${t.label}」需要填写${label}` : `「${label}」${iss.message}` };
}

export interface AllowedAction {
  name: string;
  label: string;
  to: string;
  /** the required fields with their Chinese labels (kept for older clients; `fields` says more) */
  requires: Record<string, string>;
  confirm: boolean;
  /** the action's form: every field it asks for, derived from its input schema */
  fields: ActionField[];
}

/**
 * The actions the actor may take now: returned with every object so the web app never re-derives rules. Computed by
 * `checkTransition` (without the input), so what is offered can be fired and what can be fired is offered.
 */
export function allowedActions<R>(wf: WorkflowDef<R>, state: string, ctx: Omit<GuardContext<R>, 'input'>): AllowedAction[] {
  const out: AllowedAction[] = [];
  for (const t of wf.transitions) {
    if (!t.from.includes(state)) continue;
    const r = checkTransition(wf, state, t.name, { ...ctx, input: {} }, { checkInput: false });
    if (r.ok) {
      const fields = actionFields(t);
      out.push({
        name: t.name, label: t.label, to: t.to, confirm: !!t.confirm, fields,
        requires: Object.fromEntries(fields.filter((f) => f.required).map((f) => [f.name, f.label])),
      });
    }
  }
  return out;
}

/** The wire shape of an allowed action, for modules' contracts. */
export const actionFieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  kind: z.enum(['text', 'textarea', 'number', 'boolean', 'select', 'multiselect', 'object']),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});
export const allowedActionSchema = z.object({
  name: z.string(),
  label: z.string(),
  to: z.string(),
  requires: z.record(z.string(), z.string()),
  confirm: z.boolean(),
  fields: z.array(actionFieldSchema),
});

// ---------- reading input schemas ----------

const wrappers = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional', 'pipe']);

function unwrap(s: z.ZodType): z.ZodType {
  let cur: any = s;
  for (let i = 0; i < 10; i++) {
    const def = cur?._zod?.def;
    if (!def || !wrappers.has(def.type)) break;
    cur = def.innerType ?? def.in ?? cur;
  }
  return cur;
}

function metaOf(s: z.ZodType): FieldMeta & { description?: string } {
  let cur: any = s;
  const out: FieldMeta & { description?: string } = {};
  for (let i = 0; i < 10 && cur; i++) {
    const m = (fieldMetaRegistry.get(cur) ?? {}) as FieldMeta & { description?: string };
    for (const [k, v] of Object.entries(m)) if ((out as any)[k] === undefined) (out as any)[k] = v;
    if (out.description === undefined && cur.description) out.description = cur.description;
    const def = cur._zod?.def;
    if (!def || !wrappers.has(def.type)) break;
    cur = def.innerType ?? def.in;
  }
  return out;
}

function fieldLabel(schema: AnyInputSchema, key: string): string | undefined {
  const f = schema.shape[key] as z.ZodType | undefined;
  return f ? metaOf(f).description : undefined;
}

/** The form of an action, from its input schema: each field's Chinese label, kind, whether it is required and its options. */
export function actionFields(t: Pick<TransitionDef<any>, 'input'>): ActionField[] {
  if (!t.input) return [];
  const out: ActionField[] = [];
  for (const [name, f] of Object.entries(t.input.shape) as Array<[string, z.ZodType]>) {
    const meta = metaOf(f);
    if (meta.hidden) continue;
    const inner: any = unwrap(f);
    const type = inner?._zod?.def?.type as string;
    let kind: FieldKind;
    let options: ActionField['options'];
    if (type === 'enum') {
      kind = 'select';
      options = (inner.options as string[]).map((v) => ({ value: v, label: meta.optionLabels?.[v] ?? v }));
    } else if (type === 'array') kind = 'multiselect';
    else if (type === 'number') kind = 'number';
    else if (type === 'boolean') kind = 'boolean';
    else if (type === 'object') kind = 'object';
    else kind = (inner?.maxLength ?? Infinity) > 200 ? 'textarea' : 'text';
    out.push({ name, label: meta.label ?? meta.description ?? name, kind: meta.kind ?? kind, required: !f.safeParse(undefined).success, ...(options ? { options } : {}) });
  }
  return out;
}

/** Where a state stands on the workflow's road: the step bar's stages, the current one and how to show it, and the tag colour. */
export interface StateView {
  label: string;
  tone: Tone;
  stages: string[];
  /** index of the state's stage in `stages` (0 when it names none) */
  stage: number;
  /** 'error' for a road that stops here, 'finish' when it is done, 'process' otherwise */
  status: 'process' | 'finish' | 'error';
}

export function stateView(wf: WorkflowDef<any>, state: string): StateView {
  const s = wf.states[state];
  const stages = [...(wf.stages ?? [])];
  const i = s?.stage ? stages.indexOf(s.stage) : 0;
  return {
    label: s?.label ?? state, tone: s?.tone ?? 'default', stages, stage: Math.max(0, i),
    status: s?.ends === 'stopped' ? 'error' : s?.ends === 'finished' ? 'finish' : 'process',
  };
}

export const stateViewSchema = z.object({
  label: z.string(),
  tone: z.string(),
  stages: z.array(z.string()),
  stage: z.number().int(),
  status: z.enum(['process', 'finish', 'error']),
});

/**
 * The API body of a workflow's transition endpoint: a union discriminated on `action`, one member per action with its
 * own input schema (so the OpenAPI document lists each action's fields and which are required). Several builds of
 * one workflow (settings that add or drop actions) contribute every action name they have; the first build wins.
 */
export function transitionBodySchema(workflows: readonly WorkflowDef<any>[], opts: { inputDescription?: string } = {}) {
  const seen = new Map<string, TransitionDef<any>>();
  for (const wf of workflows) for (const t of wf.transitions) if (!seen.has(t.name)) seen.set(t.name, t);
  const members = [...seen.values()].map((t) => z.object({
    action: z.literal(t.name).describe('操作'),
    version: z.number().int().min(1).describe('版本号'),
    input: (t.input ?? z.object({})).default({}).describe(opts.inputDescription ?? '操作内容'),
  }));
  return z.discriminatedUnion('action', members as unknown as [typeof members[number], ...typeof members]);
}

/** The input schema of one action (an empty object for an action without input). */
export function transitionInputOf(wf: WorkflowDef<any>, action: string): AnyInputSchema {
  const t = wf.transitions.find((x) => x.name === action);
  if (!t) throw new Error(`workflow ${wf.id}: no action ${action}`);
  return t.input ?? z.object({});
}
