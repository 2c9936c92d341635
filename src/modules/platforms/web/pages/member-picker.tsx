/**
 * 选择委员 for a platform: the convener (one) or the attached members (several), looked up by name among the members of
 * the staff's CPPCC (GET /api/platforms/member-options). `known` names those already chosen.
 */
import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import type { MemberOptions } from '../../contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useReportError } from '../../../../kernel/web/hooks.ts';

type Known = Array<{ id: string; name: string }>;

interface Props<V> {
  value?: V;
  onChange?: (v: V) => void;
  /** the name of the member picked (the convener's name follows it) */
  onPicked?: (name: string | null) => void;
  known?: Known;
  id?: string;
}

function useMemberSearch(known: Known) {
  const report = useReportError();
  const [typed, setTyped] = useState('');
  const [found, setFound] = useState<Known>([]);
  const [loading, setLoading] = useState(false);
  const [names, setNames] = useState(() => new Map(known.map((k) => [k.id, k.name])));
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    const h = setTimeout(() => {
      setLoading(true);
      api.get<MemberOptions>('/api/platforms/member-options', { q: typed.trim() || undefined }).then((r) => {
        if (mine !== seq.current) return;
        setFound(r.items);
        setNames((m) => { const n = new Map(m); for (const x of r.items) n.set(x.id, x.name); return n; });
        setLoading(false);
      }, (e) => { if (mine === seq.current) { setLoading(false); report(e); } });
    }, typed ? 300 : 0);
    return () => clearTimeout(h);
  }, [typed]);
  return { setTyped, found, loading, names };
}

/** One member: the convener. Clearing it leaves the convener a name only (not a member). */
export function ConvenerPicker({ value, onChange, onPicked, known = [], id }: Props<string | null>) {
  const { t } = useI18n();
  const { setTyped, found, loading, names } = useMemberSearch(known);
  const options = [...(value && !found.some((f) => f.id === value) ? [{ value, label: names.get(value) ?? value }] : []), ...found.map((f) => ({ value: f.id, label: f.name }))];
  return (
    <Select id={id} showSearch allowClear value={value ?? undefined} options={options} filterOption={false} onSearch={setTyped} style={{ width: '100%' }}
      notFoundContent={loading ? <Spin size="small" /> : t('没有找到')} placeholder={t('输入姓名查找委员')} data-testid="convener-picker"
      onChange={(v: string | undefined) => { onChange?.(v ?? null); onPicked?.(v ? names.get(v) ?? null : null); }} />
  );
}

/** Several members: those attached to the platform (联系委员). */
export function MembersPicker({ value, onChange, known = [], id }: Props<string[]>) {
  const { t } = useI18n();
  const { setTyped, found, loading, names } = useMemberSearch(known);
  const picked = value ?? [];
  const options = [...picked.map((v) => ({ value: v, label: names.get(v) ?? v })), ...found.filter((f) => !picked.includes(f.id)).map((f) => ({ value: f.id, label: f.name }))];
  return (
    <Select id={id} mode="multiple" showSearch allowClear value={picked} options={options} filterOption={false} onSearch={setTyped} onChange={onChange} style={{ width: '100%' }}
      onBlur={() => setTyped('')} notFoundContent={loading ? <Spin size="small" /> : t('没有找到')} placeholder={t('输入姓名查找委员')} maxCount={50} />
  );
}
