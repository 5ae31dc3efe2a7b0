/**
 * Where the app finds Firebase. With no VITE_FIREBASE_* settings it runs against the local
 * emulators with a `demo-` project, which needs no real project and no key.
 */
export interface PlatformConfig {
  apiKey: string;
  authDomain: string;
  projectId: string;
  /** Set only for local development and tests. */
  authEmulatorUrl: string | null;
  /** Base URL of the functions API; same origin through the hosting rewrite. */
  apiBase: string;
}

export function readConfig(env: Record<string, string | boolean | undefined> = import.meta.env): PlatformConfig {
  const str = (key: string) => {
    const value = env[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const projectId = str('VITE_FIREBASE_PROJECT_ID') ?? 'demo-shokuin';
  const isDemo = projectId.startsWith('demo-');
  return {
    // The emulator accepts any key; a real project supplies its own public web key.
    apiKey: str('VITE_FIREBASE_API_KEY') ?? 'demo-api-key',
    authDomain: str('VITE_FIREBASE_AUTH_DOMAIN') ?? `${projectId}.firebaseapp.com`,
    projectId,
    authEmulatorUrl: str('VITE_AUTH_EMULATOR_URL') ?? (isDemo ? 'http://127.0.0.1:9099' : null),
    apiBase: str('VITE_API_BASE') ?? '/api',
  };
}
