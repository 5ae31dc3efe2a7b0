import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useLocation, useSearch as useQueryString } from 'wouter';
import { useT } from '../../i18n/language';
import { nominationWords } from './words';
import { useProblem } from '../../i18n/problems/use-problem';
import { useUi } from '../../ui/ui-store';
import { deleteDraft, saveDraft } from '../../db/nominations';
import type { AppDb, NominationDraftRow } from '../../db/schema';
import { NOMINATION_LIMITS } from '../../domain/nominations';
import { fullName } from '../../domain/staff';
import { charCount } from '../../domain/text';
import { Avatar } from '../../ui/Avatar';
import { unitShort } from '../../ui/unit-label';
import type { DirectoryView } from '../../ui/use-directory';
import { useSearch } from '../directory/public';
import '../../ui/people.css';
import { sendNomination, type NominationDraft } from './commands';
import './nominations.css';
import { longDate, useNames } from './parts';
import { useNominations } from './use-nominations';

/** One draft per device: what is being written survives a reload, offline too, until it is sent. */
export const DRAFT_ID = 'draft';
const MATCHES_SHOWN = 6;

interface Props {
  db: AppDb;
  directory: DirectoryView | undefined;
  selfId: string;
}

const EMPTY: NominationDraft = { awardId: '', nominees: [], teamName: '', reason: '', yellIds: [] };

/**
 * C1: award, nominee(s) from the directory, a team name for two or more, the reason (counted as
 * typed), and エール to link from the nominees' エール on this device. `?nominee=` and `?yell=` start
 * the draft from a profile or an エール.
 */
