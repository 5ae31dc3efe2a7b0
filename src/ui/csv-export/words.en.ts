import { num } from '../../i18n/en';
import type { CsvExportWords } from './words';

export const csvExportEn = {
  csvExport: {
    exportCsv: 'Export as CSV',
    encoding: 'Character encoding',
    encodingUtf8: 'UTF-8 (with BOM)',
    encodingSjis: 'Shift_JIS (for older Excel)',
    exporting: 'Exporting…',
    exported: 'The CSV has been exported.',
    replacedNotice: (count: number, chars: string) =>
      `${num(count)} ${count === 1 ? 'character' : 'characters'} could not be written in Shift_JIS and became “〓” (${chars}). Export as UTF-8 to keep them as they are.`,
    exportFailed: 'The CSV could not be exported. Please try again.',
  },
} satisfies CsvExportWords;
