/** 评价情况 and 双向评议 on a proposal: every proposer's rating, who has still to rate, and the back-to-back scores. */
import { useState } from 'react';
import { App, Button, Descriptions, Form, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import type { ProposalDetail } from '../../contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { useReportError } from '../../../../kernel/web/hooks.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';

const satisfactionColor: Record<string, string> = { satisfied: 'green', basically_satisfied: 'blue', unsatisfied: 'red' };

export function EvaluationCard({ p }: { p: ProposalDetail }) {
  const { t } = useI18n();
  const e = p.evaluation;
  if (!e.ratings.length && !e.pending.length && !e.leaderAttention) return null;
  return (
    <PageCard title={t('评价情况')}>
      <Space wrap style={{ marginBottom: 8 }}>
        {e.round > 0 && <Typography.Text type="secondary">{t('第{n}次答复', { n: String(e.round) })}</Typography.Text>}
        {e.leaderAttention && <Tag color="red">{t('领导关注')}</Tag>}
      </Space>
      {e.pending.length > 0 && (
        <div style={{ marginBottom: 8 }} data-testid="evaluation-pending">
          <Typography.Text type="secondary">{t('待评价：')}</Typography.Text>
          {e.pending.map((x) => <Tag key={x.userId}>{x.name}</Tag>)}
        </div>
      )}
      <List
        size="small"
        dataSource={e.ratings}
        locale={{ emptyText: t('尚无评价') }}
        renderItem={(r) => (
          <List.Item key={`${r.round}-${r.userId}`}>
            <div>
              <Space wrap>
                <Typography.Text strong>{r.name}</Typography.Text>
                <Typography.Text type="secondary">{t(r.kindLabel)}</Typography.Text>
                <Tag color={satisfactionColor[r.satisfaction]}>{t(r.satisfactionLabel)}</Tag>
                {e.round > 1 && <Typography.Text type="secondary">{t('第{n}次答复', { n: String(r.round) })}</Typography.Text>}
              </Space>
              {r.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{r.comment}</div>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(r.at)}</Typography.Text>
            </div>
          </List.Item>
        )}
      />
    </PageCard>
  );
}

export function MutualCard({ p, onDone }: { p: ProposalDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  const m = p.mutual;
  if (!m.canScore && !m.handling.submitted && !m.quality.submitted) return null;
  const side = (x: ProposalDetail['mutual']['handling']) => {
    if (!x.submitted) return <Typography.Text type="secondary">{t('未评议')}</Typography.Text>;
    if (x.score === null) return <Typography.Text type="secondary">{t('已评议（双方都评议后可见）')}</Typography.Text>;
    return (
      <div>
        <Space wrap><Typography.Text strong>{x.score}</Typography.Text><Tag>{t(x.grade ?? '')}</Tag><Typography.Text type="secondary">{x.scorerName}</Typography.Text></Space>
        {x.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{x.comment}</div>}
      </div>
    );
  };
  const submit = async (v: { score: number; comment?: string }) => {
    setBusy(true);
    try {
      await api.post(`/api/proposals/${p.id}/mutual-scores`, { score: v.score, comment: v.comment || undefined });
      void message.success(t('已提交评议'));
      onDone();
    } catch (err) { report(err, { onReload: onDone }); } finally { setBusy(false); }
  };
  return (
    <PageCard title={t('双向评议')}>
      <Descriptions column={1} size="small" items={[
        { key: 'handling', label: t(m.handling.sideLabel), children: side(m.handling) },
        { key: 'quality', label: t(m.quality.sideLabel), children: side(m.quality) },
      ]} />
      {m.canScore && (
        <Form name="mutualScore" layout="vertical" onFinish={submit} style={{ marginTop: 12 }} data-testid="mutual-score-form">
          <Form.Item name="score" label={m.mySide === 'handling' ? t('办理质量评分（0–100）') : t('提案质量评分（0–100）')} rules={[{ required: true, message: t('请填写评分') }]}>
            <InputNumber min={0} max={100} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="comment" label={t('评议意见')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>{t('提交评议')}</Button>
        </Form>
      )}
    </PageCard>
  );
}
