/** 编期: choose verified reports and group them into pieces — one report is a single piece (单篇), several make a composite (综合). */
import { useState } from 'react';
import { App, Button, Select, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { IssueDetail, ReportListItem } from '../../contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useReportError } from '../../../../kernel/web/hooks.ts';
import { EmptyHint, PageCard } from '../../../../kernel/web/components.tsx';

export default function IssueCompilePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const { data, loading } = useApiQuery<{ items: ReportListItem[]; total: number }>('/api/opinions', { state: 'verified', pageSize: 100 });
  /** report id → piece number (0 = not in this issue) */
  const [pieceOf, setPieceOf] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState(false);
  const items = data?.items ?? [];
  const slots = Array.from({ length: Math.max(items.length, 1) }, (_, i) => ({ value: i + 1, label: t('第 {n} 篇', { n: i + 1 }) }));

  const compile = async () => {
    const groups = new Map<number, string[]>();
    for (const [id, n] of Object.entries(pieceOf)) if (n > 0) groups.set(n, [...(groups.get(n) ?? []), id]);
    const pieces = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, ids]) => ({ kind: ids.length > 1 ? 'composite' : 'single', reportIds: ids }));
    if (!pieces.length) { void message.warning(t('请至少选择一条信息')); return; }
    setBusy(true);
    try {
      const issue = await api.post<IssueDetail>('/api/opinions/issues', { pieces });
      void message.success(t('已编成{n}', { n: issue.number }));
      navigate(`/opinions/issues/${issue.id}`);
    } catch (e) { report(e); } finally { setBusy(false); }
  };

  return (
    <PageCard title={t('编期')} extra={<Button type="primary" loading={busy} onClick={compile}>{t('编成一期')}</Button>}>
      <Typography.Paragraph type="secondary">{t('为每条信息选择篇目：同一篇目下的多条信息合为一篇综合，保留每条来源信息和报送人。')}</Typography.Paragraph>
      {data && items.length === 0 ? <EmptyHint text={t('没有已核稿的信息。')} /> : (
        <Table<ReportListItem> rowKey="id" loading={loading} dataSource={items} pagination={false} scroll={{ x: 'max-content' }}
          columns={[
            { title: t('标题'), dataIndex: 'title', key: 'title', render: (v, r) => <Link to={`/opinions/${r.id}`}>{v}</Link> },
            { title: t('报送人'), dataIndex: 'submitterName', key: 'submitterName', width: 120 },
            { title: t('篇目'), key: 'piece', width: 150, render: (_, r) => (
              <Select aria-label={t('篇目')} style={{ width: 130 }} allowClear placeholder={t('不编入')} value={pieceOf[r.id] || undefined}
                options={slots} onChange={(v) => setPieceOf((m) => ({ ...m, [r.id]: v ?? 0 }))} />
            ) },
          ]} />
      )}
    </PageCard>
  );
}
