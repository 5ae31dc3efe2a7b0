import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import type { JobLevel, OrgUnit } from '../../src/domain/org';
import { JOB_LEVELS, OrgUnitSchema } from '../../src/domain/org';
import type { StaffProfile } from '../../src/domain/staff';
import { LIMITS, StaffProfileSchema } from '../../src/domain/staff';
import { charCount } from '../../src/domain/text';
import type { DemoOrg } from './index';
import { DEMO_PASSWORD, generateDemoOrg } from './index';
import { GIVEN_NAMES_COMMON, GIVEN_NAMES_OLDER, GIVEN_NAMES_YOUNGER, SURNAMES, VARIANT_SURNAMES } from './data/names';
import { toRomaji } from './romaji';

const org3k = generateDemoOrg({ staff: 3000 });
const org40k = generateDemoOrg({ staff: 40_000 });

const HIRAGANA = /^[\u3041-\u3096ー]+$/;

function unitMap(org: DemoOrg): Map<string, OrgUnit> {
  return new Map(org.units.map((u) => [u.id, u]));
}

/** The 人事課 unit and its 係. */
function hrUnitIds(org: DemoOrg): Set<string> {
  const jinji = org.units.find((u) => u.kind === 'ka' && u.name === '人事課');
  if (jinji === undefined) throw new Error('no 人事課');
  return new Set([jinji.id, ...org.units.filter((u) => u.parentId === jinji.id).map((u) => u.id)]);
}

function departmentId(units: Map<string, OrgUnit>, unitId: string): string {
  let u = units.get(unitId);
  while (u !== undefined && u.parentId !== null) u = units.get(u.parentId);
  if (u === undefined) throw new Error(`unit ${unitId} has no 部`);
  return u.id;
}

function share(staff: readonly StaffProfile[], test: (p: StaffProfile) => boolean): number {
  return staff.filter(test).length / staff.length;
}

describe('generateDemoOrg: determinism', () => {
  it('gives deep-equal output for the same options', () => {
    expect(generateDemoOrg({ staff: 3000 })).toEqual(org3k);
    expect(generateDemoOrg({ staff: 3000, seed: 1 })).toEqual(org3k);
  });

  it('gives different people for a different seed, on the same tree', () => {
    const other = generateDemoOrg({ staff: 3000, seed: 2 });
    expect(other.units).toEqual(org3k.units);
    const names = (o: DemoOrg) => o.staff.map((p) => p.familyName + p.givenName);
    const same = names(other).filter((n, i) => n === names(org3k)[i]).length;
    expect(same).toBeLessThan(100);
    expect(other.staff.map((p) => p.email)).not.toEqual(org3k.staff.map((p) => p.email));
  });
});

describe('generateDemoOrg: sizes', () => {
  it('makes exactly the number of staff asked for', () => {
    expect(org3k.staff).toHaveLength(3000);
    expect(org40k.staff).toHaveLength(40_000);
    for (const n of [50, 333, 1000, 2999]) expect(generateDemoOrg({ staff: n }).staff).toHaveLength(n);
  });

  it('refuses sizes it cannot staff', () => {
    expect(() => generateDemoOrg({ staff: 49 })).toThrow(RangeError);
    expect(() => generateDemoOrg({ staff: 1000.5 })).toThrow(RangeError);
    expect(() => generateDemoOrg({ staff: Number.NaN })).toThrow(RangeError);
  });

  it('generates 40,000 staff in under 2 seconds', () => {
    const started = performance.now();
    const org = generateDemoOrg({ staff: 40_000, seed: 7 });
    const ms = performance.now() - started;
    expect(org.staff).toHaveLength(40_000);
    expect(ms).toBeLessThan(2000);
  });
});

