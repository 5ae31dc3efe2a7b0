/**
 * Demo エール (R1-R3): a few hundred warm, public thank-yous between the demo staff, over the last
 * four months, and some claps. Deterministic (same roster, same end date, same エール) and applied
 * through the store's own mutation path (applyYellMutation), so the aggregates, notifications and
 * versions are exactly what real use would have left. Mutation ids are fixed, so seeding twice
 * adds nothing.
 */
import type { OrgUnit } from '../../../../src/domain/org';
import type { StaffProfile } from '../../../../src/domain/staff';
import { unitPath } from '../../../../src/domain/yell-aggregate';
import { DEFAULT_RECOGNITION_SETTINGS, type RecognitionSettings } from '../../../../src/domain/yells';
import type { ServerStores } from '../stores';
import type { YellIntent } from './port';

export interface DemoYellOptions {
  orgId: string;
  units: readonly OrgUnit[];
  staff: readonly StaffProfile[];
  /** People who should send and receive some (the demo accounts). */
  focus?: readonly string[];
  count?: number;
  /** The last day of the demo period; the エール spread over the 120 days before it. */
  until?: Date;
  settings?: RecognitionSettings;
}

export interface DemoYell {
  mutationId: string;
  from: string;
  intent: Extract<YellIntent, { kind: 'yell.send' }>;
  at: Date;
  clappers: string[];
}

const DEMO_MESSAGES: Record<string, readonly string[]> = {
  tasukeai: [
    '急な窓口応援、本当に助かりました。ありがとうございます！',
    '締切前の資料チェックを手伝ってくださり、ありがとうございました。',
    '電話が重なったときにさっと代わってくれて心強かったです。',
    'システムの操作で困っていたら丁寧に教えてくれて、ありがとう！',
    '繁忙期の入力作業、一緒に乗り切ってくれて感謝しています。',
    '会議室の準備を先回りしてくれて助かりました。',
    '引き継ぎ資料がとても分かりやすく、すぐに仕事に入れました。',
    '私が休みの日にフォローしてくださり、ありがとうございました。',
    '住民の方への説明を代わってくれて、本当に心強かったです。',
    '課をまたいだ調整を引き受けてくれて、ありがとうございます。',
  ],
  sonchou: [
    'いつも相手の話を最後まで聞く姿勢、見習いたいです。',
    '新人の私の意見も大切にしてくださり、うれしかったです。',
    '難しい相談にも落ち着いて向き合う姿に学ばせてもらっています。',
    'ミスを責めずに一緒に原因を考えてくれて、ありがとうございました。',
    '会議で皆の意見を丁寧にまとめてくれて、進めやすかったです。',
    '他の係の事情もくみ取って調整してくれる姿勢に感謝です。',
    '窓口での温かい声かけ、住民の方も喜んでいました。',
    'いつも「ありがとう」を欠かさない姿勢に励まされています。',
  ],
  tanoshime: [
    '朝のひと言でいつも職場が明るくなります。ありがとう！',
    '業務改善のアイデア、楽しく取り組めました。次もやりましょう！',
    '研修のグループワーク、おかげで盛り上がりました。',
    '大変な作業も冗談で和ませてくれて、乗り切れました。',
    '新しいツールを面白がって試してくれて、皆が使い始めました。',
    '地域のイベント運営、一緒に楽しめてよかったです。',
    '差し入れのお菓子、ごちそうさまでした！元気が出ました。',
  ],
};

