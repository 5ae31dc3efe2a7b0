import { useId, useRef, useState } from 'react';
import type { EncodingChoice } from '../../domain/csv/read';
import type { Role } from '../../domain/org';
import type { Refusal } from '../../domain/problems';
import type { RowProblem } from '../../domain/roster/check';
import { rosterTemplate } from '../../domain/roster/columns';
import { ROSTER_PATHS, ROWS_PER_PART, type ApplyAnswer, type DryRunAnswer } from '../../domain/roster/protocol';
import { useT } from '../../i18n/language';
import { useProblem } from '../../i18n/problems/use-problem';
import { TransportError } from '../../sync/ports';
import '../../ui/people.css';
import type { FileRead, ReadPhase } from './read-file';
import type { WorkerIn, WorkerOut } from './roster.worker';
import { getRosterApi } from './roster-source';
import { rosterWords } from './words';
import './roster.css';

/** Problems listed on screen at once; the rest are counted (a 40,000-row file may have thousands). */
const SHOWN_PROBLEMS = 500;

type Phase = ReadPhase | 'send' | 'compare' | 'apply';
type Stage =
  | { kind: 'idle' }
  | { kind: 'busy'; phase: Phase; share: number }
  | { kind: 'failed'; refusal: Refusal }
  | {
      kind: 'checked';
      file: Extract<FileRead, { ok: true }>;
      fileName: string;
      bytes: number;
      importId: string;
      dry: DryRunAnswer;
    }
  | { kind: 'applied'; answer: ApplyAnswer };

/**
 * HR's roster import (issue 21, A1): the file is read and checked in a worker with a progress bar,
 * sent to the server in parts for the dry run, and applied only when HR confirms (with an explicit
 * choice to apply the valid rows of a file with errors). Online only.
 */
