import { useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { useT } from '../../app/i18n/language';
import type { AppDb } from '../../db/schema';
import type { Role } from '../../domain/org';
import type { RecognitionSummary } from '../../domain/yell-aggregate';
import type { DirectoryView } from '../directory/use-directory';
import '../peers/people.css';
import '../yell/yell.css';
import { SummaryChart } from './SummaryCharts';
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
  const t = useT();
  if (role !== 'manager' && role !== 'hr') {
    return (
      <section className="people-page" aria-labelledby="summary-title">
        <h1 id="summary-title">{t.summary.title}</h1>
        <p role="alert">{t.summary.notAllowed}</p>
        <Link href="/yells">{t.yell.title}</Link>
      </section>
    );
  }
  return <Allowed db={db} directory={directory} role={role} />;
}

function Allowed({ db, directory, role }: Props) {
  const t = useT();
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
          <Link href="/admin/settings">{t.admin.link}</Link>
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
  const t = useT();
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
      <h2 className="summary-scope">{s.scope.name}</h2>
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

      <section aria-labelledby="summary-by-value">
        <h2 id="summary-by-value">{t.summary.byValue}</h2>
        <SummaryChart
          kind="bar"
          horizontal
          labels={values.labels}
          series={values.series}
          description={t.summary.chartOf(t.summary.byValue)}
        />
        <table className="summary-table">
          <caption>{t.summary.tableOf(t.summary.byValue)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.summary.valueCol}</th>
              <th scope="col">{t.summary.count}</th>
            </tr>
          </thead>
          <tbody>
            {s.byValue.map((x) => (
              <tr key={x.value}>
                <th scope="row">{x.label}</th>
                <td>{x.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="summary-by-department">
        <h2 id="summary-by-department">{t.summary.byDepartment}</h2>
        <SummaryChart
          kind="bar"
          horizontal
          labels={departments.labels}
          series={departments.series}
          description={t.summary.chartOf(t.summary.byDepartment)}
        />
        <table className="summary-table">
          <caption>{t.summary.tableOf(t.summary.byDepartment)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.summary.departmentCol}</th>
              <th scope="col">{t.summary.received}</th>
              <th scope="col">{t.summary.sent}</th>
            </tr>
          </thead>
          <tbody>
            {s.byDepartment.map((d) => (
              <tr key={d.unitId}>
                <th scope="row">{d.name}</th>
                <td>{d.received}</td>
                <td>{d.sent}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="summary-by-month">
        <h2 id="summary-by-month">{t.summary.byMonth}</h2>
        <SummaryChart
          kind="line"
          labels={months.labels}
          series={months.series}
          description={t.summary.chartOf(t.summary.byMonth)}
        />
        <table className="summary-table">
          <caption>{t.summary.tableOf(t.summary.byMonth)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.summary.month}</th>
              <th scope="col">{t.summary.count}</th>
              <th scope="col">{t.summary.crossCol}</th>
            </tr>
          </thead>
          <tbody>
            {s.byMonth.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthLabel(m.month)}</th>
                <td>{m.count}</td>
                <td>{m.crossDepartment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
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
