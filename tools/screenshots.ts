/**
 * `npm run shots -- [--out DIR] [--port-base N] [--lang en]`: starts the local stack, signs in as the
 * demo 職員 and saves phone-sized (390x844) screenshots of the main screens, so a person can look at
 * them. With `--lang en` the screens are in English (the search shots, typed in Japanese, are skipped).
 * Paths are tried in order; a screen that is not there yet is reported and skipped.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LANG_STORAGE_KEY } from '../src/i18n/language';
import { newPhone, signIn, waitForDirectory } from '../tests/e2e/browser';
import { launchChromium } from './browser';
import { startStack } from './stack';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: '.shots' },
    'port-base': { type: 'string', default: '6600' },
    account: { type: 'string', default: 'shokuin' },
    lang: { type: 'string', default: 'ja' },
  },
});
const out = values.out;
mkdirSync(out, { recursive: true });

const stack = await startStack({ staff: 3000, build: true, log: console.log, portBase: Number(values['port-base']) });
const browser = await launchChromium();
try {
  const { page } = await newPhone(browser);
  const account = stack.accounts.find((a) => a.email.startsWith(`${values.account}@`));
  if (!account) throw new Error(`no demo account ${values.account}`);
  await signIn(page, stack.appUrl, account);
  await waitForDirectory(page, 3000);
  if (values.lang !== 'ja')
    await page.evaluate(({ key, lang }) => localStorage.setItem(key, lang), {
      key: LANG_STORAGE_KEY,
      lang: values.lang,
    });
  const screens: [string, string][] = [
    ['directory', '/'],
    ['me', `/people/${account.staffId}`],
    ['edit', '/me/edit'],
    ['org', '/org'],
    ['peers', '/peers'],
    ['communities', '/communities'],
    ['yells', '/yells'],
    ['yells-received', '/yells/received'],
    ['yell-compose', '/yells/new'],
    ['notifications', '/notifications'],
    ['summary', '/recognition/summary'],
    ['nominations', '/nominations'],
    ['trainings', '/trainings'],
    ['devices', '/me/devices'],
    // What only some roles may open: a 職員 sees the refusal, HR (`--account jinji`) the screens.
    ['manage', '/manage'],
    ['admin', '/admin'],
    ['admin-roster', '/admin/roster'],
    ['admin-access', '/admin/access'],
    ['admin-audit', '/admin/audit'],
  ];
  for (const [name, path] of screens) {
    await page.goto(new URL(path, stack.appUrl).href);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(out, `${name}.png`) });
    console.log(`${name}: ${path} -> ${join(out, `${name}.png`)}`);
  }
  if (values.lang === 'ja') {
    const q = page.getByRole('searchbox', { name: '職員を検索' });
    await page.goto(stack.appUrl);
    await q.fill('たなか');
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(out, 'search.png') });
    // The filter menu, whose fields load on its first open.
    await page.getByText('絞り込み').click();
    await page.getByLabel('所属').waitFor();
    await page.screenshot({ path: join(out, 'filters.png') });
    // A skill search: each card says which skill or qualification found the person.
    await page.getByText('絞り込み').click();
    await q.fill('手話');
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(out, 'search-skill.png') });
    await page.getByRole('button', { name: '一覧' }).click();
    await page.locator('.person-link .match-reason').first().waitFor();
    await page.screenshot({ path: join(out, 'search-skill-list.png') });
    await page.getByRole('button', { name: '顔' }).click();
  }
} finally {
  await browser.close();
  await stack.stop();
}
