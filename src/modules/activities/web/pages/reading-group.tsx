/**
 * A reading group (读书群): what it reads now and its book list with reading plans, its members, the year's figures (each
 * opening its rows) and the notes feed with replies. A member of the group checks in (读书打卡) with a note — on the
 * phone first; the 领读人 and the office add books and edit the group (with the version read).
 */
import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useParams } from 'react-router';
import type { ReadingGroupDetail, ReadingNoteItem } from '../../contract.ts';
import { api, ApiError, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDate } from '../../../../kernel/web/components.tsx';
import { clock } from '../../../../kernel/universal/clock.ts';
import { NoteCard, ReadingFigures } from './reading.tsx';

export default function ReadingGroupPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const mobile = useIsMobile();
  const report = useReportError();
  const { message } = App.useApp();
  const { data: g, loading, reload } = useApiQuery<ReadingGroupDetail>(`/api/activities/reading/groups/${id}`);
  const [page, setPage] = useState(1);
  const notes = useApiQuery<{ items: ReadingNoteItem[]; total: number }>('/api/activities/reading/notes', { groupId: id, page, pageSize: 10 });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const [noteForm] = Form.useForm();
  const refresh = () => { reload(); notes.reload(); };
  const join = async () => { try { await api.post(`/api/activities/reading/groups/${id}/join`); void message.success(t('已加入读书群')); reload(); } catch (e) { report(e, { onReload: reload }); } };
  const leave = async () => { try { await api.del(`/api/activities/reading/groups/${id}/join`); reload(); } catch (e) { report(e, { onReload: reload }); } };
  const checkIn = async (v: { content: string; bookId?: string }) => {
    try {
      await api.post('/api/activities/reading/notes', { groupId: id, bookId: v.bookId || undefined, content: v.content });
      void message.success(t('打卡成功，读书心得计入履职记录'));
      noteForm.resetFields();
      setPage(1);
      refresh();
    } catch (e) { if (!applyFormErrors(noteForm, e)) report(e, { onReload: refresh }); }
  };
  const today = clock.today();
  const current = g?.bookList.find((b) => b.startsOn <= today && today <= b.endsOn);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard title={g?.name ?? t('读书群')} loading={loading && !g} wrapTitle
        extra={g && <Space wrap>
          {g.canJoin && <Button type="primary" onClick={() => void join()} data-testid="join">{t('加入读书群')}</Button>}
          {g.joined && !g.canEdit && <Button onClick={() => void leave()}>{t('退出')}</Button>}
          {g.canEdit && <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('修改')}</Button>}
        </Space>}>
        {g && (
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Typography.Paragraph style={{ marginBottom: 0 }}>{g.intro}</Typography.Paragraph>
            <Descriptions size="small" column={mobile ? 1 : 3} items={[
              { key: 'leader', label: t('领读人'), children: g.leaderName ?? '—' },
              { key: 'members', label: t('成员'), children: t('{n} 人', { n: g.members }) },
              { key: 'now', label: t('正在读'), children: current ? `《${current.title}》` : '—' },
            ]} />
            <ReadingFigures figures={g.figures} />
          </Space>
        )}
      </PageCard>

      {g?.joined && (
        <Card size="small" title={t('读书打卡')} data-testid="check-in">
          {g.checkedInToday ? (
            <Typography.Text type="success"><CheckCircleOutlined /> {t('今天已打卡，明天继续')}</Typography.Text>
          ) : (
            <Form form={noteForm} layout="vertical" onFinish={checkIn} initialValues={{ bookId: current?.id }}>
              {g.bookList.length > 0 && (
                <Form.Item name="bookId" label={t('书目')}>
                  <Select allowClear options={g.bookList.map((b) => ({ value: b.id, label: `《${b.title}》` }))} />
                </Form.Item>
              )}
              <Form.Item name="content" label={t('读书心得')} rules={[{ required: true, min: 10, message: t('读书心得至少 10 个字') }]}>
                <Input.TextArea rows={mobile ? 5 : 4} maxLength={5000} showCount placeholder={t('今天读了什么，有什么体会？')} />
              </Form.Item>
              <Button type="primary" htmlType="submit" block={mobile}>{t('打卡')}</Button>
            </Form>
          )}
        </Card>
      )}

      {g && (
        <Card size="small" title={t('书目与阅读计划')} extra={g.canEdit && <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{t('添加书目')}</Button>}>
          <List size="small" dataSource={g.bookList} locale={{ emptyText: t('暂无书目') }} pagination={g.bookList.length > 6 ? { pageSize: 6, size: 'small', simple: mobile } : false}
            renderItem={(b) => (
              <List.Item extra={<Tag>{t('心得 {n} 篇', { n: b.notes })}</Tag>}>
                <List.Item.Meta title={<Space wrap size={6}><span>《{b.title}》</span>{b.author && <Typography.Text type="secondary">{b.author}</Typography.Text>}{b.id === current?.id && <Tag color="gold">{t('正在读')}</Tag>}</Space>}
                  description={<>{formatDate(b.startsOn)} – {formatDate(b.endsOn)}{b.plan && <><br />{b.plan}</>}</>} />
              </List.Item>
            )} />
        </Card>
      )}

      <Card size="small" title={t('读书心得（{n}）', { n: notes.data?.total ?? 0 })}>
        <List loading={notes.loading} dataSource={notes.data?.items ?? []} locale={{ emptyText: t('暂无读书心得') }}
          pagination={{ current: page, total: notes.data?.total ?? 0, pageSize: 10, size: 'small', simple: mobile, showSizeChanger: false, onChange: setPage }}
          renderItem={(n) => <NoteCard n={n} canReply={!!g && (g.joined || g.canChangeLeader)} onReplied={notes.reload} />} />
      </Card>

      {g && (
        <Card size="small" title={t('成员（{n}）', { n: g.members })}>
          <Space wrap size={[6, 6]}>{g.memberList.map((m) => <Tag key={m.userId} color={m.userId === g.leaderUserId ? 'gold' : undefined}>{m.name}</Tag>)}</Space>
        </Card>
      )}

      {adding && <AddBook id={id} onClose={() => setAdding(false)} onDone={reload} />}
      {editing && g && <EditGroup g={g} onClose={() => setEditing(false)} onDone={reload} />}
    </Space>
  );
}

