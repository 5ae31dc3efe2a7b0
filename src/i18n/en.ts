import type { Messages } from './ja';

/**
 * One formatter for every count: toLocaleString builds a new one on each call, and the directory's
 * count is formatted on every keystroke's answer.
 */
let numbers: Intl.NumberFormat | undefined;
export const num = (n: number) => (numbers ??= new Intl.NumberFormat('en-US')).format(n);

export const people = (n: number) => `${num(n)} ${n === 1 ? 'person' : 'people'}`;

/** English UI words. `satisfies Messages`: a key missing from or added to ja.ts fails the typecheck. */
export const en = {
  common: {
    loading: 'Loading…',
    notReceived: "The directory hasn't arrived yet. It downloads by itself once you have a signal.",
    notFound: 'Not found',
    noneFound: 'No one found.',
    people,
    unsent: 'Unsent',
    unsentCount: (n: number) => `${n} unsent`,
    all: 'All',
    staffOf: (unit: string) => `Staff of ${unit}`,
    charsLeft: (n: number) => `${num(n)} ${n === 1 ? 'character' : 'characters'} left`,
  },
  language: {
    label: 'Language (言語)',
  },
  app: {
    title: 'Staff Directory',
    menu: 'Menu',
    org: 'Org',
    peers: 'Peers',
    yells: 'Yells',
    trainings: 'Trainings',
    me: 'Me',
    signOut: 'Sign out',
    /** HR's home (A5). */
    admin: 'Admin',
    /** Managers' own entry. */
    manage: 'Manager',
    cannotSignIn: 'Sign-in is not available',
  },
  directory: {
    heading: 'Staff directory',
    search: 'Search staff',
    placeholder: 'Name, reading, section, ext. or skill',
    view: 'View',
    faces: 'Faces',
    list: 'List',
    searching: 'Searching…',
    total: people,
    found: (n: number) => `${num(n)} found`,
    arriving: (received: number, total: number) => `Loading ${num(received)} / ${num(total)} people`,
    foundSoFar: (n: number, received: number, total: number) =>
      `${num(n)} found (loading ${num(received)} / ${num(total)} people)`,
    arrivingLabel: 'Receiving the directory',
    receiving: 'Receiving the directory…',
    noResults: 'No one found. Try the reading, romaji or a section name.',
    staffList: 'Staff',
    matchedBy: {
      altName: 'Other surname',
      skill: 'Skill',
      hobby: 'Hobby',
      qualification: 'Qualification',
      extension: 'Ext.',
    },
    reason: (label: string, text: string) => `${label}: ${text}`,
  },
  filters: {
    summary: 'Filter',
    active: (n: number) => `${n}`,
  },
  sync: {
    offline: 'Offline',
    offlineUnsent: (n: number) => `Offline · ${n} unsent`,
    syncing: 'Syncing…',
    upToDate: 'Up to date',
    rejected: (n: number) => `${n} not accepted`,
    error: "Couldn't sync",
  },
} satisfies Messages;
