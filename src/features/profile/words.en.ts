import type { ProfileWords } from './words';
import { num } from '../../i18n/en';

/** The profile feature's words in English. `satisfies`: a key missing from or added to words.ts fails the typecheck. */
export const profileEn = {
  profile: {
    notInDirectory: 'This person is not in the directory. They may have moved or left.',
    backToDirectory: 'Back to the directory',
    back: '← Directory',
    photoOf: (name: string) => `Photo of ${name}`,
    privatePhone: (phone: string) => `Personal ${phone}`,
    privatePhoneAudience: (audience: string) => `Personal phone visible to: ${audience}`,
    photoUntilConsent: '. Only you see your photo until you consent',
    audienceNote: (audience: string) => `Visible to: ${audience}`,
    audience: {
      everyone: 'Everyone',
      department: 'My department',
      managers: 'Managers and HR',
      self: 'Only me',
    },
    intro: 'About',
    notWritten: 'Nothing yet',
    edit: 'Edit profile',
    skills: 'Skills',
    hobbies: 'Hobbies',
    qualifications: 'Qualifications',
    history: 'Past postings',
    posting: (unit: string, from: string, to: string | null) =>
      `${unit} (${monthYear(from)} – ${to ? monthYear(to) : 'now'})`,
    restricted: 'Connect to see the fields with limited visibility.',
  },
  profileEdit: {
    title: 'Edit profile',
    settingsNotLoaded: "Your visibility settings haven't loaded yet. Only what you change is saved.",
    photo: 'Photo',
    currentPhoto: 'Current photo',
    noPhoto: 'No photo',
    removePhoto: 'Remove photo',
    consent: 'I agree to show my photo',
    consentHelp: 'Until you agree, only you see your photo.',
    charsOver: (n: number) => `${num(n)} ${n === 1 ? 'character' : 'characters'} too many`,
    markupShownAsText: 'Symbols such as < and > are shown as typed.',
    savedOffline: 'You can save without a signal. It is sent when you are back online.',
    tagsHelp: (chars: number, count: number) =>
      `Separate them with 、 or commas (up to ${count} items of up to ${chars} characters). Everyone sees your skills.`,
    privatePhone: 'Personal phone',
    audienceOf: (field: string) => `Who can see: ${field}`,
    save: 'Save',
    cancel: 'Cancel',
    choosePhoto: 'Choose a photo',
    changePhoto: 'Change photo',
    photoHelp:
      'The photo is made smaller on this device before it is sent. Location and camera data (EXIF) are removed.',
    processing: 'Working…',
    cropView: 'The part of the photo to show. Drag to move it',
    zoom: 'Zoom',
    horizontal: 'Left and right',
    vertical: 'Up and down',
    useCrop: 'Use this part',
    cancelCrop: 'Cancel',
  },
  contact: {
    label: 'Contact',
    extension: (ext: string) => `Ext. ${ext}`,
    mail: 'Email',
    chat: 'Chat',
    copyExtension: 'Copy ext.',
    copyEmail: 'Copy email',
    copiedExtension: 'Extension copied',
    copiedEmail: 'Email address copied',
    copyFailed: "Couldn't copy",
  },
} satisfies ProfileWords;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** 2018-04-01 → Apr 2018 (read from the string: a Date would shift with the time zone). */
function monthYear(isoDate: string): string {
  return `${MONTHS[Number(isoDate.slice(5, 7)) - 1] ?? ''} ${isoDate.slice(0, 4)}`.trim();
}
