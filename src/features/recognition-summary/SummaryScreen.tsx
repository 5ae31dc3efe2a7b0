import { useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { useT } from '../../i18n/language';
import { summaryWords } from './words';
import type { AppDb } from '../../db/schema';
import type { Role } from '../../domain/org';
import type { RecognitionSummary } from '../../domain/yell-aggregate';
import type { DirectoryView } from '../../ui/use-directory';
import '../../ui/people.css';
import '../yell/public';
import { SummaryChart, type Series } from './SummaryCharts';
import { useSummary } from './use-summary';
import './summary.css';

interface Props {
  db: AppDb;
  directory: DirectoryView | undefined;
  role: Role;
}

/**
 * R3: totals, the share of エール that cross departments (the KPI on horizontal ties), by value, by
 * 部 and by month. Managers see their own 部 (the server decides which), HR any 部 or everyone.
 * Counts of units only: no person is counted or ranked here.
 */
export function SummaryScreen({ db, directory, role }: Props) {
  const t = useT(summaryWords);
  if (role !== 'manager' && role !== 'hr') {
    return (
      <section className="people-page" aria-labelledby="summary-title">
        <h1 id="summary-title">{t.summary.title}</h1>
        <p role="alert">{t.summary.notAllowed}</p>
        <Link href="/yells">{t.summary.yellsLink}</Link>
      </section>
    );
  }
  return <Allowed db={db} directory={directory} role={role} />;
}

function Allowed({ db, directory, role }: Props) {
  const t = useT(summaryWords);
  const [unitId, setUnitId] = useState<string | null>(null);
  const view = useSummary(db, unitId);
  const selectId = useId();
  const departments = useMemo(
    () =>
      [...(directory?.units.values() ?? [])]
        .filter((u) => u.kind === 'bu')
        .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'ja')),
    [directory],
  );
  const s = view.summary;
  return (
    <section className="people-page summary-page" aria-labelledby="summary-title">
      <h1 id="summary-title">{t.summary.title}</h1>
      <p className="people-lead">{t.summary.lead}</p>
      {role === 'hr' && (
        <p>
          <Link href="/admin/settings">{t.summary.adminLink}</Link>
        </p>
      )}
      {role === 'hr' && (
        <div className="people-field">
          <label htmlFor={selectId}>{t.summary.scope}</label>
          <select
            id={selectId}
            value={unitId ?? ''}
            onChange={(e) => setUnitId(e.target.value === '' ? null : e.target.value)}
          >
            <option value="">{t.summary.wholeOrg}</option>
            {departments.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {view.state === 'forbidden' ? (
        <p role="alert">{t.summary.notAllowed}</p>
      ) : s === null ? (
        <p className="muted">
          {view.state === 'loading' ? t.common.loading : view.state === 'failed' ? t.summary.failed : t.summary.notYet}
        </p>
      ) : (
        <>
          {(view.state === 'offline' || view.state === 'failed') && (
            <p className="notice">{view.state === 'offline' ? t.summary.offline : t.summary.failed}</p>
          )}
          <Figures summary={s} fetchedAt={view.fetchedAt} />
        </>
      )}
    </section>
  );
}

function Figures({ summary: s, fetchedAt }: { summary: RecognitionSummary; fetchedAt: number | null }) {
  const t = useT(summaryWords);
  const values = useMemo(
    () => ({
      labels: s.byValue.map((x) => x.label),
      series: [{ label: t.summary.count, data: s.byValue.map((x) => x.count) }],
    }),
    [s, t],
  );
  const departments = useMemo(
    () => ({
      labels: s.byDepartment.map((d) => d.name),
      series: [
        { label: t.summary.received, data: s.byDepartment.map((d) => d.received) },
        { label: t.summary.sent, data: s.byDepartment.map((d) => d.sent) },
      ],
    }),
    [s, t],
  );
  const months = useMemo(
    () => ({
      labels: s.byMonth.map((m) => monthLabel(m.month)),
      series: [
        { label: t.summary.count, data: s.byMonth.map((m) => m.count) },
        { label: t.summary.crossCol, data: s.byMonth.map((m) => m.crossDepartment) },
      ],
    }),
    [s, t],
  );
  return (
    <>
      <h2 className="summary-scope">{s.scope.unitId === null ? t.summary.orgScope : s.scope.name}</h2>
      {fetchedAt !== null && <p className="muted">{t.summary.fetchedAt(dateTime(fetchedAt))}</p>}
      <dl className="summary-kpis">
        <div>
          <dt>{t.summary.total}</dt>
          <dd>{t.summary.countUnit(s.total)}</dd>
        </div>
        <div>
          <dt>{t.summary.crossDepartment}</dt>
          <dd>{t.summary.countUnit(s.crossDepartment)}</dd>
        </div>
        <div className="summary-kpi--main">
          <dt>{t.summary.crossShare}</dt>
          <dd data-testid="cross-share">{t.summary.percent(s.crossDepartmentShare)}</dd>
        </div>
      </dl>

      <Breakdown
        title={t.summary.byValue}
        kind="bar"
        horizontal
        rowHeader={t.summary.valueCol}
        labels={values.labels}
        series={values.series}
      />
      <Breakdown
        title={t.summary.byDepartment}
        kind="bar"
        horizontal
        rowHeader={t.summary.departmentCol}
        labels={departments.labels}
        series={departments.series}
      />
      <Breakdown
        title={t.summary.byMonth}
        kind="line"
        rowHeader={t.summary.month}
        labels={months.labels}
        series={months.series}
      />
    </>
  );
}

interface BreakdownProps {
  title: string;
  kind: 'bar' | 'line';
  horizontal?: boolean;
  /** The heading of the table's first column (what each row is). */
  rowHeader: string;
  labels: string[];
  series: Series[];
}

/** One breakdown as a chart and, from the same figures, the table a screen reader reads instead. */
function Breakdown({ title, kind, horizontal = false, rowHeader, labels, series }: BreakdownProps) {
  const t = useT(summaryWords);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <SummaryChart
        kind={kind}
        horizontal={horizontal}
        labels={labels}
        series={series}
        description={t.summary.chartOf(title)}
      />
      <table className="summary-table">
        <caption>{t.summary.tableOf(title)}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {series.map((x) => (
              <th scope="col" key={x.label}>
                {x.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((label, row) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {series.map((x) => (
                <td key={x.label}>{x.data[row]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** '2026-11' → '2026/11'. */
function monthLabel(month: string): string {
  return month.replace('-', '/');
}

/** Epoch ms → '11/22 14:05' (device time). */
function dateTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getMonth() + 1}/${d.getDate()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
