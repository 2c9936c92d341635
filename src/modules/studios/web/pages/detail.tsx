/**
 * A studio's page: who is in it, its figures (each opening its list in a tab below), the caller's actions (the buttons
 * come from the `actions` the server returns) and tabs by record kind: activities; the legal studio's mediation cases;
 * the finance studio's loans, enterprise needs and bank offers; projects introduced. The forms stand one field under
 * another on a phone (a convener records there); amounts are typed in 万元 and sent as whole 元.
 */
import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, List, Modal, Result, Row, Select, Skeleton, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { CaseItem, LoanItem, NeedItem, OfferItem, ProjectItem, StudioDetail } from '../../contract.ts';
import { caseOutcomeLabels, caseOutcomes, formatYuan, partyRoleLabels, partyRoles, projectStatusLabels, projectStatuses, yuanFromWan } from '../../domain/studio-rules.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDate } from '../../../../kernel/web/components.tsx';
import { MembersPicker } from './member-picker.tsx';

type Tab = 'activities' | 'cases' | 'loans' | 'needs' | 'offers' | 'projects';
type FormName = StudioDetail['actions'][number]['name'];
/** which tab a figure's list opens */
const tabOfFigure = (key: string): Tab => (key.includes('case') ? 'cases' : key.includes('loan') ? 'loans' : key.includes('project') ? 'projects' : 'activities');
const dayOf = (d: dayjs.Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

export default function StudioPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { data: s, error, reload } = useApiQuery<StudioDetail>(`/api/studios/${id}`);
  const [open, setOpen] = useState<FormName | null>(null);
  const [tick, setTick] = useState(0);

  if (error && !s) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/studios')}>{t('返回列表')}</Button>} />;
  if (!s) return <PageCard><Skeleton active /></PageCard>;

  const tabs: Array<{ key: Tab; label: string }> = [{ key: 'activities', label: '活动' }];
  if (s.recordKinds.includes('cases')) tabs.push({ key: 'cases', label: '调解案件' });
  if (s.recordKinds.includes('finance')) tabs.push({ key: 'loans', label: '放贷' }, { key: 'needs', label: '融资需求' }, { key: 'offers', label: '银行产品' });
  if (s.recordKinds.includes('projects')) tabs.push({ key: 'projects', label: '引进项目' });
  const tab = (tabs.find((x) => x.key === params.get('tab'))?.key ?? 'activities') as Tab;
  const saved = () => { setOpen(null); setTick((n) => n + 1); reload(); };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard wrapTitle title={s.name} extra={<Tag color="blue">{t(s.kindLabel)}</Tag>}>
        {s.intro && <Typography.Paragraph type="secondary">{s.intro}</Typography.Paragraph>}
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('召集人')}>{s.convenerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('成员')}>{s.members.map((m) => m.name).join('、') || '—'}</Descriptions.Item>
        </Descriptions>
        <Row gutter={[12, 12]} style={{ marginTop: 8 }}>
          {s.figures.map((f) => (
            <Col key={f.key} xs={12} sm={8} lg={6}>
              <Card size="small" hoverable data-testid={`figure-${f.key}`} onClick={() => setParams({ tab: tabOfFigure(f.key) })}>
                {/* an amount reads as 26.02亿元 (the figure's value is in 万元; exact, from whole 元) */}
                {f.unit === '万元' ? <Statistic title={t(f.label)} value={formatYuan(Math.round(f.value * 10_000))} /> : <Statistic title={t(f.label)} value={f.value} suffix={t(f.unit)} />}
              </Card>
            </Col>
          ))}
        </Row>
        {s.actions.length > 0 && (
          <Space wrap style={{ marginTop: 16 }}>
            {s.actions.map((a) => <Button key={a.name} type={['loan', 'case', 'activity'].includes(a.name) ? 'primary' : 'default'} onClick={() => setOpen(a.name)}>{t(a.label)}</Button>)}
          </Space>
        )}
      </PageCard>

      <Card size="small">
        <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k })} items={tabs.map((x) => ({ key: x.key, label: t(x.label) }))} />
        {tab === 'activities' && <ActivityList studioId={s.id} tick={tick} />}
        {tab === 'cases' && <CaseList studioId={s.id} tick={tick} onChanged={saved} />}
        {tab === 'loans' && <LoanList studioId={s.id} tick={tick} />}
        {tab === 'needs' && <NeedList studioId={s.id} tick={tick} />}
        {tab === 'offers' && <OfferList studioId={s.id} tick={tick} />}
        {tab === 'projects' && <ProjectList studioId={s.id} tick={tick} onChanged={saved} />}
      </Card>

      {open && <RecordForm studio={s} name={open} onClose={() => setOpen(null)} onSaved={(next) => { saved(); if (next) setParams({ tab: next }); }} />}
    </Space>
  );
}

