/** 历年履职: a small ECharts chart of a member's figures over the years (bars for counts, a line for points). */
import { useEffect, useMemo, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { TrendPoint } from '../contract.ts';
import { useI18n } from '../../../kernel/web/i18n.tsx';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Clicking a year opens that year's record. */
export function TrendChart({ trend, year, onYear, height = 240 }: { trend: TrendPoint[]; year: number; onYear: (y: number) => void; height?: number }) {
  const { t } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>(undefined);
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 11 } },
    grid: { left: 32, right: 36, top: 44, bottom: 24 },
    xAxis: { type: 'category', data: trend.map((p) => String(p.year)), axisLabel: { formatter: (v: string) => (Number(v) === year ? `{b|${v}}` : v), rich: { b: { fontWeight: 'bold', color: '#b71c1c' } } } },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', name: t('信息积分'), splitLine: { show: false } }],
    series: [
      { name: t('领衔提案'), type: 'bar', data: trend.map((p) => p.led), itemStyle: { color: '#b71c1c' } },
      { name: t('附议提案'), type: 'bar', data: trend.map((p) => p.cosigned), itemStyle: { color: '#e57373' } },
      { name: t('报送篇数'), type: 'bar', data: trend.map((p) => p.reports), itemStyle: { color: '#1565c0' } },
      { name: t('被采用'), type: 'bar', data: trend.map((p) => p.adopted), itemStyle: { color: '#64b5f6' } },
      { name: t('信息积分'), type: 'line', yAxisIndex: 1, data: trend.map((p) => p.points), itemStyle: { color: '#f9a825' } },
    ],
  }), [trend, year, t]);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current);
    chart.current = c;
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => { window.removeEventListener('resize', resize); c.dispose(); };
  }, []);
  useEffect(() => { chart.current?.setOption(option, true); }, [option]);
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    const h = (p: { dataIndex: number }) => { const y = trend[p.dataIndex]?.year; if (y) onYear(y); };
    c.on('click', h as never);
    return () => { c.off('click', h as never); };
  }, [trend, onYear]);
  return <div ref={el} role="img" aria-label={t('历年履职情况')} data-testid="record-trend" style={{ width: '100%', height }} />;
}
