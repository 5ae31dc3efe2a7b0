import type { CsvTable } from '../../domain/csv/read';
import type { UnitKind } from '../../domain/org';
import type { OrgChange } from '../../domain/organisation/batch';

/**
 * The 組織改正 CSV: one change a row. Columns (Japanese headers, any order):
 * 操作 (新設 / 名称変更 / 移動 / 統合 / 廃止), 所属コード, 種別 (部 / 課 / 係, for 新設), 名称, よみ,
 * 上位所属コード (新設 and 移動; empty for a 部), 統合先所属コード (統合).
 */
export const CHANGE_COLUMNS = [
  '操作',
  '所属コード',
  '種別',
  '名称',
  'よみ',
  '上位所属コード',
  '統合先所属コード',
] as const;

const OPS: Record<string, OrgChange['op']> = {
  新設: 'add',
  名称変更: 'rename',
  移動: 'move',
  統合: 'merge',
  廃止: 'abolish',
};
const KINDS: Record<string, UnitKind> = { 部: 'bu', 課: 'ka', 係: 'kakari' };

export const TEMPLATE_ROWS: string[][] = [
  [...CHANGE_COLUMNS],
  ['新設', 'kakari-dx', '係', 'DX推進係', 'でぃーえっくすすいしんがかり', 'ka-1', ''],
  ['名称変更', 'ka-1', '', '職員課', 'しょくいんか', '', ''],
  ['移動', 'ka-2', '', '', '', 'bu-1', ''],
  ['統合', 'kakari-2', '', '', '', '', 'kakari-1'],
  ['廃止', 'kakari-3', '', '', '', '', ''],
];

export type ReadChanges =
  { ok: true; changes: OrgChange[]; lines: number[] } | { ok: false; line: number; column: string; value: string };

/** The table's changes, or the first cell that is not one (line, column and the value as read). */
export function changesOf(table: CsvTable): ReadChanges {
  const at = (name: string) => table.header.indexOf(name);
  const missing = CHANGE_COLUMNS.slice(0, 2).find((c) => at(c) < 0);
  if (missing) return { ok: false, line: 1, column: missing, value: '' };
  const changes: OrgChange[] = [];
  const lines: number[] = [];
  for (const row of table.rows) {
    const cell = (name: string) => (at(name) < 0 ? '' : (row.cells[at(name)] ?? '').trim());
    const op = OPS[cell('操作')];
    const id = cell('所属コード');
    const parentId = cell('上位所属コード') || null;
    if (!op) return { ok: false, line: row.line, column: '操作', value: cell('操作') };
    if (op === 'add') {
      const kind = KINDS[cell('種別')];
      if (!kind) return { ok: false, line: row.line, column: '種別', value: cell('種別') };
      changes.push({ op, id, kind, name: cell('名称'), kana: cell('よみ'), parentId });
    } else if (op === 'rename') {
      changes.push({ op, id, name: cell('名称'), ...(cell('よみ') !== '' && { kana: cell('よみ') }) });
    } else if (op === 'move') changes.push({ op, id, parentId });
    else if (op === 'merge') changes.push({ op, id, into: cell('統合先所属コード') });
    else changes.push({ op, id });
    lines.push(row.line);
  }
  return { ok: true, changes, lines };
}
