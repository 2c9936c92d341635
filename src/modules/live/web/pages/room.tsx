/**
 * 议政室: the live room on a phone or a desk. The stream of contributions labelled by role, a box to post (发言/提问),
 * vote cards on the statements, the opinion groups and the consensus; for hosts, the moderation queue, routing a
 * question to a department, opening and closing the room and the report. Pushed by server-sent events with the
 * snapshot's event number, so nothing is missed and nothing is polled. Contributions are rendered as text.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App as AntApp, Badge, Button, Card, Col, Drawer, Empty, Input, List, Modal, Progress, Row, Segmented, Select, Space, Tabs, Tag, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import type { ContributionItem, MaterialItem, OpinionGroupsView, ProposalDraftResult, RoomView, StatementItem, TurnoutList } from '../../contract.ts';
import { FollowupPanel } from './followup-panel.tsx';

interface LiveOptions { units: Array<{ id: string; name: string }> }
import { ApiError, api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { useSession } from '../../../../kernel/web/session.tsx';

const roleColor: Record<string, string> = { host: 'purple', member: 'red', department: 'blue', expert: 'gold', public: 'green' };

/** Calls the room's API as the signed-in person, or as a public participant with their token. */
export function roomApi(token: string | null) {
  if (!token) return { get: <T,>(u: string) => api.get<T>(u), post: <T,>(u: string, b: unknown) => api.post<T>(u, b) };
  const call = async <T,>(method: string, url: string, body?: unknown): Promise<T> => {
    const res = await fetch(url, { method, headers: { accept: 'application/json', 'x-live-token': token, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const data = await res.json().catch(() => null);
    if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? 'ERROR', data?.error?.message ?? `请求失败（${res.status}）`, data?.error?.field);
    return data as T;
  };
  return { get: <T,>(u: string) => call<T>('GET', u), post: <T,>(u: string, b: unknown) => call<T>('POST', u, b) };
}

function upsert<T extends { id: string }>(list: T[], item: T): T[] {
  const i = list.findIndex((x) => x.id === item.id);
  if (i < 0) return [...list, item];
  const next = list.slice();
  next[i] = { ...next[i], ...item };
  return next;
}

export function LiveRoom({ sessionId, token }: { sessionId: string; token: string | null }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const report = useReportError();
  const { modal } = AntApp.useApp();
  const { can } = useSession();
  const navigate = useNavigate();
  const http = useMemo(() => roomApi(token), [token]);
  const [room, setRoom] = useState<RoomView>();
  const [contribs, setContribs] = useState<ContributionItem[]>([]);
  const [queue, setQueue] = useState<ContributionItem[]>([]);
  const [statements, setStatements] = useState<StatementItem[]>([]);
  const [groups, setGroups] = useState<OpinionGroupsView>();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'comment' | 'question'>('comment');
  const [statementText, setStatementText] = useState('');
  const [live, setLive] = useState(false);
  const [tab, setTab] = useState('stream');
  const [reload, setReload] = useState(0);
  const endRef = useRef<HTMLDivElement>(null);
  const [units, setUnits] = useState<Array<{ id: string; name: string }>>([]);
  // 到场 (hosts): invited and come in, pushed as people arrive; the figure opens the list of those who came
  const [turnout, setTurnout] = useState<RoomView['turnout']>(null);
  const [arrivals, setArrivals] = useState<TurnoutList | null>(null);

  const load = useCallback(async () => {
    const r = await http.get<RoomView>(`/api/live/sessions/${sessionId}/room`);
    setRoom(r); setContribs(r.contributions); setQueue(r.queue); setStatements(r.statements); setGroups(r.groups); setTurnout(r.turnout);
    return r;
  }, [http, sessionId]);

  useEffect(() => {
    let es: EventSource | null = null;
    let stop = false;
    load().then((r) => {
      if (stop) return;
      const q = new URLSearchParams({ after: String(r.lastSeq) });
      if (token) q.set('token', token);
      es = new EventSource(`/api/live/sessions/${sessionId}/stream?${q}`);
      es.onopen = () => setLive(true);
      es.onerror = () => setLive(false);
      const on = (name: string, fn: (d: any) => void) => es!.addEventListener(name, (e) => fn(JSON.parse((e as MessageEvent).data)));
      on('contribution', (c: ContributionItem) => { setContribs((l) => upsert(l, c)); setQueue((l) => l.filter((x) => x.id !== c.id)); });
      on('question', (c: ContributionItem) => setContribs((l) => upsert(l, c)));
      on('pending', (c: ContributionItem) => setQueue((l) => upsert(l, c)));
      on('moderated', (m: { id: string }) => setQueue((l) => l.filter((x) => x.id !== m.id)));
      on('statement', (s: StatementItem) => setStatements((l) => (l.some((x) => x.id === s.id) ? l : [...l, s])));
      on('groups', (g: OpinionGroupsView & { tallies: Record<string, { agree: number; disagree: number; pass: number }> }) => {
        setGroups((old) => ({ ...g, myGroup: old?.myGroup ?? null }));
        setStatements((l) => l.map((s) => (g.tallies[s.id] ? { ...s, ...g.tallies[s.id] } : s)));
      });
      on('turnout', (x: { invited: number; joined: number }) => setTurnout(x));
      on('state', () => setReload((n) => n + 1));
      on('session', () => setReload((n) => n + 1));
    }).catch((e) => report(e));
    return () => { stop = true; es?.close(); };
  }, [sessionId, token, load, report]);
  useEffect(() => { if (reload) load().catch(report); }, [reload, load, report]);
  const hostAfter = room?.me.role === 'host' && (room.session.state === 'closed' || room.session.state === 'archived');
  useEffect(() => { if (hostAfter && !token) api.get<LiveOptions>('/api/live/options').then((o) => setUnits(o.units)).catch(report); }, [hostAfter, token, report]);
  useEffect(() => { endRef.current?.scrollIntoView?.({ block: 'nearest' }); }, [contribs.length]);

  if (!room) return <PageCard loading><span /></PageCard>;
  const s = room.session;
  const isHost = room.me.role === 'host';
  const open = s.state === 'open';
  // 答复转提案: a member (who may write proposals) starts one from an answered question or from the session's summary
  const mayPropose = !token && room.me.role !== 'public' && can('proposal.create');
  const draftProposal = async (contributionIds: string[]) => {
    try {
      const r = await api.post<ProposalDraftResult>(`/api/live/sessions/${sessionId}/proposal-draft`, { contributionIds });
      navigate(r.link);
    } catch (e) { report(e); }
  };
  const published = contribs.filter((c) => c.status === 'published' && c.kind !== 'answer');
  const answers = new Map(contribs.filter((c) => c.kind === 'answer' && c.replyTo).map((c) => [c.replyTo!, c]));

  const post = async () => {
    try {
      const c = await http.post<ContributionItem>(`/api/live/sessions/${sessionId}/contributions`, { kind, body: text });
      setText('');
      setContribs((l) => upsert(l, c));
    } catch (e) { report(e); }
  };
  const answer = (q: ContributionItem) => {
    let value = '';
    modal.confirm({
      title: t('答复问题'), content: <Input.TextArea rows={4} maxLength={2000} onChange={(e) => { value = e.target.value; }} />, okText: t('发布答复'),
      onOk: () => http.post(`/api/live/sessions/${sessionId}/contributions`, { kind: 'answer', body: value, replyTo: q.id }).catch((e) => { report(e); throw e; }),
    });
  };
  const vote = async (st: StatementItem, choice: 'agree' | 'disagree' | 'pass') => {
    try {
      await http.post(`/api/live/sessions/${sessionId}/votes`, { statementId: st.id, choice });
      setStatements((l) => l.map((x) => (x.id === st.id ? { ...x, myVote: choice } : x)));
    } catch (e) { report(e); }
  };
  const addStatement = async () => {
    try { await http.post(`/api/live/sessions/${sessionId}/statements`, { body: statementText }); setStatementText(''); } catch (e) { report(e); }
  };
  const moderate = (c: ContributionItem, decision: 'approve' | 'reject') => {
    if (decision === 'approve') { http.post(`/api/live/sessions/${sessionId}/contributions/${c.id}/moderation`, { version: c.version, decision }).catch(report); return; }
    let reason = '';
    modal.confirm({
      title: t('不通过理由'), content: <Input.TextArea rows={3} maxLength={500} onChange={(e) => { reason = e.target.value; }} />, okText: t('不通过'),
      onOk: () => http.post(`/api/live/sessions/${sessionId}/contributions/${c.id}/moderation`, { version: c.version, decision, reason }).then(() => setQueue((l) => l.filter((x) => x.id !== c.id))).catch((e) => { report(e); throw e; }),
    });
  };
  const route = (c: ContributionItem, unitId: string) => http.post(`/api/live/sessions/${sessionId}/contributions/${c.id}/route`, { version: c.version, unitId }).catch(report);
  const uploadMaterial = async (opts: { file: unknown; onSuccess?: (r: unknown) => void; onError?: (e: Error) => void }) => {
    const body = new FormData();
    body.append('file', opts.file as Blob);
    try {
      const a = await api.post<{ id: string }>('/api/attachments', body);
      await api.post(`/api/live/sessions/${sessionId}/materials`, { attachmentIds: [a.id] });
      opts.onSuccess?.(a);
      await load();
    } catch (e) { opts.onError?.(e as Error); report(e); }
  };
  const fire = async (action: string) => {
    try { await http.post(`/api/live/sessions/${sessionId}/transitions`, { action, version: s.version, input: {} }); await load(); } catch (e) { report(e); }
  };

  const streamView = (
    <div>
      <List
        dataSource={published}
        locale={{ emptyText: <Empty description={t('还没有发言')} /> }}
        renderItem={(c) => {
          const a = answers.get(c.id);
          return (
            <List.Item key={c.id} data-testid="contribution" style={{ display: 'block' }}>
              <Space size={6} wrap>
                <Tag color={roleColor[c.role]}>{t(c.roleLabel)}</Tag>
                <Typography.Text strong>{c.authorName}</Typography.Text>
                {c.kind === 'question' && <Tag color="orange">{t('提问')}</Tag>}
                {c.status === 'pending' && <Tag>{t('待审核')}</Tag>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(c.createdAt)}</Typography.Text>
              </Space>
              <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', marginTop: 4 }}>{c.body}</div>
              {c.kind === 'question' && (
                <div style={{ marginTop: 6, paddingLeft: 12, borderLeft: '3px solid #91caff' }}>
                  {a ? (<><Tag color="blue">{t('部门')}</Tag><b>{a.authorName}</b>：<span style={{ whiteSpace: 'pre-wrap' }}>{a.body}</span></>)
                    : c.routedUnitName ? <Typography.Text type="secondary">{t('已转交 {unit}，待答复', { unit: c.routedUnitName })}</Typography.Text>
                      : <Typography.Text type="secondary">{t('待转交部门')}</Typography.Text>}
                  {a && mayPropose && <Button size="small" type="link" data-testid="answer-to-proposal" onClick={() => void draftProposal([c.id])}>{t('据此撰写提案')}</Button>}
                  {!a && room.me.role === 'department' && c.routedUnitName && open && <Button size="small" type="link" onClick={() => answer(c)}>{t('答复')}</Button>}
                  {!a && isHost && open && s.responderUnits.length > 0 && (
                    <Select size="small" style={{ minWidth: 140, marginLeft: 8 }} placeholder={t('转交部门')} value={c.routedUnitId ?? undefined}
                      options={s.responderUnits.map((u) => ({ value: u.id, label: u.name }))} onChange={(v) => route(c, v)} />
                  )}
                </div>
              )}
            </List.Item>
          );
        }}
      />
      {contribs.filter((c) => c.mine && c.status !== 'published').map((c) => (
        <Card key={c.id} size="small" style={{ marginTop: 8 }}>
          <Tag>{c.status === 'pending' ? t('待审核') : t('未通过')}</Tag><span style={{ whiteSpace: 'pre-wrap' }}>{c.body}</span>
          {c.rejectReason && <div><Typography.Text type="danger">{t('理由')}：{c.rejectReason}</Typography.Text></div>}
        </Card>
      ))}
      <div ref={endRef} />
      {open && (
        <Space.Compact direction="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Segmented value={kind} onChange={(v) => setKind(v as 'comment' | 'question')} options={[{ value: 'comment', label: t('发言') }, ...(isHost ? [] : [{ value: 'question', label: t('向部门提问') }])]} />
          <Input.TextArea aria-label={t('发言内容')} value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={2000} placeholder={room.me.role === 'public' && s.moderatePublic ? t('网友发言经主持人审核后发布') : t('请输入发言')} />
          <Button type="primary" onClick={post} disabled={!text.trim()}>{t('发送')}</Button>
        </Space.Compact>
      )}
    </div>
  );

  const votesView = (
    <div>
      {statements.length === 0 && <Empty description={t('还没有观点')} />}
      {statements.map((st) => {
        const n = st.agree + st.disagree + st.pass;
        return (
          <Card key={st.id} size="small" style={{ marginBottom: 8 }} data-testid="statement">
            <div style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>{st.body}</div>
            {open && (
              <Space wrap>
                <Button size="small" type={st.myVote === 'agree' ? 'primary' : 'default'} onClick={() => vote(st, 'agree')}>{t('赞同')}</Button>
                <Button size="small" danger={st.myVote === 'disagree'} type={st.myVote === 'disagree' ? 'primary' : 'default'} onClick={() => vote(st, 'disagree')}>{t('反对')}</Button>
                <Button size="small" type={st.myVote === 'pass' ? 'dashed' : 'default'} onClick={() => vote(st, 'pass')}>{t('跳过')}</Button>
              </Space>
            )}
            <div style={{ fontSize: 12, color: '#666', marginTop: 6 }}>
              {t('赞同 {a} · 反对 {d} · 跳过 {p}', { a: st.agree, d: st.disagree, p: st.pass })}
              {n > 0 && <Progress size="small" showInfo={false} percent={Math.round(((st.agree + st.disagree) / n) * 100)} success={{ percent: Math.round((st.agree / n) * 100) }} strokeColor="#ff7875" />}
            </div>
          </Card>
        );
      })}
      {open && (
        <Space.Compact style={{ width: '100%' }}>
          <Input aria-label={t('提出观点')} value={statementText} onChange={(e) => setStatementText(e.target.value)} maxLength={280} placeholder={t('提出一条简短观点，供大家表态')} />
          <Button onClick={addStatement} disabled={statementText.trim().length < 4}>{t('提交')}</Button>
        </Space.Compact>
      )}
    </div>
  );

  const groupsView = (
    <div data-testid="groups">
      {!groups || groups.groups.length === 0 ? <Empty description={t('表态的人多了以后，这里会显示意见分组')} /> : (
        <>
          <Typography.Paragraph type="secondary">{t('{p} 人表态 {v} 次，分为 {k} 组', { p: groups.participants, v: groups.votes, k: groups.groups.length })}</Typography.Paragraph>
          {groups.groups.map((g, i) => (
            <Card key={i} size="small" style={{ marginBottom: 8 }} title={<Space><Badge color={['#cf1322', '#1677ff', '#389e0d', '#d48806', '#722ed1'][i % 5]} />{t('第 {n} 组', { n: i + 1 })}：{g.label}{groups.myGroup === i && <Tag color="gold">{t('我所在的组')}</Tag>}</Space>} extra={t('{n} 人', { n: g.size })}>
              {g.statements.map((x) => (
                <div key={x.statementId} style={{ marginBottom: 4 }}>
                  <Tag color={x.direction === 'agree' ? 'green' : 'red'}>{x.direction === 'agree' ? t('赞同') : t('反对')} {Math.round(x.rate * 100)}%</Tag>{x.body}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>（{t('其他组')} {Math.round(x.othersRate * 100)}%）</Typography.Text>
                </div>
              ))}
            </Card>
          ))}
          <Card size="small" title={t('跨组共识')}>
            {groups.consensus.length === 0 ? <Typography.Text type="secondary">{t('暂无各组都赞同的观点')}</Typography.Text>
              : groups.consensus.map((c) => <div key={c.statementId}><Tag color="green">{Math.round(c.minAgree * 100)}%+</Tag>{c.body}</div>)}
          </Card>
        </>
      )}
    </div>
  );

  const hostView = isHost && (
    <Card size="small" title={t('主持台')} style={{ marginBottom: 12 }}>
      <Space wrap style={{ marginBottom: 8 }}>
        {s.actions.map((a) => <Button key={a.name} type={a.name === 'open' ? 'primary' : 'default'} onClick={() => (a.confirm ? modal.confirm({ title: t(a.label), onOk: () => fire(a.name) }) : fire(a.name))}>{t(a.label)}</Button>)}
        <Button href={`/api/live/sessions/${sessionId}/report.docx`}>{t('情况报告（Word）')}</Button>
        <Upload showUploadList={false} customRequest={uploadMaterial}><Button icon={<UploadOutlined />}>{t('上传背景材料')}</Button></Upload>
        {turnout && (
          <Button type="link" data-testid="turnout" onClick={() => { api.get<TurnoutList>(`/api/live/sessions/${sessionId}/turnout?joined=true`).then(setArrivals, report); }}>
            {t('到场 {j}/{n} 人', { j: turnout.joined, n: turnout.invited })}
          </Button>
        )}
        {s.publicKey && <Typography.Text copyable={{ text: `${location.origin}/public/live/${s.publicKey}` }}>{t('公众参与链接')}</Typography.Text>}
      </Space>
      {turnout && turnout.invited > 0 && <Progress size="small" percent={Math.round((turnout.joined / turnout.invited) * 100)} style={{ maxWidth: 360 }} aria-label={t('到场率')} />}
      <Drawer open={!!arrivals} onClose={() => setArrivals(null)} title={t('已进入议政室（{n} 人）', { n: arrivals?.joined ?? 0 })} size={mobile ? '100%' : 420} data-testid="turnout-drawer">
        <List dataSource={arrivals?.items ?? []} locale={{ emptyText: <Empty description={t('应邀人员尚未进入')} /> }}
          renderItem={(p) => <List.Item data-testid="turnout-person"><span>{p.name}</span><Typography.Text type="secondary">{formatDateTime(p.joinedAt)}</Typography.Text></List.Item>} />
      </Drawer>
      <Typography.Title level={5}>{t('待审核')}（{queue.length}）</Typography.Title>
      {queue.length === 0 ? <Typography.Text type="secondary">{t('没有待审核的发言')}</Typography.Text> : queue.map((c) => (
        <Card key={c.id} size="small" style={{ marginBottom: 6 }} data-testid="queue-item">
          <Space size={6} wrap><Tag color={roleColor[c.role]}>{t(c.roleLabel)}</Tag><b>{c.authorName}</b>{c.flaggedWords.length > 0 && <Tag color="red">{t('敏感词')}：{c.flaggedWords.join('、')}</Tag>}</Space>
          <div style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{c.body}</div>
          <Space><Button size="small" type="primary" onClick={() => moderate(c, 'approve')}>{t('通过')}</Button><Button size="small" danger onClick={() => moderate(c, 'reject')}>{t('不通过')}</Button></Space>
        </Card>
      ))}
    </Card>
  );

  const header = (
    <Space direction="vertical" size={4} style={{ width: '100%', marginBottom: 8 }}>
      <Space wrap>
        <Tag color={s.stateTone}>{t(s.stateLabel)}</Tag>
        <Tag color={roleColor[room.me.role]}>{t(room.me.roleLabel)} · {room.me.name}</Tag>
        <Badge status={live ? 'success' : 'default'} text={live ? t('实时连接') : t('连接中')} />
        {mayPropose && <Button size="small" data-testid="session-to-proposal" onClick={() => void draftProposal([])}>{t('以本场议政撰写提案')}</Button>}
      </Space>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true, symbol: t('展开') }} style={{ marginBottom: 0 }}>{s.topic}</Typography.Paragraph>
      {room.materials.length > 0 && (
        <Space wrap size={[12, 4]}>
          <Typography.Text type="secondary">{t('背景材料')}：</Typography.Text>
          {room.materials.map((m) => <a key={m.id} href={m.url} download={m.filename} data-testid="material"><PaperClipOutlined /> {m.filename}</a>)}
        </Space>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(s.opensAt)} – {formatDateTime(s.closesAt)}{s.responderUnits.length > 0 && ` · ${t('应邀部门')}：${s.responderUnits.map((u) => u.name).join('、')}`}</Typography.Text>
    </Space>
  );

  // 会后转办 (hosts, once the session is over); the units are those of the CPPCC, for questions never routed
  const followups = isHost && (s.state === 'closed' || s.state === 'archived') && !token && (
    <FollowupPanel room={room} contributions={contribs} units={units} onDone={() => setReload((n) => n + 1)} />
  );

  const items = [
    { key: 'stream', label: t('发言'), children: streamView },
    { key: 'votes', label: t('观点表态'), children: votesView },
    { key: 'groups', label: t('意见分组'), children: groupsView },
  ];
  return (
    <PageCard title={s.title} wrapTitle>
      {header}
      {hostView}
      {followups}
      {mobile ? <Tabs activeKey={tab} onChange={setTab} items={items} /> : (
        <Row gutter={16}>
          <Col span={14}><Card size="small" title={t('发言')}>{streamView}</Card></Col>
          <Col span={10}>
            <Card size="small" title={t('观点表态')} style={{ marginBottom: 12 }}>{votesView}</Card>
            <Card size="small" title={t('意见分组')}>{groupsView}</Card>
          </Col>
        </Row>
      )}
    </PageCard>
  );
}

export default function LiveRoomPage() {
  const { id } = useParams();
  return <LiveRoom sessionId={id!} token={null} />;
}

const formatSize = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} B`);

/** The public's way in: the link's key → 进入 (with a code by text message when the host asks for one) → the room. */
export function PublicLivePage() {
  const { t } = useI18n();
  const { key } = useParams();
  const report = useReportError();
  const storeKey = `live-token:${key}`;
  const [joined, setJoined] = useState<{ token: string; sessionId: string } | null>(() => {
    try { const v = sessionStorage.getItem(storeKey); return v ? JSON.parse(v) : null; } catch { return null; }
  });
  const [info, setInfo] = useState<{ sessionId: string; title: string; topic: string; publicAccess: string; stateLabel: string; materials: MaterialItem[] }>();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  useEffect(() => { if (!joined) fetch(`/api/live/public/${key}`).then(async (r) => { if (r.ok) setInfo(await r.json()); else report(new ApiError(r.status, 'NOT_FOUND', t('链接无效或议政已关闭'))); }); }, [key, joined, report, t]);
  const call = async (path: string, body: unknown) => {
    const r = await fetch(`/api/live/public/${key}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const data = await r.json().catch(() => null);
    if (!r.ok) throw new ApiError(r.status, data?.error?.code ?? 'ERROR', data?.error?.message ?? '请求失败', data?.error?.field);
    return data;
  };
  const join = async () => {
    try {
      const r = await call('join', info?.publicAccess === 'phone' ? { phone, code } : {});
      const v = { token: r.token, sessionId: r.sessionId };
      sessionStorage.setItem(storeKey, JSON.stringify(v));
      setJoined(v);
    } catch (e) { report(e); }
  };
  if (joined) return <div style={{ maxWidth: 1100, margin: '0 auto', padding: 8 }}><LiveRoom sessionId={joined.sessionId} token={joined.token} /></div>;
  return (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 16 }}>
      <Card title={info?.title ?? t('网络议政')}>
        <Typography.Paragraph type="secondary">{info?.topic}</Typography.Paragraph>
        {!!info?.materials.length && (
          <div style={{ marginBottom: 12 }}>
            <Typography.Text strong>{t('背景材料')}</Typography.Text>
            {info.materials.map((m) => <div key={m.id}><a href={m.url} download={m.filename} data-testid="material"><PaperClipOutlined /> {m.filename}</a> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatSize(m.size)}</Typography.Text></div>)}
          </div>
        )}
        {info?.publicAccess === 'phone' && (
          <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
            <Space.Compact style={{ width: '100%' }}>
              <Input aria-label={t('手机号码')} placeholder={t('手机号码')} value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={11} />
              <Button onClick={() => call('code', { phone }).then(() => Modal.info({ title: t('验证码已发送') })).catch(report)}>{t('获取验证码')}</Button>
            </Space.Compact>
            <Input aria-label={t('验证码')} placeholder={t('验证码')} value={code} onChange={(e) => setCode(e.target.value)} maxLength={6} />
          </Space>
        )}
        <Button type="primary" block onClick={join} disabled={!info}>{t('以网友身份进入议政室')}</Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>{t('您将以化名参与，发言经主持人审核后公开。')}</Typography.Paragraph>
      </Card>
    </div>
  );
}
