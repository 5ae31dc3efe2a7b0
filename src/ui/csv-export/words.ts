import { defineWords } from '../../i18n/language';
import { num } from '../../i18n/ja';

/** The CSV export control's words (every export: survey results, the audit log). */
export const csvExportJa = {
  csvExport: {
    exportCsv: 'CSVで書き出す',
    encoding: '文字コード',
    encodingUtf8: 'UTF-8（BOM付き）',
    encodingSjis: 'Shift_JIS（古いExcel向け）',
    exporting: '書き出し中…',
    exported: 'CSVを書き出しました。',
    replacedNotice: (count: number, chars: string) =>
      `Shift_JISで表せない文字が${num(count)}か所あり、「〓」に置き換えました（${chars}）。元のままの文字が必要なときはUTF-8で書き出してください。`,
    exportFailed: 'CSVを書き出せませんでした。もう一度お試しください。',
  },
};

export type CsvExportWords = typeof csvExportJa;

export const csvExportWords = defineWords(csvExportJa, () => import('./words.en').then((m) => m.csvExportEn));
