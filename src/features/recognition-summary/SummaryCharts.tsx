import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'react';

// Only what these charts draw, so the chunk carries no unused chart types.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

const COLORS = ['#1f5f8b', '#c46b1b', '#3b8b5a', '#7a4fa0', '#b3261e', '#5b6570'];

export interface Series {
  label: string;
  data: number[];
}

interface Props {
  kind: 'bar' | 'line';
  labels: string[];
  series: Series[];
  /** What the chart shows, for screen readers; the table beside it carries the figures. */
  description: string;
  horizontal?: boolean;
}

/** One chart.js chart on a canvas. The canvas is an image to screen readers; the figures are in a table. */
export function SummaryChart({ kind, labels, series, description, horizontal = false }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    // No 2D context (jsdom, a locked-down browser): the table alone tells the figures.
    if (!el || !el.getContext('2d')) return;
    const config: ChartConfiguration<'bar' | 'line'> = {
      type: kind,
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.data,
          backgroundColor: COLORS[i % COLORS.length],
          borderColor: COLORS[i % COLORS.length],
        })),
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: series.length > 1 } },
        scales: { [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    };
    const chart = new Chart(el, config);
    return () => chart.destroy();
  }, [kind, labels, series, horizontal]);
  const height = horizontal ? Math.max(160, labels.length * 28 + 60) : 220;
  return (
    <div className="summary-chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={description} />
    </div>
  );
}