describe('generateDemoOrg: the unit tree', () => {
  const count = (org: DemoOrg, kind: OrgUnit['kind']) => org.units.filter((u) => u.kind === kind).length;

  it('has about 15 部, 80 課 and 250 係 from 3,000 staff on, the same tree at 40,000', () => {
    expect(count(org3k, 'bu')).toBeGreaterThanOrEqual(13);
    expect(count(org3k, 'bu')).toBeLessThanOrEqual(17);
    expect(count(org3k, 'ka')).toBeGreaterThanOrEqual(70);
    expect(count(org3k, 'ka')).toBeLessThanOrEqual(90);
    expect(count(org3k, 'kakari')).toBeGreaterThanOrEqual(220);
    expect(count(org3k, 'kakari')).toBeLessThanOrEqual(280);
    expect(org40k.units).toEqual(org3k.units);
  });

  it('links 係 to 課 to 部 with short ids derived from the parent', () => {
    const units = unitMap(org3k);
    expect(units.size).toBe(org3k.units.length);
    for (const u of org3k.units) {
      const parent = u.parentId === null ? undefined : units.get(u.parentId);
      if (u.kind === 'bu') {
        expect(u.id).toMatch(/^b\d{2}$/);
        expect(u.parentId).toBeNull();
      } else if (u.kind === 'ka') {
        expect(u.id).toMatch(/^b\d{2}k\d{2}$/);
        expect(parent?.kind).toBe('bu');
        expect(u.id.startsWith(parent?.id ?? '?')).toBe(true);
      } else {
        expect(u.id).toMatch(/^b\d{2}k\d{2}s\d{2}$/);
        expect(parent?.kind).toBe('ka');
        expect(u.id.startsWith(parent?.id ?? '?')).toBe(true);
      }
    }
  });

  it('names the usual ward departments, each with a hiragana reading', () => {
    const names = new Set(org3k.units.map((u) => u.name));
    for (const name of ['総務部', '区民生活部', '福祉部', '子ども未来部', '教育委員会事務局', '人事課', '戸籍係']) {
      expect(names).toContain(name);
    }
    expect(org3k.units.find((u) => u.name === '総務部')?.kana).toBe('そうむぶ');
    for (const u of org3k.units) expect(u.kana, u.name).toMatch(HIRAGANA);
  });

  it('keeps unit ids stable when a small organisation drops units', () => {
    const full = unitMap(org3k);
    const small = generateDemoOrg({ staff: 200 });
    expect(small.units.length).toBeLessThan(org3k.units.length / 4);
    for (const u of small.units) expect(full.get(u.id)).toEqual(u);
    expect(small.units.some((u) => u.name === '人事課')).toBe(true);
  });
});

describe('generateDemoOrg: schema validity and uniqueness', () => {
  const sizes: [string, DemoOrg][] = [
    ['3,000', org3k],
    ['40,000', org40k],
  ];
  for (const [label, org] of sizes) {
    it(`passes OrgUnitSchema and StaffProfileSchema at ${label}`, () => {
      const badUnits = org.units.filter((u) => !v.safeParse(OrgUnitSchema, u).success);
      expect(badUnits).toEqual([]);
      const badStaff = org.staff.filter((p) => !v.safeParse(StaffProfileSchema, p).success).map((p) => p.id);
      expect(badStaff).toEqual([]);
    });

    it(`has unique ids, extensions and e-mails at ${label}`, () => {
      const unique = (values: string[]) => new Set(values).size;
      expect(unique(org.staff.map((p) => p.id))).toBe(org.staff.length);
      expect(unique(org.staff.map((p) => p.extension))).toBe(org.staff.length);
      expect(unique(org.staff.map((p) => p.email))).toBe(org.staff.length);
      for (const p of org.staff) {
        expect(p.loginEmail).toBe(p.email);
        expect(p.email).toMatch(/^[a-z0-9.]+@demo-ku\.example\.jp$/);
      }
      const units = unitMap(org);
      for (const p of org.staff) expect(units.has(p.unitId), p.unitId).toBe(true);
    });
  }

  it('uses four-digit extensions for a ward and five for a large city', () => {
    for (const p of org3k.staff) expect(p.extension).toMatch(/^\d{4}$/);
    for (const p of org40k.staff) expect(p.extension).toMatch(/^\d{5}$/);
  });
});

