/** 转办 and 优秀提案 marks on a proposal: 已转社情民意 (with a link to the report), 转办征询 waiting for the proposer, the excellent year. */
import { Space, Tag } from 'antd';
import { Link } from 'react-router';
import type { ProposalDetail } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';

export function ConversionTags({ p }: { p: ProposalDetail }) {
  const { t } = useI18n();
  const c = p.conversion;
  return (
    <>
      {p.isExcellent && p.excellentYear && <Tag color="gold">{t('{year}年度优秀提案', { year: p.excellentYear })}</Tag>}
      {c && c.convertedTo && (
        <Tag color="cyan" data-testid="proposal-converted">
          {c.reportId ? <Link to={`/opinions/${c.reportId}`}>{t(c.convertedLabel ?? '')}</Link> : t(c.convertedLabel ?? '')}
        </Tag>
      )}
      {c && !c.convertedTo && (
        <Space size={4}><Tag>{t('转办征询')}：{t(c.offerLabel)}</Tag><Tag color={c.status === 'pending' ? 'processing' : 'default'}>{t(c.statusLabel)}</Tag></Space>
      )}
    </>
  );
}
