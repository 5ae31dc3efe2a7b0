import { useId, useState, type FormEvent } from 'react';
import { AUDIT_KINDS, jstTime, type AuditKind, type AuditLogEntry, type AuditQuery } from '../../domain/audit';
import { fullName } from '../../domain/person-name';
import type { Role } from '../../domain/org';
import type { Refusal } from '../../domain/problems';
import { useT } from '../../i18n/language';
import { useProblem } from '../../i18n/problems/use-problem';
import { TransportError } from '../../sync/ports';
import type { DirectoryView } from '../../ui/use-directory';
import '../../ui/people.css';
import { CsvExport } from '../../ui/csv-export/CsvExport';
import { getAccessApi } from './admin-source';
import { auditExportRows } from './audit-export';
import './admin.css';
import { adminWords } from './words';

interface Props {
  role: Role;
  directory: DirectoryView | undefined;
}

type Load =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'done'; entries: AuditLogEntry[]; next: string | null }
  | { kind: 'error'; message: string };

/**
 * HR's reading of the audit log (A3), online only: filters by person, kind and period (days in
 * JST), newest first, a page at a time. Every read is itself recorded by the server.
 */
export function AuditScreen({ role, directory }: Props) {
  const t = useT(adminWords);
  const say = useProblem();
  const ids = useId();
  const [filter, setFilter] = useState<AuditQuery>({});
  const [load, setLoad] = useState<Load>({ kind: 'idle' });
  if (role !== 'hr') {
    return (
      <section className="people-page" aria-labelledby="audit-title">
        <h1 id="audit-title">{t.audit.title}</h1>
        <p role="alert">{t.admin.notAllowed}</p>
      </section>
    );
  }

  const fieldWords: Readonly<Record<string, string>> = t.audit.fields;
  const nameOf = (id: string | null) => {
    if (!id) return '';
    const p = directory?.byId.get(id);
    return p ? t.audit.aside(fullName(p), id) : id;
  };

  async function fetchPage(query: AuditQuery, append: AuditLogEntry[]) {
    const api = getAccessApi();
    if (!api) return setLoad({ kind: 'error', message: t.audit.needsConnection });
    setLoad({ kind: 'loading' });
    try {
      const page = await api.fetchAuditLog(query);
      setLoad({ kind: 'done', entries: [...append, ...page.entries], next: page.next });
    } catch (e) {
      const offline = !(e instanceof TransportError) || e.code === 'offline';
      const refusal: Refusal | null = e instanceof TransportError ? e.refusal : null;
      setLoad({ kind: 'error', message: offline || !refusal ? t.audit.needsConnection : say(refusal) });
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void fetchPage(filter, []);
  }

  const set = (key: 'person' | 'from' | 'to', value: string) =>
    setFilter(({ [key]: _old, ...rest }) => (value.trim() ? { ...rest, [key]: value.trim() } : rest));

  return (
    <section className="people-page admin-page" aria-labelledby="audit-title">
      <h1 id="audit-title">{t.audit.title}</h1>
      <p className="people-lead">{t.audit.lead}</p>
      <form className="admin-filters" onSubmit={submit} aria-label={t.audit.title}>
        <label>
          {t.audit.person}
          <input
            value={filter.person ?? ''}
            onChange={(e) => set('person', e.currentTarget.value)}
            aria-describedby={`${ids}-person`}
            inputMode="text"
            autoComplete="off"
          />
          <span id={`${ids}-person`} className="muted">
            {t.audit.personHint}
          </span>
        </label>
        <label>
          {t.audit.kind}
          <select
            value={filter.kind ?? ''}
            onChange={(e) => {
              const kind = e.currentTarget.value as AuditKind | ''; // the options are AUDIT_KINDS and ''
              setFilter(({ kind: _old, ...rest }) => (kind ? { ...rest, kind } : rest));
            }}
          >
            <option value="">{t.audit.anyKind}</option>
            {AUDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.audit.kinds[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.audit.from}
          <input type="date" value={filter.from ?? ''} onChange={(e) => set('from', e.currentTarget.value)} />
        </label>
        <label>
          {t.audit.to}
          <input type="date" value={filter.to ?? ''} onChange={(e) => set('to', e.currentTarget.value)} />
        </label>
        <button type="submit" className="button" disabled={load.kind === 'loading'}>
          {t.audit.search}
        </button>
      </form>

      {load.kind === 'loading' && <p className="muted">{t.common.loading}</p>}
      {load.kind === 'error' && <p role="alert">{load.message}</p>}
      {load.kind === 'done' &&
        (load.entries.length === 0 ? (
          <p className="muted">{t.audit.empty}</p>
        ) : (
          <ol className="admin-log" aria-label={t.audit.title}>
            {load.entries.map((e) => (
              <li key={e.id}>
                <span>
                  <time dateTime={e.at}>{jstTime(e.at)}</time> {t.audit.kinds[e.kind]}
                </span>
                <span>
                  {t.audit.aside(nameOf(e.actor), t.audit.roles[e.actorRole])}
                  {e.subject ? ` → ${nameOf(e.subject)}` : ''}
                </span>
                {e.fields.length > 0 && <span>{e.fields.map((f) => fieldWords[f] ?? f).join(t.audit.fieldsJoin)}</span>}
                <span className="muted">
                  {e.endpoint}
                  {e.detail ? ` ${e.detail}` : ''}
                </span>
              </li>
            ))}
          </ol>
        ))}
      {load.kind === 'done' && load.entries.length > 0 && (
        <>
          <p className="muted">{t.audit.exportLead}</p>
          <CsvExport
            fileName={t.audit.fileName}
            rows={() => auditExportRows(load.entries, t, directory?.byId ?? new Map())}
          />
        </>
      )}
      {load.kind === 'done' && load.next && (
        <button
          type="button"
          className="button"
          onClick={() => void fetchPage({ ...filter, before: load.next ?? undefined }, load.entries)}
        >
          {t.audit.more}
        </button>
      )}
    </section>
  );
}
