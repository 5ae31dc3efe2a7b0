import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type ReactNode } from 'react';
import * as v from 'valibot';
import { useT } from '../../i18n/language';
import { adminWords } from './words';
import { useProblem } from '../../i18n/problems/use-problem';
import { problemOfIssues } from '../../domain/issues';
import type { Problem, Refusal } from '../../domain/problems';
import { dexieNominationCache, readAwards } from '../../db/nominations';
import type { AppDb } from '../../db/schema';
import { dexieYellCache, readSettings } from '../../db/yells';
import { AwardsConfigSchema, type Award } from '../../domain/nominations';
import type { Role } from '../../domain/org';
import { RecognitionSettingsSchema, type RecognitionSettings } from '../../domain/yells';
import { TransportError } from '../../sync/ports';
import '../../ui/people.css';
import { getAdminApi } from './admin-source';
import './admin.css';

interface Props {
  db: AppDb;
  role: Role;
}

/**
 * HR's settings of the organisation: the エール values (R1), the daily sending cap (R4) and the
 * awards (C1). These change the rules for everyone, so they are saved online only, checked with
 * the same schemas as the server, and the device copy changes only once the server has taken them.
 */
export function SettingsScreen({ db, role }: Props) {
  const t = useT(adminWords);
  const settings = useLiveQuery(() => readSettings(db), [db]);
  const awards = useLiveQuery(() => readAwards(db), [db]);
  if (role !== 'hr') {
    return (
      <section className="people-page" aria-labelledby="admin-title">
        <h1 id="admin-title">{t.admin.title}</h1>
        <p role="alert">{t.admin.notAllowed}</p>
      </section>
    );
  }
  return (
    <section className="people-page admin-page" aria-labelledby="admin-title">
      <h1 id="admin-title">{t.admin.title}</h1>
      <p className="people-lead">{t.admin.lead}</p>
      {settings === undefined || awards === undefined ? (
        <p className="muted">{t.common.loading}</p>
      ) : (
        <>
          <YellSettingsForm db={db} initial={settings} />
          <AwardsForm db={db} initial={awards} />
        </>
      )}
    </section>
  );
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/** A new tag's id: stable once made (aggregates count under it), never shown to anyone. */
function newId(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

/** What an エール value and an award both are; the server's schemas check the rest. */
interface Labelled {
  id: string;
  label: string;
}

interface LabelListFormProps {
  title: string;
  hint: string;
  initial: readonly Labelled[];
  idPrefix: string;
  maxLength: number;
  itemLabel: (n: number) => string;
  addLabel: string;
  saveLabel: string;
  /** Fields beside the list (the daily cap), inside the same form. */
  children?: ReactNode;
  /**
   * Checks the items with the server's schema and saves them: a string is the message of the first
   * problem, nothing sent; otherwise what the server took goes to the device copy.
   */
  save: (items: Labelled[]) => Promise<Refusal | null>;
}

/** A list of named tags (エール values and awards have just this shape) that HR renames, adds and removes, then saves. */
function LabelListForm(props: LabelListFormProps) {
  const t = useT(adminWords);
  const say = useProblem();
  const [items, setItems] = useState<Labelled[]>(() => props.initial.map((x) => ({ ...x })));
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const titleId = useId();

  async function submit() {
    setState({ kind: 'saving' });
    try {
      const problem = await props.save(items);
      setState(problem === null ? { kind: 'saved' } : { kind: 'error', message: say(problem) });
    } catch (e) {
      const offline = !(e instanceof TransportError) || e.code === 'offline';
      setState({ kind: 'error', message: offline ? t.admin.needsConnection : say(e.refusal) });
    }
  }

  return (
    <form
      className="admin-form"
      // The schema's Japanese message, not the browser's tooltip, explains a value out of range.
      noValidate
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      <p className="muted">{props.hint}</p>
      <ul className="admin-list">
        {items.map((item, i) => (
          <li key={item.id}>
            <input
              aria-label={props.itemLabel(i + 1)}
              value={item.label}
              maxLength={props.maxLength}
              onChange={(e) => setItems(items.map((x) => (x.id === item.id ? { ...x, label: e.target.value } : x)))}
            />
            <button
              type="button"
              className="button"
              disabled={items.length <= 1}
              aria-label={t.admin.removeNamed(item.label)}
              onClick={() => setItems(items.filter((x) => x.id !== item.id))}
            >
              {t.admin.remove}
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button"
        onClick={() => setItems([...items, { id: newId(props.idPrefix), label: '' }])}
      >
        {props.addLabel}
      </button>
      {props.children}
      <div className="admin-save">
        <button type="submit" className="button button--primary" disabled={state.kind === 'saving'}>
          {state.kind === 'saving' ? t.admin.saving : props.saveLabel}
        </button>
        {state.kind === 'saved' && <p role="status">{t.admin.saved}</p>}
        {state.kind === 'error' && (
          <p className="error" role="alert">
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}

/** The first problem the schema finds, or the parsed value. */
function check<T>(schema: v.GenericSchema<unknown, T>, input: unknown): { ok: T } | { problem: Problem } {
  const parsed = v.safeParse(schema, input);
  return parsed.success ? { ok: parsed.output } : { problem: problemOfIssues(parsed.issues) };
}

function YellSettingsForm({ db, initial }: { db: AppDb; initial: RecognitionSettings }) {
  const t = useT(adminWords);
  const [cap, setCap] = useState(String(initial.dailyCap));
  const capId = useId();
  return (
    <LabelListForm
      title={t.admin.yellTitle}
      hint={t.admin.valuesHint}
      initial={initial.values}
      idPrefix="v"
      maxLength={40}
      itemLabel={t.admin.valueLabel}
      addLabel={t.admin.addValue}
      saveLabel={t.admin.saveYell}
      save={async (values) => {
        const r = check(RecognitionSettingsSchema, { values, dailyCap: Number(cap) });
        if ('problem' in r) return r.problem;
        const api = getAdminApi();
        if (!api) return { message: t.admin.needsConnection };
        await dexieYellCache(db).saveSettings(await api.saveRecognitionSettings(r.ok));
        return null;
      }}
    >
      <div className="people-field">
        <label htmlFor={capId}>{t.admin.dailyCap}</label>
        <input
          id={capId}
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          value={cap}
          onChange={(e) => setCap(e.target.value)}
        />
      </div>
    </LabelListForm>
  );
}

function AwardsForm({ db, initial }: { db: AppDb; initial: readonly Award[] }) {
  const t = useT(adminWords);
  return (
    <LabelListForm
      title={t.admin.awardsTitle}
      hint={t.admin.awardsHint}
      initial={initial}
      idPrefix="a"
      maxLength={60}
      itemLabel={t.admin.awardLabel}
      addLabel={t.admin.addAward}
      saveLabel={t.admin.saveAwards}
      save={async (awards) => {
        const r = check(AwardsConfigSchema, { awards });
        if ('problem' in r) return r.problem;
        const api = getAdminApi();
        if (!api) return { message: t.admin.needsConnection };
        await dexieNominationCache(db).saveAwards(await api.saveAwards(r.ok));
        return null;
      }}
    />
  );
}
