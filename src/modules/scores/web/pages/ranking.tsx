/**
 * 积分排名 (staff and leaders): the year's scores of every member, ranked over the CPPCC, filtered by 界别, 专门委员会,
 * 等次 and name (in the address), the grade distribution as a chart, Excel export and, for the office, 重新计算.
 * A table on wide screens, a list of cards on phones; a row opens the member's score.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Form, Input, List, Select, Space, Table, Tag, Typography, message } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import type { RankingResponse, RankingRow } from '../../contract.ts';
import { api, toQueryString } from '../../../../kernel/web/api.ts';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile, useReportError } from '../../../../kernel/web/hooks.ts';
import { PageCard, formatDateTime } from '../../../../kernel/web/components.tsx';
import { EChart } from '../../../../kernel/web/chart.tsx';

const keys = ['year', 'sector', 'committee', 'grade', 'q'] as const;
type Options = { currentYear: number; years: number[]; sectors: Array<{ id: string; name: string }>; committees: Array<{ id: string; name: string }>; canManage: boolean };

export default function RankingPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const report = useReportError();
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string | undefined> = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, loading, reload } = useApiQuery<RankingResponse>('/api/scores', { ...filters, page, pageSize });
  const options = useApiQuery<Options>('/api/scores/options');
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  const apply = (next: Record<string, unknown>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
    setParams(p);
  };
  const recompute = async () => {
    setBusy(true);
    try {
      const r = await api.post<{ members: number; ms: number }>('/api/scores/recompute', { year: data?.year ?? options.data?.currentYear });
      message.success(t('已重新计算 {n} 名委员的积分', { n: r.members }));
      reload();
    } catch (e) { report(e); } finally { setBusy(false); }
  };
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, bottom: 4, top: 16, containLabel: true },
    xAxis: { type: 'category', data: (data?.distribution ?? []).map((d) => t(d.label)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: t('人数'), type: 'bar', data: (data?.distribution ?? []).map((d) => d.count), label: { show: true, position: 'top' }, itemStyle: { color: '#b71c1c' } }],
  }), [data, t]);
  const columns: ColumnsType<RankingRow> = [
    { title: t('名次'), dataIndex: 'rank', key: 'rank', width: 70 },
    { title: t('姓名'), dataIndex: 'name', key: 'name', render: (v, r) => <Link to={`/scores/members/${encodeURIComponent(r.userId)}?year=${data?.year ?? ''}`}>{v}</Link> },
    { title: t('界别'), dataIndex: 'sectorName', key: 'sector', render: (v) => v ?? '—' },
    { title: t('积分'), dataIndex: 'total', key: 'total', width: 90, align: 'right' },
    { title: t('等次'), dataIndex: 'grade', key: 'grade', width: 100, render: (v) => <Tag>{t(v)}</Tag> },
  ];
  const pagination = {
    current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !mobile, showTotal: (n: number) => t('共 {n} 人', { n }),
    onChange: (p: number, s: number) => apply({ ...filters, page: p, pageSize: s }),
  };
  const exportUrl = `/api/scores/export.xlsx${toQueryString({ ...filters })}`;

  const controls = (
      <Space wrap>
        <Button icon={<DownloadOutlined />} href={exportUrl}>{t('导出 Excel')}</Button>
        {options.data?.canManage && <Button icon={<ReloadOutlined />} loading={busy} onClick={recompute}>{t('重新计算')}</Button>}
      </Space>
  );
  return (
    <PageCard title={t('积分排名')} wrapTitle extra={mobile ? undefined : controls}>
      {mobile && <div style={{ marginBottom: 12 }}>{controls}</div>}
      <Form form={form} layout={mobile ? 'vertical' : 'inline'} initialValues={filters} onFinish={(v) => apply(v)} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="year" label={t('年度')}>
          <Select style={{ width: mobile ? '100%' : 110 }} placeholder={String(data?.year ?? '')} allowClear options={(options.data?.years ?? []).map((y) => ({ value: String(y), label: String(y) }))} />
        </Form.Item>
        <Form.Item name="sector" label={t('界别')}>
          <Select style={{ width: mobile ? '100%' : 180 }} allowClear showSearch optionFilterProp="label" options={(options.data?.sectors ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="committee" label={t('专门委员会')}>
          <Select style={{ width: mobile ? '100%' : 180 }} allowClear options={(options.data?.committees ?? []).map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="grade" label={t('等次')}>
          <Select style={{ width: mobile ? '100%' : 110 }} allowClear options={(data?.distribution ?? []).map((d) => ({ value: d.label, label: t(d.label) }))} />
        </Form.Item>
        <Form.Item name="q" label={t('姓名')}><Input allowClear style={{ width: mobile ? '100%' : 120 }} /></Form.Item>
        <Form.Item><Button type="primary" htmlType="submit">{t('查询')}</Button></Form.Item>
      </Form>
      {data?.stale && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('积分规则已修改，排名仍按第 {v} 版计算，请重新计算', { v: data.ruleVersion ?? 0 })} />}
      {data && (
        <Card size="small" title={t('{y}年度等次分布', { y: data.year })} style={{ marginBottom: 12 }}
          extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('平均 {avg} 分；低于最低分 {min} 分：{n} 人', { avg: data.average ?? '—', min: data.minimum, n: data.belowMinimum })}</Typography.Text>}>
          <EChart label={t('等次分布')} height={mobile ? 200 : 240} option={option} testId="grade-distribution" />
          {data.computedAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('计算时间 {at}，规则第 {v} 版', { at: formatDateTime(data.computedAt), v: data.ruleVersion ?? 0 })}</Typography.Text>}
        </Card>
      )}
      {mobile ? (
        <List loading={loading} dataSource={data?.items ?? []} pagination={{ ...pagination, size: 'small', simple: true }}
          renderItem={(r) => (
            <List.Item extra={<span style={{ fontSize: 20, fontWeight: 600, color: '#b71c1c' }}>{r.total}</span>}>
              <List.Item.Meta title={<Link to={`/scores/members/${encodeURIComponent(r.userId)}?year=${data?.year ?? ''}`}>{`${r.rank}. ${r.name}`}</Link>}
                description={<Space size={4} wrap><Tag>{t(r.grade)}</Tag>{r.sectorName && <span>{r.sectorName}</span>}</Space>} />
            </List.Item>
          )} />
      ) : (
        <Table<RankingRow> rowKey="userId" size="middle" loading={loading} dataSource={data?.items ?? []} columns={columns} pagination={pagination} scroll={{ x: 'max-content' }} />
      )}
    </PageCard>
  );
}
