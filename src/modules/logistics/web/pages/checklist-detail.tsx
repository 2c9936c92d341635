/**
 * 会务保障清单: the items by category with their owner, ticked one by one (each tick saves the list under the version
 * the page read; a tick by someone else in between is a 409 and the page offers to reload, so none is lost), and items
 * added on the spot.
 */
import { useState } from 'react';
import { App, Button, Card, Checkbox, Descriptions, Form, Input, List, Progress, Result, Select, Skeleton, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import type { ChecklistDetail } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';

const CATEGORIES = ['会场', '材料', '茶歇', '标识', '车辆', '宣传', '其他'];
const linkPath: Record<string, (id: string) => string> = {
  consultation: (id) => `/consultations/${id}`, inspection: (id) => `/inspections/${id}`, logistics_reception: (id) => `/office/receptions/${id}`,
};

export default function ChecklistDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { data: r, loading, error, reload } = useApiQuery<ChecklistDetail>(`/api/office/checklists/${id}`);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  if (error && !r) return <Result status={error.status === 404 ? '404' : 'error'} title={error.message} extra={<Button onClick={() => navigate('/office/checklists')}>{t('返回列表')}</Button>} />;
  if (!r) return <PageCard loading={loading}><Skeleton active /></PageCard>;

  const save = async (items: ChecklistDetail['items']) => {
    setBusy(true);
    try {
      await api.patch(`/api/office/checklists/${r.id}`, { version: r.version, items });
      reload();
      return true;
    } catch (e) {
      if (!applyFormErrors(form, e)) report(e, { onReload: reload });
      return false;
    } finally { setBusy(false); }
  };
  const add = async (v: { category: string; label: string; owner?: string }) => {
    if (await save([...r.items, { id: '', category: v.category, label: v.label, owner: v.owner ?? '', done: false }])) {
      form.resetFields();
      void message.success(t('已添加'));
    }
  };
  const link = r.link && (linkPath[r.link.type] ? <Link to={linkPath[r.link.type](r.link.id)}>{r.link.title ?? r.link.id}</Link> : r.link.title ?? r.link.id);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard wrapTitle title={r.title} extra={<Tag color={r.itemsDone === r.itemsTotal ? 'success' : 'processing'}>{r.itemsDone === r.itemsTotal ? t('已全部落实') : t('落实中')}</Tag>}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('活动日期')}>{r.eventDate}</Descriptions.Item>
          {link && <Descriptions.Item label={t('关联记录')}>{link}</Descriptions.Item>}
          <Descriptions.Item label={t('经办人')}>{r.ownerName}</Descriptions.Item>
        </Descriptions>
        <Progress percent={r.itemsTotal ? Math.round((r.itemsDone / r.itemsTotal) * 100) : 0} format={() => `${r.itemsDone}/${r.itemsTotal}`} />
      </PageCard>
      <Card size="small" title={t('保障事项')}>
        <List dataSource={r.items} renderItem={(i) => (
          <List.Item>
            <Checkbox checked={i.done} disabled={!r.canEdit || busy} onChange={(e) => void save(r.items.map((x) => (x.id === i.id ? { ...x, done: e.target.checked } : x)))}>
              <Space wrap size={[6, 2]}><Tag>{t(i.category)}</Tag><span style={i.done ? { textDecoration: 'line-through', color: '#999' } : undefined}>{i.label}</span>{i.owner && <span style={{ color: '#888' }}>{i.owner}</span>}</Space>
            </Checkbox>
          </List.Item>
        )} />
        {r.canEdit && (
          <Form form={form} layout={mobile ? 'vertical' : 'inline'} onFinish={add} initialValues={{ category: '其他' }} style={{ marginTop: 12, rowGap: 8 }}>
            <Form.Item name="category" label={t('类别')}><Select style={{ minWidth: 90 }} options={CATEGORIES.map((c) => ({ value: c, label: t(c) }))} /></Form.Item>
            <Form.Item name="label" label={t('保障事项')} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
            <Form.Item name="owner" label={t('责任人')}><Input maxLength={50} /></Form.Item>
            <Form.Item><Button htmlType="submit" icon={<PlusOutlined />} loading={busy}>{t('添加')}</Button></Form.Item>
          </Form>
        )}
      </Card>
    </Space>
  );
}