export function RosterScreen({ role }: { role: Role }) {
  const t = useT(rosterWords).roster;
  const say = useProblem();
  const ids = { file: useId(), encoding: useId(), padded: useId(), validOnly: useId() };
  const [encoding, setEncoding] = useState<EncodingChoice>('auto');
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [confirmPadded, setConfirmPadded] = useState(false);
  const [validOnly, setValidOnly] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  if (role !== 'hr') {
    return (
      <section className="people-page" aria-labelledby="roster-title">
        <h1 id="roster-title">{t.title}</h1>
        <p role="alert">{t.notAllowed}</p>
      </section>
    );
  }

  const progress = (phase: Phase, share: number) => setStage({ kind: 'busy', phase, share });
  const fail = (e: unknown) =>
    setStage({
      kind: 'failed',
      refusal: e instanceof TransportError && e.refusal ? e.refusal : { code: 'api.internal' },
    });

  async function check(file: File) {
    const api = getRosterApi();
    if (!api) return setStage({ kind: 'failed', refusal: { message: t.needsConnection } });
    setConfirmPadded(false);
    setValidOnly(false);
    progress('decode', 0);
    let read: FileRead;
    try {
      read = await readInWorker(await file.arrayBuffer(), encoding, progress);
    } catch {
      return setStage({ kind: 'failed', refusal: { message: t.readFailed } });
    }
    if (!read.ok) return setStage({ kind: 'failed', refusal: read.problem });
    try {
      progress('send', 0);
      const created = (await api.rosterPost(ROSTER_PATHS.imports, {
        fileName: file.name,
        bytes: file.size,
        encoding: read.encoding,
        header: read.header,
        rowCount: read.rows.length,
      })) as { importId: string; parts: number };
      for (let n = 0; n < created.parts; n++) {
        await api.rosterPost(ROSTER_PATHS.part(created.importId, n), {
          rows: read.rows.slice(n * ROWS_PER_PART, (n + 1) * ROWS_PER_PART),
        });
        progress('send', (n + 1) / created.parts);
      }
      progress('compare', 0);
      const dry = (await api.rosterPost(ROSTER_PATHS.check(created.importId), {
        confirmPadded: false,
      })) as DryRunAnswer;
      setStage({ kind: 'checked', file: read, fileName: file.name, bytes: file.size, importId: created.importId, dry });
    } catch (e) {
      fail(e);
    }
  }

  async function recheck(current: Extract<Stage, { kind: 'checked' }>, padded: boolean) {
    const api = getRosterApi();
    if (!api) return;
    try {
      const dry = (await api.rosterPost(ROSTER_PATHS.check(current.importId), {
        confirmPadded: padded,
      })) as DryRunAnswer;
      setStage({ ...current, dry });
    } catch (e) {
      fail(e);
    }
  }

  async function apply(current: Extract<Stage, { kind: 'checked' }>) {
    const api = getRosterApi();
    if (!api) return;
    try {
      progress('apply', 0);
      for (;;) {
        const answer = (await api.rosterPost(ROSTER_PATHS.apply(current.importId), {
          confirmPadded,
          validOnly,
        })) as ApplyAnswer;
        if (answer.done) return setStage({ kind: 'applied', answer });
        progress('apply', answer.total > 0 ? answer.processed / answer.total : 0);
      }
    } catch (e) {
      fail(e);
    }
  }

  const busy = stage.kind === 'busy';
  return (
    <section className="people-page roster-page" aria-labelledby="roster-title">
      <h1 id="roster-title">{t.title}</h1>
      <p className="people-lead">{t.lead}</p>
      <p>
        <button type="button" className="roster-link" onClick={downloadTemplate}>
          {t.template}
        </button>
        <br />
        <small className="muted">{t.templateHint}</small>
      </p>
      <form
        className="roster-form"
        onSubmit={(e) => {
          e.preventDefault();
          const file = fileRef.current?.files?.[0];
          if (file) void check(file);
        }}
      >
        <label htmlFor={ids.file}>{t.file}</label>
        <input id={ids.file} ref={fileRef} type="file" accept=".csv,text/csv" disabled={busy} />
        <label htmlFor={ids.encoding}>{t.encoding}</label>
        <select
          id={ids.encoding}
          value={encoding}
          disabled={busy}
          onChange={(e) => setEncoding(e.target.value as EncodingChoice)}
        >
          <option value="auto">{t.encodingAuto}</option>
          <option value="shift_jis">{t.encodingSjis}</option>
          <option value="utf-8">{t.encodingUtf8}</option>
        </select>
        <button type="submit" disabled={busy}>
          {stage.kind === 'checked' ? t.recheck : t.check}
        </button>
      </form>

      {stage.kind === 'busy' && (
        <div className="roster-progress">
          <label>
            {t.phase[stage.phase]}
            <progress max={1} value={stage.share} />
          </label>
        </div>
      )}
      {stage.kind === 'failed' && <p role="alert">{say(stage.refusal)}</p>}
      {stage.kind === 'checked' && (
        <CheckedView
          stage={stage}
          confirmPadded={confirmPadded}
          validOnly={validOnly}
          ids={ids}
          onPadded={(v) => {
            setConfirmPadded(v);
            void recheck(stage, v);
          }}
          onValidOnly={setValidOnly}
          onApply={() => void apply(stage)}
        />
      )}
      {stage.kind === 'applied' && (
        <div role="status">
          <p>{t.applied}</p>
          <p>{t.summary(stage.answer.summary)}</p>
          {stage.answer.pendingHr.length > 0 && <p>{t.pendingHr(stage.answer.pendingHr.length)}</p>}
        </div>
      )}
    </section>
  );
}

