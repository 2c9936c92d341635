/**
 * Buttons for the actions the server says the caller may take on a record; asks for each action's fields (the list the
 * server derives from the action's input schema: label, kind, required, options) and confirms irreversible steps.
 */
import { useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { ActionField } from '../universal/workflow.ts';
import { applyFormErrors } from './api.ts';
import { useI18n } from './i18n.tsx';
import { useReportError } from './hooks.ts';

/** One allowed action as returned by the API with every record. */
export interface RecordAction {
  name: string;
  label: string;
  to?: string;
  requires?: Record<string, string>;
  confirm?: boolean;
  /** the action's form, from its input schema */
  fields?: ActionField[];
}

/** The fields of an action: its field list, or (older payloads) its required fields as text areas. */
const fieldsOf = (a: RecordAction): ActionField[] =>
  a.fields ?? Object.entries(a.requires ?? {}).map(([name, label]) => ({ name, label, kind: 'textarea', required: true }));

/**
 * Whether an action turns the record back or down rather than forward: 退回, 退回修改, 不予立案, 不同意…, 撤回, 申请调整,
 * 不满意重新办理. The lifecycles name such transitions `return…`, `reject…`, `not_…`, `refuse…`, `withdraw`, `object` and
 * `request_rehandle`. They are never the primary button; the irreversible ones (confirm) are marked as dangerous.
 */
export function turnsBack(action: Pick<RecordAction, 'name'>): boolean {
  return /^(return|reject|not_|refuse|withdraw|object$|request_rehandle)/.test(action.name);
}

export interface WorkflowActionsProps {
  actions: RecordAction[];
  onFire: (action: RecordAction, input: Record<string, unknown>) => Promise<void>;
  /**
   * a custom input for a field (a select of configured reasons, a unit picker…); undefined: the default input for the
   * field's kind; null: the field is not shown here (the page shows it in `extraFields`, e.g. depending on another field)
   */
  renderField?: (field: ActionField, action: RecordAction) => ReactNode | null | undefined;
  /** further inputs shown after the action's fields (e.g. unit suggestions when assigning) */
  extraFields?: (action: RecordAction) => ReactNode;
  onConflictReload?: () => void;
  block?: boolean;
}

export function WorkflowActions({ actions, onFire, renderField, extraFields, onConflictReload, block }: WorkflowActionsProps) {
  const { t } = useI18n();
  const report = useReportError();
  const [active, setActive] = useState<RecordAction | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [form] = Form.useForm();

  const fire = async (a: RecordAction, input: Record<string, unknown>) => {
    setBusy(a.name);
    try {
      await onFire(a, input);
      setActive(null);
      form.resetFields();
    } catch (e) {
      if (!applyFormErrors(form, e)) report(e, { onReload: onConflictReload });
    } finally {
      setBusy(null);
    }
  };

  const start = (a: RecordAction) => {
    const needs = fieldsOf(a).some((f) => f.kind !== 'object') || !!extraFields?.(a);
    if (needs || a.confirm) { form.resetFields(); setActive(a); return; }
    void fire(a, {});
  };

  if (!actions.length) return null;
  // forward actions first, the first of them primary (立案 rather than 退回修改); turning back comes after, plain or, when
  // it cannot be undone, dangerous
  const ordered = [...actions.filter((a) => !turnsBack(a)), ...actions.filter(turnsBack)];
  return (
    <>
      <Space wrap size={[8, 8]} style={block ? { width: '100%' } : undefined}>
        {ordered.map((a, i) => (
          <Button
            key={a.name}
            type={i === 0 && !turnsBack(a) ? 'primary' : 'default'}
            danger={!!a.confirm && turnsBack(a)}
            size="large"
            loading={busy === a.name}
            onClick={() => start(a)}
            data-action={a.name}
          >
            {t(a.label)}
          </Button>
        ))}
      </Space>
      <Modal
        open={!!active}
        title={active ? t(active.label) : ''}
        okText={active?.confirm ? t('确认{label}', { label: t(active.label) }) : t('提交')}
        okButtonProps={{ danger: !!active?.confirm && turnsBack(active), loading: !!busy }}
        cancelText={t('取消')}
        onCancel={() => setActive(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {active?.confirm && <Alert type="warning" showIcon title={t('此操作提交后不能撤回，请确认。')} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => active && void fire(active, v)}>
          {active && fieldsOf(active).map((f) => {
            if (f.kind === 'object') return null;
            const custom = renderField?.(f, active);
            if (custom === null) return null;
            const rules = f.required ? [{ required: true, message: t('请填写{label}', { label: t(f.label) }) }] : [];
            if (f.kind === 'boolean' && custom === undefined) {
              return <Form.Item key={f.name} name={f.name} valuePropName="checked" rules={rules}><Checkbox>{t(f.label)}</Checkbox></Form.Item>;
            }
            return <Form.Item key={f.name} name={f.name} label={t(f.label)} rules={rules}>{custom ?? <DefaultInput field={f} />}</Form.Item>;
          })}
          {active && extraFields?.(active)}
        </Form>
      </Modal>
    </>
  );
}

/** The input for a field's kind (Form.Item passes value and onChange on). */
function DefaultInput({ field, ...rest }: { field: ActionField; value?: unknown; onChange?: (v: unknown) => void; id?: string }) {
  const { t } = useI18n();
  const options = (field.options ?? []).map((o) => ({ value: o.value, label: t(o.label) }));
  switch (field.kind) {
    case 'number': return <InputNumber {...(rest as object)} />;
    case 'select': return <Select {...(rest as object)} allowClear={!field.required} options={options} />;
    case 'multiselect': return <Select {...(rest as object)} mode="multiple" options={options} />;
    case 'text': return <Input {...(rest as object)} />;
    default: return <Input.TextArea {...(rest as object)} rows={4} maxLength={4000} showCount />;
  }
}