describe('generateDemoOrg: job levels and employment', () => {
  const expected: [JobLevel[], number, number][] = [
    [['部長級'], 0.005, 0.002],
    [['課長級'], 0.03, 0.006],
    [['課長補佐級'], 0.05, 0.01],
    [['係長級'], 0.15, 0.02],
    [['主任'], 0.25, 0.03],
    [['主事'], 0.4, 0.04],
    [['統括技能長', '技能長', '技能主任', '係員'], 0.1, 0.02],
  ];

  for (const org of [org3k, org40k]) {
    it(`has realistic job-level proportions at ${org.staff.length}`, () => {
      for (const [levels, target, tolerance] of expected) {
        expect(Math.abs(share(org.staff, (p) => levels.includes(p.jobLevel)) - target), levels.join()).toBeLessThan(
          tolerance,
        );
      }
      expect(new Set(org.staff.map((p) => p.jobLevel))).toEqual(new Set(JOB_LEVELS));
    });

    it(`has realistic employment types at ${org.staff.length}`, () => {
      expect(Math.abs(share(org.staff, (p) => p.employment === '正規') - 0.8)).toBeLessThan(0.02);
      expect(Math.abs(share(org.staff, (p) => p.employment === '再任用') - 0.07)).toBeLessThan(0.01);
      expect(Math.abs(share(org.staff, (p) => p.employment === '会計年度任用') - 0.13)).toBeLessThan(0.01);
      const fiscal = org.staff.filter((p) => p.employment === '会計年度任用');
      expect(fiscal.every((p) => p.jobLevel === '主事' || p.jobLevel === '係員')).toBe(true);
    });
  }

  it('puts a 部長級 head in every 部, a 課長級 head in every 課 and one 係長 in every 係', () => {
    for (const org of [org3k, org40k]) {
      const byUnit = new Map<string, StaffProfile[]>();
      for (const p of org.staff) {
        const list = byUnit.get(p.unitId);
        if (list === undefined) byUnit.set(p.unitId, [p]);
        else list.push(p);
      }
      for (const u of org.units) {
        const here = byUnit.get(u.id) ?? [];
        if (u.kind === 'bu') {
          const heads = here.filter((p) => p.jobLevel === '部長級' && p.title !== '担当部長');
          expect(heads, u.name).toHaveLength(1);
          expect(['部長', '会計管理者', '教育次長', '事務局長']).toContain(heads[0]?.title);
        } else if (u.kind === 'ka') {
          const heads = here.filter((p) => p.jobLevel === '課長級' && p.title !== '担当課長');
          expect(heads, u.name).toHaveLength(1);
          expect(['課長', '所長', '館長']).toContain(heads[0]?.title);
        } else {
          expect(
            here.filter((p) => p.title === '係長' && p.jobLevel === '係長級'),
            u.id,
          ).toHaveLength(1);
          expect(here.length, u.id).toBeGreaterThan(2);
        }
      }
    }
  });

  it('prints titles that match the level', () => {
    const titles = new Map<string, Set<string>>();
    for (const p of org3k.staff) titles.set(p.jobLevel, (titles.get(p.jobLevel) ?? new Set()).add(p.title));
    expect([...(titles.get('課長級') ?? [])].sort()).toEqual(['所長', '担当課長', '課長', '館長'].sort());
    expect(titles.get('課長補佐級')).toEqual(new Set(['課長補佐']));
    expect(titles.get('係長級')).toEqual(new Set(['係長', '主査']));
    expect(titles.get('主事')).toEqual(new Set(['主事', '技師', '保健師', '会計年度任用職員']));
    expect(titles.get('技能長')).toEqual(new Set(['技能長']));
  });
});

describe('generateDemoOrg: roles and duties', () => {
  for (const org of [org3k, org40k]) {
    it(`gives hr to 人事課, manager to other 部長級/課長級 and staff otherwise at ${org.staff.length}`, () => {
      const hrUnits = hrUnitIds(org);
      for (const p of org.staff) {
        const expectedRole = hrUnits.has(p.unitId)
          ? 'hr'
          : p.jobLevel === '部長級' || p.jobLevel === '課長級'
            ? 'manager'
            : 'staff';
        expect(p.role, p.id).toBe(expectedRole);
      }
      expect(org.staff.filter((p) => p.role === 'hr').length).toBeGreaterThanOrEqual(20);
    });
  }

  it('seats about ten award-committee members in different 部, none from 人事課', () => {
    const units = unitMap(org3k);
    const members = org3k.staff.filter((p) => p.duties.includes('committee'));
    expect(members).toHaveLength(10);
    expect(new Set(members.map((p) => departmentId(units, p.unitId))).size).toBe(10);
    const hrUnits = hrUnitIds(org3k);
    expect(members.some((p) => hrUnits.has(p.unitId))).toBe(false);
  });

  it('names one DX推進委員 per 課', () => {
    const units = unitMap(org3k);
    const kaOf = (unitId: string) => {
      const u = units.get(unitId);
      return u?.kind === 'kakari' ? u.parentId : unitId;
    };
    const dx = org3k.staff.filter((p) => p.duties.includes('dx'));
    const perKa = new Map<string | null, number>();
    for (const p of dx) perKa.set(kaOf(p.unitId), (perKa.get(kaOf(p.unitId)) ?? 0) + 1);
    const kaCount = org3k.units.filter((u) => u.kind === 'ka').length;
    expect(perKa.size).toBe(dx.length);
    expect(dx.length).toBeGreaterThanOrEqual(Math.floor(kaCount * 0.9));
    for (const p of dx) expect(p.dxLevels[2]).toBeGreaterThanOrEqual(2);
  });
});

