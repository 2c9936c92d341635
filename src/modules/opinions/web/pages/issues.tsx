/** 社情民意期刊: the numbered issues (第X期), newest first. */
import { Button, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { StateTag } from '../shared.tsx';

interface IssueItem { id: string; year: number; number: string; title: string; state: string; stateLabel: string; stateTone: string; pieceCount: number; createdAt: string; signedBy: string | null }

export default function IssueListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const { data, loading } = useApiQuery<{ items: IssueItem[]; total: number }>('/api/opinions/issues', { page, pageSize: 20 });
  return (
    <PageCard title={t('社情民意期刊')} extra={can('opinion.edit') && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/opinions/issues/new')}>{t('编期')}</Button>}>
      <Table<IssueItem> rowKey="id" loading={loading} dataSource={data?.items ?? []} scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, showTotal: (n) => t('共 {n} 条', { n }), onChange: (p) => setParams({ page: String(p) }) }}
        columns={[
          { title: t('期号'), key: 'number', render: (_, i) => <Link to={`/opinions/issues/${i.id}`}>{`${i.year}年${i.number}`}</Link> },
          { title: t('篇目'), dataIndex: 'pieceCount', key: 'pieceCount', width: 80 },
          { title: t('状态'), dataIndex: 'state', key: 'state', width: 100, render: (_v, i) => <StateTag label={i.stateLabel} tone={i.stateTone} /> },
          { title: t('签发人'), dataIndex: 'signedBy', key: 'signedBy', width: 120, render: (v) => v ?? '—' },
          { title: t('编期时间'), dataIndex: 'createdAt', key: 'createdAt', width: 170, render: (v) => formatDateTime(v) },
        ]} />
    </PageCard>
  );
}
