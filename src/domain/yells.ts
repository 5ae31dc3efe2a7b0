import * as v from 'valibot';
import { says } from './issues';
import { CreatedAtSchema, defineKind, MutationIdSchema } from './mutation-kit';
import { problem, type Problem } from './problems';
import { StaffIdSchema } from './staff';
import { charCount, cleanText } from './text';

/**
 * エール (recognition, R1-R4): short thank-you messages between colleagues, tagged with one of the
 * organisation's values. Shared by the app and the functions: the schemas, and the pure rules
 * (validation, who sees what, the daily cap, fairness suggestions).
 */
export const YELL_LIMITS = { message: 200, recipients: 10 } as const;

/** A value tag's id: stable, so the aggregates keep counting under it when HR renames the label. */
export const YellValueIdSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9-]{1,32}$/, says('yell.valueIdInvalid', { max: 32 })),
);

export const YellValueSchema = v.object({
  id: YellValueIdSchema,
  label: v.pipe(
    v.string(),
    v.transform((s) => cleanText(s).replace(/\s+/g, ' ')),
    v.check((s) => s !== '', says('yell.valueLabelEmpty')),
    v.check((s) => charCount(s) <= 20, says('yell.valueLabelTooLong', { max: 20 })),
  ),
});
export type YellValue = v.InferOutput<typeof YellValueSchema>;

export const DEFAULT_YELL_VALUES: readonly YellValue[] = [
  { id: 'tasukeai', label: '助けあエール' },
  { id: 'sonchou', label: 'そんちょうしあエール' },
  { id: 'tanoshime', label: 'たのしめエール' },
];

export const DEFAULT_DAILY_CAP = 20;

/** HR's settings for the organisation (POST /recognition/settings replaces them whole). */
export const RecognitionSettingsSchema = v.object({
  values: v.pipe(
    v.array(YellValueSchema),
    v.minLength(1, says('yell.valuesEmpty')),
    v.maxLength(20, says('yell.valuesTooMany', { max: 20 })),
    v.check((values) => new Set(values.map((x) => x.id)).size === values.length, says('yell.valuesDuplicate')),
  ),
  dailyCap: v.pipe(
    v.number(says('yell.dailyCapRange', { min: 1, max: 100 })),
    v.integer(says('yell.dailyCapRange', { min: 1, max: 100 })),
    v.minValue(1, says('yell.dailyCapRange', { min: 1, max: 100 })),
    v.maxValue(100, says('yell.dailyCapRange', { min: 1, max: 100 })),
  ),
});
export type RecognitionSettings = v.InferOutput<typeof RecognitionSettingsSchema>;

export const DEFAULT_RECOGNITION_SETTINGS: RecognitionSettings = {
  values: DEFAULT_YELL_VALUES.map((x) => ({ ...x })),
  dailyCap: DEFAULT_DAILY_CAP,
};

/**
 * Made by the sending device, so a send can be replayed and shown before the server has it. No
 * underscore: clap documents are named `{yellId}_{staffId}` and the first underscore separates.
 */
export const YellIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{8,64}$/, says('yell.idInvalid')));

export const YellMessageSchema = v.pipe(
  v.string(),
  v.transform(cleanText),
  v.check((s) => s !== '', says('yell.messageEmpty')),
  v.check((s) => charCount(s) <= YELL_LIMITS.message, says('yell.messageTooLong', { max: YELL_LIMITS.message })),
);

export const YELL_VISIBILITIES = ['public', 'private'] as const;
export type YellVisibility = (typeof YELL_VISIBILITIES)[number];
export const YellVisibilitySchema = v.picklist(YELL_VISIBILITIES, says('yell.visibilityInvalid'));

/** Recipients as sent: 1..10 distinct staff ids (not the sender: that needs the sender, see checkYellSend). */
export const YellRecipientsSchema = v.pipe(
  v.array(StaffIdSchema, says('yell.noRecipient')),
  v.minLength(1, says('yell.noRecipient')),
  v.maxLength(YELL_LIMITS.recipients, says('yell.tooManyRecipients', { max: YELL_LIMITS.recipients })),
  v.check((to) => new Set(to).size === to.length, says('yell.duplicateRecipient')),
);

