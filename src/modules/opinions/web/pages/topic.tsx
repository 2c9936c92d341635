/** 选题详情: the topic, its collection period and status, how many answers it drew and how far they went, and the answers. */
import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, List, Popconfirm, Result, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import type { TopicDetail } from '../../contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { StateTag } from '../shared.tsx';
import { TopicForm, TopicStatusTag } from './topics.tsx';

export default function TopicPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const { data: x, loading, error, reload } = useApiQuery<TopicDetail>(`/api/opinions/topics/${id}`);
  const [editing, setEditing] = useState(false);

  if (error && !x) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} />;
  if (!x) return <PageCard loading={loading}><Skeleton active /></PageCard>;
  const setStatus = async (status: 'open' | 'closed') => {
    try {
      await api.patch(`/api/opinions/topics/${x.id}`, { version: x.version, status });
      void message.success(status === 'closed' ? t('已结束征集') : t('已重新开放'));
      reload();
    } catch (e) { report(e, { onReload: reload }); }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard wrapTitle title={<Space wrap size={6}><span>{x.title}</span><TopicStatusTag status={x.status} label={x.statusLabel} /></Space>}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('征集期')}>{x.periodFrom} ~ {x.periodTo}</Descriptions.Item>
          <Descriptions.Item label={t('发布人')}>{x.createdByName}</Descriptions.Item>
          <Descriptions.Item label={t('发布时间')}>{formatDateTime(x.createdAt)}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{x.description}</Typography.Paragraph>
        <Row gutter={[16, 16]}>
          {([['应征信息', x.counts.answers], ['录用', x.counts.accepted], ['被采用', x.counts.adopted], ['获批示', x.counts.instructed]] as const).map(([label, n]) => (
            <Col key={label} xs={12} md={6}><Statistic title={t(label)} value={n} /></Col>
          ))}
        </Row>
        <Space wrap style={{ marginTop: 16 }}>
          {x.canAnswer && <Button type="primary" onClick={() => navigate(`/opinions/new?topicId=${x.id}`)}>{t('应征报送')}</Button>}
          {x.canEdit && <Button onClick={() => setEditing(true)}>{t('修改')}</Button>}
          {x.canEdit && (x.status === 'open'
            ? <Popconfirm title={t('结束征集后不再接受应征信息，确定吗？')} onConfirm={() => setStatus('closed')}><Button danger>{t('结束征集')}</Button></Popconfirm>
            : <Button onClick={() => setStatus('open')}>{t('重新开放')}</Button>)}
        </Space>
      </PageCard>
      <Card size="small" title={t('应征信息（{n}）', { n: x.reportsTotal })}>
        <List dataSource={x.reports} locale={{ emptyText: t('还没有应征信息。') }} pagination={x.reports.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta title={<Space size={4} wrap>{r.urgent && <Tag color="red">{t('急')}</Tag>}<Link to={`/opinions/${r.id}`}>{r.title}</Link></Space>}
                description={<Space wrap size={[8, 4]}><StateTag label={r.stateLabel} tone={r.stateTone} /><span>{r.submitterName}</span><span>{formatDateTime(r.submittedAt)}</span></Space>} />
            </List.Item>
          )} />
      </Card>
      <TopicForm open={editing} initial={x} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); void message.success(t('已保存')); reload(); }} />
    </Space>
  );
}
