/**
 * 书香政协: the CPPCC's reading groups (读书群) — 领读人, what is being read, members, books and notes — with 加入 for
 * members and 新建读书群 for the office; those who read all see the year's reading figures (each opening its rows).
 * Also the notes list (读书心得) and the readers list that the figures open.
 */
import { useState } from 'react';
import { Button, Card, Col, Form, Input, List, Modal, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { BookOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Figure } from '../../../../kernel/universal/figures.ts';
import type { ReadingGroupItem, ReadingNoteItem } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { EmptyHint, PageCard, formatDate, formatDateTime } from '../../../../kernel/web/components.tsx';
import { CosignerField } from '../../../proposals/web/pages/cosigner-picker.tsx';
import { useSession } from '../../../../kernel/web/session.tsx';
import { activitiesPermissions as P } from '../../domain/activities-permissions.ts';
import type { ActivityOptions } from './list.tsx';

/** Where a figure's rows are shown: its web page with the figure's query. */
export const figureLink = (f: Figure) => `${f.list?.web ?? (f.list?.rows === 'member' ? '/activities/reading/readers' : '/activities/reading/notes')}?${new URLSearchParams(f.list?.query ?? {})}`;

export function ReadingFigures({ figures }: { figures: Figure[] }) {
  const { t } = useI18n();
  return (
    <Row gutter={[12, 12]}>
      {figures.map((f) => (
        <Col key={f.key} xs={12} sm={8} md={6}>
          <Card size="small"><Link to={figureLink(f)} data-testid={`figure-${f.key}`}><Statistic title={t(f.label)} value={f.value} suffix={t(f.unit)} /></Link></Card>
        </Col>
      ))}
    </Row>
  );
}

export default function ReadingPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const report = useReportError();
  const navigate = useNavigate();
  const options = useApiQuery<ActivityOptions>('/api/activities/options');
  const { data, loading, reload } = useApiQuery<{ items: ReadingGroupItem[]; total: number }>('/api/activities/reading/groups');
  const { can } = useSession();
  const readsAll = can([P.readAll, P.manage]);
  const stats = useApiQuery<{ totals: Figure[] }>(readsAll ? '/api/activities/reading/stats' : null);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const join = async (g: ReadingGroupItem) => {
    try { await api.post(`/api/activities/reading/groups/${g.id}/join`); navigate(`/activities/reading/${g.id}`); } catch (e) { report(e, { onReload: reload }); }
  };
  const add = async (v: { name: string; intro: string; leader?: string[] }) => {
    try {
      const r = await api.post<{ id: string }>('/api/activities/reading/groups', { name: v.name, intro: v.intro, leaderUserId: v.leader?.[0] });
      setAdding(false); form.resetFields(); navigate(`/activities/reading/${r.id}`);
    } catch (e) { if (!applyFormErrors(form, e)) report(e); }
  };
  const actionOf = (g: ReadingGroupItem) => (g.joined
    ? <Tag color="green">{t('已加入')}</Tag>
    : options.data && !options.data.canManage && <Button size="small" type="primary" onClick={() => void join(g)} data-testid={`join-${g.id}`}>{t('加入')}</Button>);
  const counts = (g: ReadingGroupItem) => t('成员 {m} 人 · 书目 {b} 本 · 读书心得 {n} 篇', { m: g.members, b: g.books, n: g.notes });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {readsAll && stats.data && (
        <PageCard title={t('本年度书香政协')}><ReadingFigures figures={stats.data.totals} /></PageCard>
      )}
      <PageCard title={t('书香政协')} extra={options.data?.canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{t('新建读书群')}</Button>}>
        {!loading && data?.items.length === 0 ? <EmptyHint text={t('还没有读书群。')} /> : mobile ? (
          <List loading={loading} dataSource={data?.items ?? []} renderItem={(g) => (
            <List.Item extra={actionOf(g)}>
              <List.Item.Meta avatar={<BookOutlined style={{ fontSize: 20, color: '#b8860b' }} />} title={<Link to={`/activities/reading/${g.id}`}>{g.name}</Link>}
                description={<Space direction="vertical" size={2}>
                  {g.currentBook && <span>{t('正在读')}：《{g.currentBook}》</span>}
                  {g.leaderName && <span>{t('领读人')}：{g.leaderName}</span>}
                  <span>{counts(g)}</span>
                </Space>} />
            </List.Item>
          )} />
        ) : (
          <Table<ReadingGroupItem> rowKey="id" size="small" loading={loading} dataSource={data?.items ?? []} pagination={false}
            columns={[
              { title: t('读书群'), key: 'name', render: (_v, g) => <Space direction="vertical" size={0}><Link to={`/activities/reading/${g.id}`}>{g.name}</Link><Typography.Text type="secondary" ellipsis style={{ maxWidth: 420 }}>{g.intro}</Typography.Text></Space> },
              { title: t('领读人'), dataIndex: 'leaderName', key: 'leaderName', width: 100 },
              { title: t('正在读'), key: 'currentBook', width: 200, render: (_v, g) => (g.currentBook ? `《${g.currentBook}》` : '—') },
              { title: t('成员'), dataIndex: 'members', key: 'members', width: 70, align: 'right' },
              { title: t('书目'), dataIndex: 'books', key: 'books', width: 70, align: 'right' },
              { title: t('读书心得'), key: 'notes', width: 90, align: 'right', render: (_v, g) => <Link to={`/activities/reading/notes?groupId=${g.id}`}>{g.notes}</Link> },
              { title: '', key: 'op', width: 90, render: (_v, g) => actionOf(g) },
            ]} />
        )}
      </PageCard>
      <Modal open={adding} title={t('新建读书群')} onCancel={() => setAdding(false)} onOk={() => form.submit()} width={mobile ? undefined : 600} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={add}>
          <Form.Item name="name" label={t('读书群名称')} rules={[{ required: true, min: 2 }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="intro" label={t('简介')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          <Form.Item name="leader" label={t('领读人')} extra={t('选一位委员，领读人自动加入读书群')}><CosignerField wording="members" /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** One note with its replies; members of the group (and the office) reply in place. */
export function NoteCard({ n, showGroup, canReply, onReplied }: { n: ReadingNoteItem; showGroup?: boolean; canReply: boolean; onReplied: () => void }) {
  const { t } = useI18n();
  const report = useReportError();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const send = async () => {
    try { await api.post(`/api/activities/reading/notes/${n.id}/replies`, { content: text }); setText(''); setOpen(false); onReplied(); } catch (e) { report(e); }
  };
  return (
    <List.Item>
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={6}>
          <Typography.Text strong>{n.name}</Typography.Text>
          <Typography.Text type="secondary">{formatDate(n.onDate)}</Typography.Text>
          {n.bookTitle && <Tag color="gold">《{n.bookTitle}》</Tag>}
          {showGroup && <Link to={`/activities/reading/${n.groupId}`}>{n.groupName}</Link>}
        </Space>
        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{n.content}</Typography.Paragraph>
        {n.replies.map((r) => (
          <Typography.Text key={r.id} type="secondary" style={{ paddingLeft: 12, borderLeft: '2px solid #eee' }}>{r.name}：{r.content}（{formatDateTime(r.createdAt)}）</Typography.Text>
        ))}
        {canReply && (open ? (
          <Space.Compact style={{ width: '100%' }}>
            <Input value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} placeholder={t('写下您的看法')} />
            <Button type="primary" disabled={!text.trim()} onClick={() => void send()}>{t('回复')}</Button>
          </Space.Compact>
        ) : <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setOpen(true)}>{t('回复')}</Button>)}
      </Space>
    </List.Item>
  );
}

/** 读书心得: the notes a figure counts (by group, member and days), newest first. */
export function ReadingNotesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = Object.fromEntries(['groupId', 'userId', 'from', 'to'].map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const { data, loading, reload } = useApiQuery<{ items: ReadingNoteItem[]; total: number }>('/api/activities/reading/notes', { ...q, page, pageSize: 20 });
  return (
    <PageCard title={t('读书心得')}>
      {q.from && <Typography.Paragraph type="secondary">{formatDate(q.from)} – {formatDate(q.to ?? '')}</Typography.Paragraph>}
      <List loading={loading} dataSource={data?.items ?? []} locale={{ emptyText: t('暂无读书心得') }}
        pagination={{ current: page, total: data?.total ?? 0, pageSize: 20, showSizeChanger: false, size: 'small', showTotal: (n) => t('共 {n} 篇', { n }), onChange: (p) => { params.set('page', String(p)); setParams(params); } }}
        renderItem={(n) => <NoteCard n={n} showGroup canReply={false} onReplied={reload} />} />
    </PageCard>
  );
}

/** 参与读书的委员: the members a figure counts, each with their notes (opening them). */
export function ReadingReadersPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = Object.fromEntries(['groupId', 'from', 'to'].map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const { data, loading } = useApiQuery<{ items: { userId: string; name: string; notes: number }[]; total: number }>('/api/activities/reading/readers', { ...q, page, pageSize: 20 });
  const notesOf = (userId: string) => `/activities/reading/notes?${new URLSearchParams(Object.entries({ ...q, userId }).filter(([, v]) => v) as [string, string][])}`;
  return (
    <PageCard title={t('参与读书的委员')}>
      <Table rowKey="userId" size="small" loading={loading} dataSource={data?.items ?? []}
        pagination={{ current: page, total: data?.total ?? 0, pageSize: 20, showSizeChanger: false, showTotal: (n) => t('共 {n} 人', { n }), onChange: (p) => { params.set('page', String(p)); setParams(params); } }}
        columns={[
          { title: t('姓名'), dataIndex: 'name', key: 'name' },
          { title: t('读书心得'), key: 'notes', align: 'right', render: (_v, r) => <Link to={notesOf(r.userId)}>{r.notes}</Link> },
        ]} />
    </PageCard>
  );
}
