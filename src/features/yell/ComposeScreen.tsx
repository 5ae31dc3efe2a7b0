import { useId, useMemo, useState, type FormEvent } from 'react';
import { useLocation, useSearch as useQueryString } from 'wouter';
import { useT } from '../../i18n/language';
import { yellWords } from './words';
import { useProblem } from '../../i18n/problems/use-problem';
import { useUi } from '../../ui/ui-store';
import type { AppDb } from '../../db/schema';
import { fullName, type DirectoryRecord } from '../../domain/staff';
import { charCount } from '../../domain/text';
import { suggestColleagues, tokyoDay, countSentOnDay, YELL_LIMITS, type YellVisibility } from '../../domain/yells';
import { Avatar } from '../../ui/Avatar';
import { unitShort } from '../../ui/unit-label';
import type { DirectoryView } from '../../ui/use-directory';
import { useSearch } from '../directory/public';
import '../../ui/people.css';
import { sendYell } from './commands';
import { useYells, type YellView } from './use-yells';
import './yell.css';

/** Search results offered as recipients at once; typing more narrows them. */
const MATCHES_SHOWN = 6;

interface Props {
  db: AppDb;
  directory: DirectoryView | undefined;
  selfId: string;
}

/** R1, R4: pick up to 10 people, a value, a message (counted as typed), public or private; works offline. */
export function ComposeScreen({ db, directory, selfId }: Props) {
  const t = useT(yellWords);
  const say = useProblem();
  const view = useYells(db, selfId);
  const query = new URLSearchParams(useQueryString());
  const preselected = query.get('to');
  const [, navigate] = useLocation();
  const online = useUi((s) => s.online);
  const [to, setTo] = useState<string[]>(() => (preselected && preselected !== selfId ? [preselected] : []));
  const [search, setSearch] = useState('');
  const [value, setValue] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [visibility, setVisibility] = useState<YellVisibility>('public');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { search: useId(), message: useId(), counter: useId(), error: useId(), value: useId(), vis: useId() };

  const matches = useSearch(db, directory, search);
  const length = charCount(message.trim());
  const over = length > YELL_LIMITS.message;
  const full = to.length >= YELL_LIMITS.recipients;
  const chosenValue = value ?? view?.settings.values[0]?.id ?? '';
  const left = view ? remainingToday(view, selfId) : null;

  const add = (id: string) => {
    setError(null);
    setTo((list) =>
      list.includes(id) || id === selfId || list.length >= YELL_LIMITS.recipients ? list : [...list, id],
    );
  };
  const remove = (id: string) => setTo((list) => list.filter((x) => x !== id));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    let moved = false;
    const result = await sendYell(
      db,
      selfId,
      { to, message, value: chosenValue, visibility },
      {
        // What this screen shows is what the device holds: no second read before the write.
        ...(view && left ? { facts: { settings: view.settings, sentToday: left.sent } } : {}),
        onValidated: () => {
          moved = true;
          navigate('/yells/sent');
        },
      },
    );
    // Gone to the sent list already: a failed write is told there.
    if (moved) return;
    setBusy(false);
    if (!result.ok) setError(say(result.problem));
  }

  const person = (id: string) => directory?.byId.get(id);
  const found =
    search.trim() === ''
      ? []
      : (matches ?? []).filter((r) => r.id !== selfId && !to.includes(r.id)).slice(0, MATCHES_SHOWN);

  return (
    <section className="people-page yell-page" aria-labelledby="compose-title">
      <h1 id="compose-title">{t.yell.compose}</h1>
      {!online && <p className="notice">{t.yell.offlineNote}</p>}
      <form className="yell-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>
            {t.yell.recipients}{' '}
            <span className="muted">{t.yell.recipientsCount(to.length, YELL_LIMITS.recipients)}</span>
          </legend>
          {to.length > 0 && (
            <ul className="recipient-chips" aria-label={t.yell.recipients}>
              {to.map((id) => {
                const r = person(id);
                const name = r ? fullName(r) : t.yell.unknownPerson;
                return (
                  <li key={id} className="chip recipient-chip">
                    {name}
                    <button type="button" aria-label={t.yell.removeRecipient(name)} onClick={() => remove(id)}>
                      ×
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <label htmlFor={ids.search}>{t.yell.recipientSearch}</label>
          <input
            id={ids.search}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            autoComplete="off"
            disabled={full}
          />
          {full && <p className="muted">{t.yell.recipientsFull(YELL_LIMITS.recipients)}</p>}
          {found.length > 0 && (
            <ul className="recipient-matches" aria-label={t.yell.recipientSearch}>
              {found.map((r) => (
                <li key={r.id}>
                  <PersonButton
                    record={r}
                    note={directory ? unitShort(directory.units, r.unitId) : ''}
                    onPick={() => {
                      add(r.id);
                      setSearch('');
                    }}
                  />
                </li>
              ))}
            </ul>
          )}
          {search.trim() !== '' && matches !== null && found.length === 0 && <p className="muted">{t.yell.noMatch}</p>}
          {view && directory && (
            <Suggestions view={view} directory={directory} selfId={selfId} chosen={to} onPick={add} disabled={full} />
          )}
        </fieldset>

        <fieldset>
          <legend>{t.yell.value}</legend>
          <div className="yell-values">
            {(view?.settings.values ?? []).map((x) => (
              <label key={x.id} className="yell-value-option">
                <input
                  type="radio"
                  name={ids.value}
                  value={x.id}
                  checked={chosenValue === x.id}
                  onChange={() => setValue(x.id)}
                />
                {x.label}
              </label>
            ))}
          </div>
        </fieldset>

        <div className="people-field">
          <label htmlFor={ids.message}>{t.yell.message}</label>
          <textarea
            id={ids.message}
            value={message}
            rows={4}
            onChange={(e) => {
              setMessage(e.target.value);
              setError(null);
            }}
            aria-invalid={over}
            aria-describedby={ids.counter}
          />
          <span id={ids.counter} className={over ? 'error' : 'muted'} aria-live="polite">
            {over ? t.yell.over(YELL_LIMITS.message) : t.common.charsLeft(YELL_LIMITS.message - length)}
          </span>
        </div>

        <fieldset>
          <legend>{t.yell.visibility}</legend>
          <label className="yell-vis-option">
            <input
              type="radio"
              name={ids.vis}
              checked={visibility === 'public'}
              onChange={() => setVisibility('public')}
            />
            {t.yell.public}
            <span className="muted">{t.yell.publicHint}</span>
          </label>
          <label className="yell-vis-option">
            <input
              type="radio"
              name={ids.vis}
              checked={visibility === 'private'}
              onChange={() => setVisibility('private')}
            />
            {t.yell.private}
            <span className="muted">{t.yell.privateHint}</span>
          </label>
        </fieldset>

        {left !== null && (
          <p className={left.left > 0 ? 'muted' : 'error'}>
            {left.left > 0 ? t.yell.capLeft(left.left, left.cap) : t.yell.capReached(left.cap)}
          </p>
        )}
        {error && (
          <p id={ids.error} className="error" role="alert">
            {error}
          </p>
        )}
        <p className="yell-submit">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || to.length === 0 || length === 0 || over || chosenValue === '' || left?.left === 0}
          >
            {t.yell.send}
          </button>
          <button type="button" className="button" onClick={() => navigate('/yells')}>
            {t.yell.cancel}
          </button>
        </p>
      </form>
    </section>
  );
}

/** The cap as this device can tell it (the server has the last word: see sentTodayOnDevice). */
function remainingToday(view: YellView, selfId: string): { left: number; cap: number; sent: number } {
  const now = new Date();
  const cap = view.settings.dailyCap;
  const counted = countSentOnDay(
    view.yells.filter((y) => y.rejected === null),
    selfId,
    now,
  );
  const server = view.me && tokyoDay(new Date(view.me.fetchedAt)) === tokyoDay(now) ? view.me.me.sentToday : 0;
  const pendingToday = countSentOnDay(
    view.yells.filter((y) => y.pending && y.version === 0),
    selfId,
    now,
  );
  const sent = Math.max(counted - pendingToday, server) + pendingToday;
  return { left: Math.max(0, cap - sent), cap, sent };
}

function PersonButton({ record, note, onPick }: { record: DirectoryRecord; note: string; onPick: () => void }) {
  const t = useT(yellWords);
  return (
    <button type="button" className="person-pick" onClick={onPick}>
      <Avatar record={record} size={28} />
      <span>
        {fullName(record)}
        <span className="muted"> {note}</span>
      </span>
      <span className="visually-hidden">{t.yell.addRecipient}</span>
    </button>
  );
}

/** R4: colleagues from my section and people I exchange エール with who have not received one lately. */
function Suggestions({
  view,
  directory,
  selfId,
  chosen,
  onPick,
  disabled,
}: {
  view: YellView;
  directory: DirectoryView;
  selfId: string;
  chosen: readonly string[];
  onPick: (id: string) => void;
  disabled: boolean;
}) {
  const t = useT(yellWords);
  const suggestions = useMemo(() => {
    const self = directory.byId.get(selfId);
    if (!self) return [];
    const stored = view.yells.filter((y) => y.version > 0);
    const lastReceivedAt = new Map<string, string>();
    const lastSentByMeAt = new Map<string, string>();
    const exchanged = new Set<string>();
    for (const y of stored) {
      for (const id of y.to) {
        if ((lastReceivedAt.get(id) ?? '') < y.createdAt) lastReceivedAt.set(id, y.createdAt);
        if (y.from === selfId) {
          exchanged.add(id);
          if ((lastSentByMeAt.get(id) ?? '') < y.createdAt) lastSentByMeAt.set(id, y.createdAt);
        }
      }
      if (y.to.includes(selfId)) exchanged.add(y.from);
    }
    return suggestColleagues({
      selfId,
      sectionMembers: directory.records.filter((r) => r.unitId === self.unitId).map((r) => r.id),
      exchangedWith: [...exchanged].filter((id) => directory.byId.has(id)),
      lastReceivedAt,
      lastSentByMeAt,
      now: new Date(),
      limit: 5,
    });
  }, [view.yells, directory, selfId]);
  const shown = suggestions.filter((s) => !chosen.includes(s.staffId));
  return (
    <section className="yell-suggestions" aria-labelledby="yell-suggestions-title">
      <h2 id="yell-suggestions-title">{t.yell.suggestions}</h2>
      {shown.length === 0 ? (
        <p className="muted">{t.yell.suggestionsNone}</p>
      ) : (
        <ul className="recipient-matches">
          {shown.map((s) => {
            const r = directory.byId.get(s.staffId);
            if (!r) return null;
            const why = s.reason === 'section' ? t.yell.reasonSection : t.yell.reasonExchanged;
            const since = s.daysSinceReceived === null ? t.yell.neverReceived : t.yell.daysSince(s.daysSinceReceived);
            return (
              <li key={s.staffId}>
                <button type="button" className="person-pick" onClick={() => onPick(s.staffId)} disabled={disabled}>
                  <Avatar record={r} size={28} />
                  <span>
                    {fullName(r)}
                    <span className="muted"> {t.yell.suggestionLine(why, since)}</span>
                  </span>
                  <span className="visually-hidden">{t.yell.addRecipient}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