function AddBook({ id, onClose, onDone }: { id: string; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const report = useReportError();
  const [form] = Form.useForm();
  const save = async (v: { title: string; author?: string; plan?: string; days: [Dayjs, Dayjs] }) => {
    try {
      await api.post(`/api/activities/reading/groups/${id}/books`, { title: v.title, author: v.author || undefined, plan: v.plan || undefined, startsOn: v.days[0].format('YYYY-MM-DD'), endsOn: v.days[1].format('YYYY-MM-DD') });
      onClose(); onDone();
    } catch (e) {
      if (e instanceof ApiError && (e.field === 'startsOn' || e.field === 'endsOn')) form.setFields([{ name: 'days', errors: [e.message] }]);
      else if (!applyFormErrors(form, e)) report(e);
    }
  };
  return (
    <Modal open title={t('添加书目')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ days: [dayjs(clock.today()), dayjs(clock.today()).add(1, 'month').subtract(1, 'day')] }}>
        <Form.Item name="title" label={t('书名')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="author" label={t('作者')}><Input maxLength={100} /></Form.Item>
        <Form.Item name="days" label={t('阅读时间')} rules={[{ required: true }]}><DatePicker.RangePicker style={{ width: '100%' }} inputReadOnly={mobile} /></Form.Item>
        <Form.Item name="plan" label={t('阅读计划')}><Input.TextArea rows={3} maxLength={2000} placeholder={t('如：每周读两章，周五线上交流')} /></Form.Item>
      </Form>
    </Modal>
  );
}

function EditGroup({ g, onClose, onDone }: { g: ReadingGroupDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const report = useReportError();
  const [form] = Form.useForm();
  const save = async (v: { name: string; intro: string; leaderUserId?: string | null }) => {
    try {
      await api.put(`/api/activities/reading/groups/${g.id}`, { version: g.version, name: v.name, intro: v.intro, ...(g.canChangeLeader ? { leaderUserId: v.leaderUserId ?? null } : {}) });
      onClose(); onDone();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: onDone }); }
  };
  return (
    <Modal open title={t('修改读书群')} onCancel={onClose} onOk={() => form.submit()} okText={t('保存')} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ name: g.name, intro: g.intro, leaderUserId: g.leaderUserId ?? undefined }}>
        <Form.Item name="name" label={t('读书群名称')} rules={[{ required: true, min: 2 }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="intro" label={t('简介')} rules={[{ required: true }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Form.Item name="leaderUserId" label={t('领读人')} extra={g.canChangeLeader ? t('领读人须为读书群成员') : t('更换领读人请联系工作人员')}>
          <Select allowClear disabled={!g.canChangeLeader} options={g.memberList.map((m) => ({ value: m.userId, label: m.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
