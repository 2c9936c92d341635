/**
 * 公文详情: the chain (拟稿 → 核稿 → 会签 → 签发 → 分发) with where the document stands and who countersigned, the
 * caller's actions (the server's `actions`; the page derives no rule), the text, comments per step, the versions with a
 * diff between two of them (insertions and deletions), the Word file, and the distribution with its read receipts.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Modal, Result, Select, Skeleton, Space, Steps, Table, Tag, Timeline, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import type { DiffResult, DocumentDetail, DocumentOptions } from '../../contract.ts';
import { api, ApiError, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { CosignerField } from '../../../proposals/web/pages/cosigner-picker.tsx';

const pre = { whiteSpace: 'pre-wrap' as const, margin: 0, fontFamily: 'FangSong, "仿宋_GB2312", serif', fontSize: 16, lineHeight: 1.9 };
const API = '/api/office/documents';

function DiffView({ parts }: { parts: DiffResult['body'] }) {
  return (
    <p style={{ ...pre, fontSize: 15 }} data-testid="diff">
      {parts.map((p, i) => p.op === 'ins' ? <ins key={i} style={{ background: '#d9f7be', textDecoration: 'none' }}>{p.text}</ins>
        : p.op === 'del' ? <del key={i} style={{ background: '#ffccc7' }}>{p.text}</del> : <span key={i}>{p.text}</span>)}
    </p>
  );
}

export default function DocumentDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { data: r, loading, error, reload } = useApiQuery<DocumentDetail>(`${API}/${id}`);
  const [editing, setEditing] = useState(false);
  const [acting, setActing] = useState<string | null>(null);
  const [diff, setDiff] = useState<DiffResult | null>(null);
  const [pair, setPair] = useState<{ from?: number; to?: number }>({});
  const [editForm] = Form.useForm();
  const [actForm] = Form.useForm();
  const [commentForm] = Form.useForm();
  const needsOptions = !!r?.actions.some((a) => a.name === 'distribute');
  const options = useApiQuery<DocumentOptions>(needsOptions ? `${API}/options` : null);

  if (error && !r) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/office/documents')}>{t('返回列表')}</Button>} />;
  if (!r) return <PageCard loading={loading}><Skeleton active /></PageCard>;

  const conflict = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409) { void message.warning(t('公文已被他人修改，已刷新')); reload(); return true; }
    return false;
  };
  const act = async (name: string, extra: Record<string, unknown> = {}) => {
    try {
      await api.post(`${API}/${r.id}/actions`, { action: name, version: r.version, ...extra });
      setActing(null);
      actForm.resetFields();
      void message.success(t('已{label}', { label: t(r.actions.find((a) => a.name === name)?.label ?? name) }));
      reload();
    } catch (e) { if (!conflict(e) && !applyFormErrors(actForm, e)) report(e, { onReload: reload }); }
  };
  const saveEdit = async (v: { title: string; addressee: string; body: string }) => {
    try {
      await api.patch(`${API}/${r.id}`, { version: r.version, ...v });
      setEditing(false);
      reload();
    } catch (e) { if (!conflict(e) && !applyFormErrors(editForm, e)) report(e, { onReload: reload }); }
  };
  const addComment = async (v: { text: string }) => {
    try { await api.post(`${API}/${r.id}/comments`, v); commentForm.resetFields(); reload(); } catch (e) { if (!applyFormErrors(commentForm, e)) report(e); }
  };
  const showDiff = async () => {
    if (!pair.from || !pair.to) return;
    try { setDiff(await api.get<DiffResult>(`${API}/${r.id}/diff`, { from: pair.from, to: pair.to })); } catch (e) { report(e); }
  };
  const clickAction = (name: string) => {
    if (name === 'edit') { editForm.setFieldsValue({ title: r.title, addressee: r.addressee, body: r.body }); setEditing(true); return; }
    if (name === 'remind') { void act('remind'); return; }
    if (name === 'comment') { document.getElementById('documentComment_text')?.focus(); return; }
    setActing(name);
  };
  const actionLabel = acting ? t(r.actions.find((a) => a.name === acting)?.label ?? acting) : '';
  const unread = r.receipts.filter((x) => !x.readAt).length;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard wrapTitle title={r.title} extra={<Space wrap><Tag>{t(r.typeLabel)}</Tag><Tag color={r.stateTone}>{t(r.stateLabel)}</Tag></Space>}>
        <Steps size="small" direction={mobile ? 'vertical' : 'horizontal'} current={r.chain.current} status={r.state === 'returned' ? 'error' : r.state === 'distributed' ? 'finish' : 'process'}
          items={r.chain.steps.map((s) => ({ title: t(s) }))} style={{ marginBottom: 16 }} />
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('文号')}>{r.number ?? t('签发时编号')}</Descriptions.Item>
          <Descriptions.Item label={t('拟稿人')}>{r.ownerName}</Descriptions.Item>
          <Descriptions.Item label={t('字数')}>{r.chars}</Descriptions.Item>
          <Descriptions.Item label={t('核稿')}>{t(r.chain.review)}</Descriptions.Item>
          {r.chain.countersign.length > 0 && (
            <Descriptions.Item label={t('会签')}><Space wrap size={4}>{r.chain.countersign.map((p) => <Tag key={p.role} color={p.agreed ? 'success' : 'default'}>{t(p.roleLabel)}{p.agreed ? ` · ${t('已同意')}` : ''}</Tag>)}</Space></Descriptions.Item>
          )}
          <Descriptions.Item label={t('签发')}>{r.signerName ? `${r.signerName} · ${formatDateTime(r.signedAt)}` : t(r.chain.sign)}</Descriptions.Item>
        </Descriptions>
        {r.returnReason && <Alert type="warning" showIcon message={t('退回理由：{r}', { r: r.returnReason })} style={{ marginTop: 12 }} />}
        <Space wrap style={{ marginTop: 16 }}>
          {r.actions.filter((a) => a.name !== 'comment').map((a) => (
            <Button key={a.name} type={['submit', 'approve', 'countersign', 'sign', 'distribute'].includes(a.name) ? 'primary' : 'default'} danger={a.name === 'return'} onClick={() => clickAction(a.name)} data-testid={`action-${a.name}`}>{t(a.label)}</Button>
          ))}
          <Button icon={<FileWordOutlined />} href={`${API}/${r.id}/document.docx`} data-testid="docx">{t('下载 Word')}</Button>
        </Space>
      </PageCard>

      <Card size="small" title={t('正文')}>
        {r.addressee && <p style={pre}>{r.addressee}：</p>}
        <p style={pre}>{r.body}</p>
      </Card>

      <Card size="small" title={t('审签意见')}>
        {r.comments.length === 0 ? <Typography.Text type="secondary">{t('暂无')}</Typography.Text> : (
          <Timeline items={r.comments.map((c) => ({
            color: c.decision === 'return' ? 'red' : c.decision === 'agree' ? 'green' : 'blue',
            children: <div><Typography.Text strong>{t(c.stepLabel)}</Typography.Text> · {c.userName} · {formatDateTime(c.at)}<div>{c.text}</div></div>,
          }))} />
        )}
        {r.actions.some((a) => a.name === 'comment') && (
          <Form form={commentForm} name="documentComment" layout={mobile ? 'vertical' : 'inline'} onFinish={addComment} style={{ marginTop: 8 }}>
            <Form.Item name="text" rules={[{ required: true, message: t('请填写意见') }]} style={{ flex: 1, minWidth: 200 }}><Input maxLength={2000} placeholder={t('发表意见')} /></Form.Item>
            <Form.Item><Button htmlType="submit">{t('发表意见')}</Button></Form.Item>
          </Form>
        )}
      </Card>

      <Card size="small" title={t('版本（共 {n} 版）', { n: r.versions.length })}>
        <Table size="small" rowKey="no" pagination={false} dataSource={r.versions} scroll={{ x: 'max-content' }}
          columns={[
            { title: t('版本'), dataIndex: 'no', render: (v) => t('第{n}版', { n: v }) },
            { title: t('修改人'), dataIndex: 'authorName' },
            { title: t('字数'), dataIndex: 'chars' },
            { title: t('时间'), dataIndex: 'at', render: (v) => formatDateTime(v) },
          ]} />
        {r.versions.length > 1 && (
          <Space wrap style={{ marginTop: 12 }}>
            <Select placeholder={t('原版本')} style={{ width: 110 }} value={pair.from} onChange={(v) => setPair((p) => ({ ...p, from: v }))} options={r.versions.map((v) => ({ value: v.no, label: t('第{n}版', { n: v.no }) }))} />
            <span>→</span>
            <Select placeholder={t('新版本')} style={{ width: 110 }} value={pair.to} onChange={(v) => setPair((p) => ({ ...p, to: v }))} options={r.versions.map((v) => ({ value: v.no, label: t('第{n}版', { n: v.no }) }))} />
            <Button onClick={showDiff} disabled={!pair.from || !pair.to} data-testid="show-diff">{t('比较')}</Button>
          </Space>
        )}
        {diff && (
          <div style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">{t('第{a}版 → 第{b}版：绿色为插入，红色删除线为删除', { a: diff.from, b: diff.to })}</Typography.Text>
            <DiffView parts={diff.title} />
            <DiffView parts={diff.body} />
          </div>
        )}
      </Card>

      {(r.receipts.length > 0 || needsOptions) && (
        <Card size="small" title={t('分发与阅知（{n} 个未阅）', { n: unread })}>
          {r.receipts.length === 0 ? <Empty description={t('尚未分发')} /> : (
            <Table size="small" rowKey="id" pagination={r.receipts.length > 20 ? { pageSize: 20 } : false} dataSource={r.receipts} scroll={{ x: 'max-content' }}
              columns={[
                { title: t('收文单位或委员'), dataIndex: 'name' },
                { title: t('阅知'), dataIndex: 'readAt', render: (v, x) => (v ? <Space><Tag color="success">{t('已阅')}</Tag>{x.readByName} {formatDateTime(v)}</Space> : <Tag color="red">{t('未阅')}</Tag>) },
                { title: t('催阅'), dataIndex: 'reminders', render: (v) => (v ? t('{n} 次', { n: v }) : '—') },
              ]} />
          )}
        </Card>
      )}

      <Modal open={editing} title={t('修改')} onCancel={() => setEditing(false)} onOk={() => editForm.submit()} okText={t('保存')} width={mobile ? undefined : 760}>
        <Form form={editForm} name="documentEdit" layout="vertical" onFinish={saveEdit}>
          <Form.Item name="title" label={t('标题')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="addressee" label={t('主送机关')}><Input maxLength={200} /></Form.Item>
          <Form.Item name="body" label={t('正文')} rules={[{ required: true }]}><Input.TextArea rows={mobile ? 10 : 16} maxLength={60000} /></Form.Item>
        </Form>
      </Modal>

      <Modal open={!!acting} title={actionLabel} onCancel={() => setActing(null)} onOk={() => actForm.submit()} okText={actionLabel} okButtonProps={{ danger: acting === 'return' }} width={mobile ? undefined : 600}>
        <Form form={actForm} name="documentAct" layout="vertical" onFinish={(v) => act(acting!, v)}>
          {acting === 'distribute' ? (
            <>
              <Form.Item name="orgIds" label={t('分发单位')}>
                <Select mode="multiple" allowClear optionFilterProp="label" options={(options.data?.orgs ?? []).map((o) => ({ value: o.id, label: o.name }))} />
              </Form.Item>
              <Form.Item name="userIds" label={t('分发委员')}><CosignerField wording="members" /></Form.Item>
              <Typography.Text type="secondary">{t('分发后，收文单位和委员打开公文即记录阅知回执。')}</Typography.Text>
            </>
          ) : (
            <Form.Item name="comment" label={acting === 'return' ? t('退回理由') : t('意见')} rules={acting === 'return' ? [{ required: true, message: t('请填写退回理由') }] : []}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
