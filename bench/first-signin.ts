/**
 * The first-sign-in figures alone (issue 22), on their own 40,000-person stack:
 * `STACK_PORT_BASE=… npx tsx bench/first-signin.ts [--runs=N]`. `npm run bench` measures them too.
 */
import { launchChromium } from '../tools/browser';
import { startStack } from '../tools/stack';
import { STAFF } from './app-bench';
import { measureFirstSignIn } from './first-signin-bench';
import { formatVerdicts, judge } from './targets';

const portBase = process.env.STACK_PORT_BASE ? Number(process.env.STACK_PORT_BASE) : 6300;
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
const results: Record<string, number> = {};
const log = (s: string) => console.log(s);
const stack = await startStack({
  staff: STAFF,
  build: !process.argv.includes('--no-build'),
  log: () => undefined,
  portBase,
});
const browser = await launchChromium();
try {
  await measureFirstSignIn(browser, stack, results, log, runs);
} finally {
  await browser.close();
  await stack.stop();
}
console.log(formatVerdicts(judge(results), []));
