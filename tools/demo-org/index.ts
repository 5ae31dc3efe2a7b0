/**
 * A deterministic demo organisation: a fictional ward office (デモ区) with its 部 → 課 → 係 tree
 * and as many staff as asked for, in realistic proportions of job levels and employment types.
 * Same options, same output, so tests, screenshots and the local demo agree.
 */
import type { EmploymentType, JobLevel, OrgUnit } from '../../src/domain/org';
import { DX_SKILLS, JOB_LEVELS } from '../../src/domain/org';
import type { DeptHistoryEntry, StaffProfile } from '../../src/domain/staff';
import { fullName } from '../../src/domain/staff';
import { charCount } from '../../src/domain/text';
import type { BuSeed, KaSeed, KakariSeed } from './data/units';
import { DEPARTMENTS, DIGITAL_UNITS, TRIM_PRIORITY } from './data/units';
import type { NameEntry } from './data/names';
import { GIVEN_NAMES_COMMON, GIVEN_NAMES_OLDER, GIVEN_NAMES_YOUNGER, SURNAMES, VARIANT_SURNAMES } from './data/names';
import {
  HOBBIES,
  INTRO_CLOSERS,
  INTRO_HOBBY,
  INTRO_OPENERS,
  INTRO_SKILL,
  PROFESSIONS,
  QUALIFICATIONS,
  SKILLS,
  TECH_QUALIFICATIONS,
  TECH_SKILLS,
} from './data/vocab';
import { Random, at, cumulative } from './random';
import { toRomaji } from './romaji';

export interface DemoAccount {
  label: '職員' | '課長' | '部長' | '人事' | '表彰委員';
  email: string;
  password: string;
  staffId: string;
  name: string;
}

export interface DemoOrg {
  orgId: 'demo-ku';
  orgName: string;
  units: OrgUnit[];
  staff: StaffProfile[];
  accounts: DemoAccount[];
}

export const DEMO_DOMAIN = 'demo-ku.example.jp';
export const DEMO_PASSWORD = 'demo-pass-2026';
/** Fewer people than this cannot fill even the smallest tree (3 部) with heads and the demo accounts. */
export const MIN_DEMO_STAFF = 50;
/** From this size on the whole tree is used and only the staff per 係 grows. */
const FULL_TREE_STAFF = 3000;

/** Share of all staff per job level; 主事 takes what is left (about 41.5%). */
const LEVEL_SHARES: Readonly<Partial<Record<JobLevel, number>>> = {
  部長級: 0.005,
  課長級: 0.03,
  課長補佐級: 0.05,
  係長級: 0.15,
  主任: 0.25,
  統括技能長: 0.003,
  技能長: 0.015,
  技能主任: 0.03,
  係員: 0.052,
};
const TECH_LEVELS: readonly JobLevel[] = ['統括技能長', '技能長', '技能主任', '係員'];
const SHARE_REEMPLOYED = 0.07;
const SHARE_FISCAL_YEAR = 0.13;
const SHARE_ALT_NAME = 0.03;
const SHARE_INTRO = 0.3;
const COMMITTEE_SIZE = 10;
/** Transfers happen on 1 April; the latest round the demo knows of. No clock is read, to stay deterministic. */
const LATEST_TRANSFER_YEAR = 2025;

const LEVEL_TITLES: Record<JobLevel, string> = {
  部長級: '担当部長',
  課長級: '担当課長',
  課長補佐級: '課長補佐',
  係長級: '主査',
  主任: '主任',
  主事: '主事',
  統括技能長: '統括技能長',
  技能長: '技能長',
  技能主任: '技能主任',
  係員: '係員',
};

/** Typical age range per level; it picks a generation of given names and the length of a career. */
const AGE_RANGES: Record<JobLevel, readonly [number, number]> = {
  部長級: [53, 59],
  課長級: [45, 58],
  課長補佐級: [42, 58],
  係長級: [35, 57],
  主任: [28, 50],
  主事: [22, 35],
  統括技能長: [50, 59],
  技能長: [45, 59],
  技能主任: [35, 55],
  係員: [20, 50],
};

