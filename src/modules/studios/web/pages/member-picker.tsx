/**
 * 选择委员 for a studio (成员, 参加委员, 承办委员): looked up by name among the members of the caller's CPPCC
 * (GET /api/studios/member-options). `known` names those already chosen.
 */
import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useReportError } from '../../../../kernel/web/hooks.ts';

type Known = Array<{ id: string; name: string }>;

export function MembersPicker({ value, onChange, known = [], id }: { value?: string[]; onChange?: (v: string[]) => void; known?: Known; id?: string }) {
  const { t } = useI18n();
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
      api.get<{ items: Known }>('/api/studios/member-options', { q: typed.trim() || undefined }).then((r) => {
        if (mine !== seq.current) return;
        setFound(r.items);
        setNames((m) => { const n = new Map(m); for (const x of r.items) n.set(x.id, x.name); return n; });
        setLoading(false);
      }, (e) => { if (mine === seq.current) { setLoading(false); report(e); } });
    }, typed ? 300 : 0);
    return () => clearTimeout(h);
  }, [typed]);
  const picked = value ?? [];
  const options = [...picked.map((v) => ({ value: v, label: names.get(v) ?? known.find((k) => k.id === v)?.name ?? v })), ...found.filter((f) => !picked.includes(f.id)).map((f) => ({ value: f.id, label: f.name }))];
  return (
    <Select id={id} mode="multiple" showSearch allowClear value={picked} options={options} filterOption={false} onSearch={setTyped} onChange={onChange} style={{ width: '100%' }}
      onBlur={() => setTyped('')} notFoundContent={loading ? <Spin size="small" /> : t('没有找到')} placeholder={t('输入姓名查找委员')} maxCount={100} />
  );
}