describe('generateDemoOrg: names', () => {
  it('includes surnames written with variant kanji', () => {
    const surnames = new Set(org3k.staff.map((p) => p.familyName));
    for (const s of ['髙橋', '山﨑', '齋藤', '齊藤', '渡邊', '渡邉', '𠮷田']) expect(surnames, s).toContain(s);
    const yoshida = org3k.staff.find((p) => p.familyName === '𠮷田');
    expect(yoshida?.familyName.length).toBe(3);
    expect(yoshida?.familyKana).toBe('よしだ');
  });

  it('gives about 3% a 旧姓 or 通称 and leaves both fields empty for the rest', () => {
    for (const org of [org3k, org40k]) {
      const alt = org.staff.filter((p) => p.altFamilyName !== '');
      expect(alt.length / org.staff.length).toBeGreaterThan(0.02);
      expect(alt.length / org.staff.length).toBeLessThan(0.04);
      for (const p of alt) {
        expect(p.altFamilyKana).toMatch(HIRAGANA);
        expect(p.altFamilyKana).not.toBe(p.familyKana);
      }
      expect(org.staff.filter((p) => p.altFamilyName === '' && p.altFamilyKana !== '')).toEqual([]);
    }
  });

  it('writes every reading in hiragana within the limits', () => {
    for (const p of org3k.staff) {
      expect(p.familyKana).toMatch(HIRAGANA);
      expect(p.givenKana).toMatch(HIRAGANA);
      expect(p.familyName.length).toBeLessThanOrEqual(LIMITS.name);
    }
  });

  it('romanises every reading in the name lists', () => {
    const entries = [
      ...SURNAMES,
      ...VARIANT_SURNAMES,
      ...GIVEN_NAMES_OLDER,
      ...GIVEN_NAMES_YOUNGER,
      ...GIVEN_NAMES_COMMON,
    ];
    for (const [kanji, kana] of entries) {
      expect(kana, kanji).toMatch(HIRAGANA);
      expect(toRomaji(kana), kanji).toMatch(/^[a-z]+$/);
      expect(kanji.length, kanji).toBeLessThanOrEqual(LIMITS.name);
    }
  });

  it('spells e-mail addresses from the reading', () => {
    const p = org3k.staff.find((s) => s.email.startsWith(`${toRomaji(s.givenKana)}.${toRomaji(s.familyKana)}@`));
    expect(p).toBeDefined();
    expect(toRomaji('さとう')).toBe('sato');
    expect(toRomaji('いのうえ')).toBe('inoue');
    expect(toRomaji('しょうた')).toBe('shota');
    expect(toRomaji('はっとり')).toBe('hattori');
    expect(toRomaji('おおくぼ')).toBe('okubo');
    expect(toRomaji('ちひろ')).toBe('chihiro');
    expect(toRomaji('ゆういち')).toBe('yuichi');
    expect(toRomaji('きょうこ')).toBe('kyoko');
  });
});

