/**
 * `npm start`: the whole app on this machine, with no Firebase project and no key.
 *   npm start                 3,000 staff
 *   npm start -- --staff 40000
 */
import { parseArgs } from 'node:util';
import { startStack } from '../tools/stack';

const { values } = parseArgs({ options: { staff: { type: 'string', default: '3000' } } });
const staff = Number(values.staff);
if (!Number.isInteger(staff) || staff < 50 || staff > 100_000) {
  console.error('--staff は 50 から 100000 までの整数で指定してください');
  process.exit(2);
}

const started = Date.now();
const stack = await startStack({ staff, build: true, log: (l) => console.log(l) });

const rows = stack.accounts.map((a) => `  ${a.label.padEnd(4, '　')} ${a.email.padEnd(28)} ${a.password}   ${a.name}`);
console.log(`
職員名鑑 が起動しました（${((Date.now() - started) / 1000).toFixed(0)} 秒, 職員 ${staff.toLocaleString('ja-JP')} 人）

  アプリ:  ${stack.appUrl}

デモ用サインイン:
${rows.join('\n')}

Ctrl-C で終了します。`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log('\n終了しています…');
  await stack.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
