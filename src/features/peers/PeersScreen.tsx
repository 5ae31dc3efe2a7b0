import { useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { useT } from '../../i18n/language';
import { staffWords, tagName } from '../../i18n/staff-words';
import { peersWords } from './words';
import { DX_SKILLS } from '../../domain/org';
import { findPeers, helpQuery, skillTags, whoCanHelp } from '../../domain/peers';
import type { DirectoryView } from '../../ui/use-directory';
import { PersonCard } from '../../ui/PersonCard';
import '../../ui/people.css';

/** Helpers shown at first, and added per tap of もっと見る: 10,000 cards at once would stall a phone. */
const PAGE = 50;

interface Props {
  directory: DirectoryView | undefined;
  selfId: string;
}

/** D6: people in other 部 who share my skills or hobbies, and who can help with a skill. */
export function PeersScreen({ directory, selfId }: Props) {
  const t = useT(peersWords);
  return (
    <section className="people-page" aria-labelledby="peers-title">
      <h1 id="peers-title">{t.peers.title}</h1>
      <p className="people-lead">
        <Link href="/communities">{t.peers.communities}</Link>
      </p>
      {directory === undefined ? (
        <p className="muted">{t.common.loading}</p>
      ) : directory.records.length === 0 ? (
        <p className="muted">{t.common.notReceived}</p>
      ) : (
        <>
          <Suggestions directory={directory} selfId={selfId} />
          <WhoCanHelp directory={directory} selfId={selfId} />
        </>
      )}
    </section>
  );
}

function Suggestions({ directory, selfId }: { directory: DirectoryView; selfId: string }) {
  const t = useT(peersWords);
  const self = directory.byId.get(selfId);
  const peers = useMemo(
    () => (self ? findPeers(self, directory.records, directory.units) : []),
    [self, directory.records, directory.units],
  );
  return (
    <section aria-labelledby="suggest-title">
      <h2 id="suggest-title">{t.peers.suggestTitle}</h2>
      <p className="people-lead">{t.peers.suggestLead}</p>
      {peers.length === 0 ? (
        <p className="muted">
          {self && self.skills.length + self.hobbies.length === 0 ? t.peers.suggestNoTags : t.common.noneFound}
        </p>
      ) : (
        <ul className="person-list" aria-labelledby="suggest-title">
          {peers.map((p) => (
            <PersonCard key={p.record.id} record={p.record} units={directory.units}>
              <span className="person-card-note">{t.peers.shared([...p.sharedSkills, ...p.sharedHobbies])}</span>
            </PersonCard>
          ))}
        </ul>
      )}
    </section>
  );
}

function WhoCanHelp({ directory, selfId }: { directory: DirectoryView; selfId: string }) {
  const t = useT(peersWords, staffWords);
  const skillId = useId();
  const levelId = useId();
  const [skill, setSkill] = useState('');
  const [level, setLevel] = useState(1);
  const [shown, setShown] = useState(PAGE);
  const tags = useMemo(() => skillTags(directory.records).filter((t) => !isDx(t)), [directory.records]);
  const query = useMemo(() => helpQuery(skill, level), [skill, level]);
  const helpers = useMemo(
    () => (query ? whoCanHelp(query, directory.records, directory.units, selfId) : []),
    [query, directory.records, directory.units, selfId],
  );

  return (
    <section aria-labelledby="help-title">
      <h2 id="help-title">{t.peers.helpTitle}</h2>
      <form role="search" aria-labelledby="help-title" onSubmit={(e) => e.preventDefault()}>
        <div className="people-field">
          <label htmlFor={skillId}>{t.staff.skill}</label>
          <select
            id={skillId}
            value={skill}
            onChange={(e) => {
              setSkill(e.target.value);
              setShown(PAGE);
            }}
          >
            <option value="">{t.peers.choose}</option>
            <optgroup label={t.staff.dxSkills}>
              {DX_SKILLS.map((s) => (
                <option key={s} value={s}>
                  {t.staff.dxSkill[s]}
                </option>
              ))}
            </optgroup>
            {tags.length > 0 && (
              <optgroup label={t.peers.otherSkills}>
                {tags.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        {query?.kind === 'dx' && (
          <div className="people-field">
            <label htmlFor={levelId}>{t.staff.level}</label>
            <select
              id={levelId}
              value={level}
              onChange={(e) => {
                setLevel(Number(e.target.value));
                setShown(PAGE);
              }}
            >
              <option value={1}>{t.staff.levelAtLeast(1)}</option>
              <option value={2}>{t.staff.levelAtLeast(2)}</option>
              <option value={3}>LV3</option>
            </select>
          </div>
        )}
      </form>
      {query && (
        <>
          <p className="people-count" aria-live="polite">
            {t.common.people(helpers.length)}
          </p>
          {helpers.length > 0 && (
            <ul className="person-list" aria-label={t.common.staffOf(tagName(t, skill))}>
              {helpers.slice(0, shown).map((h) => (
                <PersonCard key={h.record.id} record={h.record} units={directory.units}>
                  {h.level !== null && <span className="person-card-note">LV{h.level}</span>}
                </PersonCard>
              ))}
            </ul>
          )}
          {helpers.length > shown && (
            <button type="button" className="button people-more" onClick={() => setShown((n) => n + PAGE)}>
              {t.peers.more}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function isDx(tag: string): boolean {
  return DX_SKILLS.some((s) => s === tag);
}
