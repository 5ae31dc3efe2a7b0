/// <reference lib="webworker" />
import type { EncodingChoice } from '../../domain/csv/read';
import { readRosterFile, type FileRead, type ReadPhase } from './read-file';

/** Reading and checking a roster file off the main thread (a 40,000-row file is seconds of work on a phone). */
export type WorkerIn = { bytes: ArrayBuffer; encoding: EncodingChoice };
export type WorkerOut = { kind: 'progress'; phase: ReadPhase; share: number } | { kind: 'done'; result: FileRead };

self.onmessage = (event: MessageEvent<WorkerIn>) => {
  const { bytes, encoding } = event.data;
  const post = (message: WorkerOut) => self.postMessage(message);
  const result = readRosterFile(new Uint8Array(bytes), encoding, (phase, share) =>
    post({ kind: 'progress', phase, share }),
  );
  post({ kind: 'done', result });
};
