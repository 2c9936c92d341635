/**
 * A lifecycle as data: states, transitions, who may fire each, guards, required fields and
 * deadlines in working days. Read by the engine, by policies, by the API (allowed actions) and by docs.
 * Pure: no database, no HTTP.
 */

export interface ActorLike {
  userId: string;
  orgId: string;
  tenantId: string;
  roles: readonly string[];
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

export interface StateDef {
  label: string; // Chinese name, e.g. '待立案'
  labelEn?: string;
  /** no action leaves this state (checked by `defineWorkflow`); a state that may still move later is not terminal */
  terminal?: boolean;
  task?: StateTask;
}

export interface GuardContext<R> {
  record: R;
  actor: ActorLike;
  input: Record<string, unknown>;
}

export interface TransitionDef<R = Record<string, unknown>> {
  name: string; // stable action name used in the API, e.g. 'file'
  label: string; // Chinese button text, e.g. '立案'
  labelEn?: string;
  from: readonly string[];
  to: string;
  roles: readonly string[];
  /** input fields that must be present and non-empty, with their Chinese labels */
  requires?: Readonly<Record<string, string>>;
  /** extra condition; returns a Chinese reason when the transition is not allowed, or null */
  guard?: (ctx: GuardContext<R>) => string | null;
  /** irreversible actions ask for confirmation in the UI */
  confirm?: boolean;
}

export interface WorkflowDef<R = Record<string, unknown>> {
  id: string; // entity type, e.g. 'proposal'
  label: string;
  initial: string;
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
  return def;
}

export type TransitionCheck =
  | { ok: true; transition: TransitionDef<any> }
  | { ok: false; code: 'INVALID_TRANSITION' | 'FORBIDDEN' | 'VALIDATION_FAILED'; message: string; field?: string };

/** Decide whether `actor` may fire `action` on a record in `state`; explains why not in Chinese. */
export function checkTransition<R>(
  wf: WorkflowDef<R>,
  state: string,
  action: string,
  ctx: GuardContext<R>,
  opts: { checkInput?: boolean } = {},
): TransitionCheck {
  const candidates = wf.transitions.filter((t) => t.name === action);
  if (candidates.length === 0) return { ok: false, code: 'INVALID_TRANSITION', message: `没有名为「${action}」的操作` };
  const t = candidates.find((c) => c.from.includes(state));
  if (!t) {
    const label = wf.states[state]?.label ?? state;
    return { ok: false, code: 'INVALID_TRANSITION', message: `当前状态「${label}」下不能执行「${candidates[0].label}」` };
  }
  if (!t.roles.some((r) => ctx.actor.roles.includes(r))) {
    return { ok: false, code: 'FORBIDDEN', message: `您的角色无权执行「${t.label}」` };
  }
  if (t.guard) {
    const why = t.guard(ctx);
    if (why) return { ok: false, code: 'FORBIDDEN', message: why };
  }
  if (opts.checkInput !== false && t.requires) {
    for (const [field, label] of Object.entries(t.requires)) {
      const v = ctx.input[field];
      if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
        return { ok: false, code: 'VALIDATION_FAILED', message: `「${t.label}」需要填写${label}`, field };
      }
    }
  }
  return { ok: true, transition: t };
}

export interface AllowedAction {
  name: string;
  label: string;
  to: string;
  requires: Record<string, string>;
  confirm: boolean;
}

/** The actions the actor may take now: returned with every object so the web app never re-derives rules. */
export function allowedActions<R>(wf: WorkflowDef<R>, state: string, ctx: Omit<GuardContext<R>, 'input'>): AllowedAction[] {
  const out: AllowedAction[] = [];
  for (const t of wf.transitions) {
    if (!t.from.includes(state)) continue;
    const r = checkTransition(wf, state, t.name, { ...ctx, input: {} }, { checkInput: false });
    if (r.ok) out.push({ name: t.name, label: t.label, to: t.to, requires: { ...(t.requires ?? {}) }, confirm: !!t.confirm });
  }
  return out;
}
