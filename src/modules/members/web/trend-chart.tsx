/** 历年履职: a small chart of a member's figures over the years (bars for counts, a line for points). */
import { useCallback, useMemo } from 'react';
import type { TrendPoint } from '../contract.ts';
import { useI18n } from '../../../kernel/web/i18n.tsx';
import { EChart } from '../../../kernel/web/chart.tsx';

/** Clicking a year opens that year's record. */
export function TrendChart({ trend, year, onYear, height = 240 }: { trend: TrendPoint[]; year: number; onYear: (y: number) => void; height?: number }) {
  const { t } = useI18n();
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
  const onClick = useCallback((i: number) => { const y = trend[i]?.year; if (y) onYear(y); }, [trend, onYear]);
  return <EChart option={option} height={height} onClick={onClick} label={t('历年履职情况')} testId="record-trend" />;
}
