import type { TrainingWords } from './words';

/** A YYYY-MM-DD day in the chosen language, with its weekday. */
export function formatDay(tr: TrainingWords['trainings'], day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return tr.date(y, m, d, tr.weekdays[weekday] ?? '');
}
