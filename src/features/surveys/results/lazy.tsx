import { lazy } from 'react';

/**
 * The results views as lazy components, for a route that wants each in its own chunk: chart.js
 * comes with the question view, the t distribution (stdlib, about 50 KB gzipped) with the effect
 * view only, and encoding-japanese with the first Shift_JIS export. Render them inside Suspense
 * (routes already are).
 */
export const LazyQuestionResultView = lazy(() =>
  import('./QuestionResultView').then((m) => ({ default: m.QuestionResultView })),
);
export const LazyKpiDashboard = lazy(() => import('./KpiDashboard').then((m) => ({ default: m.KpiDashboard })));
export const LazyEffectView = lazy(() => import('./EffectView').then((m) => ({ default: m.EffectView })));
export const LazyCsvExport = lazy(() =>
  import('../../../ui/csv-export/CsvExport').then((m) => ({ default: m.CsvExport })),
);
