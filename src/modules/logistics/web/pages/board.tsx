/**
 * 车辆安排: a day's or a week's board of the vehicles and the drivers with their trips, so the office sees at a glance
 * who is free. On a phone each vehicle is a card with its trips one under another.
 */
import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import type { BoardView } from '../../contract.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { PageCard } from '../../../../kernel/web/components.tsx';
import { formatSpan } from './format.ts';

type Row_ = BoardView['vehicles'][number] | BoardView['drivers'][number];

export default function BoardPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? dayjs().format('YYYY-MM-DD');
  const days = Number(params.get('days') ?? 1);
  const { data, loading, reload } = useApiQuery<BoardView>('/api/office/board', { date, days });
  const { can } = useSession();
  const mobile = useIsMobile();
  const report = useReportError();
  const { message } = App.useApp();
  const [adding, setAdding] = useState<'vehicle' | 'driver' | null>(null);
  const [form] = Form.useForm();
  const add = async (v: Record<string, unknown>) => {
    try {
      await api.post(adding === 'vehicle' ? '/api/office/vehicles' : '/api/office/drivers', v);
      void message.success(t('已登记'));
      setAdding(null);
      form.resetFields();
      reload();
    } catch (e) { if (!applyFormErrors(form, e)) report(e); }
  };
  const go = (d: string, n = days) => setParams(new URLSearchParams({ date: d, days: String(n) }));

  // on a phone the buttons stand under the title rather than beside it (the title would be cut)
  const fleetButtons = can('logistics.dispatch') && (
    <Space wrap>
      <Button icon={<PlusOutlined />} onClick={() => setAdding('vehicle')}>{t('登记车辆')}</Button>
      <Button icon={<PlusOutlined />} onClick={() => setAdding('driver')}>{t('登记驾驶员')}</Button>
    </Space>
  );
  const cards = (rows: Row_[], sub: (r: Row_) => string) => rows.length === 0 ? <Empty /> : (
    <Row gutter={[12, 12]}>
      {rows.map((v) => (
        <Col key={v.id} xs={24} sm={12} lg={8} xl={6}>
          <Card size="small" title={v.label} extra={v.bookings.length === 0 ? <Tag color="success">{t('空闲')}</Tag> : <Tag color="processing">{t('{n} 个任务', { n: v.bookings.length })}</Tag>}>
            <Typography.Text type="secondary">{sub(v)}</Typography.Text>
            {v.bookings.map((b) => (
              <div key={b.tripId} style={{ marginTop: 8, borderLeft: '3px solid #1677ff', paddingLeft: 8 }}>
                <div><Link to={`/office/trips/${b.tripId}`}>{formatSpan(b.startsAt, b.endsAt)}</Link></div>
                <div>{b.purpose} · {b.destination}</div>
                <Typography.Text type="secondary">{b.ownerName}{b.other ? ` · ${b.other}` : ''}</Typography.Text>
              </div>
            ))}
          </Card>
        </Col>
      ))}
    </Row>
  );

  return (
    <PageCard title={t('车辆安排')} extra={!mobile && fleetButtons}>
      {mobile && fleetButtons && <div style={{ marginBottom: 12 }}>{fleetButtons}</div>}
      <Space wrap style={{ marginBottom: 16 }}>
        <Button onClick={() => go(dayjs(date).subtract(days, 'day').format('YYYY-MM-DD'))}>{t('上一段')}</Button>
        <DatePicker value={dayjs(date)} allowClear={false} onChange={(d) => d && go(d.format('YYYY-MM-DD'))} />
        <Button onClick={() => go(dayjs(date).add(days, 'day').format('YYYY-MM-DD'))}>{t('下一段')}</Button>
        <Radio.Group value={days} onChange={(e) => go(date, e.target.value)} optionType="button"
          options={[{ value: 1, label: t('一天') }, { value: 7, label: t('一周') }]} />
      </Space>
      {data && (
        <Tabs items={[
          { key: 'v', label: t('车辆'), children: cards(data.vehicles, (v) => ('seats' in v ? `${v.seats}${t('座')}` : '')) },
          { key: 'd', label: t('驾驶员'), children: cards(data.drivers, (d) => ('phone' in d ? d.phone : '')) },
        ]} />
      )}
      {!data && loading && <Typography.Text type="secondary">{t('加载中…')}</Typography.Text>}
      <Modal open={!!adding} title={adding === 'vehicle' ? t('登记车辆') : t('登记驾驶员')} onCancel={() => setAdding(null)} onOk={() => form.submit()} okText={t('保存')} width={mobile ? undefined : 480} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={add} initialValues={{ seats: 5, kind: '轿车' }}>
          {adding === 'vehicle' ? (
            <>
              <Form.Item name="plate" label={t('车牌号')} rules={[{ required: true }]}><Input placeholder="晋D12345" maxLength={8} /></Form.Item>
              <Form.Item name="kind" label={t('车型')} rules={[{ required: true }]}><Select options={['轿车', '商务车', '越野车', '中巴', '大巴'].map((k) => ({ value: k, label: t(k) }))} /></Form.Item>
              <Form.Item name="seats" label={t('座位数')} rules={[{ required: true }]}><InputNumber min={2} max={60} style={{ width: '100%' }} /></Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="name" label={t('姓名')} rules={[{ required: true }]}><Input maxLength={50} /></Form.Item>
              <Form.Item name="phone" label={t('手机号')} rules={[{ required: true }]}><Input maxLength={11} inputMode="numeric" /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </PageCard>
  );
}