// ---------- lists ----------

function useList<T>(path: string, studioId: string, tick: number, extra: Record<string, string | undefined> = {}) {
  const [page, setPage] = useState(1);
  const q = useApiQuery<{ items: T[]; total: number }>(`/api/studios/${path}`, { studioId, page, pageSize: 10, tick, ...extra });
  const { t } = useI18n();
  const pagination = { current: page, pageSize: 10, total: q.data?.total ?? 0, onChange: setPage, size: 'small' as const, simple: true, showTotal: (n: number) => t('共 {n} 条', { n }) };
  return { ...q, pagination };
}

function ActivityList({ studioId, tick }: { studioId: string; tick: number }) {
  const { t } = useI18n();
  const { data, loading, pagination } = useList<{ id: string; heldOn: string; title: string; members: string[]; others: string | null; peopleServed: number; summary: string | null }>('activities', studioId, tick);
  return (
    <List loading={loading} dataSource={data?.items ?? []} pagination={pagination} locale={{ emptyText: t('暂无') }}
      renderItem={(a) => (
        <List.Item>
          <List.Item.Meta title={a.title} description={<Space wrap size={[8, 2]}>
            <span>{formatDate(a.heldOn)}</span>
            {a.members.length > 0 && <span>{t('参加委员')}：{a.members.join('、')}</span>}
            {a.others && <span>{a.others}</span>}
            {a.peopleServed > 0 && <span>{t('服务 {n} 人', { n: a.peopleServed })}</span>}
          </Space>} />
        </List.Item>
      )} />
  );
}

function CaseList({ studioId, tick, onChanged }: { studioId: string; tick: number; onChanged: () => void }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<string>();
  const { data, loading, pagination } = useList<CaseItem>('cases', studioId, tick, { outcome });
  const [closing, setClosing] = useState<CaseItem | null>(null);
  return (
    <>
      <Select allowClear placeholder={t('调解结果')} style={{ minWidth: 140, marginBottom: 8 }} value={outcome} onChange={setOutcome}
        options={[{ value: 'open', label: t('调解中') }, ...caseOutcomes.map((o) => ({ value: o, label: t(caseOutcomeLabels[o]) }))]} />
      <List loading={loading} dataSource={data?.items ?? []} pagination={pagination} locale={{ emptyText: t('暂无') }}
        renderItem={(c) => (
          <List.Item actions={c.canEdit && !c.outcome ? [<Button key="close" size="small" onClick={() => setClosing(c)}>{t('记录结果')}</Button>] : undefined}>
            <List.Item.Meta title={<Space wrap><span>{c.matter}</span><Tag color={c.outcome === 'success' ? 'success' : c.outcome ? 'default' : 'processing'}>{t(c.outcomeLabel)}</Tag></Space>}
              description={<Space direction="vertical" size={2}>
                <span>{t('受理')} {formatDate(c.receivedOn)}{c.closedOn ? ` · ${t('结案')} ${formatDate(c.closedOn)}` : ''} · {t('承办委员')}：{c.handlers.join('、')}</span>
                <span>{c.parties.map((p) => `${t(p.roleLabel)} ${p.name}${p.phone ? `（${p.phone}）` : ''}`).join('；')}</span>
                {!c.partiesVisible && <Typography.Text type="secondary">{t('当事人信息仅工作室成员和办公室可见')}</Typography.Text>}
                {c.agreement && <span>{t('调解协议')}：{c.agreement}</span>}
              </Space>} />
          </List.Item>
        )} />
      {closing && <CaseOutcomeForm c={closing} onClose={() => setClosing(null)} onSaved={() => { setClosing(null); onChanged(); }} />}
    </>
  );
}

function LoanList({ studioId, tick }: { studioId: string; tick: number }) {
  const { t } = useI18n();
  const { data, loading, pagination } = useList<LoanItem>('loans', studioId, tick);
  return (
    <List loading={loading} dataSource={data?.items ?? []} pagination={pagination} locale={{ emptyText: t('暂无') }} data-testid="loan-list"
      renderItem={(l) => (
        <List.Item extra={<Typography.Text strong>{l.amountText}</Typography.Text>}>
          <List.Item.Meta title={l.enterprise} description={`${l.bank} · ${formatDate(l.grantedOn)}`} />
        </List.Item>
      )} />
  );
}

