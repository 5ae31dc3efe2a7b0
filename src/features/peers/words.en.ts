import type { PeersWords } from './words';

/** The peers feature's words in English. `satisfies`: a key missing from or added to words.ts fails the typecheck. */
export const peersEn = {
  peers: {
    title: 'Peers',
    communities: 'Communities',
    suggestTitle: 'Same skills or hobbies',
    suggestLead: 'Staff in other departments who share your skills or hobbies.',
    suggestNoTags: 'Add skills or hobbies to your profile to see people here.',
    shared: (tags: readonly string[]) => `In common: ${tags.join(', ')}`,
    helpTitle: 'Find by skill',
    choose: 'Choose a skill',
    otherSkills: 'Other skills',
    more: 'Show more',
  },
} satisfies PeersWords;