function CheckedView({
  stage,
  confirmPadded,
  validOnly,
  ids,
  onPadded,
  onValidOnly,
  onApply,
}: {
  stage: Extract<Stage, { kind: 'checked' }>;
  confirmPadded: boolean;
  validOnly: boolean;
  ids: { padded: string; validOnly: string };
  onPadded: (v: boolean) => void;
  onValidOnly: (v: boolean) => void;
  onApply: () => void;
}) {
  const t = useT(rosterWords).roster;
  const { dry, file } = stage;
  const hasPadded = dry.problems.some((p) => p.problem.code === 'roster.paddedMatch');
  const canApply = dry.errorLines === 0 || validOnly;
  return (
    <div className="roster-result">
      <p className="muted">{t.read(file.rows.length, file.encoding === 'shift_jis' ? 'Shift_JIS' : 'UTF-8')}</p>
      <h2>{t.summaryTitle}</h2>
      <p className="roster-summary" data-testid="roster-summary">
        {t.summary(dry.summary)}
      </p>
      {dry.summary.future > 0 && <p>{t.future(dry.summary.future)}</p>}
      {dry.errorLines > 0 && <p>{t.rejected(dry.errorLines)}</p>}
      <ProblemTable problems={dry.problems} />
      {hasPadded && (
        <p>
          <input id={ids.padded} type="checkbox" checked={confirmPadded} onChange={(e) => onPadded(e.target.checked)} />
          <label htmlFor={ids.padded}>{t.confirmPadded}</label>
        </p>
      )}
      {dry.errorLines > 0 && (
        <p>
          <input
            id={ids.validOnly}
            type="checkbox"
            checked={validOnly}
            onChange={(e) => onValidOnly(e.target.checked)}
          />
          <label htmlFor={ids.validOnly}>{t.validOnly}</label>
        </p>
      )}
      <button type="button" disabled={!canApply} onClick={onApply}>
        {t.apply}
      </button>
    </div>
  );
}

function ProblemTable({ problems }: { problems: readonly RowProblem[] }) {
  const t = useT(rosterWords).roster;
  const say = useProblem();
  if (problems.length === 0) return <p>{t.noProblems}</p>;
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  return (
    <>
      <h3>{t.problemsTitle(problems.length)}</h3>
      <div className="roster-table-wrap">
        <table className="roster-problems">
          <thead>
            <tr>
              <th scope="col">{t.line}</th>
              <th scope="col">{t.column}</th>
              <th scope="col">{t.value}</th>
              <th scope="col">{t.why}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p, i) => (
              <tr key={i} className={p.severity === 'error' ? 'is-error' : 'is-warning'}>
                <td>{p.line === 0 ? t.header : p.line}</td>
                <td>{p.column ?? ''}</td>
                <td>
                  <code>{p.value}</code>
                </td>
                <td>
                  <span className="roster-severity">{p.severity === 'error' ? t.error : t.warning}</span>{' '}
                  {say(p.problem)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.length > shown.length && <p className="muted">{t.more(problems.length - shown.length)}</p>}
    </>
  );
}

/** Reads the file in a worker; where there is none (component tests), on this thread. */
async function readInWorker(
  bytes: ArrayBuffer,
  encoding: EncodingChoice,
  onProgress: (phase: ReadPhase, share: number) => void,
): Promise<FileRead> {
  if (typeof Worker === 'undefined') {
    const { readRosterFile } = await import('./read-file');
    return readRosterFile(new Uint8Array(bytes), encoding, onProgress);
  }
  const worker = new Worker(new URL('./roster.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<FileRead>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<WorkerOut>) => {
        const m = event.data;
        if (m.kind === 'progress') onProgress(m.phase, m.share);
        else resolve(m.result);
      };
      worker.onerror = (e) => reject(new Error(e.message));
      worker.postMessage({ bytes, encoding } satisfies WorkerIn, [bytes]);
    });
  } finally {
    worker.terminate();
  }
}

/** The template as UTF-8 with a BOM, which Excel opens without mojibake. */
function downloadTemplate(): void {
  const blob = new Blob(['\uFEFF', rosterTemplate()], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'meibo-template.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