function NeedList({ studioId, tick }: { studioId: string; tick: number }) {
  const { t } = useI18n();
  const { data, loading, pagination } = useList<NeedItem>('needs', studioId, tick);
  return (
    <List loading={loading} dataSource={data?.items ?? []} pagination={pagination} locale={{ emptyText: t('暂无') }}
      renderItem={(n) => (
        <List.Item extra={<Typography.Text strong>{n.amountText}</Typography.Text>}>
          <List.Item.Meta title={<Space wrap><span>{n.enterprise}</span><Tag color={n.state === 'open' ? 'processing' : 'success'}>{t(n.stateLabel)}</Tag></Space>} description={`${n.purpose} · ${formatDate(n.recordedOn)}`} />
        </List.Item>
      )} />
  );
}

function OfferList({ studioId, tick }: { studioId: string; tick: number }) {
  const { t } = useI18n();
  const { data, loading, pagination } = useList<OfferItem>('offers', studioId, tick);
  return (
    <List loading={loading} dataSource={data?.items ?? []} pagination={pagination} locale={{ emptyText: t('暂无') }}
      renderItem={(o) => (
        <List.Item extra={<Typography.Text strong>{o.amountText}</Typography.Text>}>
          <List.Item.Meta title={`${o.bank} · ${o.product}`} description={formatDate(o.recordedOn)} />
        </List.Item>
      )} />
  );
}

function ProjectList({ studioId, tick, onChanged }: { studioId: string; tick: number; onChanged: () => void }) {
  const { t } = useI18n();
  const report = useReportError();
  const { data, loading, pagination } = useList<ProjectItem>('projects', studioId, tick);
  const advance = async (p: ProjectItem, status: string) => {
    try { await api.patch(`/api/studios/projects/${p.id}`, { version: p.version, status }); onChanged(); } catch (e) { report(e, { onReload: onChanged }); }
  };
  return (
    <List loading={loading} dataSource={data?.items ?? []} pagination={pagination} locale={{ emptyText: t('暂无') }}
      renderItem={(p) => (
        <List.Item extra={<Typography.Text strong>{p.amountText}</Typography.Text>}>
          <List.Item.Meta title={<Space wrap><span>{p.name}</span>
            {p.canEdit ? <Select size="small" value={p.status} onChange={(v) => void advance(p, v)} options={projectStatuses.map((x) => ({ value: x, label: t(projectStatusLabels[x]) }))} style={{ width: 90 }} />
              : <Tag>{t(p.statusLabel)}</Tag>}</Space>}
            description={`${p.investor} · ${formatDate(p.introducedOn)}`} />
        </List.Item>
      )} />
  );
}

// ---------- forms ----------

/** An amount typed in 万元: checked with the same exact parser the server's figures rely on. */
function WanField({ name, label }: { name: string; label: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={t(label)} rules={[{ required: true, message: t('请输入金额') }, { validator: async (_r, v) => { if (v && yuanFromWan(v) === null) throw new Error(t('请输入正确的金额（万元，最多四位小数）')); } }]}>
      <Input inputMode="decimal" suffix={t('万元')} />
    </Form.Item>
  );
}

