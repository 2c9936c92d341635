/**
 * 公益: the drives (金秋助学 …) with what each raised, gave and how many students it helped; the office creates one.
 */
import { useState } from 'react';
import { Button, DatePicker, Form, Input, List, Modal, Progress, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import type { DriveDetail, DriveItem } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { EmptyHint, PageCard, formatDate } from '../../../../kernel/web/components.tsx';

/** 万元 typed → whole 元 (at most 4 decimals), exactly; null when not an amount. */
export function yuanOfWan(text: string): number | null {
  const m = /^(\d{1,7})(?:\.(\d{1,4}))?$/.exec(String(text).trim());
  if (!m) return null;
  const y = Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
  return y > 0 ? y : null;
}

export default function CharityListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const report = useReportError();
  const { data, loading } = useApiQuery<{ items: DriveItem[]; total: number }>('/api/charity', { pageSize: 50 });
  const [form] = Form.useForm();
  const [creating, setCreating] = useState(false);

  const create = async (v: { name: string; period: [dayjs.Dayjs, dayjs.Dayjs]; target?: string; intro?: string }) => {
    try {
      const r = await api.post<DriveDetail>('/api/charity', {
        name: v.name, startsOn: v.period[0].format('YYYY-MM-DD'), endsOn: v.period[1].format('YYYY-MM-DD'),
        targetYuan: v.target ? yuanOfWan(v.target) ?? undefined : undefined, intro: v.intro,
      });
      setCreating(false);
      navigate(`/charity/${r.id}`);
    } catch (e) { if (!applyFormErrors(form, e)) report(e); }
  };

  return (
    <PageCard title={t('公益')} extra={can('charity.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('新建公益活动')}</Button>}>
      {data && data.total === 0 ? <EmptyHint text={t('暂无公益活动。')} /> : (
        <List loading={loading} dataSource={data?.items ?? []}
          renderItem={(d) => (
            <List.Item onClick={() => navigate(`/charity/${d.id}`)} style={{ cursor: 'pointer' }} data-testid="drive">
              <List.Item.Meta title={<Typography.Link>{d.name}</Typography.Link>} description={<Space direction="vertical" size={2} style={{ width: '100%' }}>
                <span>{formatDate(d.startsOn)} — {formatDate(d.endsOn)}</span>
                <Space wrap size={[12, 2]}>
                  <span>{t('募集善款')} <b>{d.totals.raisedText}</b></span>
                  <span>{t('已发放')} <b>{d.totals.givenText}</b></span>
                  <span>{t('资助学生 {n} 人', { n: d.totals.beneficiaries })}</span>
                </Space>
                {d.targetYuan && <Progress size="small" percent={Math.min(100, Math.round((d.totals.raisedYuan / d.targetYuan) * 100))} format={() => `${t('目标')} ${d.targetText}`} style={{ maxWidth: 420 }} />}
              </Space>} />
            </List.Item>
          )} />
      )}
      <Modal open={creating} title={t('新建公益活动')} onCancel={() => setCreating(false)} onOk={() => form.submit()} okText={t('保存')} width={mobile ? undefined : 600}>
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item name="name" label={t('活动名称')} rules={[{ required: true, min: 2 }]}><Input maxLength={100} placeholder={t('如：2026年“金秋助学”活动')} /></Form.Item>
          <Form.Item name="period" label={t('起止日期')} rules={[{ required: true }]}><DatePicker.RangePicker style={{ width: '100%' }} inputReadOnly={mobile} /></Form.Item>
          <Form.Item name="target" label={t('筹款目标')} rules={[{ validator: async (_r, v) => { if (v && yuanOfWan(v) === null) throw new Error(t('请输入正确的金额（万元，最多四位小数）')); } }]}><Input inputMode="decimal" suffix={t('万元')} /></Form.Item>
          <Form.Item name="intro" label={t('活动说明')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        </Form>
      </Modal>
    </PageCard>
  );
}
