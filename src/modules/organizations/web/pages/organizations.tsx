/** 组织机构管理: the tree of CPPCC organisations, offices, committees and handling units; add and edit with version checks. */
import { useMemo, useState } from 'react';
import { App, Button, Col, Descriptions, Drawer, Empty, Form, Input, InputNumber, Row, Select, Space, Switch, Tag, Tree } from 'antd';
import { PlusOutlined, EditOutlined } from '@ant-design/icons';
import type { OrgTreeNode } from '../../contract.ts';
import { api, applyFormErrors } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';
import { flattenOrgs, useOrgTree } from '../org-select.tsx';
import { orgKindLabels, orgLevelLabels } from '../../domain/org-kinds.ts';

const kindLabels: Record<string, string> = orgKindLabels;
const levelLabels: Record<string, string> = orgLevelLabels;

interface TreeData { key: string; title: string; children: TreeData[] }
const toTree = (nodes: OrgTreeNode[]): TreeData[] => nodes.map((n) => ({ key: n.id, title: n.active ? n.name : `${n.name}（停用）`, children: toTree(n.children ?? []) }));

type Editing = { mode: 'create'; parent: OrgTreeNode } | { mode: 'edit'; org: OrgTreeNode };

export default function OrganizationsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const mobile = useIsMobile();
  const { data, loading, reload } = useOrgTree();
  const [selected, setSelected] = useState<string>();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const byId = useMemo(() => flattenOrgs(data?.items ?? []), [data]);
  const org = selected ? byId.get(selected) : undefined;
  const treeData = useMemo(() => toTree(data?.items ?? []), [data]);
  const defaultExpanded = useMemo(() => (data?.items ?? []).map((n) => n.id), [data]);

  const open = (e: Editing) => {
    setEditing(e);
    form.resetFields();
    if (e.mode === 'edit') form.setFieldsValue({ name: e.org.name, shortName: e.org.shortName, code: e.org.code, sort: e.org.sort, active: e.org.active });
    else form.setFieldsValue({ kind: 'gov_unit', sort: 0 });
  };

  const save = async (v: Record<string, any>) => {
    if (!editing) return;
    setBusy(true);
    try {
      if (editing.mode === 'create') {
        await api.post('/api/admin/organizations', { parentId: editing.parent.id, kind: v.kind, level: v.level || undefined, name: v.name, shortName: v.shortName || undefined, code: v.code || undefined, sort: v.sort ?? 0 });
      } else {
        await api.patch(`/api/admin/organizations/${editing.org.id}`, { version: editing.org.version, name: v.name, shortName: v.shortName || null, code: v.code || null, sort: v.sort ?? 0, active: v.active });
      }
      void message.success(t('已保存'));
      setEditing(null);
      reload();
    } catch (e) {
      if (!applyFormErrors(form, e)) report(e, { onReload: () => { setEditing(null); reload(); } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={[16, 0]}>
      <Col xs={24} md={10} lg={9}>
        <PageCard title={t('组织机构')} loading={loading}>
          {treeData.length ? (
            <Tree treeData={treeData} defaultExpandedKeys={defaultExpanded} selectedKeys={selected ? [selected] : []} onSelect={(k) => setSelected(k[0] as string)} blockNode
              height={mobile ? 360 : 620} />
          ) : <Empty description={t('暂无组织')} />}
        </PageCard>
      </Col>
      <Col xs={24} md={14} lg={15}>
        <PageCard title={org ? org.name : t('组织详情')} extra={org && (
          <Space wrap>
            {org.actions.includes('addChild') && <Button icon={<PlusOutlined />} onClick={() => open({ mode: 'create', parent: org })}>{t('添加下级')}</Button>}
            {org.actions.includes('edit') && <Button type="primary" icon={<EditOutlined />} onClick={() => open({ mode: 'edit', org })}>{t('编辑')}</Button>}
          </Space>
        )}>
          {org ? (
            <Descriptions column={1} bordered items={[
              { key: 'name', label: t('名称'), children: org.name },
              { key: 'short', label: t('简称'), children: org.shortName ?? '—' },
              { key: 'kind', label: t('类型'), children: t(kindLabels[org.kind] ?? org.kind) },
              { key: 'level', label: t('层级'), children: org.level ? t(levelLabels[org.level] ?? org.level) : '—' },
              { key: 'code', label: t('编码'), children: org.code ?? '—' },
              { key: 'parent', label: t('上级组织'), children: org.parentId ? byId.get(org.parentId)?.name ?? '—' : '—' },
              { key: 'children', label: t('下级数量'), children: org.children?.length ?? 0 },
              { key: 'active', label: t('状态'), children: org.active ? <Tag color="green">{t('启用')}</Tag> : <Tag>{t('停用')}</Tag> },
            ]} />
          ) : <Empty description={t('在左侧选择一个组织查看详情')} />}
        </PageCard>
      </Col>
      <Drawer open={!!editing} onClose={() => setEditing(null)} size={mobile ? '100%' : 480} destroyOnHidden
        title={editing?.mode === 'create' ? t('在「{name}」下添加组织', { name: editing.parent.name }) : t('编辑组织')}
        extra={<Button type="primary" loading={busy} onClick={() => form.submit()}>{t('保存')}</Button>}>
        <Form form={form} layout="vertical" onFinish={save}>
          {editing?.mode === 'create' && (
            <>
              <Form.Item name="kind" label={t('类型')} rules={[{ required: true, message: t('请选择类型') }]}>
                <Select options={Object.entries(kindLabels).filter(([k]) => k !== 'cppcc').map(([value, label]) => ({ value, label: t(label) }))} />
              </Form.Item>
              <Form.Item name="level" label={t('层级')}>
                <Select allowClear options={Object.entries(levelLabels).map(([value, label]) => ({ value, label: t(label) }))} />
              </Form.Item>
            </>
          )}
          <Form.Item name="name" label={t('名称')} rules={[{ required: true, message: t('请输入名称') }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="shortName" label={t('简称')}><Input maxLength={40} /></Form.Item>
          <Form.Item name="code" label={t('编码')}><Input maxLength={40} /></Form.Item>
          <Form.Item name="sort" label={t('排序')}><InputNumber min={0} max={100000} style={{ width: '100%' }} /></Form.Item>
          {editing?.mode === 'edit' && <Form.Item name="active" label={t('启用')} valuePropName="checked"><Switch /></Form.Item>}
        </Form>
      </Drawer>
    </Row>
  );
}
