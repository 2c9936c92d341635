/**
 * A charity drive: its totals (raised, given, balance, students), the donations (members and units) and the students
 * helped, whose names and schools only the office reads (others see 张** and no school); the office records donations
 * and students here, one field under another on a phone.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, List, Modal, Radio, Result, Row, Select, Skeleton, Space, Statistic, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { BeneficiaryItem, DonationItem, DriveDetail } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDate } from '../../../../kernel/web/components.tsx';

type FormName = DriveDetail['actions'][number]['name'];

export default function DrivePage() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'beneficiaries' ? 'beneficiaries' : 'donations';
  const { data: d, error, reload } = useApiQuery<DriveDetail>(`/api/charity/${id}`);
  const [page, setPage] = useState(1);
  const [tick, setTick] = useState(0);
  const [open, setOpen] = useState<FormName | null>(null);
  const list = useApiQuery<{ items: Array<DonationItem & BeneficiaryItem>; total: number }>(d ? `/api/charity/${tab}` : null, { driveId: id, page, pageSize: 20, tick });

  if (error && !d) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/charity')}>{t('返回列表')}</Button>} />;
  if (!d) return <PageCard><Skeleton active /></PageCard>;
  const stat = (title: string, value: string | number, testId: string, onClick?: () => void) => (
    <Col xs={12} md={6}><Card size="small" hoverable={!!onClick} onClick={onClick} data-testid={testId}><Statistic title={t(title)} value={value} /></Card></Col>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard wrapTitle title={d.name}>
        <Typography.Paragraph type="secondary">{formatDate(d.startsOn)} — {formatDate(d.endsOn)}{d.targetText ? ` · ${t('筹款目标')} ${d.targetText}` : ''}</Typography.Paragraph>
        {d.intro && <Typography.Paragraph>{d.intro}</Typography.Paragraph>}
        <Row gutter={[12, 12]}>
          {stat('募集善款', d.totals.raisedText, 'total-raised', () => setParams({ tab: 'donations' }))}
          {stat('已发放', d.totals.givenText, 'total-given', () => setParams({ tab: 'beneficiaries' }))}
          {stat('资助学生（人）', d.totals.beneficiaries, 'total-beneficiaries', () => setParams({ tab: 'beneficiaries' }))}
          {stat('捐赠（笔）', d.totals.donations, 'total-donations', () => setParams({ tab: 'donations' }))}
        </Row>
        {d.actions.length > 0 && <Space wrap style={{ marginTop: 16 }}>{d.actions.filter((a) => a.name !== 'edit').map((a) => <Button key={a.name} type="primary" onClick={() => setOpen(a.name)}>{t(a.label)}</Button>)}</Space>}
      </PageCard>
      <Card size="small">
        <Tabs activeKey={tab} onChange={(k) => { setPage(1); setParams({ tab: k }); }} items={[{ key: 'donations', label: t('捐赠') }, { key: 'beneficiaries', label: t('受助学生') }]} />
        {tab === 'beneficiaries' && !d.readsPrivate && <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('受助学生的姓名和学校仅办公室可见')} />}
        <List loading={list.loading} dataSource={list.data?.items ?? []} locale={{ emptyText: t('暂无') }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, size: 'small', simple: true }}
          renderItem={(r) => tab === 'donations' ? (
            <List.Item extra={<Typography.Text strong>{r.amountText}</Typography.Text>}>
              <List.Item.Meta title={r.donorName} description={`${t(r.donorKind === 'member' ? '委员' : '单位')} · ${formatDate(r.donatedOn)}`} />
            </List.Item>
          ) : (
            <List.Item extra={<Typography.Text strong>{r.amountText}</Typography.Text>} data-testid="beneficiary">
              <List.Item.Meta title={r.studentName} description={[r.school, r.grade, formatDate(r.givenOn)].filter(Boolean).join(' · ')} />
            </List.Item>
          )} />
      </Card>
      {open && <RecordForm drive={d} name={open} onClose={() => setOpen(null)} onSaved={(next) => { setOpen(null); setTick((n) => n + 1); reload(); setParams({ tab: next }); }} />}
    </Space>
  );
}

function RecordForm({ drive, name, onClose, onSaved }: { drive: DriveDetail; name: FormName; onClose: () => void; onSaved: (tab: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const mobile = useIsMobile();
  const [form] = Form.useForm();
  const donorKind = Form.useWatch('donorKind', form);
  const [q, setQ] = useState('');
  const people = useApiQuery<{ items: Array<{ id: string; name: string }> }>(name === 'donation' && donorKind === 'member' ? '/api/charity/member-options' : null, { q: q || undefined });
  // whole 元, as the server keeps them
  const amountRule = { validator: async (_r: unknown, v: string) => { if (!/^[1-9]\d{0,9}$/.test(String(v ?? '').trim())) throw new Error(t('请输入正确的金额（元，整数）')); } };

  const submit = async (v: Record<string, any>) => {
    try {
      const amountYuan = Number(v.amount);
      if (name === 'donation') {
        await api.post(`/api/charity/${drive.id}/donations`, { donorKind: v.donorKind, donorUserId: v.donorUserId, donorName: v.donorName, amountYuan, donatedOn: v.on.format('YYYY-MM-DD'), note: v.note });
      } else {
        await api.post(`/api/charity/${drive.id}/beneficiaries`, { studentName: v.studentName, school: v.school, grade: v.grade, amountYuan, givenOn: v.on.format('YYYY-MM-DD') });
      }
      void message.success(t('已保存'));
      onSaved(name === 'donation' ? 'donations' : 'beneficiaries');
    } catch (e) { if (!applyFormErrors(form, e)) report(e); }
  };

  return (
    <Modal open title={t(name === 'donation' ? '登记捐赠' : '登记受助学生')} onCancel={onClose} onOk={() => form.submit()} okText={t('保存')} width={mobile ? undefined : 560}>
      <Form form={form} layout="vertical" initialValues={{ donorKind: 'member', on: dayjs() }} onFinish={submit}>
        {name === 'donation' ? <>
          <Form.Item name="donorKind" label={t('捐赠方类型')}><Radio.Group options={[{ value: 'member', label: t('委员') }, { value: 'unit', label: t('单位') }]} /></Form.Item>
          {donorKind === 'member'
            ? <Form.Item name="donorUserId" label={t('捐赠委员')} rules={[{ required: true }]}><Select showSearch filterOption={false} onSearch={setQ} options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} placeholder={t('输入姓名查找委员')} /></Form.Item>
            : <Form.Item name="donorName" label={t('捐赠单位')} rules={[{ required: true, min: 2 }]}><Input maxLength={100} /></Form.Item>}
          <Form.Item name="amount" label={t('捐赠金额（元）')} rules={[amountRule]}><Input inputMode="numeric" suffix={t('元')} /></Form.Item>
          <Form.Item name="on" label={t('捐赠日期')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} inputReadOnly={mobile} /></Form.Item>
          <Form.Item name="note" label={t('备注')}><Input maxLength={500} /></Form.Item>
        </> : <>
          <Form.Item name="studentName" label={t('学生姓名')} rules={[{ required: true, min: 2 }]}><Input maxLength={30} /></Form.Item>
          <Form.Item name="school" label={t('学校')} rules={[{ required: true, min: 2 }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="grade" label={t('年级')} rules={[{ required: true }]}><Input maxLength={30} /></Form.Item>
          <Form.Item name="amount" label={t('资助金额（元）')} rules={[amountRule]}><Input inputMode="numeric" suffix={t('元')} /></Form.Item>
          <Form.Item name="on" label={t('发放日期')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} inputReadOnly={mobile} /></Form.Item>
        </>}
      </Form>
    </Modal>
  );
}
