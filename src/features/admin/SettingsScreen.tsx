import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import * as v from 'valibot';
import { useT } from '../../app/i18n/language';
import { dexieNominationCache, readAwards } from '../../db/nominations';
import type { AppDb } from '../../db/schema';
import { dexieYellCache, readSettings } from '../../db/yells';
import { AwardsConfigSchema, type Award } from '../../domain/nominations';
import type { Role } from '../../domain/org';
import { RecognitionSettingsSchema, type RecognitionSettings, type YellValue } from '../../domain/yells';
import { TransportError } from '../../sync/ports';
import '../peers/people.css';
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
  const t = useT();
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

function errorMessage(e: unknown, offline: string): string {
  if (e instanceof TransportError) return e.code === 'offline' ? offline : e.message;
  return offline;
}

function YellSettingsForm({ db, initial }: { db: AppDb; initial: RecognitionSettings }) {
  const t = useT();
  const [values, setValues] = useState<YellValue[]>(() => initial.values.map((x) => ({ ...x })));
  const [cap, setCap] = useState(String(initial.dailyCap));
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const capId = useId();

  async function save() {
    const parsed = v.safeParse(RecognitionSettingsSchema, { values, dailyCap: Number(cap) });
    if (!parsed.success) return setState({ kind: 'error', message: parsed.issues[0]?.message ?? t.admin.invalid });
    const api = getAdminApi();
    if (!api) return setState({ kind: 'error', message: t.admin.needsConnection });
    setState({ kind: 'saving' });
    try {
      const saved = await api.saveRecognitionSettings(parsed.output);
      await dexieYellCache(db).saveSettings(saved);
      setState({ kind: 'saved' });
    } catch (e) {
      setState({ kind: 'error', message: errorMessage(e, t.admin.needsConnection) });
    }
  }

  return (
    <form
      className="admin-form"
      // The schema's Japanese message, not the browser's tooltip, explains a value out of range.
      noValidate
      aria-labelledby="admin-yell-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="admin-yell-title">{t.admin.yellTitle}</h2>
      <p className="muted">{t.admin.valuesHint}</p>
      <ul className="admin-list">
        {values.map((value, i) => (
          <li key={value.id}>
            <input
              aria-label={t.admin.valueLabel(i + 1)}
              value={value.label}
              maxLength={40}
              onChange={(e) => setValues(values.map((x) => (x.id === value.id ? { ...x, label: e.target.value } : x)))}
            />
            <button
              type="button"
              className="button"
              disabled={values.length <= 1}
              aria-label={t.admin.removeNamed(value.label)}
              onClick={() => setValues(values.filter((x) => x.id !== value.id))}
            >
              {t.admin.remove}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={() => setValues([...values, { id: newId('v'), label: '' }])}>
        {t.admin.addValue}
      </button>
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
      <SaveRow state={state} label={t.admin.saveYell} />
    </form>
  );
}

function AwardsForm({ db, initial }: { db: AppDb; initial: readonly Award[] }) {
  const t = useT();
  const [awards, setAwards] = useState<Award[]>(() => initial.map((x) => ({ ...x })));
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  async function save() {
    const parsed = v.safeParse(AwardsConfigSchema, { awards });
    if (!parsed.success) return setState({ kind: 'error', message: parsed.issues[0]?.message ?? t.admin.invalid });
    const api = getAdminApi();
    if (!api) return setState({ kind: 'error', message: t.admin.needsConnection });
    setState({ kind: 'saving' });
    try {
      const saved = await api.saveAwards(parsed.output);
      await dexieNominationCache(db).saveAwards(saved);
      setState({ kind: 'saved' });
    } catch (e) {
      setState({ kind: 'error', message: errorMessage(e, t.admin.needsConnection) });
    }
  }

  return (
    <form
      className="admin-form"
      // The schema's Japanese message, not the browser's tooltip, explains a value out of range.
      noValidate
      aria-labelledby="admin-awards-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="admin-awards-title">{t.admin.awardsTitle}</h2>
      <p className="muted">{t.admin.awardsHint}</p>
      <ul className="admin-list">
        {awards.map((award, i) => (
          <li key={award.id}>
            <input
              aria-label={t.admin.awardLabel(i + 1)}
              value={award.label}
              maxLength={60}
              onChange={(e) => setAwards(awards.map((x) => (x.id === award.id ? { ...x, label: e.target.value } : x)))}
            />
            <button
              type="button"
              className="button"
              disabled={awards.length <= 1}
              aria-label={t.admin.removeNamed(award.label)}
              onClick={() => setAwards(awards.filter((x) => x.id !== award.id))}
            >
              {t.admin.remove}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={() => setAwards([...awards, { id: newId('a'), label: '' }])}>
        {t.admin.addAward}
      </button>
      <SaveRow state={state} label={t.admin.saveAwards} />
    </form>
  );
}

function SaveRow({ state, label }: { state: SaveState; label: string }) {
  const t = useT();
  return (
    <div className="admin-save">
      <button type="submit" className="button button--primary" disabled={state.kind === 'saving'}>
        {state.kind === 'saving' ? t.admin.saving : label}
      </button>
      {state.kind === 'saved' && <p role="status">{t.admin.saved}</p>}
      {state.kind === 'error' && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}
