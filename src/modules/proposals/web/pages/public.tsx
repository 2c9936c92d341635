/** 公开提案查询: proposals published with their replies, for anyone, without signing in (list and one proposal). */
import { useMemo, type ReactNode } from 'react';
import { Button, Card, Descriptions, Empty, Input, List, Result, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, LoginOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { PublicDetail, PublicListItem } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { formatDate } from '../../../../kernel/web/components.tsx';
import { clock } from '../../../../kernel/universal/clock.ts';

interface PublicPageData { items: PublicListItem[]; total: number; page: number; pageSize: number; committees: Array<{ id: string; name: string }>; committee: string }

function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  return (
    <div style={{ minHeight: '100vh', background: 'linear-gradient(180deg, #eef3f9 0%, #f7f9fc 240px)' }}>
      <header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, padding: mobile ? '12px 12px' : '16px 32px', maxWidth: 1080, margin: '0 auto' }}>
        <Link to="/public/proposals" style={{ color: 'inherit' }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: mobile ? 20 : 24 }}>{t('公开提案查询')}</Typography.Title>
        </Link>
        <Link to="/login"><Button icon={<LoginOutlined />}>{t('登录')}</Button></Link>
      </header>
      <main style={{ maxWidth: 1080, margin: '0 auto', padding: mobile ? '0 8px 24px' : '0 32px 32px' }}>{children}</main>
    </div>
  );
}

function ReplyClassTag({ code, label }: { code: string | null; label: string | null }) {
  if (!code) return null;
  const text = label && !label.startsWith(code) ? `${code} ${label}` : label ?? code;
  return <Tag color="blue">{text}</Tag>;
}

export function PublicProposalList() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? undefined;
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  const committee = params.get('committee') ?? undefined;
  const page = Number(params.get('page') ?? 1);
  const { data, loading, error } = useApiQuery<PublicPageData>('/api/public/proposals', { q, year, committee, page, pageSize: 10 });
  const set = (next: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) { if (v === undefined || v === '') p.delete(k); else p.set(k, String(v)); }
    if (!('page' in next)) p.delete('page');
    setParams(p);
  };
  const years = useMemo(() => Array.from({ length: 6 }, (_, i) => clock.year() - i), []);
  return (
    <Shell>
      <Card>
        <Typography.Paragraph type="secondary">{t('这里公开的是提案人同意公开、承办单位已经答复的提案，以及答复内容。')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 16, width: '100%' }} orientation={mobile ? 'vertical' : 'horizontal'}>
          {data && data.committees.length > 1 && (
            <Select aria-label={t('政协')} value={data.committee} style={{ minWidth: mobile ? '100%' : 200 }} onChange={(v) => set({ committee: v })}
              options={data.committees.map((c) => ({ value: c.id, label: c.name }))} />
          )}
          <Select aria-label={t('年度')} allowClear placeholder={t('全部年度')} value={year} style={{ minWidth: mobile ? '100%' : 120 }} onChange={(v) => set({ year: v })}
            options={years.map((y) => ({ value: y, label: t('{year}年', { year: y }) }))} />
          <Input.Search aria-label={t('标题关键词')} placeholder={t('输入标题关键词')} defaultValue={q} allowClear enterButton={t('查询')} style={{ width: mobile ? '100%' : 320 }}
            onSearch={(v) => set({ q: v.trim() || undefined })} />
        </Space>
        {error && <Result status="error" title={error.message} />}
        <List loading={loading} dataSource={data?.items ?? []} locale={{ emptyText: <Empty description={t('没有符合条件的公开提案')} /> }}
          pagination={data && data.total > data.pageSize ? { current: page, pageSize: data.pageSize, total: data.total, simple: mobile, showSizeChanger: false, onChange: (p) => set({ page: p }), showTotal: mobile ? undefined : (n) => t('共 {n} 条', { n }) } : false}
          renderItem={(r) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate(`/public/proposals/${r.id}`)}>
              <List.Item.Meta
                title={<Link to={`/public/proposals/${r.id}`}>{r.title}</Link>}
                description={<Space wrap size={[8, 4]}>
                  {r.number && <span>{r.sessionLabel}{r.number}</span>}
                  <span>{t('提案人')}：{r.proposerName}</span>
                  {r.leadUnitName && <span>{t('主办单位')}：{r.leadUnitName}</span>}
                  <ReplyClassTag code={r.replyClass} label={r.replyClassLabel} />
                </Space>} />
            </List.Item>
          )} />
      </Card>
    </Shell>
  );
}

export function PublicProposalDetail() {
  const { id } = useParams();
  const { t } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const { data: p, error } = useApiQuery<PublicDetail>(`/api/public/proposals/${id}`);
  const back = <Button icon={<ArrowLeftOutlined />} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/public/proposals'))}>{t('返回列表')}</Button>;
  if (error) return <Shell><Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={back} /></Shell>;
  if (!p) return <Shell><Card><Skeleton active /></Card></Shell>;
  const section = (title: string, text: string) => (
    <section key={title} style={{ marginBottom: 16 }}>
      <Typography.Title level={3} style={{ fontSize: 16 }}>{title}</Typography.Title>
      {text.trim() ? text.split(/\n+/).filter((x) => x.trim()).map((x, i) => <Typography.Paragraph key={i}>{x.trim()}</Typography.Paragraph>) : <Typography.Text type="secondary">{t('（未填写）')}</Typography.Text>}
    </section>
  );
  return (
    <Shell>
      <div style={{ marginBottom: 12 }}>{back}</div>
      <Card>
        <Typography.Title level={2} style={{ fontSize: mobile ? 18 : 22, marginTop: 0 }}>{p.title}</Typography.Title>
        <Descriptions column={mobile ? 1 : 2} size="small" style={{ marginBottom: 16 }} items={[
          { key: 'no', label: t('编号'), children: p.number ? `${p.sessionLabel}${p.number}` : p.sessionLabel },
          { key: 'cppcc', label: t('政协'), children: p.committeeName },
          { key: 'proposer', label: t('提案人'), children: p.proposerName },
          { key: 'type', label: t('提案类型'), children: t(p.typeLabel) },
          ...(p.cosignerNames.length ? [{ key: 'co', label: t('附议人'), children: p.cosignerNames.join('、') }] : []),
          { key: 'unit', label: t('主办单位'), children: p.leadUnitName ?? '—' },
        ]} />
        {section(t('背景情况'), p.background)}
        {section(t('问题分析'), p.analysis)}
        {section(t('具体建议'), p.suggestions)}
      </Card>
      <Card style={{ marginTop: 16 }} title={<Space wrap>{t('答复')}<ReplyClassTag code={p.replyClass} label={p.replyClassLabel} />{p.repliedAt && <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{formatDate(p.repliedAt)}</Typography.Text>}</Space>} data-testid="public-reply">
        {p.replyText.split(/\n+/).filter((x) => x.trim()).map((x, i) => <Typography.Paragraph key={i}>{x.trim()}</Typography.Paragraph>)}
      </Card>
    </Shell>
  );
}

export default PublicProposalList;
