import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveSession } from '../../db/session';
import type { AppDb } from '../../db/schema';
import type { AuditLogEntry, AuditQuery } from '../../domain/audit';
import type { Role } from '../../domain/org';
import type { AccessApi } from '../../platform/api';
import { dropDb, renderAppAt, seededDb } from '../../../tests/fixtures/app';
import { setAccessApi } from './admin-source';
import { auditExportRows } from './audit-export';
import { adminJa } from './words';

/** The menu's link texts. */
function linkNames(nav: HTMLElement): string[] {
  return within(nav)
    .getAllByRole('link')
    .map((a) => a.textContent ?? '');
}

let db: AppDb | undefined;
afterEach(async () => {
  setAccessApi(null);
  if (db) await dropDb(db);
  db = undefined;
});

async function as(role: Role, path: string) {
  db = await seededDb();
  await saveSession(db, { uid: 'u1', email: 'me@x.jp', staffId: 'me', orgId: 'demo-ku', role, duties: [] });
  renderAppAt(db, path);
}

const ENTRY: AuditLogEntry = {
  id: 'e1',
  at: '2026-04-01T00:30:00.000Z',
  actor: 'me',
  actorRole: 'hr',
  kind: 'profile.restricted',
  subject: 's00002',
  fields: ['privatePhone', 'history'],
  endpoint: 'GET /staff/s00002',
  detail: '',
};

function fakeAccess(overrides: Partial<AccessApi> = {}) {
  const queries: AuditQuery[] = [];
  const confirmed: string[] = [];
  const api: AccessApi = {
    async fetchAuditLog(q) {
      queries.push(q);
      return { entries: [ENTRY], next: null };
    },
    async fetchPendingGrants() {
      return {
        grants: [
          { staffId: 's00003', role: 'hr', duties: [], requestedBy: 'me', requestedAt: '2026-04-01T00:00:00.000Z' },
          { staffId: 's00004', role: 'hr', duties: [], requestedBy: 's00009', requestedAt: '2026-04-01T00:00:00.000Z' },
        ],
      };
    },
    async confirmGrant(staffId) {
      confirmed.push(staffId);
    },
    async signOutEverywhere(staffId) {
      return { staffId, signedOutAt: '2026-04-01T00:00:01.000Z' };
    },
    ...overrides,
  };
  setAccessApi(api);
  return { queries, confirmed };
}

describe('管理 in the menu (A5)', () => {
  it('HR gets 管理, which gathers the import, the organisation, the audit log, the settings and the campaigns', async () => {
    await as('hr', '/');
    const nav = await screen.findByRole('navigation', { name: 'メニュー' });
    expect(linkNames(nav)).toContain('管理');
    expect(linkNames(nav)).not.toContain('管理職');
    await userEvent.click(within(nav).getByRole('link', { name: '管理' }));
    const home = await screen.findByRole('heading', { name: '管理' });
    const page = home.closest('section') as HTMLElement;
    const hrefs = within(page)
      .getAllByRole('link')
      .map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['/admin/roster', '/admin/org', '/admin/audit', '/admin/access', '/admin/settings']);
    expect(within(page).getByText('キャンペーン')).toBeTruthy();
  });

  it('a 職員 has neither entry, and the HR home says it is for HR only', async () => {
    await as('staff', '/admin');
    const nav = await screen.findByRole('navigation', { name: 'メニュー' });
    expect(linkNames(nav)).not.toContain('管理');
    expect(linkNames(nav)).not.toContain('管理職');
    expect((await screen.findByRole('alert')).textContent).toBe(adminJa.admin.notAllowed);
  });

  it('a 管理職 gets their own entry, with what they may see', async () => {
    await as('manager', '/');
    const nav = await screen.findByRole('navigation', { name: 'メニュー' });
    expect(linkNames(nav)).toContain('管理職');
    expect(linkNames(nav)).not.toContain('管理');
    await userEvent.click(within(nav).getByRole('link', { name: '管理職' }));
    const page = (await screen.findByRole('heading', { name: '管理職メニュー' })).closest('section') as HTMLElement;
    expect(
      within(page)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['/recognition/summary', '/org', '/trainings/approvals']);
  });
});