export function NewNominationScreen({ db, directory, selfId }: Props) {
  const t = useT(nominationWords);
  const say = useProblem();
  const view = useNominations(db, selfId);
  const online = useUi((s) => s.online);
  const [, navigate] = useLocation();
  const query = new URLSearchParams(useQueryString());
  const stored = useLiveQuery(async () => (await db.nominationDrafts.get(DRAFT_ID)) ?? null, [db]);
  const [draft, setDraft] = useState<NominationDraft | null>(null);
  const [search, setSearch] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { award: useId(), search: useId(), team: useId(), reason: useId(), counter: useId(), error: useId() };
  const started = useRef(false);
  const name = useNames(directory);

  // The first time the stored draft is known: start from it, with what the link asked for added.
  const fromNominee = query.get('nominee');
  const fromYell = query.get('yell');
  const linkedYell = useLiveQuery(
    async () => (fromYell ? ((await db.yells.get(fromYell)) ?? null) : null),
    [db, fromYell],
  );
  useEffect(() => {
    if (started.current || stored === undefined || linkedYell === undefined) return;
    started.current = true;
    const base: NominationDraft = stored ? pick(stored) : EMPTY;
    const add = [
      ...(fromNominee ? [fromNominee] : []),
      ...(linkedYell ? linkedYell.to.filter((id) => id !== selfId) : []),
    ];
    const nominees = [...base.nominees, ...add.filter((id) => id !== selfId && !base.nominees.includes(id))].slice(
      0,
      NOMINATION_LIMITS.nominees,
    );
    const yellIds =
      linkedYell && !base.yellIds.includes(linkedYell.id) ? [...base.yellIds, linkedYell.id] : base.yellIds;
    setDraft({ ...base, nominees, yellIds });
  }, [stored, linkedYell, fromNominee, selfId]);

  // Kept on the device as typed (one small row), so nothing is lost to a reload or a closed tab.
  useEffect(() => {
    if (!draft) return;
    if (draft === EMPTY) return;
    void saveDraft(db, { id: DRAFT_ID, ...draft, updatedAt: Date.now() });
  }, [db, draft]);

  const nomineeYells = useLiveQuery(
    async () =>
      draft && draft.nominees.length > 0
        ? (await db.yells.where('to').anyOf(draft.nominees).toArray()).sort((a, b) =>
            a.createdAt < b.createdAt ? 1 : -1,
          )
        : [],
    [db, draft?.nominees.join(',')],
  );
  const matches = useSearch(db, directory, search);

  if (!view || !draft) return <p className="muted center">{t.common.loading}</p>;
  const awardId = draft.awardId || view.awards[0]?.id || '';
  const length = charCount(draft.reason.trim());
  const over = length > NOMINATION_LIMITS.reason;
  const team = draft.nominees.length > 1;
  const update = (patch: Partial<NominationDraft>) => {
    setError(null);
    setDraft((d) => (d ? { ...d, ...patch } : d));
  };
  const found =
    search.trim() === ''
      ? []
      : (matches ?? []).filter((r) => r.id !== selfId && !draft.nominees.includes(r.id)).slice(0, MATCHES_SHOWN);
  const uniqueYells = [...new Map((nomineeYells ?? []).map((y) => [y.id, y])).values()];

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    setBusy(true);
    const result = await sendNomination(db, DRAFT_ID, { ...draft, awardId });
    setBusy(false);
    if (!result.ok) return setError(say(result.problem));
    navigate(`/nominations/${result.value}`);
  }

  async function discard() {
    await deleteDraft(db, DRAFT_ID);
    setDraft(EMPTY);
  }

  return (
    <section className="people-page nominations-page" aria-labelledby="new-nomination-title">
      <h1 id="new-nomination-title">{t.nominations.newTitle}</h1>
      {!online && <p className="notice">{t.nominations.offlineNote}</p>}
      <form className="nomination-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="people-field">
          <label htmlFor={ids.award}>{t.nominations.award}</label>
          <select id={ids.award} value={awardId} onChange={(e) => update({ awardId: e.target.value })}>
            {view.awards.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </div>

        <fieldset className="nomination-fieldset">
          <legend>{t.nominations.nominees}</legend>
          {draft.nominees.length > 0 && (
            <ul className="chosen-list">
              {draft.nominees.map((id) => (
                <li key={id}>
                  <span>{name(id)}</span>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t.nominations.remove(name(id))}
                    onClick={() => update({ nominees: draft.nominees.filter((x) => x !== id) })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <label htmlFor={ids.search} className="visually-hidden">
            {t.nominations.searchNominee}
          </label>
          <input
            id={ids.search}
            type="search"
            value={search}
            placeholder={t.nominations.searchNominee}
            onChange={(e) => setSearch(e.target.value)}
            autoComplete="off"
            disabled={draft.nominees.length >= NOMINATION_LIMITS.nominees}
          />
          {found.length > 0 && (
            <ul className="match-list">
              {found.map((r) => (
                <li key={r.id}>
                  <button
                    type="button"
                    className="match-button"
                    onClick={() => {
                      update({ nominees: [...draft.nominees, r.id] });
                      setSearch('');
                    }}
                    aria-label={t.nominations.add(fullName(r))}
                  >
                    <Avatar record={r} size={28} />
                    <span>{fullName(r)}</span>
                    <span className="muted">{directory ? unitShort(directory.units, r.unitId) : ''}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </fieldset>

        <div className="people-field">
          <label htmlFor={ids.team}>{t.nominations.teamName}</label>
          <input
            id={ids.team}
            value={draft.teamName}
            onChange={(e) => update({ teamName: e.target.value })}
            aria-required={team}
            maxLength={NOMINATION_LIMITS.teamName * 2}
            autoComplete="off"
          />
          <span className="muted">{t.nominations.teamNameHint}</span>
        </div>

        <div className="people-field">
          <label htmlFor={ids.reason}>{t.nominations.reason}</label>
          <textarea
            id={ids.reason}
            value={draft.reason}
            onChange={(e) => update({ reason: e.target.value })}
            rows={8}
            aria-invalid={over}
            aria-describedby={ids.counter}
          />
          <span id={ids.counter} className={over ? 'error' : 'muted'} aria-live="polite">
            {t.nominations.chars(length, NOMINATION_LIMITS.reason)}
          </span>
        </div>

        <fieldset className="nomination-fieldset">
          <legend>{t.nominations.linkedYells}</legend>
          <p className="muted">{t.nominations.linkedYellsHint(NOMINATION_LIMITS.linkedYells)}</p>
          {uniqueYells.length === 0 ? (
            <p className="muted">{t.nominations.noYells}</p>
          ) : (
            <ul className="linked-yells">
              {uniqueYells.map((y) => {
                const checked = draft.yellIds.includes(y.id);
                const full = !checked && draft.yellIds.length >= NOMINATION_LIMITS.linkedYells;
                return (
                  <li key={y.id}>
                    <label className="linked-yell">
                      <input
                        type="checkbox"
                        checked={checked}
                        disabled={full}
                        onChange={() =>
                          update({
                            yellIds: checked ? draft.yellIds.filter((x) => x !== y.id) : [...draft.yellIds, y.id],
                          })
                        }
                      />
                      <span>
                        <span className="linked-yell-meta">
                          {name(y.from)} → {y.to.map(name).join(t.nominations.namesJoin)}
                          {t.nominations.metaSep}
                          {longDate(y.createdAt, t.nominations.date)}
                        </span>
                        <span className="linked-yell-message">{y.message}</span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          )}
        </fieldset>

        <p className="muted">{t.nominations.draftNote}</p>
        {error && (
          <p id={ids.error} className="error" role="alert">
            {error}
          </p>
        )}
        <div className="nomination-actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || draft.nominees.length === 0 || draft.reason.trim() === '' || over}
          >
            {t.nominations.submit}
          </button>
          <button type="button" className="button" onClick={() => void discard()}>
            {t.nominations.discardDraft}
          </button>
        </div>
      </form>
    </section>
  );
}

function pick(row: NominationDraftRow): NominationDraft {
  return {
    awardId: row.awardId,
    nominees: [...row.nominees],
    teamName: row.teamName,
    reason: row.reason,
    yellIds: [...row.yellIds],
  };
}
