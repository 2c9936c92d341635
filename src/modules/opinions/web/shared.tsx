/** Small pieces shared by the 社情民意 pages: state tags and the options the server configures. */
import { Tag } from 'antd';
import { useApiQuery } from '../../../kernel/web/hooks.ts';
import { useI18n } from '../../../kernel/web/i18n.tsx';

export interface OpinionOptions {
  states: Array<{ code: string; label: string }>;
  levels: Array<{ code: string; label: string }>;
  recipients: Array<{ code: string; label: string }>;
  lengthGuide: number;
}

export const useOpinionOptions = () => useApiQuery<OpinionOptions>('/api/opinions/options');

const colors: Record<string, string> = {
  submitted: 'processing', returned: 'warning', accepted: 'green', retained: 'default', verified: 'cyan', compiled: 'blue', reported: 'success', withdrawn: 'default',
  editing: 'processing', signing: 'orange', signed: 'cyan', distributed: 'success',
};

export function StateTag({ state, label }: { state: string; label: string }) {
  const { t } = useI18n();
  return <Tag color={colors[state] ?? 'default'}>{t(label)}</Tag>;
}

/** Characters as the server counts them (whitespace excluded). */
export const countChars = (s: string) => [...s.replace(/\s+/g, '')].length;
