/** Kept for tools/screenshots.ts until it imports from src/i18n/language.ts, where the languages now live. */
export { LANG_STORAGE_KEY } from '../../i18n/language';
