import { useState } from 'react';
import { Link } from 'wouter';
import { useT } from '../../i18n/language';
import { yellWords } from './words';
import { useProblem } from '../../i18n/problems/use-problem';
import type { AppDb } from '../../db/schema';
import { fullName, type DirectoryRecord } from '../../domain/staff';
import type { RecognitionSettings } from '../../domain/yells';
import type { ShownYell } from '../../sync/yells';
import { Avatar } from '../../ui/Avatar';
import type { DirectoryView } from '../../ui/use-directory';
import { clapYell } from './commands';
import { valueLabel } from './use-yells';

/** 2026-11-22T… → 11/22 (Asia/Tokyo), as dates are written in lists. */
export function shortDate(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const d = new Date(t + 9 * 60 * 60 * 1000);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
}

interface Props {
  db: AppDb;
  yell: ShownYell;
  directory: DirectoryView | undefined;
  settings: RecognitionSettings;
  selfId: string;
}

/** One エール: who to whom, its value, the message (as text), its claps. No count of anyone's エール. */
export function YellCard({ db, yell, directory, settings, selfId }: Props) {
  const t = useT(yellWords);
  const say = useProblem();
  const [error, setError] = useState<string | null>(null);
  const sender = directory?.byId.get(yell.from);
  const name = (id: string) => {
    const r = directory?.byId.get(id);
    return r ? fullName(r) : t.yell.unknownPerson;
  };
  // My own and my unsent ones cannot be clapped (the server has no copy of an unsent one yet).
  const canClap = yell.from !== selfId && yell.version > 0 && yell.rejected === null;
  async function clap() {
    const result = await clapYell(db, selfId, yell.id);
    setError(result.ok ? null : say(result.problem));
  }
  return (
    <li className="yell-card">
      <div className="yell-card-head">
        {sender ? <Avatar record={sender} size={36} /> : <span className="yell-avatar-blank" aria-hidden="true" />}
        <p className="yell-people">
          <PersonLink id={yell.from} record={sender} fallback={t.yell.unknownPerson} />
          <span className="yell-to">{t.yell.to(yell.to.map(name).join(t.yell.namesJoin))}</span>
        </p>
        <span className="yell-date">{shortDate(yell.createdAt)}</span>
      </div>
      <p className="yell-message">{yell.message}</p>
      <div className="yell-card-foot">
        <span className="chip yell-value">{valueLabel(settings, yell.value)}</span>
        {yell.visibility === 'private' && <span className="chip">{t.yell.visibilityPrivate}</span>}
        {yell.pending && <span className="chip chip--pending">{t.yell.pending}</span>}
        {yell.rejected !== null && <span className="chip chip--error">{t.yell.rejected}</span>}
        {/* A delivered エール is evidence for a nomination of its recipients (C1); nobody nominates themselves. */}
        {yell.version > 0 && !yell.to.includes(selfId) && (
          <Link href={`/nominations/new?yell=${encodeURIComponent(yell.id)}`} className="yell-nominate">
            {t.yell.nominate}
          </Link>
        )}
        {canClap ? (
          <button
            type="button"
            className="clap-button"
            aria-pressed={yell.clappedByMe}
            aria-label={yell.clappedByMe ? t.yell.clappedLabel(yell.clapCount) : t.yell.clapLabel(yell.clapCount)}
            disabled={yell.clappedByMe}
            onClick={() => void clap()}
          >
            <span aria-hidden="true">{t.yell.clapCount(yell.clapCount)}</span>
          </button>
        ) : (
          yell.rejected === null && <span className="clap-count">{t.yell.clapCount(yell.clapCount)}</span>
        )}
      </div>
      {yell.rejected !== null && (
        <p className="error" role="alert">
          {say(yell.rejected)}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function PersonLink({ id, record, fallback }: { id: string; record: DirectoryRecord | undefined; fallback: string }) {
  if (!record) return <span className="yell-from">{fallback}</span>;
  return (
    <Link href={`/people/${id}`} className="yell-from">
      {fullName(record)}
    </Link>
  );
}
