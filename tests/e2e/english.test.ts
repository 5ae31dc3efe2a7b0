/**
 * The app in English (issue 17): no screen shows Japanese that is not data. Signs in with English
 * chosen, walks the main screens, and meets three refusals:
 * - over the daily エール cap, refused by the SERVER: the device is offline and does not know that
 *   the same person reached the cap through the API meanwhile, so it queues the send and only the
 *   server refuses it;
 * - a hobby tag too long, refused by the shared schema on the device before anything is sent;
 * - a nomination of oneself, refused by the SERVER: the screens never offer oneself, so the
 *   mutation is put in the device's outbox as an older or other client would have sent it.
 * On each screen the visible text, less the data strings the device holds (names, units, titles,
 * tags, messages, the organisation's values and award names), must have no kana or kanji left.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AWARDS } from '../../src/domain/nominations';
import { DX_SKILLS, EMPLOYMENT_TYPES, JOB_LEVELS, SKILL_PYRAMID } from '../../src/domain/org';
import { DEFAULT_YELL_VALUES } from '../../src/domain/yells';
import { API_PATHS } from '../../src/domain/protocol';
import { signInEn } from '../../src/features/auth/words.en';
import { profileEn } from '../../src/features/profile/words.en';
import { yellEn } from '../../src/features/yell/words.en';
import { en as shellEn } from '../../src/i18n/en';
import { LANG_NAMES, LANG_STORAGE_KEY } from '../../src/i18n/language';
import { en as problemWords } from '../../src/i18n/problems/en';

/** The English the walk reads: the shell's and the words of the features it visits. */
const en = { ...shellEn, ...signInEn, ...yellEn, ...profileEn };
import { account, idTokenFor, stack } from '../stack/context';
import { launchChromium, newPhone, waitForOfflineReady } from './browser';
import { syncedAfterOnline } from './recognition';

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]+/gu;
/** The same, for a yes or no: a global regex's `test` remembers where it stopped. */
const HAS_JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/**
 * The app's own words that may stay in Japanese in English: each language's name in itself (the
 * switch), and the 言語 that tells a Japanese reader where the switch is.
 */
const ALLOWED = [...Object.values(LANG_NAMES), '言語'];

/**
 * The app's vocabulary that the directory holds as Japanese strings (job levels, employment types,
 * the skill pyramid, the DX skills): translated words, not data, so they are not removed, except
 * where a person's 職名 (data, shown as written) is the same word, as 主任 and 主事 are.
 */
const APP_VOCABULARY = new Set<string>([...JOB_LEVELS, ...EMPLOYMENT_TYPES, ...SKILL_PYRAMID, ...DX_SKILLS]);

/**
 * The organisation's own values until HR sets its own (the three エール values, the award names): data
 * shown as written, though the device holds them only as the defaults of the code when HR never saved any.
 */
const DEFAULT_VALUES = [...DEFAULT_YELL_VALUES, ...DEFAULT_AWARDS].map((x) => x.label);

/** Every string the device holds in IndexedDB (the synced directory, エール, nominations, communities, settings). */
async function deviceStrings(page: Page): Promise<{ strings: string[]; titles: string[] }> {
  return page.evaluate(async () => {
    const out = new Set<string>();
    // Strings under a `title` key: 職名, in a record or in a chunk's title column.
    const titles = new Set<string>();
    const walk = (x: unknown, title = false): void => {
      if (typeof x === 'string') {
        out.add(x);
        if (title) titles.add(x);
        if (x.startsWith('{') || x.startsWith('[')) {
          try {
            walk(JSON.parse(x), title);
          } catch {
            // Not JSON: kept as the string it is.
          }
        }
      } else if (Array.isArray(x)) x.forEach((y) => walk(y, title));
      else if (x && typeof x === 'object')
        for (const [key, value] of Object.entries(x)) walk(value, title || key === 'title');
    };
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store, 'readonly').objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        walk(rows);
      }
      db.close();
    }
    return { strings: [...out], titles: [...titles] };
  });
}

