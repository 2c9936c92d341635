/** Shared pieces of the 提案 pages: the options vocabulary, state colours, unit and proposal pickers. */
import { useState } from 'react';
import { Select, Tag } from 'antd';
import type { ProposalListItem, ProposalOptions } from '../contract.ts';
import { api } from '../../../kernel/web/api.ts';
import { useApiQuery } from '../../../kernel/web/hooks.ts';
import { useI18n } from '../../../kernel/web/i18n.tsx';

export function useProposalOptions() {
  return useApiQuery<ProposalOptions>('/api/proposals/options');
}

/** A state's tag in the colour the lifecycle gives it (`stateTone` with every proposal). */
export function StateTag({ label, tone }: { label: string; tone: string }) {
  const { t } = useI18n();
  return <Tag color={tone}>{t(label)}</Tag>;
}

export function labelOf(list: Array<{ code: string; label: string }> | undefined, code: string | null | undefined): string {
  if (!code) return '';
  return list?.find((x) => x.code === code)?.label ?? code;
}

/** 承办单位 picker (single or multiple) over the tenant's government units. */
export function UnitSelect(props: { value?: string | string[]; onChange?: (v: any) => void; multiple?: boolean; id?: string }) {
  const { t } = useI18n();
  const { data, loading } = useApiQuery<{ items: Array<{ id: string; name: string }> }>('/api/organizations/units');
  return (
    <Select id={props.id} value={props.value} onChange={props.onChange} mode={props.multiple ? 'multiple' : undefined} loading={loading} allowClear
      showSearch={{ optionFilterProp: 'label' }} placeholder={t('选择承办单位')} options={(data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
  );
}

/** Finds a proposal by title to merge into (并案). */
export function ProposalPicker({ value, onChange, id, exclude }: { value?: string; onChange?: (v: string) => void; id?: string; exclude?: string }) {
  const { t } = useI18n();
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>([]);
  const [loading, setLoading] = useState(false);
  const search = async (q: string) => {
    setLoading(true);
    try {
      const r = await api.get<{ items: ProposalListItem[] }>('/api/proposals', { q: q || undefined, pageSize: 20 });
      setOptions(r.items.filter((p) => p.id !== exclude).map((p) => ({ value: p.id, label: `${p.number ?? ''} ${p.title}`.trim() })));
    } catch { setOptions([]); } finally { setLoading(false); }
  };
  return (
    <Select id={id} value={value} onChange={onChange} showSearch={{ filterOption: false, onSearch: (q) => void search(q) }} onFocus={() => { if (!options.length) void search(''); }}
      loading={loading} options={options} placeholder={t('输入标题关键词查找提案')} notFoundContent={loading ? t('查找中…') : t('没有找到')} />
  );
}

/** 答复类别 text: the configured label, prefixed with its code unless the label already starts with it. */
export function replyClassText(code: string, label: string): string {
  return label.startsWith(code) ? label : `${code} ${label}`;
}
