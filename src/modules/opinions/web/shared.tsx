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

/** A state's tag in the colour the lifecycle gives it (`stateTone` with every report and issue). */
export function StateTag({ label, tone }: { label: string; tone: string }) {
  const { t } = useI18n();
  return <Tag color={tone}>{t(label)}</Tag>;
}

/** Characters as the server counts them (whitespace excluded). */
export const countChars = (s: string) => [...s.replace(/\s+/g, '')].length;
