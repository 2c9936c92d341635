/**
 * 关联提案 / 关联社情民意 pickers: a multiple select that looks records up by number or title, through the proposals' and
 * the 社情民意 reports' own list APIs (which list only what the caller may see), and keeps the names of those already linked.
 */
import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import type { ProposalListItem } from '../../../proposals/contract.ts';
import type { ReportListItem } from '../../../opinions/contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useReportError } from '../../../../kernel/web/hooks.ts';

export type PickedKind = 'proposal' | 'opinion';
interface Option { value: string; label: string }

async function lookUp(kind: PickedKind, q: string): Promise<Option[]> {
  if (kind === 'proposal') {
    const r = await api.get<{ items: ProposalListItem[] }>('/api/proposals', { q, pageSize: 20 });
    return r.items.map((p) => ({ value: p.id, label: p.number ? `${p.number} ${p.title}` : p.title }));
  }
  const r = await api.get<{ items: ReportListItem[] }>('/api/opinions', { q, pageSize: 20 });
  return r.items.map((x) => ({ value: x.id, label: x.title }));
}

/** A form control: value is the picked records' ids; `known` names those already linked. */
export function RecordPicker({ kind, value, onChange, known, id }: { kind: PickedKind; value?: string[]; onChange?: (v: string[]) => void; known: Option[]; id?: string }) {
  const { t } = useI18n();
  const report = useReportError();
  const [typed, setTyped] = useState('');
  const [found, setFound] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const [names, setNames] = useState(() => new Map(known.map((o) => [o.value, o.label])));
  const seq = useRef(0);
  useEffect(() => {
    const q = typed.trim();
    const mine = ++seq.current;
    const h = setTimeout(() => {
      setLoading(true);
      lookUp(kind, q).then((opts) => {
        if (mine !== seq.current) return;
        setFound(opts);
        setNames((m) => { const n = new Map(m); for (const o of opts) n.set(o.value, o.label); return n; });
        setLoading(false);
      }, (e) => { if (mine === seq.current) { setLoading(false); report(e); } });
    }, q ? 300 : 0);
    return () => clearTimeout(h);
  }, [kind, typed]);
  const picked = value ?? [];
  // the picked ones first (so they keep their names), then what the search found
  const options = [...picked.map((v) => ({ value: v, label: names.get(v) ?? v })), ...found.filter((o) => !picked.includes(o.value))];
  return (
    <Select id={id} mode="multiple" showSearch allowClear value={picked} onChange={onChange} options={options} filterOption={false} onSearch={setTyped}
      onBlur={() => setTyped('')} notFoundContent={loading ? <Spin size="small" /> : t('没有找到')} style={{ width: '100%' }} maxCount={50}
      placeholder={kind === 'proposal' ? t('输入提案编号或标题查找') : t('输入社情民意标题查找')} data-testid={`picker-${kind}`} />
  );
}