/** An エール as a device receives it: what this viewer may see of it. */
export const YellSchema = v.object({
  id: YellIdSchema,
  from: v.string(),
  to: v.array(v.string()),
  message: v.string(),
  /** A value id of the organisation's settings (the label is looked up there). */
  value: v.string(),
  visibility: YellVisibilitySchema,
  /** Server clock when accepted, for display only. */
  createdAt: v.string(),
  /** The version of this yell's last change (sent, clapped, re-logged); unique per organisation. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  clapCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  clappedByMe: v.boolean(),
});
export type Yell = v.InferOutput<typeof YellSchema>;

/** Answer to GET /yells?since=V, for one viewer, in version order. */
export const YellsPageSchema = v.object({
  yells: v.array(YellSchema),
  /** Ids of yells this viewer held that are no longer visible to them (a recipient opted out of the feed). */
  removed: v.array(v.string()),
  /** The version the device is at after this page. */
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** More changes follow: ask again with `version`. */
  more: v.boolean(),
  /** The device's version is unknown to the server: drop every stored yell and keep what the pages bring. */
  reset: v.boolean(),
  /** Who keeps エール about themselves out of the feed, so the app can say so; not a privacy mechanism. */
  feedOptOut: v.array(v.string()),
});
export type YellsPage = v.InferOutput<typeof YellsPageSchema>;

export const YELLS_PAGE_SIZE = 200;

/** GET /recognition/me: the caller's own counts, shown only to them (no one else's, no ranking). */
export const RecognitionMeSchema = v.object({
  received: v.pipe(v.number(), v.integer(), v.minValue(0)),
  sent: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Yells sent today (Asia/Tokyo), against `dailyCap`. */
  sentToday: v.pipe(v.number(), v.integer(), v.minValue(0)),
  dailyCap: v.pipe(v.number(), v.integer(), v.minValue(1)),
});
export type RecognitionMe = v.InferOutput<typeof RecognitionMeSchema>;

/** A yell as the server keeps it (never sent as is: the clapper list is reduced to count + mine). */
export interface StoredYell {
  id: string;
  from: string;
  to: string[];
  message: string;
  value: string;
  visibility: YellVisibility;
  createdAt: string;
  version: number;
  /** Staff ids, each once, in the order they clapped. */
  clappers: string[];
}

// ---------------------------------------------------------------------------------------------
// Rules

export type YellCheck = { ok: true } | { ok: false; problem: Problem };

export interface YellSendFacts {
  settings: RecognitionSettings;
  /** Yells this sender already sent today (Asia/Tokyo), before this one. */
  sentToday: number;
  /** Whether a staff id is a person of the organisation; absent skips the check (the device may not know). */
  isStaff?: (staffId: string) => boolean;
}

/**
 * The rules for one send beyond the schema (which already limits the message and the recipient
 * list): not to oneself, known people, a value the organisation has, within the daily cap.
 * Shared by the server (which refuses) and the device (which says so before queueing).
 */
export function checkYellSend(
  send: { to: readonly string[]; value: string },
  senderId: string,
  facts: YellSendFacts,
): YellCheck {
  if (send.to.length === 0) return { ok: false, problem: problem('yell.noRecipient') };
  if (send.to.length > YELL_LIMITS.recipients)
    return { ok: false, problem: problem('yell.tooManyRecipients', { max: YELL_LIMITS.recipients }) };
  if (new Set(send.to).size !== send.to.length) return { ok: false, problem: problem('yell.duplicateRecipient') };
  if (send.to.includes(senderId)) return { ok: false, problem: problem('yell.toSelf') };
  const { isStaff } = facts;
  if (isStaff && !send.to.every((id) => isStaff(id))) return { ok: false, problem: problem('yell.unknownRecipient') };
  if (!facts.settings.values.some((x) => x.id === send.value))
    return { ok: false, problem: problem('yell.unknownValue') };
  if (facts.sentToday >= facts.settings.dailyCap)
    return { ok: false, problem: problem('yell.dailyCap', { cap: facts.settings.dailyCap }) };
  return { ok: true };
}

/**
 * Whether `viewer` may see a yell: its sender and recipients always; others only when it is
 * public and none of its recipients keeps エール about themselves out of the feed.
 */
export function canSeeYell(
  yell: Pick<StoredYell, 'from' | 'to' | 'visibility'>,
  viewer: string,
  feedOptOut: ReadonlySet<string>,
): boolean {
  if (yell.from === viewer || yell.to.includes(viewer)) return true;
  return yell.visibility === 'public' && !yell.to.some((id) => feedOptOut.has(id));
}

/**
 * What one viewer gets of a stored yell: the yell itself, its id to remove (a public yell hidden
 * by an opt-out: the viewer may hold it from before), or nothing (a private yell of others: not
 * even its id leaves the server).
 */
export function yellForViewer(
  yell: StoredYell,
  viewer: string,
  feedOptOut: ReadonlySet<string>,
): { yell: Yell } | { removed: string } | null {
  if (canSeeYell(yell, viewer, feedOptOut)) {
    const { clappers, ...rest } = yell;
    return { yell: { ...rest, to: [...rest.to], clapCount: clappers.length, clappedByMe: clappers.includes(viewer) } };
  }
  return yell.visibility === 'public' ? { removed: yell.id } : null;
}

/**
 * A clap by `actor`: refused on one's own yell or one not visible to them; a second clap by the
 * same person changes nothing (`changed` false).
 */
export function applyClap(
  yell: StoredYell | null,
  actor: string,
  feedOptOut: ReadonlySet<string>,
): { ok: true; changed: boolean; clappers: string[] } | { ok: false; problem: Problem } {
  if (!yell) return { ok: false, problem: problem('yell.notFound') };
  if (yell.from === actor) return { ok: false, problem: problem('yell.clapOwn') };
  if (!canSeeYell(yell, actor, feedOptOut)) return { ok: false, problem: problem('yell.clapNotVisible') };
  if (yell.clappers.includes(actor)) return { ok: true, changed: false, clappers: yell.clappers };
  return { ok: true, changed: true, clappers: [...yell.clappers, actor] };
}

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The Asia/Tokyo calendar day of an instant, 'YYYY-MM-DD' (Japan has no daylight saving time). */
export function tokyoDay(at: string | Date): string {
  const t = (typeof at === 'string' ? Date.parse(at) : at.getTime()) + TOKYO_OFFSET_MS;
  return new Date(t).toISOString().slice(0, 10);
}

/** The Asia/Tokyo month of an instant, 'YYYY-MM'. */
export function tokyoMonth(at: string | Date): string {
  return tokyoDay(at).slice(0, 7);
}

/** How many of these yells `senderId` sent on the Tokyo day of `now` (the device's own count of the cap). */
export function countSentOnDay(
  yells: readonly Pick<StoredYell, 'from' | 'createdAt'>[],
  senderId: string,
  now: string | Date,
): number {
  const day = tokyoDay(now);
  return yells.filter((y) => y.from === senderId && tokyoDay(y.createdAt) === day).length;
}

// ---------------------------------------------------------------------------------------------
// Fairness (R4): colleagues not thanked lately

export interface FairnessInput {
  selfId: string;
  /** People of my section (係), me included or not. */
  sectionMembers: readonly string[];
  /** People I exchanged エール with (either way), most recent first or in any order. */
  exchangedWith: readonly string[];
  /** When each person last received an エール from anyone (ISO); absent means never. */
  lastReceivedAt: ReadonlyMap<string, string>;
  /** When I last sent each person an エール (ISO); absent means never. */
  lastSentByMeAt?: ReadonlyMap<string, string>;
  now: string | Date;
  /** People not thanked for at least this many days count as "not lately" (default 30). */
  quietDays?: number;
  limit?: number;
}

export interface FairnessSuggestion {
  staffId: string;
  /** Why: from my section, or someone I work with. */
  reason: 'section' | 'exchanged';
  /** Days since they last received an エール; null when never. */
  daysSinceReceived: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Colleagues who have not been thanked lately, from my section and the people I exchange エール
 * with: those never thanked first, then the longest unthanked; my own recent sends push a person
 * down (I already thanked them). Deterministic: ties break by staff id. No counts of anyone are
 * shown by it, so it cannot become a ranking.
 */
export function suggestColleagues(input: FairnessInput): FairnessSuggestion[] {
  const now = typeof input.now === 'string' ? Date.parse(input.now) : input.now.getTime();
  const quiet = (input.quietDays ?? 30) * DAY_MS;
  const limit = input.limit ?? 5;
  const reasons = new Map<string, FairnessSuggestion['reason']>();
  for (const id of input.sectionMembers) if (id !== input.selfId) reasons.set(id, 'section');
  for (const id of input.exchangedWith) if (id !== input.selfId && !reasons.has(id)) reasons.set(id, 'exchanged');
  const candidates: (FairnessSuggestion & { since: number; mine: number })[] = [];
  for (const [staffId, reason] of reasons) {
    const last = input.lastReceivedAt.get(staffId);
    const lastMs = last === undefined ? Number.NaN : Date.parse(last);
    const since = Number.isNaN(lastMs) ? Number.POSITIVE_INFINITY : now - lastMs;
    if (since < quiet) continue;
    const mine = input.lastSentByMeAt?.get(staffId);
    const mineMs = mine === undefined ? Number.NaN : Date.parse(mine);
    const mineSince = Number.isNaN(mineMs) ? Number.POSITIVE_INFINITY : now - mineMs;
    candidates.push({
      staffId,
      reason,
      daysSinceReceived: Number.isFinite(since) ? Math.floor(since / DAY_MS) : null,
      since,
      mine: mineSince < quiet ? 1 : 0,
    });
  }
  candidates.sort(
    (a, b) =>
      a.mine - b.mine ||
      b.since - a.since ||
      (a.reason === b.reason ? 0 : a.reason === 'section' ? -1 : 1) ||
      (a.staffId < b.staffId ? -1 : a.staffId > b.staffId ? 1 : 0),
  );
  return candidates.slice(0, limit).map(({ staffId, reason, daysSinceReceived }) => ({
    staffId,
    reason,
    daysSinceReceived,
  }));
}

/**
 * Sends an エール (R1) as oneself; the id is made on the device. Not to oneself and within the
 * daily cap: those need the sender and the day, so the server checks them (checkYellSend).
 */
export const YellSendSchema = v.object({
  kind: v.literal('yell.send'),
  id: MutationIdSchema,
  createdAt: CreatedAtSchema,
  yellId: YellIdSchema,
  to: YellRecipientsSchema,
  message: YellMessageSchema,
  value: YellValueIdSchema,
  visibility: YellVisibilitySchema,
});

/** Claps for an エール (R2): twice is the same as once; one's own is refused. */
export const YellClapSchema = v.object({
  kind: v.literal('yell.clap'),
  id: MutationIdSchema,
  createdAt: CreatedAtSchema,
  yellId: YellIdSchema,
});

/** An エール mutation as the store applies it (the sender or clapper is the token's person). */
export type YellIntent =
  | {
      kind: 'yell.send';
      yellId: string;
      to: readonly string[];
      message: string;
      value: string;
      visibility: YellVisibility;
    }
  | { kind: 'yell.clap'; yellId: string };

/** The エール kinds (R1, R2). */
export const YELL_KINDS = [
  defineKind({
    feature: 'yells',
    schema: YellSendSchema,
    touchesDirectory: false,
    intent: (m): YellIntent => ({
      kind: m.kind,
      yellId: m.yellId,
      to: m.to,
      message: m.message,
      value: m.value,
      visibility: m.visibility,
    }),
  }),
  defineKind({
    feature: 'yells',
    schema: YellClapSchema,
    touchesDirectory: false,
    intent: (m): YellIntent => ({ kind: m.kind, yellId: m.yellId }),
  }),
] as const;
