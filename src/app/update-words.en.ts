import type { UpdateWords } from './update-words';

/** The update prompt's words in English. `satisfies`: a key missing from or added to update-words.ts fails the typecheck. */
export const updateEn = {
  update: {
    ready: 'A new version is ready',
    reload: 'Update',
    later: 'Later',
    offlineReady: 'Ready to work offline',
    close: 'Close',
  },
} satisfies UpdateWords;