/** The Japanese left on the page once the data strings are taken out. */
async function japaneseLeft(page: Page, extraData: readonly string[] = []): Promise<string[]> {
  const device = await deviceStrings(page);
  const titles = new Set(device.titles);
  const data = [...device.strings, ...DEFAULT_VALUES, ...extraData]
    .flatMap((s) => [s, ...s.split(/[\s、,・/]+/)])
    .filter((s) => HAS_JAPANESE.test(s) && (!APP_VOCABULARY.has(s) || titles.has(s)))
    // Longest first, so a name is removed before a part of it.
    .sort((a, b) => b.length - a.length);
  // The generated avatars' initials are a person's first character (data): their text is left out.
  let text = await page.evaluate(() => {
    const hide = document.createElement('style');
    hide.textContent = '.avatar--generated { visibility: hidden !important; }';
    document.head.append(hide);
    const shown = document.body.innerText;
    hide.remove();
    return shown;
  });
  for (const s of data) text = text.split(s).join(' ');
  for (const s of ALLOWED) text = text.split(s).join(' ');
  return [...new Set(text.match(JAPANESE) ?? [])];
}

async function expectEnglish(page: Page, screen: string, extraData: readonly string[] = []) {
  // Let lazy words (the route's, the refusals') arrive.
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(300);
  expect(await japaneseLeft(page, extraData), `Japanese left on ${screen}`).toEqual([]);
}

