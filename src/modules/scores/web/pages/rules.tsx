/**
 * 积分规则 (the office): a year's rules — 基础分, 总分上限, 预警最低分, the items (a member figure × points each, cap,
 * minimum count) and the grade bands — saved as the year's next version over the version read (a stale one is refused
 * and the page offers to reload). 复制预设 fills the form with a city's rules from the guide; 历史版本 lists who saved what.
 * A figure no module counts yet is marked 「暂无数据来源」. Items stack as cards on a phone.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, InputNumber, List, Popconfirm, Row, Select, Space, Tag, Typography, message } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import type { RuleSetResponse } from '../../contract.ts';
import { api, applyFormErrors, ApiError } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';

type Preset = { code: string; name: string; source: string; notes: string; rules: RuleSetResponse['rules'] };

export default function RulesPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const options = useApiQuery<{ currentYear: number; years: number[]; canManage: boolean }>('/api/scores/options');
  const year = Number(params.get('year') ?? options.data?.currentYear ?? 0) || null;
  const { data, reload } = useApiQuery<RuleSetResponse>(year ? `/api/scores/rules/${year}` : null);
  const presets = useApiQuery<{ presets: Preset[] }>('/api/scores/presets');
  const [form] = Form.useForm();
  const [source, setSource] = useState<string | null>(null);
  const [notes, setNotes] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState(false);

  useEffect(() => {
    if (!data) return;
    form.setFieldsValue(data.rules);
    setSource(data.source);
    setNotes(null);
    setStale(false);
  }, [data, form]);

  const copyPreset = (code: string) => {
    const p = presets.data?.presets.find((x) => x.code === code);
    if (!p) return;
    form.setFieldsValue(structuredClone(p.rules));
    setSource(p.name);
    setNotes(p.notes);
  };
  const save = async (v: RuleSetResponse['rules']) => {
    if (!data || !year) return;
    setSaving(true);
    try {
      await api.put(`/api/scores/rules/${year}`, { ...v, version: data.version, source });
      message.success(t('已保存为第 {v} 版，并已按新规则重新计算', { v: data.version + 1 }));
      reload();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setStale(true);
      else if (!applyFormErrors(form, e)) report(e);
    } finally { setSaving(false); }
  };
  const figureOptions = (data?.figures ?? []).map((f) => ({
    value: f.key, label: `${t(f.label)}（${f.unit}）${f.hasSource ? '' : ` · ${t('暂无数据来源')}`}`,
  }));
  const manage = !!options.data?.canManage;

  const controls = (
      <Space wrap>
        <Select size="small" style={{ width: 110 }} aria-label={t('年度')} value={year ?? undefined}
          options={[...new Set([...(options.data?.years ?? []), (options.data?.currentYear ?? 0) + 1])].filter(Boolean).sort((a, b) => b - a).map((y) => ({ value: y, label: t('{y}年度', { y }) }))}
          onChange={(y) => setParams({ year: String(y) })} />
        {manage && (
          <Select size="small" style={{ width: 150 }} placeholder={t('复制预设')} value={null} aria-label={t('复制预设')}
            options={(presets.data?.presets ?? []).map((p) => ({ value: p.code, label: `${t(p.name)}（${p.source}）` }))} onChange={copyPreset} />
        )}
      </Space>
  );
  return (
    <PageCard title={t('积分规则')} wrapTitle extra={mobile ? undefined : controls}>
      {mobile && <div style={{ marginBottom: 12 }}>{controls}</div>}
      {data && (
        <Typography.Paragraph type="secondary">
          {data.version ? t('现行第 {v} 版，{by} 于 {at} 保存', { v: data.version, by: data.createdByName ?? '', at: formatDateTime(data.createdAt ?? '') }) : t('本年度尚未设置规则，以下为默认规则（济南）')}
          {source ? t('；参照：{src}', { src: t(source) }) : ''}
        </Typography.Paragraph>
      )}
      {notes && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('预设说明')} description={notes} />}
      {stale && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('本年度规则已被他人修改')}
          action={<Button size="small" onClick={reload}>{t('重新加载')}</Button>} />
      )}
      <Form form={form} layout="vertical" onFinish={save} disabled={!manage}>
        <Row gutter={12}>
          <Col xs={24} sm={8}><Form.Item name="base" label={t('基础分')} rules={[{ required: true }]}><InputNumber style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={24} sm={8}><Form.Item name="maxTotal" label={t('总分上限（空为不设）')}><InputNumber style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={24} sm={8}><Form.Item name="minimum" label={t('预警最低分')} rules={[{ required: true }]}><InputNumber style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Typography.Title level={5}>{t('积分项')}</Typography.Title>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Card size="small" key={f.key} data-testid="rule-item">
                  <Row gutter={8} align="bottom">
                    <Col xs={24} md={7}><Form.Item name={[f.name, 'figure']} label={t('统计数字')} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                      <Select showSearch optionFilterProp="label" options={figureOptions} />
                    </Form.Item></Col>
                    <Col xs={24} md={6}><Form.Item name={[f.name, 'label']} label={t('积分项名称')} rules={[{ required: true }]} style={{ marginBottom: 8 }}><Input maxLength={40} /></Form.Item></Col>
                    <Col xs={8} md={3}><Form.Item name={[f.name, 'points']} label={t('每次分值')} rules={[{ required: true }]} style={{ marginBottom: 8 }}><InputNumber style={{ width: '100%' }} /></Form.Item></Col>
                    <Col xs={8} md={3}><Form.Item name={[f.name, 'cap']} label={t('年度上限')} style={{ marginBottom: 8 }}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
                    <Col xs={8} md={3}><Form.Item name={[f.name, 'min']} label={t('最低次数')} style={{ marginBottom: 8 }}><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
                    <Col xs={24} md={2} style={{ textAlign: 'right' }}>
                      <Button danger type="text" icon={<DeleteOutlined />} aria-label={t('删除')} onClick={() => remove(f.name)} style={{ marginBottom: 8 }} />
                    </Col>
                  </Row>
                </Card>
              ))}
              {manage && <Button icon={<PlusOutlined />} onClick={() => add({ figure: undefined, label: '', points: 1, cap: null, min: null })}>{t('添加积分项')}</Button>}
            </Space>
          )}
        </Form.List>
        <Typography.Title level={5} style={{ marginTop: 16 }}>{t('等次')}</Typography.Title>
        <Form.List name="bands">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true }]} style={{ marginBottom: 0 }}><Input placeholder={t('等次名称')} style={{ width: 110 }} /></Form.Item>
                  <Form.Item name={[f.name, 'min']} rules={[{ required: true }]} style={{ marginBottom: 0 }}><InputNumber addonBefore="≥" style={{ width: 130 }} /></Form.Item>
                  <Button danger type="text" icon={<DeleteOutlined />} aria-label={t('删除')} onClick={() => remove(f.name)} />
                </Space>
              ))}
              {manage && <Button size="small" icon={<PlusOutlined />} onClick={() => add({ label: '', min: 0 })}>{t('添加等次')}</Button>}
            </Space>
          )}
        </Form.List>
        {manage && (
          <Popconfirm title={t('保存为新版本并重新计算本年度积分？')} onConfirm={() => form.submit()}>
            <Button type="primary" loading={saving} style={{ marginTop: 16 }} block={mobile}>{t('保存为新版本')}</Button>
          </Popconfirm>
        )}
      </Form>
      {data && data.versions.length > 0 && (
        <Card size="small" title={t('历史版本')} style={{ marginTop: 16 }}>
          <List size="small" dataSource={data.versions} renderItem={(v) => (
            <List.Item>
              <Space wrap><Tag color={v.version === data.version ? 'red' : undefined}>{t('第 {v} 版', { v: v.version })}</Tag>{v.source && <span>{t(v.source)}</span>}<span>{v.createdByName}</span><Typography.Text type="secondary">{formatDateTime(v.createdAt)}</Typography.Text></Space>
            </List.Item>
          )} />
        </Card>
      )}
    </PageCard>
  );
}
