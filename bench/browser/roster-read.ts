/** The roster bench's page: reads and checks the served CP932 file as the roster screen's worker does. */
import { readRosterFile } from '../../src/features/roster/read-file';

async function runRosterRead(): Promise<{ ms: number; rows: number; encoding: string }> {
  const bytes = new Uint8Array(await (await fetch('/roster.csv')).arrayBuffer());
  const started = performance.now();
  const read = readRosterFile(bytes, 'auto');
  const ms = performance.now() - started;
  return { ms, rows: read.ok ? read.rows.length : -1, encoding: read.ok ? read.encoding : read.problem.code };
}

(window as unknown as { runRosterRead: typeof runRosterRead }).runRosterRead = runRosterRead;