describe('the audit log screen (A3)', () => {
  it('sends the filters and shows who read what of whom, when and from where', async () => {
    const server = fakeAccess();
    await as('hr', '/admin/audit');
    await userEvent.type(await screen.findByRole('textbox', { name: /職員（職員番号）/ }), 's00002');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '種類' }), '非公開項目の閲覧');
    await userEvent.click(screen.getByRole('button', { name: '表示' }));
    const list = await screen.findByRole('list', { name: '監査ログ' });
    expect(server.queries).toEqual([{ person: 's00002', kind: 'profile.restricted' }]);
    expect(list.textContent).toContain('2026-04-01 09:30:00');
    expect(list.textContent).toContain('個人の電話番号・異動歴');
    expect(list.textContent).toContain('GET /staff/s00002');
  });

  it('exports what it shows as a CSV file with a BOM, through the shared CSV writer', async () => {
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:audit';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    try {
      fakeAccess();
      await as('hr', '/admin/audit');
      await userEvent.click(await screen.findByRole('button', { name: '表示' }));
      await screen.findByRole('list', { name: '監査ログ' });
      await userEvent.click(screen.getByRole('button', { name: 'CSVで書き出す' }));
      expect(await screen.findByText('CSVを書き出しました。')).toBeTruthy();
      expect(blobs).toHaveLength(1);
      const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8').decode(bytes.slice(3));
      expect(text.split('\r\n')[0]).toContain('日時');
      expect(text).toContain('GET /staff/s00002');
    } finally {
      create.mockRestore();
      revoke.mockRestore();
      click.mockRestore();
    }
  });

  it('its CSV rows: the header in the user’s words, times in JST, names from the directory', () => {
    const rows = auditExportRows([ENTRY], adminJa, new Map([['s00002', { familyName: '佐藤', givenName: '花子' }]]));
    expect(rows[0]?.[0]).toBe('日時');
    expect(rows[1]).toEqual([
      '2026-04-01 09:30:00',
      'me',
      '',
      '人事',
      '非公開項目の閲覧',
      's00002',
      '佐藤 花子',
      'privatePhone history',
      'GET /staff/s00002',
      '',
    ]);
  });
});

describe('rights screen (A2, A6)', () => {
  it('one’s own request cannot be confirmed; another’s can', async () => {
    const server = fakeAccess();
    await as('hr', '/admin/access');
    const pending = (await screen.findByRole('heading', { name: '承認待ちの人事権限' })).closest(
      'section',
    ) as HTMLElement;
    const items = await within(pending).findAllByRole('listitem');
    expect(within(items[0] as HTMLElement).queryByRole('button')).toBeNull();
    expect(items[0]?.textContent).toContain('自分の申請は承認できません');
    await userEvent.click(within(items[1] as HTMLElement).getByRole('button', { name: '承認する' }));
    await screen.findByText(/承認しました/);
    expect(server.confirmed).toEqual(['s00004']);
  });
});

describe('rights screen opened by its address', () => {
  it('waits for the connection to load and then lists the grants, instead of saying it is offline', async () => {
    await as('hr', '/admin/access');
    await screen.findByRole('heading', { name: '承認待ちの人事権限' });
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => void fakeAccess());
    const pending = (await screen.findByRole('heading', { name: '承認待ちの人事権限' })).closest(
      'section',
    ) as HTMLElement;
    expect(await within(pending).findAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByText(adminJa.access.needsConnection)).toBeNull();
  });
});

describe('signing out of every device (A6)', () => {
  it('HR signs a person out by staff number; a number not in the directory is refused before sending', async () => {
    const signedOut: string[] = [];
    fakeAccess({
      async signOutEverywhere(staffId) {
        signedOut.push(staffId);
        return { staffId, signedOutAt: '2026-04-01T00:00:01.000Z' };
      },
    });
    await as('hr', '/admin/access');
    const form = (await screen.findByRole('heading', { name: '端末からのサインアウト' })).closest(
      'form',
    ) as HTMLElement;
    const box = within(form).getByRole('textbox', { name: '職員番号' });
    await userEvent.type(box, 'nobody');
    await userEvent.click(within(form).getByRole('button', { name: 'すべての端末からサインアウト' }));
    expect((await screen.findByRole('alert')).textContent).toBe(adminJa.access.unknownPerson);
    await userEvent.clear(box);
    await userEvent.type(box, 'p2');
    await userEvent.click(within(form).getByRole('button', { name: 'すべての端末からサインアウト' }));
    await screen.findByText(/すべての端末からサインアウトしました/);
    expect(signedOut).toEqual(['p2']);
  });

  it('a person signs themself out from their own profile', async () => {
    const signedOut: string[] = [];
    fakeAccess({
      async signOutEverywhere(staffId) {
        signedOut.push(staffId);
        return { staffId, signedOutAt: '2026-04-01T00:00:01.000Z' };
      },
    });
    await as('staff', '/people/me');
    await userEvent.click(await screen.findByRole('link', { name: 'すべての端末からサインアウト' }));
    await userEvent.click(await screen.findByRole('button', { name: 'すべての端末からサインアウトする' }));
    await screen.findByText(adminJa.devices.done);
    expect(signedOut).toEqual(['me']);
  });
});
