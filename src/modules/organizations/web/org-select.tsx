/** 组织选择: a tree select over the organisations the administrator may see, for user and unit forms. */
import { TreeSelect } from 'antd';
import type { OrgTreeNode } from '../contract.ts';
import { useApiQuery } from '../../../kernel/web/hooks.ts';
import { useI18n } from '../../../kernel/web/i18n.tsx';

interface TreeOption { value: string; title: string; children: TreeOption[] }

function toOptions(nodes: OrgTreeNode[]): TreeOption[] {
  return nodes.map((n) => ({ value: n.id, title: n.name, children: toOptions(n.children ?? []) }));
}

export function useOrgTree() {
  return useApiQuery<{ items: OrgTreeNode[] }>('/api/admin/organizations');
}

export function flattenOrgs(nodes: OrgTreeNode[], out: Map<string, OrgTreeNode> = new Map()): Map<string, OrgTreeNode> {
  for (const n of nodes) { out.set(n.id, n); flattenOrgs(n.children ?? [], out); }
  return out;
}

export function OrgTreeSelect({ value, onChange, placeholder, allowClear, id }: { value?: string; onChange?: (v: string) => void; placeholder?: string; allowClear?: boolean; id?: string }) {
  const { t } = useI18n();
  const { data, loading } = useOrgTree();
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={onChange}
      loading={loading}
      treeData={toOptions(data?.items ?? [])}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear={allowClear}
      placeholder={placeholder ?? t('选择组织')}
      treeDefaultExpandAll={false}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
