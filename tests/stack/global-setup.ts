import type { TestProject } from 'vitest/node';
import { startStack } from '../../tools/stack';
import type { StackInfo } from './context';

/** One local stack for all integration and end-to-end tests: starting it takes about a minute. */
export default async function setup(project: TestProject) {
  // STACK_PORT_BASE runs this stack on its own ports, beside `npm start` or a benchmark.
  const portBase = process.env.STACK_PORT_BASE ? Number(process.env.STACK_PORT_BASE) : undefined;
  const stack = await startStack({
    staff: 3000,
    build: true,
    log: (l) => console.log(l),
    ...(portBase === undefined ? {} : { portBase }),
  });
  const info: StackInfo = {
    appUrl: stack.appUrl,
    outDir: stack.outDir,
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
