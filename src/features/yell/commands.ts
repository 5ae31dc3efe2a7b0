import { requestSync } from '../../sync/trigger';
import { enqueueMutation } from '../../db/outbox';
import type { AppDb } from '../../db/schema';
import { readMe, readSettings } from '../../db/yells';
import { newId, newMutation, type Mutation, type ValidationResult } from '../../domain/mutations';
import {
  checkYellSend,
  countSentOnDay,
  tokyoDay,
  type RecognitionSettings,
  type YellVisibility,
} from '../../domain/yells';
import { queueMutation } from '../../db/queue-mutation';
import { problem } from '../../domain/problems';
import { justQueued } from './just-queued';

export interface YellDraft {
  to: readonly string[];
  message: string;
  value: string;
  visibility: YellVisibility;
}

/**
 * How many エール I have sent today (Asia/Tokyo) as far as this device knows: the larger of the
 * server's count (if fetched today) and the sends it holds, plus my unsent ones. The server has the
 * last word; this only spares a send that would be refused.
 */
export async function sentTodayOnDevice(db: AppDb, selfId: string, now = new Date()): Promise<number> {
  const [mine, outbox, me] = await Promise.all([
    db.yells.where('from').equals(selfId).toArray(),
    db.outbox.toArray(),
    readMe(db),
  ]);
  const stored = countSentOnDay(mine, selfId, now);
  const server = me && tokyoDay(new Date(me.fetchedAt)) === tokyoDay(now) ? me.me.sentToday : 0;
  const pending = outbox.filter(
    (o) => o.mutation.kind === 'yell.send' && !mine.some((y) => y.id === yellIdOf(o.mutation)),
  );
  return (
    Math.max(stored, server) +
    countSentOnDay(
      pending.map((o) => ({ from: selfId, createdAt: o.mutation.createdAt })),
      selfId,
      now,
    )
  );
}

function yellIdOf(m: Mutation): string | null {
  return m.kind === 'yell.send' || m.kind === 'yell.clap' ? m.yellId : null;
}

/** What the screen already knows, so the tap needs no read before its one write. */
export interface SendFacts {
  settings: RecognitionSettings;
  sentToday: number;
}

/**
 * Sends an エール: checked with the shared schema and rules, then one write to the outbox. It shows
 * at once in my sent list as 送信待ち, offline too: bridged in memory (just-queued.ts) while the
 * write commits, then from the outbox until the server acknowledges it; the server applies it once
 * however often it is sent. `onValidated` runs when the checks pass, before the write (the screen
 * moves on then); a failed write is reported in the result and to the sent list.
 */
export async function sendYell(
  db: AppDb,
  selfId: string,
  draft: YellDraft,
  options: { now?: Date; facts?: SendFacts; onValidated?: (yellId: string) => void } = {},
): Promise<ValidationResult<string>> {
  const now = options.now ?? new Date();
  const yellId = newId();
  const parsed = newMutation(
    'yell.send',
    { yellId, to: [...draft.to], message: draft.message, value: draft.value, visibility: draft.visibility },
    now,
  );
  if (!parsed.ok) return parsed;
  const mutation = parsed.value;
  const facts = options.facts ?? {
    settings: await readSettings(db),
    sentToday: await sentTodayOnDevice(db, selfId, now),
  };
  const check = checkYellSend(mutation, selfId, facts);
  if (!check.ok) return check;
  justQueued.add(db.name, mutation);
  options.onValidated?.(yellId);
  try {
    await enqueueMutation(db, mutation);
  } catch (e) {
    console.error('outbox', e);
    justQueued.drop(new Set([yellId]), SAVE_FAILED);
    return { ok: false, problem: SAVE_FAILED };
  }
  requestSync();
  return { ok: true, value: yellId };
}

/** The device refused to store it (full, or private mode): said plainly, and the draft is not sent. */
export const SAVE_FAILED = problem('yell.saveFailed');

/**
 * One clap per person: a second tap, or a tap on one already clapped (sent or waiting), queues
 * nothing; the server counts a replay once as well. One's own エール cannot be clapped.
 */
export async function clapYell(db: AppDb, selfId: string, yellId: string): Promise<ValidationResult<boolean>> {
  const queued = await db.transaction('rw', [db.yells, db.outbox], async () => {
    const yell = await db.yells.get(yellId);
    if (!yell) return { ok: false as const, problem: problem('yell.notFound') };
    if (yell.from === selfId) return { ok: false as const, problem: problem('yell.clapOwn') };
    if (yell.clappedByMe) return { ok: true as const, value: false };
    const outbox = await db.outbox.toArray();
    if (outbox.some((o) => o.mutation.kind === 'yell.clap' && o.mutation.yellId === yellId)) {
      return { ok: true as const, value: false };
    }
    const parsed = newMutation('yell.clap', { yellId });
    if (!parsed.ok) return parsed;
    await enqueueMutation(db, parsed.value);
    return { ok: true as const, value: true };
  });
  if (queued.ok && queued.value) requestSync();
  return queued;
}

/** Keeps エール about me out of the public feed (R4), or lets them back in; a profile edit like any other. */
export function setYellFeedOptOut(db: AppDb, optOut: boolean) {
  return queueMutation(db, 'profile.update', { patch: { yellFeedOptOut: optOut } });
}