/** A small seeded generator (mulberry32): the same seed gives the same エール everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;

export function generateDemoYells(options: DemoYellOptions): DemoYell[] {
  const count = options.count ?? 240;
  const rng = random(20261130);
  const pick = <T>(xs: readonly T[]): T => {
    const x = xs[Math.floor(rng() * xs.length)];
    if (x === undefined) throw new Error('pick from an empty list');
    return x;
  };
  const staff = [...options.staff].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (staff.length < 3) return [];
  const byUnit = new Map<string, StaffProfile[]>();
  for (const p of staff) byUnit.set(p.unitId, [...(byUnit.get(p.unitId) ?? []), p]);
  const focus = (options.focus ?? []).filter((id) => staff.some((p) => p.id === id));
  const values = (options.settings ?? DEFAULT_RECOGNITION_SETTINGS).values.map((x) => x.id);
  const until = (options.until ?? new Date('2026-11-30T00:00:00.000Z')).getTime();
  const perDay = new Map<string, number>();
  const out: DemoYell[] = [];
  for (let i = 0; out.length < count && i < count * 5; i++) {
    // Every fourth one involves a demo account, so each of them has some to show.
    const involveFocus = focus.length > 0 && i % 4 === 0;
    const sender = involveFocus && i % 8 === 0 ? byId(staff, pick(focus)) : pick(staff);
    if (!sender) continue;
    const colleagues = (byUnit.get(sender.unitId) ?? []).filter((p) => p.id !== sender.id);
    const size = rng() < 0.85 ? 1 : rng() < 0.7 ? 2 : 3;
    const to = new Set<string>();
    if (involveFocus && i % 8 !== 0) {
      const f = pick(focus);
      if (f !== sender.id) to.add(f);
    }
    for (let tries = 0; to.size < size && tries < 10; tries++) {
      // Mostly the own 係; about a third across the organisation (the cross-department KPI).
      const other = colleagues.length > 0 && rng() < 0.65 ? pick(colleagues) : pick(staff);
      if (other.id !== sender.id) to.add(other.id);
    }
    if (to.size === 0) continue;
    // Office hours on a weekday, spread over 120 days before `until`.
    let t = until - Math.floor(rng() * 120) * DAY_MS;
    const weekday = new Date(t + 9 * 3600_000).getUTCDay();
    if (weekday === 0) t -= 2 * DAY_MS;
    if (weekday === 6) t -= DAY_MS;
    t += Math.floor((8.75 + rng() * 8.5) * 3600_000) - 9 * 3600_000;
    const day = `${sender.id}~${new Date(t + 9 * 3600_000).toISOString().slice(0, 10)}`;
    if ((perDay.get(day) ?? 0) >= 3) continue;
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    const value = pick(values);
    const message = pick(DEMO_MESSAGES[value] ?? DEMO_MESSAGES['tasukeai'] ?? []);
    const n = String(out.length + 1).padStart(5, '0');
    const clappers: string[] = [];
    const claps = rng() < 0.6 ? 0 : 1 + Math.floor(rng() * 2);
    for (let c = 0; c < claps; c++) {
      const p = pick(staff);
      if (p.id !== sender.id && !clappers.includes(p.id)) clappers.push(p.id);
    }
    out.push({
      mutationId: `seed-yell-${n}`,
      from: sender.id,
      intent: { kind: 'yell.send', yellId: `seed-yell-${n}`, to: [...to], message, value, visibility: 'public' },
      at: new Date(t),
      clappers,
    });
  }
  // Oldest first, so the versions follow the dates as they would have.
  return out.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.mutationId < b.mutationId ? -1 : 1));
}

function byId(staff: readonly StaffProfile[], id: string): StaffProfile | undefined {
  return staff.find((p) => p.id === id);
}

/** Applies the demo エール and their claps, one at a time, through the store's mutation path. */
export async function seedDemoYells(
  store: ServerStores,
  options: DemoYellOptions,
): Promise<{ yells: number; claps: number }> {
  const yells = generateDemoYells(options);
  const unitsById = new Map(options.units.map((u) => [u.id, u]));
  const paths = new Map<string, readonly string[]>(options.staff.map((p) => [p.id, unitPath(unitsById, p.unitId)]));
  const settings = options.settings ?? DEFAULT_RECOGNITION_SETTINGS;
  let sent = 0;
  let clapped = 0;
  for (const y of yells) {
    const r = await store.yells.applyYellMutation(options.orgId, y.mutationId, y.from, y.intent, {
      settings,
      paths,
      now: y.at,
    });
    if (r.status === 'rejected') throw new Error(`seed: demo エール ${y.mutationId} refused: ${r.problem.code}`);
    sent += 1;
    for (const [k, clapper] of y.clappers.entries()) {
      const clapAt = new Date(y.at.getTime() + (k + 1) * 3_600_000);
      const c = await store.yells.applyYellMutation(
        options.orgId,
        `${y.mutationId}-c${k}`,
        clapper,
        { kind: 'yell.clap', yellId: y.intent.yellId },
        { settings, paths, now: clapAt },
      );
      if (c.status === 'rejected') throw new Error(`seed: demo clap ${y.mutationId}-c${k} refused: ${c.problem.code}`);
      clapped += 1;
    }
  }
  return { yells: sent, claps: clapped };
}
