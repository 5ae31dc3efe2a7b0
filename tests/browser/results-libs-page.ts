/**
 * Bundled by Vite (as the app is) into a page for results-libs.test.ts: the CSV writer and the
 * t-test in Chromium, through `window.csvLab` and `window.statsLab`. write.ts loads encoding-japanese
 * with import(), so its chunk is fetched only when a Shift_JIS file is first written; stats.ts (with
 * stdlib's t distribution, CommonJS too) is loaded here with import() as the effect view's chunk.
 */
import { encodeCsv, type CsvEncoding, type CsvRow } from '../../src/domain/csv/write';
import type { Moments } from '../../src/domain/surveys/model';

Object.assign(window, {
  csvLab: {
    encode: async (rows: CsvRow[], encoding: CsvEncoding) => {
      const file = await encodeCsv(rows, encoding);
      // Through a Blob, as the download is made, and back.
      const blob = new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType });
      return { bytes: [...new Uint8Array(await blob.arrayBuffer())], type: blob.type, replaced: file.replaced };
    },
  },
  statsLab: {
    compare: async (before: Moments, after: Moments, k: number) =>
      (await import('../../src/domain/surveys/stats')).compareRounds(before, after, k),
  },
});
