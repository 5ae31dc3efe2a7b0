import { useId, useState } from 'react';
import { CSV_ENCODINGS, encodeCsv, type CsvEncoding, type CsvFile, type CsvRow } from '../../domain/csv/write';
import { useT } from '../../i18n/language';
import { csvExportWords } from './words';
import './csv-export.css';

export interface CsvExported {
  encoding: CsvEncoding;
  replaced: CsvFile['replaced'];
}

interface Props {
  /** The file's name, without the extension. */
  fileName: string;
  /** The rows of what the screen shows, built when the button is pressed. */
  rows: () => Iterable<CsvRow>;
  /**
   * Awaited before the file is made, with the encoding chosen: where the export must be recorded
   * first (the audit log: no entry, no file). If it throws, no file is made and the control says so.
   */
  prepare?: (encoding: CsvEncoding) => Promise<void>;
  /** Told after each export, to record it (who, when, which survey) for the audit log. */
  onExported?: (info: CsvExported) => void;
  /** Hands the file to the user; a download by default. */
  save?: (file: CsvFile, name: string) => void;
}

/** Offers the file as a download through a temporary link. */
export function downloadFile(file: CsvFile, name: string): void {
  const url = URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The CSV export control: the encoding chosen, the file written by src/domain/csv/write.ts, and a notice of what Shift_JIS replaced. */
export function CsvExport({ fileName, rows, prepare, onExported, save = downloadFile }: Props) {
  const t = useT(csvExportWords).csvExport;
  const [encoding, setEncoding] = useState<CsvEncoding>('utf8');
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; replaced: CsvFile['replaced'] } | { kind: 'failed' }
  >({ kind: 'idle' });
  const name = useId();
  const run = async () => {
    setState({ kind: 'busy' });
    try {
      await prepare?.(encoding);
      const file = await encodeCsv(rows(), encoding);
      save(file, `${fileName}.csv`);
      setState({ kind: 'done', replaced: file.replaced });
      onExported?.({ encoding, replaced: file.replaced });
    } catch {
      setState({ kind: 'failed' });
    }
  };
  return (
    <div className="csv-export">
      <fieldset>
        <legend>{t.encoding}</legend>
        {CSV_ENCODINGS.map((e) => (
          <label key={e}>
            <input type="radio" name={name} value={e} checked={encoding === e} onChange={() => setEncoding(e)} />
            {e === 'utf8' ? t.encodingUtf8 : t.encodingSjis}
          </label>
        ))}
      </fieldset>
      <button type="button" onClick={() => void run()} disabled={state.kind === 'busy'}>
        {state.kind === 'busy' ? t.exporting : t.exportCsv}
      </button>
      <p role="status" className="csv-export-status">
        {state.kind === 'done' &&
          (state.replaced.count > 0
            ? t.replacedNotice(state.replaced.count, state.replaced.chars.join(' '))
            : t.exported)}
        {state.kind === 'failed' && t.exportFailed}
      </p>
    </div>
  );
}
