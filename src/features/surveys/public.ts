import type { SurveyApi } from '../../platform/api';

/**
 * Where the surveys reach the server beyond the feed (tokens, the anonymous answer, HR's screens).
 * Set by the app once firebase has loaded (src/app/connect.ts); null offline-first until then.
 */
let api: SurveyApi | null = null;

export function setSurveyApi(next: SurveyApi | null): void {
  api = next;
}

export function getSurveyApi(): SurveyApi | null {
  return api;
}
