import { toRomaji } from 'wanakana';
import type { OrgUnit } from '../org';
import { unitAncestry } from '../org';
import type { DirectoryRecord } from '../staff';
import { HaystackBuilder, UnitTable, remember, unitMembers } from './compiled';
import type { CompiledIndex, SearchEntry, UnitKeys } from './types';
import { HAS_KANA, NOT_DIGIT, SEP, normalizeFields, normalizeForSearch } from './normalize';
import { foldRomajiKey } from './romaji';

const HAS_LATIN = /[a-z]/;
const HAS_ASCII_WORD = /[a-z0-9]/;
const ASCII_RUN = /[!-~]+/g;

/** Tags, titles, readings and units repeat across thousands of people: each is worked out once per build. */
function memo(fn: (s: string) => string): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let out = cache.get(s);
    if (out === undefined) {
      out = fn(s);
      cache.set(s, out);
    }
    return out;
  };
}

/** Each non-empty field followed by SEP. */
function joinFields(fields: readonly string[]): string {
  const kept = fields.filter((f) => f !== '');
  return kept.length === 0 ? '' : kept.join(SEP) + SEP;
}

/** The runs of Latin letters and digits in normalised text, as written (Excel, toeic730, 2). */
const asciiWords = (s: string): string => (HAS_ASCII_WORD.test(s) ? joinFields(s.match(ASCII_RUN) ?? []) : '');

/**
 * Prepares the directory for search; call it once per directory change, then search per keystroke.
 * Everything a person can be found by is normalised here, so a keystroke only normalises the query.
 * The result is a plain array of entries, one per record in input order.
 */
export function buildSearchIndex(
  records: readonly DirectoryRecord[],
  units: ReadonlyMap<string, OrgUnit>,
): readonly SearchEntry[] {
  const normalized = memo(normalizeForSearch);
  // Family and given readings repeat, but their pairs hardly do: only the parts go through wanakana.
  const romanized = memo((reading) => toRomaji(reading));
  const roma = memo((reading) => foldRomajiKey(romanized(reading)));
  const romaOfOther = memo((other) => (HAS_KANA.test(other) ? joinFields([roma(other)]) : ''));
  const asciiOfOther = memo(asciiWords);

  const unitKeys = new Map<string, UnitKeys | null>();
  const unitKeysOf = (unitId: string): UnitKeys | null => {
    let keys = unitKeys.get(unitId);
    if (keys === undefined) {
      const chain = unitAncestry(units, unitId);
      keys =
        chain.length === 0
          ? null
          : {
              text: joinFields(chain.flatMap((u) => [normalized(u.name), normalized(u.kana)])),
              roma: joinFields(chain.map((u) => roma(normalized(u.kana)))),
            };
      unitKeys.set(unitId, keys);
    }
    return keys;
  };

  const text = new HaystackBuilder(records.length, 'text');
  const romaHaystack = new HaystackBuilder(records.length, 'one-byte');
  const ascii = new HaystackBuilder(records.length, 'one-byte');
  const table = new UnitTable();
  const unitOf = new Int32Array(records.length);

  records.forEach((r, i) => {
    // One normalisation call for all name fields: it is the costly step, and SEP survives it.
    const [family = '', given = '', familyKana = '', givenKana = '', alt = '', altKana = ''] = normalizeFields(
      [r.familyName, r.givenName, r.familyKana, r.givenKana, r.altFamilyName, r.altFamilyKana].join(SEP),
    ).split(SEP);
    const hasAlt = alt !== '' || altKana !== '';
    const others = [r.title, ...r.skills, ...r.hobbies, ...r.qualifications].map(normalized);

    // Full names are split keys: 佐藤|花子 is found whole, by 佐藤 and by 花子 (see Haystack).
    // Arrays are joined rather than strings concatenated: join makes one flat string where + makes
    // a tree of pieces to flatten later, and at 40,000 people that garbage is most of the build.
    const textKeys = [family + given, familyKana + givenKana];
    if (hasAlt) textKeys.push(alt + given, alt, altKana + givenKana, altKana);
    const kanaAt = family.length + given.length + 1;
    text.add(textKeys.join(SEP) + SEP, joinFields(others), family.length, kanaAt + familyKana.length);

    const familyRoma = roma(familyKana);
    const givenRoma = roma(givenKana);
    // Folding the whole name can differ from folding its parts (satou+uta → satota): then the
    // parts are keys of their own.
    const fullRoma = foldRomajiKey(romanized(familyKana) + romanized(givenKana));
    const split = fullRoma === familyRoma + givenRoma;
    const romaKeys = split ? [fullRoma] : [fullRoma, familyRoma, givenRoma];
    if (hasAlt) romaKeys.push(foldRomajiKey(romanized(altKana) + romanized(givenKana)), roma(altKana));
    romaHaystack.add(romaKeys.join(SEP) + SEP, others.map(romaOfOther).join(''), split ? familyRoma.length : -1);

    // The extension, and a name written in Latin letters, are keys here: digits and Latin letters are
    // searched only in this small one-byte haystack, where memchr rarely stops in vain.
    const extension = joinFields([r.extension.replace(NOT_DIGIT, '')]);
    const latinName = HAS_LATIN.test(family + given + alt)
      ? asciiWords([family + given, family, given, alt].join(SEP))
      : '';
    ascii.add(extension + latinName, others.map(asciiOfOther).join(''));

    unitOf[i] = table.idOf(unitKeysOf(r.unitId));
  });

  const compiled: CompiledIndex = {
    // A copy: the caller's array may change, and positions must keep pointing at the same people.
    records: records.slice(),
    text: text.finish(),
    roma: romaHaystack.finish(),
    ascii: ascii.finish(),
    unitOf,
    units: table.units,
    members: unitMembers(unitOf, table.units.length),
  };
  const entries = compiled.records.map((record, position): SearchEntry => ({ record, source: compiled, position }));
  remember(entries, compiled);
  return entries;
}
