import { inject } from 'vitest';
import type { DemoAccount } from '../../tools/demo-org';

export interface StackInfo {
  appUrl: string;
  /** The build the stack serves. */
  outDir: string;
  functionsUrl: string;
  authUrl: string;
  firestoreHost: string;
  accounts: DemoAccount[];
  staffCount: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

export function stack(): StackInfo {
  return inject('stack');
}

export function account(label: DemoAccount['label']): DemoAccount {
  const a = stack().accounts.find((x) => x.label === label);
  if (!a) throw new Error(`no demo account labelled ${label}`);
  return a;
}

/** Signs in against the Auth emulator's REST API, as the web SDK does, and returns the ID token. */
export async function idTokenFor(a: Pick<DemoAccount, 'email' | 'password'>): Promise<string> {
  const res = await fetch(
    `${stack().authUrl}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: a.email, password: a.password, returnSecureToken: true }),
    },
  );
  const body = (await res.json()) as { idToken?: string; error?: { message: string } };
  if (!body.idToken) throw new Error(`sign-in failed for ${a.email}: ${body.error?.message ?? res.status}`);
  return body.idToken;
}
