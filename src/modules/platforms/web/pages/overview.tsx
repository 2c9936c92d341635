/**
 * 有事来商量概览 (by county): for a working year, a grid of the counties, like a map of the city, each with its platforms,
 * consultations held, results and results implemented, every number a link to the list it counts; the city's total;
 * and a bar chart of the counties (ECharts). A county's staff see their own county only.
 */
import { Card, Col, Row, Select, Space, Statistic, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import type { Overview } from '../../contract.ts';
import type { Figure } from '../../../../kernel/universal/figures.ts';
import { toQueryString } from '../../../../kernel/web/api.ts';
import { EChart } from '../../../../kernel/web/chart.tsx';
import { useI18n } from '../../../../kernel/web/i18n.tsx';
import { useApiQuery, useIsMobile } from '../../../../kernel/web/hooks.ts';
import { PageCard } from '../../../../kernel/web/components.tsx';

const href = (f: Figure) => `${f.list?.web ?? ''}${toQueryString(f.list?.query ?? {})}`;

export default function PlatformsOverviewPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? undefined;
  const { data, loading } = useApiQuery<Overview>('/api/platforms/overview', { year });
  const current = data?.year ?? Number(year ?? 0);
  const years = current ? Array.from({ length: 6 }, (_, i) => current + 1 - i) : [];

  const series = ['有事来商量平台', '开展协商活动', '形成协商成果', '推动成果落实'];
  const option = data && {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: series.map((s) => t(s)) },
    grid: { left: 40, right: 16, bottom: mobile ? 60 : 30, top: mobile ? 64 : 40 },
    xAxis: { type: 'category', data: data.counties.map((c) => c.countyName.replace(/政协$/, '')), axisLabel: { rotate: mobile ? 60 : 0, interval: 0 } },
    yAxis: { type: 'value' },
    series: series.map((s, i) => ({ name: t(s), type: 'bar', data: data.counties.map((c) => c.figures[i].value) })),
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageCard loading={loading && !data} title={t('有事来商量概览')} extra={
        <Select value={current || undefined} style={{ width: 120 }} onChange={(y) => setParams({ year: String(y) })}
          options={years.map((y) => ({ value: y, label: t('{y} 年度', { y }) }))} aria-label={t('年度')} />
      }>
        {data && (
          <>
            <Typography.Paragraph type="secondary">{t('工作年度 {from} 至 {to}', { from: data.from, to: data.to })}</Typography.Paragraph>
            <Row gutter={[12, 12]} data-testid="overview-total">
              {data.total.map((f) => (
                <Col key={f.key} xs={12} md={6}>
                  <Card size="small" hoverable onClick={() => navigate(href(f))}>
                    <Statistic title={t(f.label)} value={f.value} suffix={t(f.unit)} />
                  </Card>
                </Col>
              ))}
            </Row>
          </>
        )}
      </PageCard>
      {data && (
        <Card size="small" title={t('各县（区）')}>
          <Row gutter={[12, 12]}>
            {data.counties.map((c) => (
              <Col key={c.countyId} xs={12} sm={12} lg={8} xl={6}>
                <Card size="small" title={c.countyName} data-testid="county-cell" styles={{ body: { padding: 12 } }}>
                  <Row gutter={[8, 8]}>
                    {c.figures.map((f) => (
                      <Col key={f.key} xs={24} sm={12}>
                        <a href={href(f)} onClick={(e) => { e.preventDefault(); navigate(href(f)); }} style={{ display: 'block' }}>
                          <div style={{ fontSize: 12, color: '#666' }}>{t(f.label)}</div>
                          <div style={{ fontSize: mobile ? 16 : 20, fontWeight: 600 }}>{f.value.toLocaleString('zh-CN')}</div>
                        </a>
                      </Col>
                    ))}
                  </Row>
                </Card>
              </Col>
            ))}
          </Row>
        </Card>
      )}
      {option && data.counties.length > 0 && (
        <Card size="small" title={t('各县（区）对比')}>
          <EChart option={option} height={mobile ? 360 : 340} label={t('各县（区）有事来商量对比')} testId="overview-chart" />
        </Card>
      )}
    </Space>
  );
}
