/**
 * 协商平台详情: the registry entry, its topic list (议题清单), the consultations held with their results (成果清单), each
 * result's actions (落实, 评价) from the server's `actions`, and for the convener and county staff the way to record a
 * consultation (a phone page) or add a topic.
 */
import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, List, Modal, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import type { PlatformDetail, TopicItem } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDate } from '../../../../kernel/web/components.tsx';
import { clock } from '../../../../kernel/universal/clock.ts';
import { ResultLine } from './results-card.tsx';
import { ConvenerPicker, MembersPicker } from './member-picker.tsx';

const topicColor: Record<string, string> = { open: 'gold', consulted: 'green', dropped: 'default' };

export default function PlatformDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { data: p, loading, error, reload } = useApiQuery<PlatformDetail>(`/api/platforms/${id}`);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const [topicForm] = Form.useForm();
  const [editForm] = Form.useForm();

  if (error && !p) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/platforms')}>{t('返回列表')}</Button>} />;
  if (!p) return <PageCard loading={loading}><Skeleton active /></PageCard>;

  const addTopic = async (v: { title: string; raisedBy: string; raisedOn: dayjs.Dayjs }) => {
    try {
      await api.post(`/api/platforms/${p.id}/topics`, { ...v, raisedOn: v.raisedOn.format('YYYY-MM-DD') });
      setAdding(false);
      topicForm.resetFields();
      reload();
    } catch (e) { if (!applyFormErrors(topicForm, e)) report(e); }
  };
  const openEdit = () => {
    editForm.setFieldsValue({
      town: p.town, village: p.village, name: p.name, convenerUserId: p.convenerUserId, convenerName: p.convenerName, convenerPhone: p.convenerPhone ?? '',
      memberUserIds: p.members.map((m) => m.id), establishedOn: dayjs(p.establishedOn),
    });
    setEditing(true);
  };
  const saveEdit = async (v: Record<string, any>) => {
    try {
      await api.patch(`/api/platforms/${p.id}`, {
        ...v, version: p.version, village: v.village ?? '', convenerUserId: v.convenerUserId ?? null, convenerPhone: v.convenerPhone || null,
        memberUserIds: v.memberUserIds ?? [], establishedOn: v.establishedOn?.format('YYYY-MM-DD'),
      });
      setEditing(false);
      void message.success(t('已保存'));
      reload();
    } catch (e) { if (!applyFormErrors(editForm, e)) report(e, { onReload: () => { setEditing(false); reload(); } }); }
  };
  const setStatus = async (tp: TopicItem, status: string) => {
    try {
      await api.patch(`/api/platforms/topics/${tp.id}`, { version: tp.version, status });
      void message.success(t('已保存'));
      reload();
    } catch (e) { report(e, { onReload: reload }); }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard wrapTitle title={p.name} extra={(p.canRecord || p.canEdit) && (
        <Space wrap>
          {p.canEdit && <Button icon={<EditOutlined />} onClick={openEdit}>{t('修改平台')}</Button>}
          {p.canRecord && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/platforms/${p.id}/record`)}>{t('记录协商活动')}</Button>}
        </Space>
      )}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('县（区）')}>{p.countyName}</Descriptions.Item>
          <Descriptions.Item label={t('乡镇（街道）')}>{p.town}</Descriptions.Item>
          <Descriptions.Item label={t('村（社区）')}>{p.village || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('召集人')}>{p.convenerName}{p.convenerPhone ? `（${p.convenerPhone}）` : ''}</Descriptions.Item>
          <Descriptions.Item label={t('联系委员')}>{p.members.map((m) => m.name).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('设立日期')}>{formatDate(p.establishedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('协商活动')}>{t('{n} 次', { n: p.activityTotal })}</Descriptions.Item>
        </Descriptions>
      </PageCard>

      <Card size="small" title={t('议题清单')} extra={p.canRecord && <Button size="small" onClick={() => setAdding(true)}>{t('添加议题')}</Button>}>
        {p.topics.length === 0 ? <Typography.Text type="secondary">{t('暂无')}</Typography.Text> : (
          <List size="small" dataSource={p.topics} renderItem={(tp) => (
            <List.Item actions={p.canRecord && tp.status === 'open' ? [<a key="drop" onClick={() => void setStatus(tp, 'dropped')}>{t('不予协商')}</a>] : []}>
              <Space wrap size={[8, 4]}><Tag color={topicColor[tp.status]}>{t(tp.statusLabel)}</Tag><span>{tp.title}</span>
                <Typography.Text type="secondary">{tp.raisedBy} · {formatDate(tp.raisedOn)}</Typography.Text></Space>
            </List.Item>
          )} />
        )}
      </Card>

      <Card size="small" title={t('协商活动与成果清单')}>
        {p.activities.length === 0 ? <Typography.Text type="secondary">{t('暂无')}</Typography.Text> : p.activities.map((a) => (
          <div key={a.id} data-testid="activity" style={{ marginBottom: 16 }}>
            <Space wrap size={[8, 4]}>
              <Typography.Text strong>{formatDate(a.heldOn)}</Typography.Text>
              <span>{a.topic}</span>
              <Tag>{t('委员 {m} 人', { m: a.membersCount })}</Tag>
              <Tag>{t('群众 {r} 人', { r: a.residentsCount })}</Tag>
              {a.photoCount > 0 && <Tag color="purple">{t('照片 {n} 张', { n: a.photoCount })}</Tag>}
            </Space>
            {a.participants && <div style={{ fontSize: 13, color: '#666' }}>{t('参加人员')}：{a.participants}</div>}
            <div style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{a.minutes}</div>
            {a.results.map((r) => <ResultLine key={r.id} r={r} onChange={reload} />)}
          </div>
        ))}
      </Card>

      <Modal open={editing} title={t('修改平台')} onCancel={() => setEditing(false)} onOk={() => editForm.submit()} okText={t('保存')} width={mobile ? undefined : 640} destroyOnHidden>
        <Form form={editForm} name="edit-platform" layout="vertical" onFinish={saveEdit}>
          <Form.Item name="town" label={t('乡镇（街道）')} rules={[{ required: true }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="village" label={t('村（社区）')} extra={t('乡镇（街道）本级的协商议事室不填')}><Input maxLength={60} /></Form.Item>
          <Form.Item name="name" label={t('平台名称')} rules={[{ required: true, min: 2 }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="convenerUserId" label={t('召集人（委员）')} extra={t('召集人是委员时选择，其本人即可在手机上记录协商活动')}>
            <ConvenerPicker known={p.convenerUserId ? [{ id: p.convenerUserId, name: p.convenerName }] : []} onPicked={(name) => { if (name) editForm.setFieldValue('convenerName', name); }} />
          </Form.Item>
          <Form.Item name="convenerName" label={t('召集人')} rules={[{ required: true }]}><Input maxLength={40} /></Form.Item>
          <Form.Item name="convenerPhone" label={t('召集人电话')}><Input maxLength={30} /></Form.Item>
          <Form.Item name="memberUserIds" label={t('联系委员')}><MembersPicker known={p.members} /></Form.Item>
          <Form.Item name="establishedOn" label={t('设立日期')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        </Form>
      </Modal>

      <Modal open={adding} title={t('添加议题')} onCancel={() => setAdding(false)} onOk={() => topicForm.submit()} okText={t('保存')} width={mobile ? undefined : 560}>
        <Form form={topicForm} layout="vertical" onFinish={addTopic} initialValues={{ raisedOn: dayjs(clock.today()) }}>
          <Form.Item name="title" label={t('议题')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="raisedBy" label={t('提出人')} rules={[{ required: true }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="raisedOn" label={t('提出日期')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
