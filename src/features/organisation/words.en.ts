import type { OrganisationWords } from './words';

/** The organisation upkeep's words in English. `satisfies`: a key missing from or added to words.ts fails the typecheck. */
export const organisationEn = {
  organisation: {
    title: 'Reorganisation',
    lead: 'Add, rename, move, merge and abolish departments, sections and subsections as one batch per effective date. Nothing changes until you have seen the check and chosen to apply it.',
    notAllowed: 'Only HR can use this screen.',
    tree: 'The organisation now',
    loading: 'Reading the organisation…',
    kind: { bu: 'Department', ka: 'Section', kakari: 'Subsection' } as Record<string, string>,
    op: { add: 'Add', rename: 'Rename', move: 'Move', merge: 'Merge', abolish: 'Abolish' } as Record<string, string>,
    effective: 'Effective date',
    stageTitle: 'Add a change',
    opLabel: 'Change',
    unit: 'Unit code',
    kindLabel: 'Level',
    name: 'Name',
    kana: 'Reading',
    parent: 'Parent unit code',
    into: 'Merge into unit code',
    add: 'Add',
    remove: (n: number) => `Remove change ${n}`,
    staged: (n: number) => `Changes to apply (${n})`,
    none: 'No changes yet.',
    csvTitle: 'From a CSV file',
    csvFile: 'CSV file of changes',
    csvColumns:
      'Columns: 操作 (新設 add, 名称変更 rename, 移動 move, 統合 merge, 廃止 abolish), 所属コード (unit code), 種別 (部 / 課 / 係, when adding), 名称 (name), よみ (reading), 上位所属コード (parent, when adding or moving; empty for a department), 統合先所属コード (merge into).',
    template: 'template',
    csvBad: (line: number, column: string, value: string) =>
      `Line ${line}: “${column}” cannot be read (${value || 'empty'})`,
    check: 'Check',
    apply: 'Apply',
    checking: 'Checking…',
    summaryTitle: 'Check result',
    summary: (s: Record<string, number>) =>
      `Added ${s.add} · renamed ${s.rename} · moved ${s.move} · merged ${s.merge} · abolished ${s.abolish}`,
    future: (date: string) =>
      `The effective date (${date}) is ahead: applying schedules it for 00:00 that day (devices get nothing before).`,
    line: (n: number) => `Change ${n}`,
    noProblems: 'No problems.',
    hasProblems: 'Fix the problems, then check again.',
    applied: 'Applied. Devices get it at their next sync.',
    scheduled: (date: string) => `Scheduled for ${date}.`,
    needsConnection: 'Could not send. Connect to the network and try again.',
  },
} satisfies OrganisationWords;
