/**
 * 年度协商计划详情: the plan's road (起草 → 主席会议审定 → (党委审定 →) 已审定), its actions (报主席会议审定, 退回修改, 审定通过,
 * 审定并报党委, 党委审定通过 from the server's `actions`), the Word download, the items by month (the office edits them while a draft; after approval each
 * change is a 计划调整 with its reason), the change log and the history.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Popconfirm, Result, Select, Skeleton, Space, Steps, Table, Tag, Timeline, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import type { PlanDetail, PlanItemView, PlanOptions } from '../../domain/plan-contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { WorkflowActions, type RecordAction } from '../../../../kernel/web/workflow-actions.tsx';
import { MaterialUpload } from './material-upload.tsx';
import { TopicLinkList, TopicLinksEditor } from './topic-links.tsx';

const months = Array.from({ length: 12 }, (_, i) => i + 1);
type ChangeKind = 'move' | 'form' | 'add' | 'cancel';

export default function PlanPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const report = useReportError();
  const { data: p, loading, error, reload } = useApiQuery<PlanDetail>(`/api/consultations/plans/${id}`);
  const opts = useApiQuery<PlanOptions>('/api/consultations/topics/options');
  const [itemForm] = Form.useForm();
  const [changeForm] = Form.useForm();
  const [editing, setEditing] = useState<PlanItemView | 'new' | null>(null);
  const [changing, setChanging] = useState<{ kind: ChangeKind; item?: PlanItemView } | null>(null);
  const [linking, setLinking] = useState<PlanItemView | null>(null);

  if (error && !p) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/consultations/plans')}>{t('返回列表')}</Button>} />;
  if (!p) return <PageCard loading={loading}><Skeleton active /></PageCard>;
  const o = opts.data;
  const formOptions = (o?.forms ?? []).map((f) => ({ value: f.code, label: t(f.label) }));
  const committeeOptions = (o?.committees ?? []).map((c) => ({ value: c.id, label: c.name }));
  const unitOptions = (o?.units ?? []).map((u) => ({ value: u.id, label: u.name }));
  const monthOptions = months.map((m) => ({ value: m, label: t('{m}月', { m }) }));

  const fire = async (a: RecordAction, input: Record<string, unknown>) => {
    await api.post(`/api/consultations/plans/${p.id}/transitions`, { action: a.name, version: p.version, input });
    void message.success(t('已{label}', { label: t(a.label) }));
    reload();
  };
  const openItem = (item: PlanItemView | 'new') => {
    itemForm.resetFields();
    if (item !== 'new') itemForm.setFieldsValue({ title: item.title, form: item.form, leadOrgId: item.leadOrgId || undefined, partnerUnitIds: item.partnerUnitIds, plannedMonth: item.plannedMonth || undefined, notes: item.notes ?? '', major: item.major });
    setEditing(item);
  };
  const saveItem = async (v: Record<string, unknown>) => {
    const body = { ...v, partnerUnitIds: v.partnerUnitIds ?? [], notes: v.notes || null, major: v.major === true };
    try {
      if (editing === 'new') await api.post(`/api/consultations/plans/${p.id}/items`, body);
      else if (editing) await api.patch(`/api/consultations/plans/${p.id}/items/${editing.id}`, { ...body, version: editing.version });
      setEditing(null);
      reload();
    } catch (e) { if (!applyFormErrors(itemForm, e)) report(e, { onReload: reload }); }
  };
  const removeItem = async (item: PlanItemView) => {
    try { await api.del(`/api/consultations/plans/${p.id}/items/${item.id}?version=${item.version}`); reload(); } catch (e) { report(e, { onReload: reload }); }
  };
  const openChange = (kind: ChangeKind, item?: PlanItemView) => { changeForm.resetFields(); setChanging({ kind, item }); };
  const saveChange = async (v: Record<string, unknown>) => {
    if (!changing) return;
    const { reason, ...rest } = v;
    const body = changing.kind === 'add'
      ? { version: p.version, kind: 'add', reason, item: { ...rest, partnerUnitIds: rest.partnerUnitIds ?? [], notes: rest.notes || null } }
      : { version: p.version, kind: changing.kind, itemId: changing.item?.id, reason, ...rest };
    try {
      await api.post(`/api/consultations/plans/${p.id}/changes`, body);
      setChanging(null);
      void message.success(t('计划调整已记录'));
      reload();
    } catch (e) { if (!applyFormErrors(changeForm, e)) report(e, { onReload: reload }); }
  };

  const columns: ColumnsType<PlanItemView> = [
    { title: t('月份'), dataIndex: 'plannedMonth', key: 'm', width: 76, render: (m) => (m ? t('{m}月', { m }) : <Tag color="warning">{t('待定')}</Tag>) },
    {
      title: t('协商议题'), dataIndex: 'title', key: 'title',
      render: (v, r) => (
        <Space direction="vertical" size={0}>
          <span style={r.status === 'cancelled' ? { textDecoration: 'line-through', color: '#888' } : undefined}>{v}</span>
          {r.status === 'cancelled' && <Tag>{t('已取消')}</Tag>}
          {r.major && <Tag color="red">{t('重大协商议题')}</Tag>}
          {r.addedByChange && <Tag color="blue">{t('调整增加')}</Tag>}
          {r.notes && <Typography.Text type="secondary">{r.notes}</Typography.Text>}
          {r.topicId && <Link to={`/consultations/topics/${r.topicId}`}>{t('来自协商选题')}</Link>}
          <TopicLinkList links={r.links} />
          {p.canManage && <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setLinking(r)} data-testid="item-links">{t('关联提案和社情民意')}</Button>}
          <ItemFiles planId={p.id} item={r} canAttach={p.itemMode === 'change' && r.status === 'planned'} onDone={reload} />
        </Space>
      ),
    },
    { title: t('协商形式'), dataIndex: 'formLabel', key: 'form', width: 140, render: (v) => t(v) },
    { title: t('牵头专委会'), dataIndex: 'leadOrgName', key: 'lead', width: 150, render: (v) => v || <Tag color="warning">{t('待定')}</Tag> },
    { title: t('协同部门'), dataIndex: 'partnerUnitNames', key: 'units', width: 170, responsive: ['md'], render: (v: string[]) => v.join('、') || '—' },
    { title: t('开展情况'), key: 'done', width: 90, responsive: ['md'], render: (_v, r) => (r.carriedOut ? <Tag color="success">{t('已开展')}</Tag> : r.consultations.length ? <Tag color="processing">{t('筹备中')}</Tag> : '—') },
  ];
  if (p.itemMode === 'edit') {
    columns.push({
      title: t('操作'), key: 'ops', width: 130, render: (_v, r) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => openItem(r)}>{t('修改')}</Button>
          <Popconfirm title={t('删除此计划项？')} onConfirm={() => removeItem(r)}><Button size="small" type="link" danger>{t('删除')}</Button></Popconfirm>
        </Space>
      ),
    });
  }
  if (p.itemMode === 'change') {
    columns.push({
      title: t('计划调整'), key: 'ops', width: 120, render: (_v, r) => r.status === 'planned' && (
        <Select size="small" virtual={false} placeholder={t('调整')} style={{ width: 104 }} value={null} onChange={(k: ChangeKind) => openChange(k, r)}
          options={[{ value: 'move', label: t('调整月份') }, { value: 'form', label: t('调整协商形式') }, { value: 'cancel', label: t('取消计划项') }]} />
      ),
    });
  }

  const itemFields = (
    <>
      <Form.Item name="title" label={t('协商议题')} rules={[{ required: true, min: 4 }]}><Input maxLength={200} /></Form.Item>
      <Space.Compact block style={{ gap: 12, display: 'flex', flexWrap: 'wrap' }}>
        <Form.Item name="form" label={t('协商形式')} rules={[{ required: true }]} style={{ minWidth: 200, flex: 1 }}><Select virtual={false} options={formOptions} /></Form.Item>
        <Form.Item name="plannedMonth" label={t('计划月份')} rules={[{ required: true }]} style={{ minWidth: 120 }}><Select virtual={false} options={monthOptions} /></Form.Item>
      </Space.Compact>
      <Form.Item name="leadOrgId" label={t('牵头专委会')} rules={[{ required: true }]}><Select virtual={false} options={committeeOptions} /></Form.Item>
      <Form.Item name="partnerUnitIds" label={t('协同部门')}><Select mode="multiple" showSearch optionFilterProp="label" options={unitOptions} /></Form.Item>
      <Form.Item name="notes" label={t('备注')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
      <Form.Item name="attachmentIds" label={t('附件')} extra={editing !== 'new' && editing && editing.attachments.length ? t('已有 {n} 个附件，新上传的将一并附上', { n: editing.attachments.length }) : undefined}><MaterialUpload /></Form.Item>
      <Form.Item name="major" valuePropName="checked" extra={t('含重大协商议题的计划，主席会议审定后报党委审定')}><Checkbox>{t('重大协商议题')}</Checkbox></Form.Item>
    </>
  );
  const changeTitle = changing ? t(({ move: '调整月份', form: '调整协商形式', add: '增加计划项', cancel: '取消计划项' } as const)[changing.kind]) : '';

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard wrapTitle title={p.title} extra={<Tag color={p.stateTone}>{t(p.stateLabel)}</Tag>}>
        <Steps size="small" direction={mobile ? 'vertical' : 'horizontal'} current={p.progress.stage} status={p.progress.status} items={p.progress.stages.map((s) => ({ title: t(s) }))} style={{ marginBottom: 16 }} />
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('年度')}>{p.year}</Descriptions.Item>
          <Descriptions.Item label={t('计划项')}>{t('{n} 项', { n: p.itemCount })}</Descriptions.Item>
          {p.approvedMeeting && <Descriptions.Item label={t('审定会议')}>{p.approvedOn} {p.approvedMeeting}</Descriptions.Item>}
          {p.majorItems > 0 && <Descriptions.Item label={t('重大协商议题')}>{t('{n} 项', { n: p.majorItems })}</Descriptions.Item>}
          {p.party && <Descriptions.Item label={t('党委审定')}>{p.party.approvedOn} {p.party.meeting}{p.party.document ? `（${p.party.document}）` : ''}</Descriptions.Item>}
        </Descriptions>
        {p.returnReason && p.state === 'draft' && <Alert type="warning" showIcon message={t('退回意见：{r}', { r: p.returnReason })} style={{ marginTop: 12 }} />}
        <Space wrap style={{ marginTop: 16 }}>
          <WorkflowActions actions={p.actions} onFire={fire} onConflictReload={reload} />
          {p.canDownload && <Button icon={<DownloadOutlined />} href={`/api/consultations/plans/${p.id}/document.docx`} data-testid="plan-docx">{t('下载 Word')}</Button>}
          {p.canDownload && <Button icon={<DownloadOutlined />} href={`/api/consultations/plans/${p.id}/plan.xlsx`} data-testid="plan-xlsx">{t('导出 Excel')}</Button>}
        </Space>
      </PageCard>

      <Card size="small" title={t('计划项')} extra={
        p.itemMode === 'edit' ? <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => openItem('new')}>{t('添加计划项')}</Button>
          : p.itemMode === 'change' ? <Button size="small" icon={<PlusOutlined />} onClick={() => openChange('add')}>{t('增加计划项')}</Button> : null
      }>
        {p.itemMode === 'edit' && <Typography.Paragraph type="secondary">{t('从协商选题列入的议题会出现在这里；补齐月份、牵头专委会和协同部门后报主席会议审定。')} <Link to={`/consultations/topics?year=${p.year}&state=proposed`}>{t('待处理的协商选题')}</Link></Typography.Paragraph>}
        <Table<PlanItemView> rowKey="id" size="small" columns={columns} dataSource={p.items} pagination={false} scroll={{ x: 'max-content' }} />
      </Card>

      {p.changes.length > 0 && (
        <Card size="small" title={t('计划调整记录')}>
          <Timeline items={p.changes.map((c) => ({ children: (
            <div data-testid="plan-change">
              <strong>{t(c.kindLabel)}</strong>「{c.itemTitle}」{c.before && <span>：{c.before} → {c.after}</span>}
              <div>{t('理由：{r}', { r: c.reason })}</div>
              <Typography.Text type="secondary">{c.actorName} · {formatDateTime(c.at)}</Typography.Text>
            </div>
          ) }))} />
        </Card>
      )}

      <Card size="small" title={t('审定过程')}>
        {p.history.length === 0 ? <Typography.Text type="secondary">{t('暂无')}</Typography.Text> : (
          <Timeline items={p.history.map((h) => ({ children: <div>{t(h.actionLabel)} → {t(h.toStateLabel)} · {h.actorName} · {formatDateTime(h.at)}{h.note && <div>{h.note}</div>}</div> }))} />
        )}
      </Card>

      {linking && (
        <TopicLinksEditor open url={`/api/consultations/plans/${p.id}/items/${linking.id}/links`} version={linking.version} onClose={() => setLinking(null)}
          onSaved={() => { setLinking(null); reload(); }}
          // the item's own links (its topic's are edited on the topic)
          links={linking.links.filter((l) => !l.viaTopic)} />
      )}
      <Modal open={editing !== null} title={editing === 'new' ? t('添加计划项') : t('修改计划项')} onCancel={() => setEditing(null)} onOk={() => itemForm.submit()} okText={t('保存')} width={mobile ? undefined : 720}>
        <Form name="plan-item" form={itemForm} layout="vertical" onFinish={saveItem}>{itemFields}</Form>
      </Modal>
      <Modal open={changing !== null} title={changeTitle} onCancel={() => setChanging(null)} onOk={() => changeForm.submit()} okText={t('记录调整')} width={mobile ? undefined : 720}>
        <Form name="plan-change" form={changeForm} layout="vertical" onFinish={saveChange}>
          {changing?.item && <Typography.Paragraph>{changing.item.title}（{t('{m}月', { m: changing.item.plannedMonth })}，{t(changing.item.formLabel)}）</Typography.Paragraph>}
          {changing?.kind === 'add' && itemFields}
          {changing?.kind === 'move' && <Form.Item name="plannedMonth" label={t('计划月份')} rules={[{ required: true }]}><Select virtual={false} options={monthOptions} /></Form.Item>}
          {changing?.kind === 'form' && <Form.Item name="form" label={t('协商形式')} rules={[{ required: true }]}><Select virtual={false} options={formOptions} /></Form.Item>}
          <Form.Item name="reason" label={t('调整理由')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** An item's files, each a download link; while the plan is approved, its managers add material (补充附件) here. */
function ItemFiles({ planId, item, canAttach, onDone }: { planId: string; item: PlanItemView; canAttach: boolean; onDone: () => void }) {
  const { t } = useI18n();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  const attach = async (file: File) => {
    setBusy(true);
    try {
      const body = new FormData();
      body.append('file', file, file.name);
      const a = await api.post<{ id: string }>('/api/attachments', body);
      await api.post(`/api/consultations/plans/${planId}/items/${item.id}/attachments`, { attachmentIds: [a.id] });
      onDone();
    } catch (e) { report(e); } finally { setBusy(false); }
  };
  if (!item.attachments.length && !canAttach) return null;
  return (
    <Space size={[8, 0]} wrap data-testid="plan-item-files">
      {item.attachments.map((f) => <a key={f.id} href={`/api/attachments/${f.id}`} target="_blank" rel="noreferrer"><PaperClipOutlined /> {f.filename}</a>)}
      {canAttach && (
        <Upload showUploadList={false} beforeUpload={(f) => { void attach(f); return false; }}>
          <Button size="small" type="link" icon={<UploadOutlined />} loading={busy}>{t('补充附件')}</Button>
        </Upload>
      )}
    </Space>
  );
}
