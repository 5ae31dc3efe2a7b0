/** The events of a Chromium performance trace (`browser.startTracing`), as the lab scripts read them. */
import { readFile } from 'node:fs/promises';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: { type?: string } & Record<string, unknown>;
    beginData?: { dirtyObjects?: number; totalObjects?: number; partialLayout?: boolean };
  } & Record<string, unknown>;
}

/** A trace file holds either the events alone or an object with them under traceEvents. */
export async function readTrace(file: string): Promise<TraceEvent[]> {
  const raw = JSON.parse(await readFile(file, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(raw) ? raw : (raw.traceEvents ?? []);
}
