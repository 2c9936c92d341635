/**
 * 联名委员 on the proposal form: the invited co-signers as removable tags, and a drawer to find members of the CPPCC by
 * name, 界别 and 专委会 (GET /api/members/search) and pick several. Full width on phones, with large touch targets.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Drawer, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import type { MemberSearchGroups, MemberSearchItem, MemberSearchPage } from '../../../members/contract.ts';
import { api } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';

/** The API's limit on co-signers of one proposal (cosignerUserIds, at most 50). */
export const MAX_COSIGNERS = 50;
const PAGE = 20;

/** Someone already named (an edited draft's co-signers): id and name, and whether they have confirmed. */
export interface KnownCosigner { userId: string; name: string; confirmedAt?: string | null }

/** What the picker calls the people it picks: co-signers by default, plain members where it picks a home's or a meeting's members. */
export type PickerWording = 'cosigners' | 'members';

/**
 * A form control: value is the picked members' user ids (the invited co-signers, unless `wording` says members). `max`
 * is how many may be picked (the co-signers' limit unless the caller's API allows more, as a questionnaire's list does).
 */
export function CosignerField({ value, onChange, id, known = [], wording = 'cosigners', max = MAX_COSIGNERS }: { value?: string[]; onChange?: (v: string[]) => void; id?: string; known?: KnownCosigner[]; wording?: PickerWording; max?: number }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const report = useReportError();
  const picked = value ?? [];
  const [open, setOpen] = useState(false);
  const [names, setNames] = useState<Map<string, { name: string; sectorName: string | null }>>(new Map());
  useEffect(() => {
    if (!known.length) return;
    setNames((m) => { const n = new Map(m); for (const k of known) if (!n.has(k.userId)) n.set(k.userId, { name: k.name, sectorName: null }); return n; });
  }, [known]);
  const confirmed = new Map(known.map((k) => [k.userId, k.confirmedAt ?? null]));

  // the search: name (typed, then looked up after a pause), 界别, 专委会; pages are appended ("更多")
  const groups = useApiQuery<MemberSearchGroups>(open ? '/api/members/search/groups' : null);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [sector, setSector] = useState<string>();
  const [committee, setCommittee] = useState<string>();
  const [rows, setRows] = useState<MemberSearchItem[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  useEffect(() => { const h = setTimeout(() => setQ(typed.trim()), 300); return () => clearTimeout(h); }, [typed]);
  useEffect(() => { setPage(1); }, [q, sector, committee]);
  useEffect(() => {
    if (!open) return;
    const mine = ++seq.current;
    setLoading(true);
    api.get<MemberSearchPage>('/api/members/search', { q: q || undefined, sector, committee, page, pageSize: PAGE }).then((r) => {
      if (mine !== seq.current) return;
      setRows((old) => (page === 1 ? r.items : [...old, ...r.items]));
      setTotal(r.total);
      setNames((m) => { const n = new Map(m); for (const x of r.items) n.set(x.userId, { name: x.name, sectorName: x.sectorName }); return n; });
      setLoading(false);
    }, (e) => { if (mine === seq.current) { setLoading(false); report(e); } });
  }, [open, q, sector, committee, page]);

  const add = (userId: string) => { if (!picked.includes(userId) && picked.length < max) onChange?.([...picked, userId]); };
  const remove = (userId: string) => onChange?.(picked.filter((x) => x !== userId));
  const nameOf = (userId: string) => names.get(userId)?.name ?? t('（未知委员）');

  const chips = (closable: boolean) => picked.map((u) => (
    <Tag key={u} color={confirmed.get(u) ? 'green' : 'blue'} closable={closable} data-testid="cosigner-chip"
      closeIcon={<CloseOutlined aria-label={t('移除{name}', { name: nameOf(u) })} style={{ fontSize: 14, padding: mobile ? 6 : 2, margin: mobile ? -6 : -2, marginInlineStart: 2 }} />}
      onClose={(e) => { e.preventDefault(); remove(u); }} style={{ fontSize: 15, padding: '4px 10px', marginBottom: 6 }}>
      {nameOf(u)}{confirmed.get(u) ? t('（已确认）') : ''}
    </Tag>
  ));

  return (
    <div id={id}>
      <div>{picked.length ? chips(true) : <Typography.Text type="secondary">{wording === 'members' ? t('尚未选择委员') : t('尚未选择联名委员')}</Typography.Text>}</div>
      <Button icon={<UserAddOutlined />} size="large" block={mobile} onClick={() => setOpen(true)} data-testid="cosigner-picker-open" style={{ marginTop: 4 }}>
        {wording === 'members' ? (picked.length ? t('增减委员') : t('选择委员')) : (picked.length ? t('增减联名委员') : t('选择联名委员'))}
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} title={wording === 'members' ? t('选择委员') : t('选择联名委员')} size={mobile ? '100%' : 560} data-testid="cosigner-drawer"
        footer={<Button type="primary" size="large" block onClick={() => setOpen(false)} data-testid="cosigner-picker-done">{t('完成（已选 {n} 位）', { n: picked.length })}</Button>}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div>
            <Typography.Text type="secondary">{wording === 'members' ? t('已选 {n} 位，最多 {max} 位。', { n: picked.length, max }) : t('已选 {n} 位，最多 {max} 位；每位联名委员确认后，提案才能提交。', { n: picked.length, max })}</Typography.Text>
            {picked.length > 0 && <div style={{ marginTop: 6 }}>{chips(true)}</div>}
          </div>
          <Input.Search allowClear size="large" placeholder={t('按姓名搜索')} value={typed} onChange={(e) => setTyped(e.target.value)} onSearch={(v) => { setTyped(v); setQ(v.trim()); }}
            aria-label={t('按姓名搜索')} data-testid="cosigner-search" />
          <div style={{ display: 'flex', gap: 8, flexDirection: mobile ? 'column' : 'row' }}>
            <Select allowClear showSearch optionFilterProp="label" size="large" placeholder={t('全部界别')} value={sector} onChange={setSector} style={{ flex: 1, width: '100%' }}
              options={(groups.data?.sectors ?? []).map((s) => ({ value: s.id, label: s.name }))} aria-label={t('界别')} data-testid="cosigner-sector" />
            <Select allowClear showSearch optionFilterProp="label" size="large" placeholder={t('全部专委会')} value={committee} onChange={setCommittee} style={{ flex: 1, width: '100%' }}
              options={(groups.data?.committees ?? []).map((c) => ({ value: c.id, label: c.name }))} aria-label={t('专委会')} data-testid="cosigner-committee" />
          </div>
          <Typography.Text type="secondary">{t('共 {n} 位委员', { n: total })}</Typography.Text>
          <List loading={loading && page === 1} dataSource={rows} locale={{ emptyText: <Empty description={t('没有符合条件的委员')} /> }}
            renderItem={(x) => {
              const chosen = picked.includes(x.userId);
              return (
                <List.Item data-testid="cosigner-option" actions={[chosen
                  ? <Button key="r" size="large" icon={<CheckOutlined />} onClick={() => remove(x.userId)} aria-label={t('取消选择{name}', { name: x.name })}>{t('已选')}</Button>
                  : <Button key="a" size="large" type="primary" ghost disabled={picked.length >= max} onClick={() => add(x.userId)} aria-label={t('选择{name}', { name: x.name })}>{t('选择')}</Button>]}>
                  <List.Item.Meta title={<span style={{ fontSize: 16 }}>{x.name}</span>}
                    description={<Space wrap size={4}>{x.sectorName && <Tag>{x.sectorName}</Tag>}{x.committees.map((c) => <Tag key={c} icon={<TeamOutlined />}>{c}</Tag>)}</Space>} />
                </List.Item>
              );
            }} />
          {rows.length < total && <Button block size="large" loading={loading} onClick={() => setPage(page + 1)}>{t('更多')}</Button>}
        </Space>
      </Drawer>
    </div>
  );
}
