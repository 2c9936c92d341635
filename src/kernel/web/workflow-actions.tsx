/** Buttons for the actions the server says the caller may take on a record; asks for required fields and confirms irreversible steps. */
import { useState, type ReactNode } from 'react';
import { Alert, Button, Form, Input, Modal, Space } from 'antd';
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
}

export interface WorkflowActionsProps {
  actions: RecordAction[];
  onFire: (action: RecordAction, input: Record<string, unknown>) => Promise<void>;
  /** a custom input for a required field (a select of reasons, a unit picker…); default is a text area */
  renderField?: (field: string, label: string, action: RecordAction) => ReactNode | undefined;
  /** optional inputs shown after the required ones (e.g. co-handling units when assigning) */
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
    const needs = Object.keys(a.requires ?? {}).length > 0 || !!extraFields?.(a);
    if (needs || a.confirm) { form.resetFields(); setActive(a); return; }
    void fire(a, {});
  };

  if (!actions.length) return null;
  return (
    <>
      <Space wrap size={[8, 8]} style={block ? { width: '100%' } : undefined}>
        {actions.map((a, i) => (
          <Button
            key={a.name}
            type={i === 0 ? 'primary' : 'default'}
            danger={a.confirm && i !== 0}
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
        okButtonProps={{ danger: !!active?.confirm, loading: !!busy }}
        cancelText={t('取消')}
        onCancel={() => setActive(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {active?.confirm && <Alert type="warning" showIcon title={t('此操作提交后不能撤回，请确认。')} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => active && void fire(active, v)}>
          {Object.entries(active?.requires ?? {}).map(([field, label]) => (
            <Form.Item key={field} name={field} label={t(label)} rules={[{ required: true, message: t('请填写{label}', { label: t(label) }) }]}>
              {(active && renderField?.(field, label, active)) ?? <Input.TextArea rows={4} maxLength={4000} showCount />}
            </Form.Item>
          ))}
          {active && extraFields?.(active)}
        </Form>
      </Modal>
    </>
  );
}
