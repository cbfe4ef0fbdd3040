import { dateOfDay, dayNumber } from '../calendar';

/** The chart's size and the room left around the plot for the axis labels, in SVG units. */
export interface ChartBox {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const DEFAULT_CHART_BOX: ChartBox = { width: 640, height: 220, top: 12, right: 16, bottom: 28, left: 48 };

export interface ChartTick {
  /** A value (y axis) or a `YYYY-MM-DD` day (x axis), formatted for the locale by the view. */
  value: number;
  day: string;
  /** Position along its axis, in SVG units. */
  at: number;
}

/** Everything the SVG needs, in SVG units: no formatting, no DOM. */
export interface ChartModel {
  box: ChartBox;
  /** The top of the y axis: a whole number of round steps at or above the highest value; at least 1. */
  yMax: number;
  /** The line, `M x y L x y …`. */
  line: string;
  /** The same line closed down to the x axis, for a light fill. */
  area: string;
  yTicks: ChartTick[];
  xTicks: ChartTick[];
  /** First and last day shown. */
  from: string;
  to: string;
  /** The plot area. */
  plot: { x0: number; x1: number; y0: number; y1: number };
}

/** The smallest of 1, 2, 5 × 10ⁿ (n ≥ 0) that is at least `value`: a tick step that reads well in whole users. */
export function niceStep(value: number): number {
  if (!(value > 1) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5]) if (step * power >= value) return step * power;
  return 10 * power;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A line chart of daily values ending on `lastDay` (oldest first, one per day), scaled into
 * `box`: x spans the days, y runs from 0 to a round maximum in about `yTicks` round steps, and
 * up to `xTickCount` evenly spaced day ticks (first and last day included). Null when there is
 * no day to draw.
 */
export function usageChart(values: readonly number[], lastDay: string, box: ChartBox = DEFAULT_CHART_BOX, yTicks = 4, xTickCount = 4): ChartModel | null {
  const n = values.length;
  const last = dayNumber(lastDay);
  if (n === 0 || Number.isNaN(last)) return null;
  const plot = { x0: box.left, x1: box.width - box.right, y0: box.height - box.bottom, y1: box.top };
  let max = 0;
  for (const v of values) if (Number.isFinite(v) && v > max) max = v;
  const step = niceStep(max / yTicks);
  const steps = Math.max(1, Math.ceil(max / step - 1e-9));
  const yMax = step * steps;
  const x = (i: number) => round1(n === 1 ? (plot.x0 + plot.x1) / 2 : plot.x0 + ((plot.x1 - plot.x0) * i) / (n - 1));
  const y = (v: number) => round1(plot.y0 - ((plot.y0 - plot.y1) * Math.max(0, Math.min(v, yMax))) / yMax);
  const first = last - n + 1;

  const parts: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? 0;
    parts[i] = `${i === 0 ? 'M' : 'L'}${x(i)} ${y(Number.isFinite(v) ? v : 0)}`;
  }
  const line = parts.join(' ');
  const area = `${line} L${x(n - 1)} ${plot.y0} L${x(0)} ${plot.y0} Z`;

  const yAxis: ChartTick[] = Array.from({ length: steps + 1 }, (_, k) => ({ value: step * k, day: '', at: y(step * k) }));
  const xCount = Math.min(xTickCount, n);
  const xTicks: ChartTick[] = Array.from({ length: xCount }, (_, k) => {
    const i = xCount === 1 ? n - 1 : Math.round(((n - 1) * k) / (xCount - 1));
    return { value: i, day: dateOfDay(first + i), at: x(i) };
  });
  return { box, yMax, line, area, yTicks: yAxis, xTicks, from: dateOfDay(first), to: lastDay, plot };
}
