/**
 * 满意度测评 on a phone: the page the meeting room's QR code opens (a member, signed in) or a representative's printed
 * code opens (no account). Each department appraised, each item: 满意 / 基本满意 / 不满意; one vote, sent once; the
 * page says so when the person has voted already. The ballot is anonymous: nobody can see how a person voted.
 */
import { useState } from 'react';
import { Alert, Button, Card, Radio, Result, Skeleton, Space, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery } from '../../../../kernel/web/hooks.ts';
import { formatDateTime } from '../../../../kernel/web/components.tsx';

interface VoteForm {
  appraisalId: string; title: string; plannedOn: string; units: Array<{ unitId: string; unitName: string }>;
  items: Array<{ seq: number; name: string; weight: number }>; choices: Array<{ code: string; label: string }>; open: boolean; voted: boolean; castAt: string | null;
}

function Ballot({ formUrl, query, send }: { formUrl: string; query: Record<string, string>; send: (marks: unknown[]) => Promise<{ castAt: string }> }) {
  const { t } = useI18n();
  const { data: f, error, loading } = useApiQuery<VoteForm>(formUrl, query);
  const [marks, setMarks] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [fault, setFault] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  if (error && !f) return <Result status="warning" title={t('无法打开测评票')} subTitle={error.message} />;
  if (!f) return <Skeleton active loading={loading} />;
  if (done || f.voted) return <Result status="success" title={t('投票成功')} subTitle={<>{f.title}<br />{t('投票时间：{t}', { t: formatDateTime(done ?? f.castAt!) })}<br />{t('每人一票，测评匿名。感谢参与！')}</>} />;
  if (!f.open) return <Result status="info" title={f.title} subTitle={t('测评尚未开始或已经结束。')} />;
  const key = (u: string, s: number) => `${u}|${s}`;
  const total = f.units.length * f.items.length;
  const filled = Object.keys(marks).length;
  const submit = async () => {
    setFault(null);
    if (filled < total) { setFault(t('还有 {n} 项未选择', { n: total - filled })); return; }
    setSending(true);
    try {
      const res = await send(Object.entries(marks).map(([k, choice]) => { const [unitId, seq] = k.split('|'); return { unitId, itemSeq: Number(seq), choice }; }));
      setDone(res.castAt);
    } catch (e) {
      setFault(e instanceof ApiError ? e.message : String(e));
    } finally { setSending(false); }
  };
  return (
    <Space direction="vertical" size={12} style={{ width: '100%', maxWidth: 640, margin: '0 auto', display: 'flex' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>{f.title}</Typography.Title>
      <Typography.Text type="secondary">{t('满意度测评：请对每个单位的每个项目作出选择。每人一票，测评匿名。')}</Typography.Text>
      {f.units.map((u) => (
        <Card key={u.unitId} size="small" title={u.unitName} data-unit={u.unitName}
          extra={<Button size="small" onClick={() => setMarks((m) => ({ ...m, ...Object.fromEntries(f.items.map((i) => [key(u.unitId, i.seq), 'satisfied'])) }))}>{t('全部满意')}</Button>}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {f.items.map((i) => (
              <div key={i.seq}>
                <div style={{ marginBottom: 4 }}>{t(i.name)}</div>
                <Radio.Group optionType="button" buttonStyle="solid" value={marks[key(u.unitId, i.seq)]} aria-label={`${u.unitName} ${i.name}`}
                  onChange={(e) => setMarks((m) => ({ ...m, [key(u.unitId, i.seq)]: e.target.value as string }))}
                  options={f.choices.map((c) => ({ value: c.code, label: t(c.label) }))} />
              </div>
            ))}
          </Space>
        </Card>
      ))}
      {fault && <Alert type="error" showIcon message={fault} />}
      <Button type="primary" size="large" block loading={sending} onClick={submit}>{t('提交测评（{a}/{b}）', { a: filled, b: total })}</Button>
    </Space>
  );
}

/** A member's ballot, signed in, with the room's code from the QR link. */
export default function MemberVotePage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const code = params.get('c') ?? '';
  return <Ballot formUrl={`/api/supervision/appraisals/${id}/vote-form`} query={code ? { code } : {}}
    send={(marks) => api.post<{ castAt: string }>(`/api/supervision/appraisals/${id}/ballots`, { code, marks })} />;
}

/** An invited representative's ballot, without an account, with their one-time code. */
export function PublicVotePage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  return (
    <div style={{ padding: 16 }}>
      <Ballot formUrl={`/api/public/appraisals/${id}/vote-form`} query={{ token }}
        send={(marks) => api.post<{ castAt: string }>(`/api/public/appraisals/${id}/ballots`, { token, marks })} />
    </div>
  );
}
