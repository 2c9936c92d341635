/**
 * 栏目设置: the CPPCC's news columns (要闻动态, 委员风采 … and its own), in the order the portal shows them after the
 * defaults. Each column is a section of the CPPCC's public portal; saving drops the portal's cached pages. A column
 * still holding news cannot be removed (the server says so; the page disables its remove button).
 */
import { useEffect } from 'react';
import { Alert, App, Button, Form, Input, Space, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { NewsColumnsAnswer } from '../../contract.ts';
import { api, ApiError, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';

interface Row { code: string; label: string; labelEn?: string; items?: number }

export default function NewsColumnsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const mobile = useIsMobile();
  const { data, loading, reload } = useApiQuery<NewsColumnsAnswer>('/api/news/columns');
  const [form] = Form.useForm<{ columns: Row[] }>();
  useEffect(() => { if (data) form.setFieldsValue({ columns: data.columns }); }, [data, form]);
  const editable = !!data?.canEdit;

  const save = async (v: { columns: Row[] }) => {
    if (!data) return;
    try {
      await api.put('/api/news/columns', { version: data.version, columns: v.columns.map((c) => ({ code: c.code, label: c.label, ...(c.labelEn ? { labelEn: c.labelEn } : {}) })) });
      void message.success(t('栏目已保存，门户已更新'));
      reload();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) { void message.warning(t('栏目已被他人修改，已刷新')); reload(); return; }
      if (!applyFormErrors(form, e)) report(e);
    }
  };

  return (
    <PageCard title={t('新闻栏目')} loading={loading && !data}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="info" showIcon message={t('每个栏目是本级门户网站的一个栏目；保存后门户随即更新。仍有新闻的栏目不能删除。')} />
        <Form form={form} name="newsColumns" layout="vertical" onFinish={save} disabled={!editable}>
          <Form.List name="columns">
            {(fields, { add, remove, move }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((f, i) => {
                  const row: Row | undefined = form.getFieldValue(['columns', f.name]);
                  const used = (row?.items ?? 0) > 0;
                  return (
                    <div key={f.key} data-testid={`column-row-${i}`} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-start', padding: mobile ? '8px 0' : 0, borderBottom: mobile ? '1px solid #f0f0f0' : undefined }}>
                      <Form.Item name={[f.name, 'label']} label={i === 0 || mobile ? t('栏目名称') : undefined} rules={[{ required: true, min: 2, max: 20, message: t('栏目名称为 2 到 20 个字') }]} style={{ margin: 0, flex: mobile ? '1 1 100%' : '0 0 200px' }}>
                        <Input maxLength={20} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'code']} label={i === 0 || mobile ? t('栏目代码') : undefined} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('栏目代码为小写英文字母开头') }]} style={{ margin: 0, flex: mobile ? '1 1 45%' : '0 0 160px' }}>
                        <Input maxLength={40} disabled={used || !editable} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'labelEn']} label={i === 0 || mobile ? t('英文名称') : undefined} style={{ margin: 0, flex: mobile ? '1 1 45%' : '0 0 180px' }}>
                        <Input maxLength={40} />
                      </Form.Item>
                      <Space style={{ marginTop: !mobile && i === 0 ? 30 : 0 }} wrap>
                        <Tag>{t('{n} 篇', { n: row?.items ?? 0 })}</Tag>
                        <Button aria-label={t('上移')} icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} />
                        <Button aria-label={t('下移')} icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} />
                        <Button aria-label={t('删除')} danger icon={<DeleteOutlined />} disabled={used || fields.length === 1} onClick={() => remove(f.name)} />
                      </Space>
                    </div>
                  );
                })}
                {editable && <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ code: '', label: '', items: 0 })} block={mobile} data-testid="add-column">{t('添加栏目')}</Button>}
              </Space>
            )}
          </Form.List>
          {editable ? (
            <Button type="primary" htmlType="submit" style={{ marginTop: 16 }} block={mobile} data-testid="save-columns">{t('保存')}</Button>
          ) : <Typography.Text type="secondary">{t('只有审核发布新闻的人员可以修改栏目。')}</Typography.Text>}
        </Form>
      </Space>
    </PageCard>
  );
}