interface BuPlace {
  seed: BuSeed;
  unit: OrgUnit;
  weight: number;
}

interface KaPlace {
  seed: KaSeed;
  unit: OrgUnit;
  bu: BuPlace;
  weight: number;
}

/** A unit a person can sit in, with what the generator needs to know about it. */
interface Place {
  unit: OrgUnit;
  /** 部 課 係 joined with spaces, for history entries where a bare 庶務係 would be ambiguous. */
  path: string;
  bu: BuPlace;
  ka: KaPlace | null;
  hr: boolean;
  digital: boolean;
}

interface Slot {
  place: Place;
  level: JobLevel;
  title: string;
  head: boolean;
  employment: EmploymentType;
}

interface Built {
  slot: Slot;
  profile: StaffProfile;
}

export function generateDemoOrg(options: { staff: number; seed?: number }): DemoOrg {
  const total = options.staff;
  if (!Number.isInteger(total) || total < MIN_DEMO_STAFF) {
    throw new RangeError(`staff must be an integer of at least ${MIN_DEMO_STAFF}, got ${total}`);
  }
  const rng = new Random(options.seed ?? 1);

  const tree = buildTree(total);
  const slots = placeStaff(tree, total, rng);
  assignEmployment(slots, total, rng);

  const context: PeopleContext = {
    rng,
    names: new NamePicker(),
    emails: new Map(),
    extensions: new ExtensionPlan(total),
    allPlaces: tree.kakari.map((p) => p.place),
    techPlaces: tree.kakari.filter((p) => p.tech > 0).map((p) => p.place),
  };
  const built: Built[] = slots.map((slot, i) => ({ slot, profile: makeProfile(slot, i, context) }));

  const accounts = chooseAccounts(built, rng);
  return {
    orgId: 'demo-ku',
    orgName: 'デモ区役所',
    units: tree.units,
    staff: built.map((b) => b.profile),
    accounts,
  };
}

// ---------------------------------------------------------------------------------------------
// The tree

interface KakariPlace {
  place: Place;
  seed: KakariSeed;
  weight: number;
  tech: number;
}

