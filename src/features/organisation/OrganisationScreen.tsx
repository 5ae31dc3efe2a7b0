import { useId, useMemo, useState } from 'react';
import type { OrgUnit, UnitKind } from '../../domain/org';
import { readCsv } from '../../domain/csv/read';
import type { OrgChange } from '../../domain/organisation/batch';
import { ORG_PATHS, type OrgApplyAnswer, type OrgPreview } from '../../domain/organisation/protocol';
import type { Refusal } from '../../domain/problems';
import { useT } from '../../i18n/language';
import { useProblem } from '../../i18n/problems/use-problem';
import { CsvExport } from '../../ui/csv-export/CsvExport';
import { TransportError } from '../../sync/ports';
import '../../ui/people.css';
import { changesOf, TEMPLATE_ROWS } from './changes-csv';
import { getOrganisationApi } from './organisation-source';
import { organisationWords } from './words';

interface Props {
  role: string;
  /** The units on the device (the directory's), undefined while it is read. */
  units: OrgUnit[] | undefined;
}

type State =
  | { kind: 'editing' }
  | { kind: 'busy' }
  | { kind: 'previewed'; preview: OrgPreview }
  | { kind: 'done'; answer: OrgApplyAnswer; effective: string }
  | { kind: 'failed'; refusal: Refusal };

