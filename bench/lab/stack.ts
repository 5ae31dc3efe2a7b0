/**
 * A 40,000-person stack that stays up for repeated measurements while the app is changed
 * (`tsx bench/lab/stack.ts`, Ctrl-C stops it). `bench/lab/measure.ts --build` rebuilds the app into
 * the folder the hosting emulator serves, so each measurement skips the seeding.
 */
import { writeFile } from 'node:fs/promises';
import { startStack } from '../../tools/stack';
import { STAFF } from '../app-bench';

const portBase = Number(process.env.STACK_PORT_BASE ?? 6400);
const stack = await startStack({ staff: STAFF, build: true, log: console.log, portBase });
await writeFile(
  `.stack/lab-${portBase}.json`,
  JSON.stringify({ appUrl: stack.appUrl, outDir: stack.outDir, authUrl: stack.authUrl, accounts: stack.accounts }),
);
console.log(`lab stack ready on ${stack.appUrl}`);
const stop = async () => {
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
