import type { RecognitionApi } from '../../platform/api';

/**
 * Where the summary screen fetches from. Set by the app once firebase has loaded
 * (src/app/connect.ts); until then, and in component tests unless they set one, the screen shows
 * the last summary kept on the device.
 */
let api: RecognitionApi | null = null;
const listeners = new Set<() => void>();

export function setRecognitionApi(next: RecognitionApi | null): void {
  api = next;
  for (const l of listeners) l();
}

export function getRecognitionApi(): RecognitionApi | null {
  return api;
}

export function onRecognitionApi(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
