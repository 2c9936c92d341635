/**
 * 委员工作室: the studios of the CPPCC (法律, 金融, 高校, 开发区, 商会 …) as cards, each opening its page; the caller's
 * own studios marked; the office creates one.
 */
import { useState } from 'react';
import { Button, Card, Col, Form, Input, Modal, Row, Segmented, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import type { StudioDetail, StudioListItem } from '../../contract.ts';
import { studioKindLabels, studioKinds } from '../../domain/studio-rules.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { useSession } from '../../../../kernel/web/session.tsx';
import { EmptyHint, PageCard } from '../../../../kernel/web/components.tsx';
import { MembersPicker } from './member-picker.tsx';

const kindColor: Record<string, string> = { legal: 'geekblue', finance: 'gold', university: 'green', devzone: 'purple', chamber: 'volcano', other: 'default' };

export default function StudiosListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const { data, loading } = useApiQuery<{ items: StudioListItem[]; total: number }>('/api/studios', { kind: kind || undefined, pageSize: 100 });
  const [form] = Form.useForm();
  const [creating, setCreating] = useState(false);

  const create = async (v: { name: string; kind: string; intro?: string; memberIds?: string[] }) => {
    try {
      const [convenerUserId] = v.memberIds ?? [];
      const r = await api.post<StudioDetail>('/api/studios', { ...v, convenerUserId });
      setCreating(false);
      form.resetFields();
      navigate(`/studios/${r.id}`);
    } catch (e) { if (!applyFormErrors(form, e)) report(e); }
  };

  return (
    <PageCard title={t('委员工作室')} extra={can('studios.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('新建工作室')}</Button>}>
      <div style={{ overflowX: 'auto', marginBottom: 16 }}>
        <Segmented value={kind} onChange={(v) => setParams(v ? { kind: String(v) } : {})}
          options={[{ value: '', label: t('全部') }, ...studioKinds.map((k) => ({ value: k, label: t(studioKindLabels[k]) }))]} />
      </div>
      {data && data.total === 0 ? <EmptyHint text={t('没有符合条件的工作室。')} /> : (
        <Row gutter={[12, 12]}>
          {(data?.items ?? []).map((s) => (
            <Col key={s.id} xs={24} sm={12} lg={8}>
              <Card hoverable size="small" loading={loading} onClick={() => navigate(`/studios/${s.id}`)} data-testid="studio-card"
                title={<Typography.Text strong>{s.name}</Typography.Text>} extra={<Tag color={kindColor[s.kind]}>{t(s.kindLabel)}</Tag>}>
                <Space direction="vertical" size={2}>
                  <span>{t('召集人')}：{s.convenerName ?? '—'}</span>
                  <span>{t('成员 {n} 人', { n: s.memberCount })}</span>
                  {s.mine && <Tag color="blue">{t('我所在的工作室')}</Tag>}
                </Space>
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Modal open={creating} title={t('新建工作室')} onCancel={() => setCreating(false)} onOk={() => form.submit()} okText={t('保存')} width={mobile ? undefined : 640}>
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item name="name" label={t('名称')} rules={[{ required: true, min: 2 }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="kind" label={t('类别')} rules={[{ required: true }]}><Select options={studioKinds.map((k) => ({ value: k, label: t(studioKindLabels[k]) }))} /></Form.Item>
          <Form.Item name="memberIds" label={t('成员（第一位为召集人）')}><MembersPicker /></Form.Item>
          <Form.Item name="intro" label={t('简介')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        </Form>
      </Modal>
    </PageCard>
  );
}
