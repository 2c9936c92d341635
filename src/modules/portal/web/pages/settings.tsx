/**
 * 门户设置: the office sets its CPPCC's public portal — the name and the line under it, the site's address, the contact
 * (联系我们), and which sections show in which order (a checkbox and up/down per section). Saved under the version it
 * read: a save by someone else in between is reported, never overwritten.
 */
import { useEffect, useState } from 'react';
import { Button, Checkbox, Form, Input, List, Space, Typography, App } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, ExportOutlined } from '@ant-design/icons';
import type { PortalSettings, SectionChoice } from '../../domain/portal-settings.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';

interface Answer { settings: PortalSettings; version: number; sections: Array<{ key: string; title: string; module: string }>; path: string }

/** The office's choices over every declared section: its listed ones first in its order, then the rest (shown). */
function choicesOf(a: Answer): SectionChoice[] {
  const declared = new Set(a.sections.map((s) => s.key));
  const listed = a.settings.sections.filter((c) => declared.has(c.key));
  const seen = new Set(listed.map((c) => c.key));
  return [...listed, ...a.sections.filter((s) => !seen.has(s.key)).map((s) => ({ key: s.key, visible: true }))];
}

export default function PortalSettingsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm();
  const { data, loading, reload } = useApiQuery<Answer>('/api/portal/settings');
  const [choices, setChoices] = useState<SectionChoice[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!data) return;
    form.setFieldsValue({ title: data.settings.title, subtitle: data.settings.subtitle, siteUrl: data.settings.siteUrl, contact: data.settings.contact });
    setChoices(choicesOf(data));
  }, [data, form]);

  const titleOf = (key: string) => data?.sections.find((s) => s.key === key)?.title ?? key;
  const move = (i: number, by: number) => setChoices((cs) => {
    const next = [...cs];
    const [c] = next.splice(i, 1);
    next.splice(i + by, 0, c);
    return next;
  });

  async function save() {
    if (!data) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      await api.put('/api/portal/settings', { ...values, sections: choices, version: data.version });
      message.success(t('门户设置已保存，门户页面随即更新'));
      reload();
    } catch (err) {
      if (!applyFormErrors(form, err)) report(err, { onReload: reload });
    } finally {
      setSaving(false);
    }
  }

  return (
    <PageCard title={t('门户设置')} loading={loading && !data}
      extra={data && <a href={data.path} target="_blank" rel="noreferrer"><ExportOutlined /> {t('打开门户')}</a>}>
      <Form form={form} layout="vertical" style={{ maxWidth: 720 }}>
        <Form.Item name="title" label={t('门户名称')} extra={t('不填则为「本会简称 + 门户网站」')}><Input maxLength={60} /></Form.Item>
        <Form.Item name="subtitle" label={t('副标题')}><Input maxLength={120} /></Form.Item>
        <Form.Item name="siteUrl" label={t('网站地址')} extra={t('如 https://www.example.gov.cn，用于搜索引擎的规范链接和网站地图')}><Input maxLength={200} inputMode="url" /></Form.Item>
        <Typography.Title level={5}>{t('联系我们')}</Typography.Title>
        <Form.Item name={['contact', 'address']} label={t('地址')}><Input maxLength={200} /></Form.Item>
        <Space wrap style={{ width: '100%' }} styles={{ item: { flex: '1 1 200px' } }}>
          <Form.Item name={['contact', 'postcode']} label={t('邮编')}><Input maxLength={20} /></Form.Item>
          <Form.Item name={['contact', 'phone']} label={t('电话')}><Input maxLength={100} inputMode="tel" /></Form.Item>
          <Form.Item name={['contact', 'email']} label={t('电子邮箱')}><Input maxLength={200} inputMode="email" /></Form.Item>
        </Space>
        <Form.Item name={['contact', 'hours']} label={t('办公时间')}><Input maxLength={200} /></Form.Item>
        <Form.Item name={['contact', 'note']} label={t('说明')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Typography.Title level={5}>{t('栏目')}</Typography.Title>
        <Form.Item name="sections" extra={t('勾选的栏目按此顺序显示在门户首页和导航中')}>
          <List bordered size="small" dataSource={choices} locale={{ emptyText: t('暂无栏目') }}
            renderItem={(c, i) => (
              <List.Item actions={[
                <Button key="up" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('上移')} />,
                <Button key="down" size="small" icon={<ArrowDownOutlined />} disabled={i === choices.length - 1} onClick={() => move(i, 1)} aria-label={t('下移')} />,
              ]}>
                <Checkbox checked={c.visible} onChange={(e) => setChoices((cs) => cs.map((x, j) => (j === i ? { ...x, visible: e.target.checked } : x)))}>
                  {t(titleOf(c.key))}
                </Checkbox>
              </List.Item>
            )} />
        </Form.Item>
        <Button type="primary" onClick={save} loading={saving}>{t('保存')}</Button>
      </Form>
    </PageCard>
  );
}
