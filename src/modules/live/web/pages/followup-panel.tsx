/**
 * 会后转办: after the session, the hosts pick unanswered questions and contributions and send them on in one step, as
 * 委员建议 the tracker follows (建议落实) or as one 社情民意 draft opened on the 社情民意 submission page. What has been
 * sent on shows its mark and cannot be picked again.
 */
import { useMemo, useState } from 'react';
import { App as AntApp, Button, Card, Checkbox, Empty, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { ContributionItem, FollowupResult, RoomView } from '../../contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useReportError } from '../../../../kernel/web/hooks.ts';
import { formatDateTime } from '../../../../kernel/web/components.tsx';

export function FollowupPanel({ room, contributions, units, onDone }: { room: RoomView; contributions: ContributionItem[]; units: Array<{ id: string; name: string }>; onDone: () => void }) {
  const { t } = useI18n();
  const { modal, message } = AntApp.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const [picked, setPicked] = useState<string[]>([]);
  const [unitId, setUnitId] = useState<string>();
  const [due, setDue] = useState(20);
  const [busy, setBusy] = useState(false);
  // 未答复的提问 first, then the other published contributions
  const candidates = useMemo(() => {
    const open = contributions.filter((c) => c.status === 'published' && ((c.kind === 'question' && !c.answeredAt) || c.kind === 'comment'));
    return [...open.filter((c) => c.kind === 'question'), ...open.filter((c) => c.kind === 'comment')];
  }, [contributions]);
  const chosen = candidates.filter((c) => picked.includes(c.id));
  const needsUnit = chosen.some((c) => !c.routedUnitId);

  const send = async (target: 'recommendation' | 'opinion', title?: string) => {
    setBusy(true);
    try {
      const r = await api.post<FollowupResult>(`/api/live/sessions/${room.session.id}/followups`, { target, contributionIds: picked, unitId: needsUnit ? unitId : undefined, dueInWorkingDays: due, title });
      setPicked([]);
      onDone();
      if (r.draft) navigate(r.draft.link);
      else void message.success({ content: <span>{t('已转为 {n} 条委员建议，交责任单位办理', { n: r.sent.length })} <a href={r.link}>{t('查看落实情况')}</a></span>, duration: 6 });
    } catch (e) { report(e); } finally { setBusy(false); }
  };
  const toOpinion = () => {
    let title = t('关于{title}中群众反映问题的建议', { title: room.session.title });
    modal.confirm({
      title: t('起草社情民意信息'), okText: t('起草'),
      content: <Input aria-label={t('信息标题')} defaultValue={title} maxLength={200} onChange={(e) => { title = e.target.value; }} />,
      onOk: () => send('opinion', title),
    });
  };

  return (
    <Card size="small" title={t('会后转办')} style={{ marginBottom: 12 }} data-testid="followup-panel">
      <Typography.Paragraph type="secondary">{t('勾选会上未答复的提问或有价值的发言，一次转为委员建议（交责任单位办理并跟踪落实）或起草社情民意信息。每条只转办一次。')}</Typography.Paragraph>
      {candidates.length === 0 ? <Empty description={t('没有未答复的提问')} /> : (
        <Checkbox.Group value={picked} onChange={(v) => setPicked(v as string[])} style={{ display: 'block' }}>
          {candidates.map((c) => (
            <div key={c.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="followup-item">
              <Checkbox value={c.id} disabled={!!c.followup}>
                <Space size={4} wrap>
                  <Tag color={c.kind === 'question' ? 'orange' : 'default'}>{c.kind === 'question' ? t('未答复提问') : t('发言')}</Tag>
                  <b>{c.authorName}</b>
                  {c.routedUnitName && <Tag color="blue">{c.routedUnitName}</Tag>}
                  {c.followup && <Tag color="green">{t(c.followup.label)}</Tag>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(c.createdAt)}</Typography.Text>
                </Space>
                <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{c.body}</div>
              </Checkbox>
            </div>
          ))}
        </Checkbox.Group>
      )}
      <Space wrap style={{ marginTop: 12 }}>
        {needsUnit && (
          <Select aria-label={t('责任单位')} style={{ minWidth: 200 }} placeholder={t('未转交部门的，交给哪个单位')} value={unitId} onChange={setUnitId} showSearch optionFilterProp="label"
            options={units.map((u) => ({ value: u.id, label: u.name }))} data-testid="followup-unit" />
        )}
        <Space size={4}><span>{t('反馈期限')}</span><InputNumber aria-label={t('反馈期限（工作日）')} min={1} max={250} value={due} onChange={(v) => setDue(Number(v) || 20)} /><span>{t('个工作日')}</span></Space>
        <Button type="primary" disabled={!picked.length || (needsUnit && !unitId)} loading={busy} onClick={() => send('recommendation')}>{t('转为委员建议（{n}）', { n: picked.length })}</Button>
        <Button disabled={!picked.length} loading={busy} onClick={toOpinion}>{t('起草社情民意信息（{n}）', { n: picked.length })}</Button>
      </Space>
    </Card>
  );
}
