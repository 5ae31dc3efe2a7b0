import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

// Only the bar chart, so this chunk carries no other chart type. chart.js comes with the results
// views' own chunk: no other screen loads it for them.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

interface Props {
  labels: readonly string[];
  /** null: a hidden figure, drawn as no bar (the table beside says why). */
  data: readonly (number | null)[];
  /** What the chart shows, for screen readers; the table beside it carries the figures. */
  description: string;
}

/** A horizontal bar chart on a canvas: an image to screen readers, with the figures in a table beside it. */
export function BarChart({ labels, data, description }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    // No 2D context (jsdom, a locked-down browser): the table alone tells the figures.
    if (!el || !el.getContext('2d')) return;
    const chart = new Chart(el, {
      type: 'bar',
      data: { labels: [...labels], datasets: [{ data: [...data], backgroundColor: '#1f5f8b' }] },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [labels, data]);
  return (
    <div className="survey-results-chart" style={{ height: Math.max(140, labels.length * 30 + 40) }}>
      <canvas ref={canvas} role="img" aria-label={description} />
    </div>
  );
}
