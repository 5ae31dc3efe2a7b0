import type { TestProject } from 'vitest/node';
import { startStack } from '../../tools/stack';
import type { StackInfo } from './context';

/** One local stack for all integration and end-to-end tests: starting it takes about a minute. */
export default async function setup(project: TestProject) {
  const stack = await startStack({ staff: 3000, build: true, log: (l) => console.log(l) });
  const info: StackInfo = {
    appUrl: stack.appUrl,
    functionsUrl: stack.functionsUrl,
    authUrl: stack.authUrl,
    firestoreHost: stack.firestoreHost,
    accounts: stack.accounts,
    staffCount: 3000,
  };
  project.provide('stack', info);
  return async () => {
    await stack.stop();
  };
}
