/**
 * Bundled by Vite (as the app is) into a page for csv.test.ts: the CSV writer in Chromium, through
 * `window.csvLab`. write.ts loads encoding-japanese with import(), so its chunk is fetched only when
 * a Shift_JIS file is first written.
 */
import { encodeCsv, type CsvEncoding, type CsvRow } from '../../src/domain/csv/write';

Object.assign(window, {
  csvLab: {
    encode: async (rows: CsvRow[], encoding: CsvEncoding) => {
      const file = await encodeCsv(rows, encoding);
      // Through a Blob, as the download is made, and back.
      const blob = new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType });
      return { bytes: [...new Uint8Array(await blob.arrayBuffer())], type: blob.type, replaced: file.replaced };
    },
  },
});