/** Units as an indented list: 部, then its 課, then their 係, in display order. */
function treeRows(units: readonly OrgUnit[]): { unit: OrgUnit; depth: number }[] {
  const out: { unit: OrgUnit; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of units.filter((x) => x.parentId === parent).sort((a, b) => a.order - b.order)) {
      out.push({ unit: u, depth });
      if (depth < 3) walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

function todayJst(): string {
  return new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A4: HR stages a batch (from the form or a CSV of changes), previews it (every change's problem
 * and a summary: nothing changes yet), then applies it; a batch dated ahead is scheduled for its
 * day. Names are shown as text (React escapes them: a name like `<script>` is just characters).
 */
export function OrganisationScreen({ role, units }: Props) {
  const t = useT(organisationWords).organisation;
  const say = useProblem();
  const ids = useId();
  const [effective, setEffective] = useState(todayJst);
  const [changes, setChanges] = useState<OrgChange[]>([]);
  const [state, setState] = useState<State>({ kind: 'editing' });
  const [csvError, setCsvError] = useState<string | null>(null);
  const [form, setForm] = useState({
    op: 'add' as OrgChange['op'],
    id: '',
    kind: 'kakari' as UnitKind,
    name: '',
    kana: '',
    parent: '',
    into: '',
  });
  const rows = useMemo(() => (units ? treeRows(units) : []), [units]);

  if (role !== 'hr') {
    return (
      <section className="people-page" aria-labelledby={`${ids}-title`}>
        <h1 id={`${ids}-title`}>{t.title}</h1>
        <p role="alert">{t.notAllowed}</p>
      </section>
    );
  }

  const stage = (next: OrgChange[]) => {
    setChanges(next);
    setState({ kind: 'editing' });
  };
  const addFromForm = () => {
    const f = form;
    const id = f.id.trim();
    const parentId = f.parent.trim() || null;
    const change: OrgChange =
      f.op === 'add'
        ? { op: 'add', id, kind: f.kind, name: f.name, kana: f.kana, parentId }
        : f.op === 'rename'
          ? { op: 'rename', id, name: f.name, ...(f.kana !== '' && { kana: f.kana }) }
          : f.op === 'move'
            ? { op: 'move', id, parentId }
            : f.op === 'merge'
              ? { op: 'merge', id, into: f.into.trim() }
              : { op: 'abolish', id };
    stage([...changes, change]);
  };
  const readFile = async (file: File) => {
    const read = readCsv(new Uint8Array(await file.arrayBuffer()));
    if (!read.ok) return setCsvError(say(read.problem));
    const got = changesOf(read.table);
    if (!got.ok) return setCsvError(t.csvBad(got.line, got.column, got.value));
    setCsvError(null);
    stage(got.changes);
  };
  const send = async <T,>(path: string, body: unknown): Promise<T | null> => {
    const api = getOrganisationApi();
    if (!api) {
      setState({ kind: 'failed', refusal: { code: 'sync.offline' } });
      return null;
    }
    try {
      return (await api.post(path, body)) as T;
    } catch (e) {
      setState({
        kind: 'failed',
        refusal: e instanceof TransportError && e.refusal ? e.refusal : { code: 'api.internal' },
      });
      return null;
    }
  };
  const check = async () => {
    setState({ kind: 'busy' });
    const preview = await send<OrgPreview>(ORG_PATHS.batches, { effective, changes });
    if (preview) setState({ kind: 'previewed', preview });
  };
  const apply = async (preview: OrgPreview) => {
    setState({ kind: 'busy' });
    const answer = await send<OrgApplyAnswer>(ORG_PATHS.apply(preview.batchId), {});
    if (answer) {
      setState({ kind: 'done', answer, effective: preview.effective });
      setChanges([]);
    }
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const describe = (c: OrgChange) =>
    c.op === 'add'
      ? `${t.op.add} ${c.id} ${t.kind[c.kind] ?? ''} ${c.name} → ${c.parentId ?? '—'}`
      : c.op === 'rename'
        ? `${t.op.rename} ${c.id} → ${c.name}`
        : c.op === 'move'
          ? `${t.op.move} ${c.id} → ${c.parentId ?? '—'}`
          : c.op === 'merge'
            ? `${t.op.merge} ${c.id} → ${c.into}`
            : `${t.op.abolish} ${c.id}`;

  return (
    <section className="people-page admin-page" aria-labelledby={`${ids}-title`}>
      <h1 id={`${ids}-title`}>{t.title}</h1>
      <p className="people-lead">{t.lead}</p>

      <h2>{t.tree}</h2>
      {units === undefined ? (
        <p>{t.loading}</p>
      ) : (
        <ul aria-label={t.tree}>
          {rows.map(({ unit, depth }) => (
            <li key={unit.id} style={{ marginInlineStart: `${depth * 1.25}rem` }}>
              {unit.name}{' '}
              <span className="muted">
                {t.kind[unit.kind]} · {unit.id}
              </span>
            </li>
          ))}
        </ul>
      )}

      <label>
        {t.effective} <input type="date" value={effective} onChange={(e) => setEffective(e.target.value)} />
      </label>

      <fieldset>
        <legend>{t.stageTitle}</legend>
        <label>
          {t.opLabel}{' '}
          <select value={form.op} onChange={set('op')}>
            {(['add', 'rename', 'move', 'merge', 'abolish'] as const).map((op) => (
              <option key={op} value={op}>
                {t.op[op]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.unit} <input value={form.id} onChange={set('id')} />
        </label>
        {form.op === 'add' && (
          <label>
            {t.kindLabel}{' '}
            <select value={form.kind} onChange={set('kind')}>
              {(['bu', 'ka', 'kakari'] as const).map((k) => (
                <option key={k} value={k}>
                  {t.kind[k]}
                </option>
              ))}
            </select>
          </label>
        )}
        {(form.op === 'add' || form.op === 'rename') && (
          <>
            <label>
              {t.name} <input value={form.name} onChange={set('name')} />
            </label>
            <label>
              {t.kana} <input value={form.kana} onChange={set('kana')} />
            </label>
          </>
        )}
        {(form.op === 'add' || form.op === 'move') && (
          <label>
            {t.parent} <input value={form.parent} onChange={set('parent')} />
          </label>
        )}
        {form.op === 'merge' && (
          <label>
            {t.into} <input value={form.into} onChange={set('into')} />
          </label>
        )}
        <button type="button" onClick={addFromForm} disabled={form.id.trim() === ''}>
          {t.add}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t.csvTitle}</legend>
        <p className="muted">{t.csvColumns}</p>
        <label>
          {t.csvFile}{' '}
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => e.target.files?.[0] && void readFile(e.target.files[0])}
          />
        </label>
        {csvError && <p role="alert">{csvError}</p>}
        <CsvExport fileName={t.template} rows={() => TEMPLATE_ROWS} />
      </fieldset>

      <h2>{t.staged(changes.length)}</h2>
      {changes.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ol>
          {changes.map((c, i) => (
            <li key={i}>
              {describe(c)}{' '}
              <button type="button" onClick={() => stage(changes.filter((_, k) => k !== i))}>
                {t.remove(i + 1)}
              </button>
            </li>
          ))}
        </ol>
      )}
      <button type="button" onClick={() => void check()} disabled={changes.length === 0 || state.kind === 'busy'}>
        {state.kind === 'busy' ? t.checking : t.check}
      </button>

      {state.kind === 'previewed' && (
        <section aria-label={t.summaryTitle}>
          <h2>{t.summaryTitle}</h2>
          <p>{t.summary(state.preview.summary)}</p>
          {state.preview.future && <p>{t.future(state.preview.effective)}</p>}
          {state.preview.problems.length === 0 ? (
            <>
              <p>{t.noProblems}</p>
              <button type="button" onClick={() => void apply(state.preview)}>
                {t.apply}
              </button>
            </>
          ) : (
            <>
              <ul>
                {state.preview.problems.map((p, i) => (
                  <li key={i}>
                    {p.line > 0 && `${t.line(p.line)}: `}
                    {say(p.problem)}
                  </li>
                ))}
              </ul>
              <p role="alert">{t.hasProblems}</p>
            </>
          )}
        </section>
      )}
      {state.kind === 'done' && (
        <p role="status">{state.answer.status === 'scheduled' ? t.scheduled(state.effective) : t.applied}</p>
      )}
      {state.kind === 'failed' && <p role="alert">{say(state.refusal)}</p>}
    </section>
  );
}