function RecordForm({ studio, name, onClose, onSaved }: { studio: StudioDetail; name: FormName; onClose: () => void; onSaved: (tab?: Tab) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const mobile = useIsMobile();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const needs = useApiQuery<{ items: NeedItem[] }>(name === 'loan' ? '/api/studios/needs' : null, { studioId: studio.id, state: 'open', pageSize: 100 });
  const offers = useApiQuery<{ items: OfferItem[] }>(name === 'loan' ? '/api/studios/offers' : null, { studioId: studio.id, pageSize: 100 });
  const known = studio.members.map((m) => ({ id: m.userId, name: m.name }));
  const today = dayjs();
  const titles: Record<FormName, string> = { edit: '修改工作室', members: '管理成员', activity: '记录活动', case: '登记调解案件', need: '登记融资需求', offer: '登记银行产品', loan: '记录放贷', project: '登记引进项目' };

  const submit = async (v: Record<string, any>) => {
    setBusy(true);
    try {
      const base = `/api/studios/${studio.id}`;
      const yuan = (x: string) => yuanFromWan(x)!;
      let next: Tab | undefined;
      if (name === 'edit') await api.patch(base, { version: studio.version, name: v.name, intro: v.intro ?? '' });
      if (name === 'members') await api.put(`${base}/members`, { version: studio.version, memberIds: v.memberIds ?? [] });
      if (name === 'activity') { next = 'activities'; await api.post(`${base}/activities`, { heldOn: dayOf(v.heldOn), title: v.title, place: v.place, memberIds: v.memberIds ?? [], others: v.others, peopleServed: v.peopleServed ?? 0, summary: v.summary }); }
      if (name === 'case') {
        next = 'cases';
        await api.post(`${base}/cases`, { matter: v.matter, receivedOn: dayOf(v.receivedOn), parties: v.parties, handlerIds: v.handlerIds ?? [], outcome: v.outcome, closedOn: dayOf(v.closedOn), agreement: v.agreement });
      }
      if (name === 'need') { next = 'needs'; await api.post(`${base}/needs`, { enterprise: v.enterprise, amountYuan: yuan(v.amountWan), purpose: v.purpose, recordedOn: dayOf(v.recordedOn) }); }
      if (name === 'offer') { next = 'offers'; await api.post(`${base}/offers`, { bank: v.bank, product: v.product, amountYuan: yuan(v.amountWan), recordedOn: dayOf(v.recordedOn) }); }
      if (name === 'loan') {
        next = 'loans';
        const need = needs.data?.items.find((n) => n.id === v.needId);
        await api.post(`${base}/loans`, { needId: v.needId, needVersion: need?.version, offerId: v.offerId, enterprise: v.enterprise, bank: v.bank, amountYuan: yuan(v.amountWan), grantedOn: dayOf(v.grantedOn) });
      }
      if (name === 'project') { next = 'projects'; await api.post(`${base}/projects`, { name: v.name, investor: v.investor, amountYuan: yuan(v.amountWan), status: v.status, introducedOn: dayOf(v.introducedOn) }); }
      void message.success(t('已保存'));
      onSaved(next);
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: () => onSaved() }); } finally { setBusy(false); }
  };

  // a need picked fills the enterprise and amount; an offer picked fills the bank
  const pickNeed = (needId?: string) => {
    const n = needs.data?.items.find((x) => x.id === needId);
    if (n) form.setFieldsValue({ enterprise: n.enterprise, amountWan: String(n.amountWan) });
  };
  const pickOffer = (offerId?: string) => {
    const o = offers.data?.items.find((x) => x.id === offerId);
    if (o) form.setFieldsValue({ bank: o.bank });
  };
  const date = (field: string, label: string) => (
    <Form.Item name={field} label={t(label)} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} inputReadOnly={mobile} /></Form.Item>
  );

  const initial: Record<string, unknown> = {
    edit: { name: studio.name, intro: studio.intro }, members: { memberIds: studio.members.map((m) => m.userId) },
    activity: { heldOn: today, peopleServed: 0 }, case: { receivedOn: today, parties: [{ role: 'applicant' }, { role: 'respondent' }] },
    need: { recordedOn: today }, offer: { recordedOn: today }, loan: { grantedOn: today }, project: { introducedOn: today, status: 'talks' },
  }[name] as Record<string, unknown>;

  return (
    <Modal open title={t(titles[name])} onCancel={onClose} onOk={() => form.submit()} okText={t('保存')} confirmLoading={busy} width={mobile ? undefined : 640} destroyOnClose>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        {name === 'edit' && <>
          <Form.Item name="name" label={t('名称')} rules={[{ required: true, min: 2 }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="intro" label={t('简介')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        </>}
        {name === 'members' && <Form.Item name="memberIds" label={t('成员')}><MembersPicker known={known} /></Form.Item>}
        {name === 'activity' && <>
          {date('heldOn', '活动日期')}
          <Form.Item name="title" label={t('活动名称')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="place" label={t('地点')}><Input maxLength={200} /></Form.Item>
          <Form.Item name="memberIds" label={t('参加委员')}><MembersPicker known={known} /></Form.Item>
          <Form.Item name="others" label={t('其他参加人员')}><Input maxLength={500} /></Form.Item>
          <Form.Item name="peopleServed" label={t('服务人数')}><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="summary" label={t('活动情况')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        </>}
        {name === 'case' && <>
          <Form.Item name="matter" label={t('纠纷事项')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          {date('receivedOn', '受理日期')}
          <Form.List name="parties">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Card key={f.key} size="small" style={{ marginBottom: 8 }} extra={fields.length > 2 && <MinusCircleOutlined onClick={() => remove(f.name)} />} title={t('当事人')}>
                    <Form.Item name={[f.name, 'role']} label={t('当事人身份')} rules={[{ required: true }]}><Select options={partyRoles.map((r) => ({ value: r, label: t(partyRoleLabels[r]) }))} /></Form.Item>
                    <Form.Item name={[f.name, 'name']} label={t('当事人姓名')} rules={[{ required: true }]}><Input maxLength={50} /></Form.Item>
                    <Form.Item name={[f.name, 'phone']} label={t('联系电话')}><Input inputMode="tel" maxLength={20} /></Form.Item>
                    <Form.Item name={[f.name, 'address']} label={t('住址')}><Input maxLength={200} /></Form.Item>
                  </Card>
                ))}
                <Button block icon={<PlusOutlined />} onClick={() => add({ role: 'third' })} style={{ marginBottom: 16 }}>{t('添加当事人')}</Button>
              </>
            )}
          </Form.List>
          <Form.Item name="handlerIds" label={t('承办委员')} rules={[{ required: true }]}><MembersPicker known={known} /></Form.Item>
          <Form.Item name="outcome" label={t('调解结果（已结案时填写）')}><Select allowClear options={caseOutcomes.map((o) => ({ value: o, label: t(caseOutcomeLabels[o]) }))} /></Form.Item>
          <Form.Item name="closedOn" label={t('结案日期')}><DatePicker style={{ width: '100%' }} inputReadOnly={mobile} /></Form.Item>
          <Form.Item name="agreement" label={t('调解协议')}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        </>}
        {name === 'need' && <>
          <Form.Item name="enterprise" label={t('企业名称')} rules={[{ required: true, min: 2 }]}><Input maxLength={100} /></Form.Item>
          <WanField name="amountWan" label="融资金额" />
          <Form.Item name="purpose" label={t('资金用途')} rules={[{ required: true }]}><Input maxLength={500} /></Form.Item>
          {date('recordedOn', '登记日期')}
        </>}
        {name === 'offer' && <>
          <Form.Item name="bank" label={t('银行')} rules={[{ required: true, min: 2 }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="product" label={t('金融产品')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
          <WanField name="amountWan" label="授信额度" />
          {date('recordedOn', '登记日期')}
        </>}
        {name === 'loan' && <>
          <Form.Item name="needId" label={t('对接的融资需求')}>
            <Select allowClear onChange={pickNeed} loading={needs.loading} placeholder={t('选择待对接的需求（可不选）')}
              options={(needs.data?.items ?? []).map((n) => ({ value: n.id, label: `${n.enterprise} · ${n.amountText}` }))} />
          </Form.Item>
          <Form.Item name="offerId" label={t('银行产品')}>
            <Select allowClear onChange={pickOffer} loading={offers.loading} placeholder={t('选择银行产品（可不选）')}
              options={(offers.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.bank} · ${o.product}` }))} />
          </Form.Item>
          <Form.Item name="enterprise" label={t('企业名称')} rules={[{ required: true, min: 2 }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="bank" label={t('银行')} rules={[{ required: true, min: 2 }]}><Input maxLength={100} /></Form.Item>
          <WanField name="amountWan" label="放贷金额" />
          {date('grantedOn', '放贷日期')}
        </>}
        {name === 'project' && <>
          <Form.Item name="name" label={t('项目名称')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="investor" label={t('投资方')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <WanField name="amountWan" label="投资额" />
          <Form.Item name="status" label={t('项目状态')} rules={[{ required: true }]}><Select options={projectStatuses.map((x) => ({ value: x, label: t(projectStatusLabels[x]) }))} /></Form.Item>
          {date('introducedOn', '引进日期')}
        </>}
      </Form>
    </Modal>
  );
}

function CaseOutcomeForm({ c, onClose, onSaved }: { c: CaseItem; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const report = useReportError();
  const mobile = useIsMobile();
  const [form] = Form.useForm();
  const submit = async (v: { outcome: string; closedOn: dayjs.Dayjs; agreement?: string }) => {
    try {
      await api.patch(`/api/studios/cases/${c.id}`, { version: c.version, outcome: v.outcome, closedOn: dayOf(v.closedOn), agreement: v.agreement });
      onSaved();
    } catch (e) { if (!applyFormErrors(form, e)) report(e, { onReload: onSaved }); }
  };
  return (
    <Modal open title={t('记录调解结果')} onCancel={onClose} onOk={() => form.submit()} okText={t('保存')} width={mobile ? undefined : 560}>
      <Form form={form} layout="vertical" initialValues={{ closedOn: dayjs() }} onFinish={submit}>
        <Form.Item name="outcome" label={t('调解结果')} rules={[{ required: true }]}><Select options={caseOutcomes.map((o) => ({ value: o, label: t(caseOutcomeLabels[o]) }))} /></Form.Item>
        <Form.Item name="closedOn" label={t('结案日期')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} inputReadOnly={mobile} /></Form.Item>
        <Form.Item name="agreement" label={t('调解协议')}><Input.TextArea rows={4} maxLength={5000} /></Form.Item>
      </Form>
    </Modal>
  );
}