async function pushAs(label: Parameters<typeof account>[0], mutations: unknown[]) {
  const res = await fetch(`${stack().functionsUrl}${API_PATHS.mutations}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await idTokenFor(account(label))}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ mutations }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: { status: string; code?: string }[] }).results;
}

describe('the app in English, in Chromium on the local stack', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('walks the main screens and three refusals with no Japanese that is not data', async () => {
    const { appUrl } = stack();
    const me = account('課長');
    const other = account('職員');
    const { context, page } = await newPhone(browser);
    await context.addInitScript(([key]) => localStorage.setItem(key, 'en'), [LANG_STORAGE_KEY] as const);

    await page.goto(appUrl);
    await page.getByLabel(en.signIn.email).fill(me.email);
    await page.getByLabel(en.signIn.password).fill(me.password);
    await expectEnglish(page, 'sign-in');
    await page.getByRole('button', { name: en.signIn.submit }).click();
    await page.getByRole('searchbox', { name: en.directory.search }).waitFor({ timeout: 30_000 });
    await page.getByRole('status').filter({ hasText: en.sync.upToDate }).waitFor({ timeout: 60_000 });
    await waitForOfflineReady(page);
    await expectEnglish(page, 'directory');

    for (const path of [
      `/people/${other.staffId}`,
      '/yells',
      '/yells/sent',
      '/yells/new',
      '/notifications',
      '/nominations',
      '/nominations/new',
      '/communities',
      '/peers',
      '/org',
      '/me/edit',
    ]) {
      await page.goto(`${appUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
      await expectEnglish(page, path);
    }

    // 1. Over the daily cap, refused by the server. Offline, the device still believes it may send;
    // meanwhile the same person reaches the cap through the API.
    await page.goto(`${appUrl}/yells/new?to=${other.staffId}`);
    await page.getByLabel(en.yell.message).waitFor();
    await context.setOffline(true);
    for (let n = 0; n < 200; n++) {
      const id = `cap-${Date.now().toString(36)}-${n}`;
      const [result] = await pushAs('課長', [
        {
          kind: 'yell.send',
          id,
          createdAt: new Date().toISOString(),
          yellId: id,
          to: [other.staffId],
          message: `cap ${n}`,
          value: 'tasukeai',
          visibility: 'private',
        },
      ]);
      if (result?.status === 'rejected') {
        expect(result.code).toBe('yell.dailyCap');
        break;
      }
    }
    const message = `Thanks for the help ${Date.now()}`;
    await page.getByLabel(en.yell.message).fill(message);
    await page.getByRole('button', { name: en.yell.send }).click();
    await page.getByRole('list', { name: en.yell.sent }).getByText(message).waitFor({ timeout: 10_000 });
    await syncedAfterOnline(page).catch(() => {});
    const card = page.locator('.yell-card', { hasText: message });
    await card.getByText(en.yell.rejected).waitFor({ timeout: 30_000 });
    await card.getByText(/You can send up to \d+ yells a day/).waitFor();
    await expectEnglish(page, 'a send over the daily cap');

    // 2. A hobby too long: refused on the device by the shared schema.
    await page.goto(`${appUrl}/me/edit`);
    await page.getByLabel(en.profile.hobbies, { exact: true }).fill('a'.repeat(31));
    await page.getByRole('button', { name: en.profileEdit.save }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: problemWords['edit.tagLength']({ tags: 'hobbies', max: 30, tag: 'a'.repeat(31) }) })
      .waitFor({ timeout: 10_000 });
    await expectEnglish(page, 'a hobby too long');

    // 3. A nomination of oneself, refused by the server: put in the outbox as another client would.
    const nominationId = `self-${Date.now().toString(36)}`;
    await page.evaluate(
      async ({ nominationId, self }) => {
        const [info] = (await indexedDB.databases()).filter((d) => d.name?.startsWith('shokuin'));
        const name = info?.name ?? (await indexedDB.databases())[0]?.name ?? '';
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const mutation = {
          kind: 'nomination.create',
          id: `m-${nominationId}`,
          createdAt: new Date().toISOString(),
          nominationId,
          awardId: 'shokuin',
          nominees: [self],
          teamName: '',
          reason: 'Nominating myself',
          yellIds: [],
        };
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('outbox', 'readwrite');
          tx.objectStore('outbox').add({ id: mutation.id, mutation, attempts: 0, notBefore: 0, lastError: null });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { nominationId, self: me.staffId },
    );
    await page.goto(`${appUrl}/nominations`);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page
      .getByRole('alert')
      .filter({ hasText: problemWords['nomination.selfNomination'] })
      .waitFor({ timeout: 60_000 });
    await expectEnglish(page, 'a nomination of oneself');

    await context.close();
    // Up to 200 calls to reach the cap and twelve screens, each waited on: over the stack's 120 s on a loaded machine.
  }, 300_000);

  // The screens that landed since: 研修, 管理 (HR), 管理職 (a manager), one's devices.
  for (const [label, paths] of [
    [
      '人事',
      [
        '/trainings',
        'a training',
        '/admin',
        '/admin/settings',
        '/admin/roster',
        '/admin/audit',
        '/admin/access',
        '/me/devices',
      ],
    ],
    ['課長', ['/manage', '/me/devices']],
  ] as const) {
    it(`walks what ${label} may see (${paths.join(', ')}) with no Japanese that is not data`, async () => {
      const { appUrl } = stack();
      const who = account(label);
      const { context, page } = await newPhone(browser);
      await context.addInitScript(([key]) => localStorage.setItem(key, 'en'), [LANG_STORAGE_KEY] as const);
      await page.goto(appUrl);
      await page.getByLabel(en.signIn.email).fill(who.email);
      await page.getByLabel(en.signIn.password).fill(who.password);
      await page.getByRole('button', { name: en.signIn.submit }).click();
      await page.getByRole('searchbox', { name: en.directory.search }).waitFor({ timeout: 30_000 });
      await page.getByRole('status').filter({ hasText: en.sync.upToDate }).waitFor({ timeout: 60_000 });
      for (const path of paths) {
        if (path === 'a training') {
          // The first training of the catalogue, opened from its list as a person would.
          await page.goto(`${appUrl}/trainings`);
          await page.locator('a[href^="/trainings/"]').first().click({ timeout: 30_000 });
          await page.waitForURL(/\/trainings\/[^/]+$/);
        } else await page.goto(`${appUrl}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
        await expectEnglish(page, path);
      }
      await context.close();
    });
  }
});
