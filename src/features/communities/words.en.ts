import type { CommunitiesWords } from './words';
import { people } from '../../i18n/en';

/** The communities feature's words in English. `satisfies`: a key missing from or added to words.ts fails the typecheck. */
export const communitiesEn = {
  communities: {
    title: 'Communities',
    lead: 'Where staff who share an interest meet across departments. Anyone can start or join one.',
    mine: 'Joined',
    noneJoined: "You haven't joined any yet.",
    others: 'Other communities',
    none: 'None.',
    new: 'New community',
    name: 'Name',
    description: 'Description',
    chars: (n: number, max: number) => `${n}/${max} characters`,
    create: 'Create',
    missing: "This community hasn't reached this device yet, or doesn't exist.",
    list: 'All communities',
    back: '← Communities',
    joined: "You're a member",
    join: 'Join',
    leave: 'Leave',
    members: (n: number) => `Members: ${people(n)}`,
    noMembers: 'No members yet.',
  },
} satisfies CommunitiesWords;