interface Tree {
  units: OrgUnit[];
  bu: { place: Place; bu: BuPlace; kaCount: number }[];
  ka: { place: Place; ka: KaPlace; kakariCount: number }[];
  kakari: KakariPlace[];
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** How much of the ward a small organisation keeps: by square root, so 1,000 people still see most 部. */
function treeScale(total: number): number {
  return Math.min(1, Math.sqrt(total / FULL_TREE_STAFF));
}

/** Keeps the first `keep` items, but never drops those `mustKeep` marks. */
function keepFirst<T>(items: readonly T[], keep: number, mustKeep: (item: T) => boolean): Set<T> {
  const kept = new Set(items.filter(mustKeep));
  for (const item of items) {
    if (kept.size >= keep) break;
    kept.add(item);
  }
  return kept;
}

/**
 * The unit tree for `total` staff. Smaller organisations drop the 部, 課 and 係 that matter least
 * for the demo (never 人事課 or 区民生活部, which the demo accounts need); ids keep their full-tree
 * numbers so that a unit is called the same at every size.
 */
function buildTree(total: number): Tree {
  const tree: Tree = { units: [], bu: [], ka: [], kakari: [] };
  const scale = treeScale(total);
  const buRank = (seed: BuSeed): number => TRIM_PRIORITY.indexOf(seed.name);
  const byPriority = [...DEPARTMENTS].sort((a, b) => buRank(a) - buRank(b));
  const keptBu = keepFirst(byPriority, Math.max(3, Math.round(DEPARTMENTS.length * scale)), () => false);

  DEPARTMENTS.forEach((buSeed, b) => {
    if (!keptBu.has(buSeed)) return;
    const keptKa = keepFirst(buSeed.ka, Math.max(1, Math.round(buSeed.ka.length * scale)), (k) => k.hr);
    const buUnit: OrgUnit = {
      id: `b${pad2(b + 1)}`,
      kind: 'bu',
      name: buSeed.name,
      kana: buSeed.kana,
      parentId: null,
      order: b + 1,
    };
    const bu: BuPlace = { seed: buSeed, unit: buUnit, weight: 0 };
    tree.units.push(buUnit);
    tree.bu.push({
      bu,
      place: { unit: buUnit, path: buSeed.name, bu, ka: null, hr: false, digital: false },
      kaCount: keptKa.size,
    });

    buSeed.ka.forEach((kaSeed, k) => {
      if (!keptKa.has(kaSeed)) return;
      const kaUnit: OrgUnit = {
        id: `${buUnit.id}k${pad2(k + 1)}`,
        kind: 'ka',
        name: kaSeed.name,
        kana: kaSeed.kana,
        parentId: buUnit.id,
        order: k + 1,
      };
      const keptKakari = keepFirst(kaSeed.kakari, Math.max(1, Math.round(kaSeed.kakari.length * scale)), () => false);
      const ka: KaPlace = { seed: kaSeed, unit: kaUnit, bu, weight: 0 };
      const kaPath = `${buSeed.name} ${kaSeed.name}`;
      tree.units.push(kaUnit);
      tree.ka.push({
        kakariCount: keptKakari.size,
        ka,
        place: { unit: kaUnit, path: kaPath, bu, ka, hr: kaSeed.hr, digital: DIGITAL_UNITS.has(kaSeed.name) },
      });

      kaSeed.kakari.forEach((kakariSeed, s) => {
        if (!keptKakari.has(kakariSeed)) return;
        const unit: OrgUnit = {
          id: `${kaUnit.id}s${pad2(s + 1)}`,
          kind: 'kakari',
          name: kakariSeed.name,
          kana: kakariSeed.kana,
          parentId: kaUnit.id,
          order: s + 1,
        };
        tree.units.push(unit);
        const digital = DIGITAL_UNITS.has(kaSeed.name) || DIGITAL_UNITS.has(kakariSeed.name);
        const place: Place = { unit, path: `${kaPath} ${kakariSeed.name}`, bu, ka, hr: kaSeed.hr, digital };
        tree.kakari.push({ place, seed: kakariSeed, weight: kakariSeed.weight, tech: kakariSeed.tech });
        ka.weight += kakariSeed.weight;
        bu.weight += kakariSeed.weight;
      });
    });
  });
  return tree;
}

// ---------------------------------------------------------------------------------------------
// Who sits where

/** Staff per job level for `total` people; heads come first, so a level never has fewer than its units. */
function levelCounts(total: number, tree: Tree): Map<JobLevel, number> {
  const counts = new Map<JobLevel, number>();
  const minimum: Partial<Record<JobLevel, number>> = {
    部長級: tree.bu.length,
    課長級: tree.ka.length,
    係長級: tree.kakari.length,
  };
  // A small organisation may keep no 清掃事務所 or 土木事務所; its 技能系 share then works as 主事.
  const hasTechUnits = tree.kakari.some((k) => k.tech > 0);
  let assigned = 0;
  for (const level of JOB_LEVELS) {
    const share = LEVEL_SHARES[level];
    if (share === undefined || (!hasTechUnits && TECH_LEVELS.includes(level))) continue;
    const n = Math.max(minimum[level] ?? 0, Math.round(total * share));
    counts.set(level, n);
    assigned += n;
  }
  counts.set('主事', total - assigned);
  return counts;
}

/**
 * Splits `count` over units in proportion to their weights, each jittered so that units of the
 * same weight do not come out identical; largest remainders get the leftovers so the sum is exact.
 */
function allocate(count: number, weights: readonly number[], rng: Random): number[] {
  const jittered = weights.map((w) => w * (0.75 + 0.5 * rng.next()));
  const sum = jittered.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const quotas = jittered.map((w) => (count * w) / sum);
  const result = quotas.map(Math.floor);
  let left = count - result.reduce((a, b) => a + b, 0);
  const byRemainder = quotas.map((q, i) => ({ i, r: q - Math.floor(q) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    result[i] = at(result, i) + 1;
    left--;
  }
  return result;
}

function placeStaff(tree: Tree, total: number, rng: Random): Slot[] {
  const counts = levelCounts(total, tree);
  const count = (level: JobLevel): number => counts.get(level) ?? 0;
  const slot = (place: Place, level: JobLevel, title: string, head = false): Slot => ({
    place,
    level,
    title,
    head,
    employment: '正規',
  });

  // Extra people per unit, by level, in the order of JOB_LEVELS so a unit lists its seniors first.
  const extraBu = allocate(
    count('部長級') - tree.bu.length,
    tree.bu.map((b) => b.bu.weight),
    rng,
  );
  const kaWeights = tree.ka.map((k) => k.ka.weight);
  const extraKa = allocate(count('課長級') - tree.ka.length, kaWeights, rng);
  const hosaKa = allocate(count('課長補佐級'), kaWeights, rng);
  const officeWeights = tree.kakari.map((k) => k.weight);
  const techWeights = tree.kakari.map((k) => k.tech);
  const perKakari: [JobLevel, number[]][] = [
    ['係長級', allocate(count('係長級') - tree.kakari.length, officeWeights, rng)],
    ['主任', allocate(count('主任'), officeWeights, rng)],
    ['主事', allocate(count('主事'), officeWeights, rng)],
    ...TECH_LEVELS.map((level): [JobLevel, number[]] => [level, allocate(count(level), techWeights, rng)]),
  ];

  const slots: Slot[] = [];
  let kaIndex = 0;
  let kakariIndex = 0;
  tree.bu.forEach(({ place, bu, kaCount }, b) => {
    slots.push(slot(place, '部長級', bu.seed.head, true));
    for (let n = at(extraBu, b); n > 0; n--) slots.push(slot(place, '部長級', LEVEL_TITLES.部長級));
    for (let k = 0; k < kaCount; k++) {
      const { place: kaPlace, ka, kakariCount } = at(tree.ka, kaIndex);
      slots.push(slot(kaPlace, '課長級', ka.seed.head, true));
      for (let n = at(extraKa, kaIndex); n > 0; n--) slots.push(slot(kaPlace, '課長級', LEVEL_TITLES.課長級));
      for (let n = at(hosaKa, kaIndex); n > 0; n--) slots.push(slot(kaPlace, '課長補佐級', LEVEL_TITLES.課長補佐級));
      for (let s = 0; s < kakariCount; s++) {
        const { place: kakariPlace } = at(tree.kakari, kakariIndex);
        slots.push(slot(kakariPlace, '係長級', '係長', true));
        for (const [level, perUnit] of perKakari) {
          for (let n = at(perUnit, kakariIndex); n > 0; n--) {
            slots.push(slot(kakariPlace, level, specialistTitle(level, kakariPlace, rng)));
          }
        }
        kakariIndex++;
      }
      kaIndex++;
    }
  });
  return slots;
}

function specialistTitle(level: JobLevel, place: Place, rng: Random): string {
  const specialist = place.bu.seed.specialist;
  if (level === '主事' && specialist !== null && rng.chance(0.4)) return specialist.title;
  return LEVEL_TITLES[level];
}

/** 会計年度任用 are hired at 主事/係員 level; 再任用 come back at any level below the heads. */
function assignEmployment(slots: Slot[], total: number, rng: Random): void {
  const fiscalCandidates = slots.filter((s) => !s.head && (s.level === '主事' || s.level === '係員'));
  for (const s of rng.sample(fiscalCandidates, Math.round(total * SHARE_FISCAL_YEAR))) {
    s.employment = '会計年度任用';
    s.title = '会計年度任用職員';
  }
  const reemployCandidates = slots.filter(
    (s) => !s.head && s.employment === '正規' && s.level !== '部長級' && s.level !== '課長級',
  );
  for (const s of rng.sample(reemployCandidates, Math.round(total * SHARE_REEMPLOYED))) s.employment = '再任用';
}

// ---------------------------------------------------------------------------------------------
// People

/** What every person's generation shares. */
interface PeopleContext {
  rng: Random;
  names: NamePicker;
  /** How often each e-mail local part has been used, to number the next one. */
  emails: Map<string, number>;
  extensions: ExtensionPlan;
  /** Every 係, and those with 技能系 staff: where past postings are drawn from. */
  allPlaces: readonly Place[];
  techPlaces: readonly Place[];
}

class NamePicker {
  private readonly surnames: NameEntry[];
  private readonly surnameWeights: number[];
  private readonly older: NameEntry[] = [...GIVEN_NAMES_OLDER, ...GIVEN_NAMES_COMMON];
  private readonly younger: NameEntry[] = [...GIVEN_NAMES_YOUNGER, ...GIVEN_NAMES_COMMON];

  constructor() {
    // Roughly Zipf: the most common surname comes out about twenty times as often as the 150th.
    const rankWeight = (rank: number): number => 100 / (rank + 8);
    const weightOf = new Map(SURNAMES.map(([kanji], rank) => [kanji, rankWeight(rank)]));
    this.surnames = [...SURNAMES, ...VARIANT_SURNAMES.map(([kanji, kana]): NameEntry => [kanji, kana])];
    this.surnameWeights = cumulative([
      ...SURNAMES.map((_, rank) => rankWeight(rank)),
      ...VARIANT_SURNAMES.map(([, , plain, share]) => (weightOf.get(plain) ?? 0) * share),
    ]);
  }

  surname(rng: Random): NameEntry {
    return at(this.surnames, rng.weighted(this.surnameWeights));
  }

  given(rng: Random, age: number): NameEntry {
    return rng.pick(age >= 40 ? this.older : this.younger);
  }

  /** A 旧姓 or 通称 that reads differently from the registered surname. */
  other(rng: Random, kana: string): NameEntry {
    for (;;) {
      const candidate = this.surname(rng);
      if (candidate[1] !== kana) return candidate;
    }
  }
}

/**
 * Hands out unique extensions in seating order, so a section's numbers sit together: each 部 starts
 * on a new hundred and each 課 on a new ten while the range has room. Four digits run out past
 * 8,000 people, so larger organisations get five (six past 80,000), as big city halls have.
 */
class ExtensionPlan {
  private readonly digits: number;
  private readonly last: number;
  private next: number;
  private left: number;
  private buId = '';
  private kaId = '';

  constructor(total: number) {
    let digits = 4;
    // Numbers start at 2000 (20000 …) because 1xxx is usually the switchboard's and the mayor's office's.
    while (8 * 10 ** (digits - 1) < total) digits++;
    this.digits = digits;
    this.last = 10 ** digits - 1;
    this.next = 2 * 10 ** (digits - 1);
    this.left = total;
  }

  /** Call in seating order: a new 部 or 課 moves on to a round number. */
  take(place: Place): string {
    const kaId = place.ka?.unit.id ?? '';
    if (place.bu.unit.id !== this.buId) this.align(100);
    else if (kaId !== this.kaId) this.align(10);
    this.buId = place.bu.unit.id;
    this.kaId = kaId;
    const n = this.next++;
    this.left--;
    return String(n).padStart(this.digits, '0');
  }

  /** Moves to the next multiple of `step` if the remaining people still fit after it. */
  private align(step: number): void {
    const aligned = Math.ceil(this.next / step) * step;
    if (this.last - aligned + 1 >= this.left) this.next = aligned;
  }
}

function makeProfile(slot: Slot, index: number, context: PeopleContext): StaffProfile {
  const { rng, names, emails, extensions } = context;
  const { place, level } = slot;
  const tech = TECH_LEVELS.includes(level);

  const [minAge, maxAge] = slot.employment === '再任用' ? [60, 65] : AGE_RANGES[level];
  const age = slot.employment === '会計年度任用' ? rng.int(22, 68) : rng.int(minAge, maxAge);
  const service =
    slot.employment === '会計年度任用' ? rng.int(0, 4) : Math.max(0, age - 22 - rng.int(0, Math.min(8, age - 22)));

  const [familyName, familyKana] = names.surname(rng);
  const [givenName, givenKana] = names.given(rng, age);
  const hasAlt = rng.chance(SHARE_ALT_NAME);
  const [altFamilyName, altFamilyKana] = hasAlt ? names.other(rng, familyKana) : ['', ''];

  const base = `${romaji(givenKana)}.${romaji(familyKana)}`;
  const seen = (emails.get(base) ?? 0) + 1;
  emails.set(base, seen);
  const email = `${base}${seen > 1 ? seen : ''}@${DEMO_DOMAIN}`;

  const extension = extensions.take(place);

  const skills = pickSkills(rng, place, tech, slot.title);
  const hobbies = pickDistinct(rng, HOBBIES, drawCount(rng, [0.25, 0.4, 0.25, 0.1]));
  const qualifications = pickQualifications(rng, place, tech);
  const dxLevels = DX_SKILLS.map(() => dxLevel(rng, place.digital));
  const intro = rng.chance(SHARE_INTRO) ? buildIntro(rng, place.unit.name, service + 1, hobbies, skills) : '';

  return {
    id: `s${String(index + 1).padStart(6, '0')}`,
    familyName,
    givenName,
    familyKana,
    givenKana,
    altFamilyName,
    altFamilyKana,
    unitId: place.unit.id,
    title: slot.title,
    jobLevel: level,
    employment: slot.employment,
    extension,
    email,
    skills,
    dxLevels,
    hobbies,
    qualifications,
    intro,
    photo: null,
    role: place.hr ? 'hr' : level === '部長級' || level === '課長級' ? 'manager' : 'staff',
    duties: [],
    loginEmail: email,
    privatePhone: privatePhone(rng),
    history: buildHistory(context, slot, service),
    audiences: {},
    photoConsent: false,
  };
}

/** A few hundred readings recur across 40,000 people, so each is romanised once. */
const romajiCache = new Map<string, string>();
function romaji(kana: string): string {
  let r = romajiCache.get(kana);
  if (r === undefined) {
    r = toRomaji(kana);
    romajiCache.set(kana, r);
  }
  return r;
}

/** Index drawn from a small discrete distribution (shares summing to 1). */
function drawCount(rng: Random, shares: readonly number[]): number {
  let x = rng.next();
  for (let i = 0; i < shares.length; i++) {
    x -= at(shares, i);
    if (x < 0) return i;
  }
  return shares.length - 1;
}

function pickDistinct(rng: Random, pool: readonly string[], count: number, out: string[] = []): string[] {
  // Bounded retries: pools are far larger than the counts asked for, so this ends quickly.
  for (let tries = 0; out.length < count && tries < count * 8; tries++) {
    const item = rng.pick(pool);
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

function pickSkills(rng: Random, place: Place, tech: boolean, title: string): string[] {
  const specialist = place.bu.seed.specialist;
  const out: string[] = specialist !== null && title === specialist.title ? [specialist.skill] : [];
  const count = Math.max(out.length, drawCount(rng, [0.15, 0.3, 0.3, 0.15, 0.1]));
  if (tech) return pickDistinct(rng, TECH_SKILLS, count, out);
  for (let tries = 0; out.length < count && tries < count * 8; tries++) {
    const pool = rng.chance(0.5) ? place.bu.seed.skills : SKILLS;
    const item = rng.pick(pool);
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

function pickQualifications(rng: Random, place: Place, tech: boolean): string[] {
  const count = drawCount(rng, [0.5, 0.35, 0.15]);
  if (tech) return pickDistinct(rng, TECH_QUALIFICATIONS, count);
  const out: string[] = [];
  for (let tries = 0; out.length < count && tries < count * 8; tries++) {
    const item = rng.pick(rng.chance(0.5) ? place.bu.seed.qualifications : QUALIFICATIONS);
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

/** Most people are at LV0-1; IT sections run a level higher. */
function dxLevel(rng: Random, digital: boolean): number {
  const level = drawCount(rng, [0.5, 0.35, 0.12, 0.03]);
  return digital ? Math.min(3, level + 1) : level;
}

function privatePhone(rng: Random): string {
  const digits = (n: number): string => String(rng.int(0, 10 ** n - 1)).padStart(n, '0');
  // The middle group starts with 0, unlike the blocks carriers normally assign, so a demo number is unlikely to
  // ring a real phone.
  return `0${rng.pick(['90', '80', '70'])}-0${digits(3)}-${digits(4)}`;
}

const fill = (template: string, key: string, value: string): string => template.replace(`{${key}}`, value);

/** A short, natural self-introduction (20-80 characters) from a few stock phrases. */
function buildIntro(
  rng: Random,
  unitName: string,
  years: number,
  hobbies: readonly string[],
  skills: readonly string[],
): string {
  const parts: string[] = [];
  if (rng.chance(0.75)) parts.push(fill(fill(rng.pick(INTRO_OPENERS), 'unit', unitName), 'years', String(years)));
  if (hobbies.length > 0 && rng.chance(0.6)) parts.push(fill(rng.pick(INTRO_HOBBY), 'hobby', rng.pick(hobbies)));
  const talkable = skills.filter((s) => !PROFESSIONS.includes(s));
  if (talkable.length > 0 && rng.chance(0.4)) parts.push(fill(rng.pick(INTRO_SKILL), 'skill', rng.pick(talkable)));
  if (parts.length === 0 || rng.chance(0.8)) parts.push(rng.pick(INTRO_CLOSERS));
  // Too long: drop middle sentences first, the greeting and the closing carry the tone.
  while (charCount(parts.join('')) > 80 && parts.length > 1) parts.splice(Math.floor(parts.length / 2), 1);
  // Too short: say where one works, rather than a second 「よろしく」 in a row.
  for (const opener of INTRO_OPENERS) {
    if (charCount(parts.join('')) >= 20) break;
    const sentence = fill(fill(opener, 'unit', unitName), 'years', String(years));
    if (opener.includes('{unit}') && !parts.includes(sentence)) parts.unshift(sentence);
  }
  return parts.join('');
}

const isoApril = (year: number): string => `${year}-04-01`;
const isoMarchEnd = (year: number): string => `${year}-03-31`;

/** 1-4 postings ending in the current one; seniors have moved more often, as regular rotation does. */
function buildHistory(context: PeopleContext, slot: Slot, service: number): DeptHistoryEntry[] {
  const { rng, allPlaces, techPlaces } = context;
  const maxEntries = slot.employment === '会計年度任用' ? 1 : Math.min(4, 1 + Math.floor(service / 3));
  const entries = rng.int(Math.ceil(maxEntries / 2), maxEntries);
  const pool = TECH_LEVELS.includes(slot.level) && techPlaces.length > 0 ? techPlaces : allPlaces;

  let from = LATEST_TRANSFER_YEAR - rng.int(0, Math.min(3, service));
  const history: DeptHistoryEntry[] = [
    { unitId: slot.place.unit.id, unitName: slot.place.path, from: isoApril(from), to: null },
  ];
  for (let i = 1; i < entries; i++) {
    const to = from;
    from = to - rng.int(2, 5);
    let past = rng.pick(pool);
    // One redraw from all 係 makes a past posting in the current unit rare, without looping.
    if (past.unit.id === slot.place.unit.id) past = rng.pick(allPlaces);
    history.unshift({ unitId: past.unit.id, unitName: past.path, from: isoApril(from), to: isoMarchEnd(to) });
  }
  return history;
}

// ---------------------------------------------------------------------------------------------
// Duties and demo accounts

const DX_ELIGIBLE: readonly JobLevel[] = ['係長級', '主任', '主事'];
const COMMITTEE_ELIGIBLE: readonly JobLevel[] = ['課長級', '課長補佐級', '係長級', '主任'];
const DIGITAL_SKILL_INDEX = DX_SKILLS.indexOf('デジタル活用');

function chooseAccounts(built: Built[], rng: Random): DemoAccount[] {
  const inKakari = (b: Built): boolean => b.slot.place.unit.kind === 'kakari';
  const regular = (b: Built): boolean => b.slot.employment === '正規';

  // The 職員, 課長 and 部長 accounts share one chain of command, so the demo can show both sides.
  const shokuin =
    built.find(
      (b) => b.slot.place.bu.seed.name === '区民生活部' && inKakari(b) && b.slot.level === '主事' && regular(b),
    ) ??
    must(
      built.find((b) => !b.slot.place.hr && inKakari(b) && b.slot.level === '主事' && regular(b)),
      '主事',
    );
  const kaId = must(shokuin.slot.place.ka, '課 of 職員').unit.id;
  const kacho = must(
    built.find((b) => b.slot.head && b.slot.place.unit.id === kaId),
    '課長',
  );
  const bucho = must(
    built.find((b) => b.slot.head && b.slot.place.unit.id === shokuin.slot.place.bu.unit.id),
    '部長',
  );
  const hrStaff = built.filter((b) => b.slot.place.hr);
  const jinji = must(
    hrStaff.find((b) => !b.slot.head && (b.slot.level === '主任' || b.slot.level === '係長級')) ?? hrStaff[0],
    '人事',
  );
  const taken = new Set([shokuin, kacho, bucho, jinji].map((b) => b.profile.id));

  const committee = chooseCommittee(built, taken, rng);
  const iin = must(committee[0], '表彰委員');
  taken.add(iin.profile.id);
  chooseDx(built, taken);

  const picks: [DemoAccount['label'], string, Built][] = [
    ['職員', 'shokuin', shokuin],
    ['課長', 'kacho', kacho],
    ['部長', 'bucho', bucho],
    ['人事', 'jinji', jinji],
    ['表彰委員', 'iin', iin],
  ];
  return picks.map(([label, local, b]) => {
    const email = `${local}@${DEMO_DOMAIN}`;
    b.profile.email = email;
    b.profile.loginEmail = email;
    return { label, email, password: DEMO_PASSWORD, staffId: b.profile.id, name: fullName(b.profile) };
  });
}

/** Award committee members from different 部, never from 人事課, which runs the awards. */
function chooseCommittee(built: Built[], taken: ReadonlySet<string>, rng: Random): Built[] {
  const byBu = new Map<string, Built[]>();
  for (const b of built) {
    const { slot } = b;
    if (slot.place.hr || slot.employment !== '正規' || !COMMITTEE_ELIGIBLE.includes(slot.level)) continue;
    if (taken.has(b.profile.id)) continue;
    const list = byBu.get(slot.place.bu.unit.id) ?? [];
    list.push(b);
    byBu.set(slot.place.bu.unit.id, list);
  }
  const members: Built[] = [];
  for (const buId of rng.sample([...byBu.keys()], COMMITTEE_SIZE)) {
    const member = rng.pick(must(byBu.get(buId), buId));
    member.profile.duties.push('committee');
    members.push(member);
  }
  return members;
}

/** One DX推進委員 per 課: whoever there is furthest along in the DX skills. */
function chooseDx(built: Built[], taken: ReadonlySet<string>): void {
  const best = new Map<string, { b: Built; score: number }>();
  for (const b of built) {
    const { slot, profile } = b;
    const ka = slot.place.ka;
    if (ka === null || slot.employment !== '正規' || !DX_ELIGIBLE.includes(slot.level)) continue;
    if (taken.has(profile.id) || profile.duties.length > 0) continue;
    const score = profile.dxLevels.reduce((a, c) => a + c, 0);
    const current = best.get(ka.unit.id);
    if (current === undefined || score > current.score) best.set(ka.unit.id, { b, score });
  }
  for (const { b } of best.values()) {
    b.profile.duties.push('dx');
    // A DX推進委員 leads digital work in their section, which LV2 in デジタル活用 stands for.
    b.profile.dxLevels[DIGITAL_SKILL_INDEX] = Math.max(2, at(b.profile.dxLevels, DIGITAL_SKILL_INDEX));
  }
}

function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`demo organisation has no ${what}`);
  return value;
}
