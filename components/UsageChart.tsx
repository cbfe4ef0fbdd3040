import { useMemo } from 'react';
import type { ChartModel } from '@/lib/export/usage-chart';
import { useI18n } from './i18n';

/**
 * Daily active users as an inline SVG line chart (no library, prints sharply): the y axis from 0
 * to a round maximum, a few dated ticks on the x axis, labels in the locale's format. An empty
 * state when no usage was imported.
 */
export function UsageChart({ chart, peak }: { chart: ChartModel | null; peak: number }) {
  const { t, day, number, locale } = useI18n();
  const dayTick = useMemo(() => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }), [locale]);
  if (!chart) return <p className="muted chart-empty" data-testid="usage-chart-empty">{t('brief.notYet')}</p>;
  const { box, plot } = chart;
  const label = t('briefPage.chartLabel', { from: day(chart.from), to: day(chart.to), peak: number(peak) });
  return (
    <figure className="usage-chart">
      <svg data-testid="usage-chart" viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={label} xmlns="http://www.w3.org/2000/svg">
        <title>{label}</title>
        <g className="grid">
          {chart.yTicks.map((tick) => (
            <line key={tick.value} x1={plot.x0} x2={plot.x1} y1={tick.at} y2={tick.at} />
          ))}
        </g>
        <g className="axis-labels y" textAnchor="end">
          {chart.yTicks.map((tick) => (
            <text key={tick.value} x={plot.x0 - 6} y={tick.at} dominantBaseline="middle">{number(tick.value)}</text>
          ))}
        </g>
        <g className="axis-labels x" textAnchor="middle">
          {chart.xTicks.map((tick, i) => (
            <text key={tick.day} x={tick.at} y={plot.y0 + 18} textAnchor={i === 0 ? 'start' : i === chart.xTicks.length - 1 ? 'end' : 'middle'}>
              {dayTick.format(new Date(`${tick.day}T00:00:00Z`))}
            </text>
          ))}
        </g>
        <line className="axis" x1={plot.x0} x2={plot.x1} y1={plot.y0} y2={plot.y0} />
        <path className="area" d={chart.area} />
        <path className="line" d={chart.line} />
      </svg>
    </figure>
  );
}
