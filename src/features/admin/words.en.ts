import type { AdminWords } from './words';

/** The admin feature's words in English. `satisfies`: a key missing from or added to words.ts fails the typecheck. */
export const adminEn = {
  admin: {
    title: 'HR settings',
    lead: "The organisation's yell values, the daily sending cap and the awards. Saving needs a connection.",
    notAllowed: 'Only HR can use this screen.',
    yellTitle: 'Yells',
    valuesHint: 'Renaming a value keeps the counts of the yells already sent under it.',
    valueLabel: (n: number) => `Value ${n}`,
    addValue: 'Add a value',
    dailyCap: 'Yells one person may send a day',
    saveYell: 'Save yell settings',
    awardsTitle: 'Awards',
    awardsHint: 'The awards offered when nominating.',
    awardLabel: (n: number) => `Award ${n}`,
    addAward: 'Add an award',
    saveAwards: 'Save awards',
    remove: 'Remove',
    removeNamed: (label: string) => `Remove “${label}”`,
    saving: 'Saving…',
    saved: 'Saved',
    invalid: 'Please check what you entered',
    needsConnection: 'Could not save. Connect to the network and try again.',
    link: 'HR settings (values, cap, awards)',
  },
} satisfies AdminWords;