describe('generateDemoOrg: profile content', () => {
  const staff = org3k.staff;

  it('keeps tags within their ranges', () => {
    for (const p of staff) {
      expect(p.skills.length).toBeLessThanOrEqual(4);
      expect(p.hobbies.length).toBeLessThanOrEqual(3);
      expect(p.qualifications.length).toBeLessThanOrEqual(2);
      for (const list of [p.skills, p.hobbies, p.qualifications]) expect(new Set(list).size).toBe(list.length);
    }
    expect(share(staff, (p) => p.skills.length === 0)).toBeGreaterThan(0.05);
    expect(share(staff, (p) => p.skills.length === 4)).toBeGreaterThan(0.03);
    expect(share(staff, (p) => p.hobbies.length > 0)).toBeGreaterThan(0.6);
    expect(share(staff, (p) => p.qualifications.includes('ITパスポート'))).toBeGreaterThan(0.005);
    expect(staff.some((p) => p.skills.includes('保健師'))).toBe(true);
  });

  it('sets most DX levels at 0-1 and a few at 2-3', () => {
    const levels = staff.flatMap((p) => p.dxLevels);
    const low = levels.filter((l) => l <= 1).length / levels.length;
    expect(low).toBeGreaterThan(0.8);
    expect(low).toBeLessThan(0.95);
    expect(levels.filter((l) => l === 3).length).toBeGreaterThan(0);
  });

  it('gives about 30% a short self-introduction', () => {
    const withIntro = staff.filter((p) => p.intro !== '');
    expect(withIntro.length / staff.length).toBeGreaterThan(0.25);
    expect(withIntro.length / staff.length).toBeLessThan(0.35);
    for (const p of withIntro) {
      expect(charCount(p.intro)).toBeGreaterThanOrEqual(20);
      expect(charCount(p.intro)).toBeLessThanOrEqual(80);
      expect(p.intro).toMatch(/。$/);
      expect(p.intro).not.toMatch(/[{}]/);
    }
  });

  it('records 1-4 postings ending in the current unit', () => {
    for (const p of staff) {
      expect(p.history.length).toBeGreaterThanOrEqual(1);
      expect(p.history.length).toBeLessThanOrEqual(4);
      const last = p.history.at(-1);
      expect(last?.unitId).toBe(p.unitId);
      expect(last?.to).toBeNull();
      for (let i = 0; i + 1 < p.history.length; i++) {
        const [a, b] = [p.history[i], p.history[i + 1]];
        expect(a?.to).not.toBeNull();
        expect((a?.to ?? '') < (b?.from ?? '')).toBe(true);
        expect((a?.from ?? '') < (a?.to ?? '')).toBe(true);
      }
    }
    expect(share(staff, (p) => p.history.length >= 3)).toBeGreaterThan(0.2);
  });

  it('leaves photos off and audiences open', () => {
    for (const p of staff) {
      expect(p.photo).toBeNull();
      expect(p.photoConsent).toBe(false);
      expect(p.audiences).toEqual({});
      expect(p.privatePhone).toMatch(/^0[789]0-\d{4}-\d{4}$/);
    }
  });
});

describe('generateDemoOrg: demo accounts', () => {
  for (const org of [org3k, org40k, generateDemoOrg({ staff: 50 })]) {
    it(`has one sign-in per role, wired to the right people, at ${org.staff.length}`, () => {
      const byId = new Map(org.staff.map((p) => [p.id, p]));
      const units = unitMap(org);
      const hrUnits = hrUnitIds(org);
      const account = (label: string) => {
        const a = org.accounts.find((x) => x.label === label);
        const person = a === undefined ? undefined : byId.get(a.staffId);
        if (a === undefined || person === undefined) throw new Error(`no ${label} account`);
        expect(a.password).toBe(DEMO_PASSWORD);
        expect(person.email).toBe(a.email);
        expect(person.loginEmail).toBe(a.email);
        expect(a.name).toBe(`${person.familyName} ${person.givenName}`);
        return { a, person };
      };

      expect(org.accounts.map((a) => a.label)).toEqual(['職員', '課長', '部長', '人事', '表彰委員']);
      expect(new Set(org.accounts.map((a) => a.staffId)).size).toBe(5);

      const shokuin = account('職員');
      expect(shokuin.a.email).toBe('shokuin@demo-ku.example.jp');
      expect(shokuin.person.jobLevel).toBe('主事');
      expect(shokuin.person.role).toBe('staff');
      expect(shokuin.person.duties).toEqual([]);
      expect(units.get(shokuin.person.unitId)?.kind).toBe('kakari');

      const kacho = account('課長');
      expect(kacho.a.email).toBe('kacho@demo-ku.example.jp');
      expect(kacho.person.jobLevel).toBe('課長級');
      expect(kacho.person.role).toBe('manager');
      expect(units.get(kacho.person.unitId)?.kind).toBe('ka');
      expect(units.get(shokuin.person.unitId)?.parentId).toBe(kacho.person.unitId);

      const bucho = account('部長');
      expect(bucho.a.email).toBe('bucho@demo-ku.example.jp');
      expect(bucho.person.jobLevel).toBe('部長級');
      expect(bucho.person.role).toBe('manager');
      expect(bucho.person.unitId).toBe(departmentId(units, shokuin.person.unitId));

      const jinji = account('人事');
      expect(jinji.a.email).toBe('jinji@demo-ku.example.jp');
      expect(jinji.person.role).toBe('hr');

      const iin = account('表彰委員');
      expect(iin.a.email).toBe('iin@demo-ku.example.jp');
      expect(iin.person.duties).toContain('committee');
      expect(hrUnits.has(iin.person.unitId)).toBe(false);
    });
  }
});
