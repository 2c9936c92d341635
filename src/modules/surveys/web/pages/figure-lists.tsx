/**
 * The lists behind the figures 收到答卷, 社会公众答卷 and 意见主题: the same query the figure counted, from the address.
 */
import { List, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';

interface AnswerItem { id: string; surveyId: string; surveyTitle: string; respondentKind: string; respondentKindLabel: string; createdAt: string; text: string }
interface ThemeItem { id: string; surveyId: string; surveyTitle: string; questionTitle: string; keywords: string[]; count: number }

function usePaged<T>(api: string, keys: string[]) {
  const [params, setParams] = useSearchParams();
  const q: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const res = useApiQuery<{ items: T[]; total: number }>(api, { ...q, page, pageSize });
  const onChange = (p: number, s: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    next.set('pageSize', String(s));
    setParams(next);
  };
  return { ...res, page, pageSize, onChange, q };
}

export function AnswersListPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const r = usePaged<AnswerItem>('/api/surveys/answers', ['survey', 'kind', 'from', 'to']);
  const pagination = { current: r.page, pageSize: r.pageSize, total: r.data?.total ?? 0, onChange: r.onChange, showTotal: (n: number) => t('共 {n} 条', { n }) };
  return (
    <PageCard title={r.q.kind === 'public' ? t('社会公众答卷') : t('答卷')}>
      {mobile ? (
        <List loading={r.loading} dataSource={r.data?.items ?? []} pagination={{ ...pagination, simple: true, size: 'small' }} renderItem={(a) => (
          <List.Item><List.Item.Meta title={<Link to={`/surveys/${a.surveyId}`}>{a.surveyTitle}</Link>} description={<Space direction="vertical" size={2}><span>{t(a.respondentKindLabel)} · {formatDateTime(a.createdAt)}</span>{a.text && <Typography.Text>{a.text}</Typography.Text>}</Space>} /></List.Item>
        )} />
      ) : (
        <Table<AnswerItem> rowKey="id" loading={r.loading} dataSource={r.data?.items ?? []} pagination={pagination} columns={[
          { title: t('问卷'), dataIndex: 'surveyTitle', key: 's', width: 260, render: (v, a) => <Link to={`/surveys/${a.surveyId}`}>{v}</Link> },
          { title: t('提交时间'), dataIndex: 'createdAt', key: 'at', width: 170, render: (v) => formatDateTime(v) },
          { title: t('方式'), dataIndex: 'respondentKindLabel', key: 'k', width: 100, render: (v) => t(v) },
          { title: t('填写的意见'), dataIndex: 'text', key: 'text' },
        ]} />
      )}
    </PageCard>
  );
}

export function ThemesListPage() {
  const { t } = useI18n();
  const r = usePaged<ThemeItem>('/api/surveys/themes', ['survey', 'from', 'to']);
  return (
    <PageCard title={t('意见主题')}>
      <List loading={r.loading} dataSource={r.data?.items ?? []}
        pagination={{ current: r.page, pageSize: r.pageSize, total: r.data?.total ?? 0, onChange: r.onChange, showTotal: (n: number) => t('共 {n} 条', { n }) }}
        renderItem={(x) => (
          <List.Item extra={<Tag color="blue">{t('{n} 条', { n: x.count })}</Tag>}>
            <List.Item.Meta title={<Space wrap>{x.keywords.map((k) => <Tag key={k}>{k}</Tag>)}</Space>}
              description={<span><Link to={`/surveys/${x.surveyId}?tab=results`}>{x.surveyTitle}</Link> · {x.questionTitle}</span>} />
          </List.Item>
        )} />
    </PageCard>
  );
}
