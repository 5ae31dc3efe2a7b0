import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveSession } from '../../db/session';
import { readAwards } from '../../db/nominations';
import type { AppDb } from '../../db/schema';
import { readSettings } from '../../db/yells';
import type { AwardsConfig } from '../../domain/nominations';
import type { RecognitionSettings } from '../../domain/yells';
import type { AdminApi } from '../../platform/api';
import { TransportError } from '../../sync/ports';
import { dropDb, renderAppAt, seededDb } from '../../../tests/fixtures/app';
import { setAdminApi } from './admin-source';

/** An in-memory server side of the two endpoints: what it was sent, and what it answers. */
function fakeServer(fail: TransportError | null = null) {
  const sent: { settings: RecognitionSettings[]; awards: AwardsConfig[] } = { settings: [], awards: [] };
  const api: AdminApi = {
    async saveRecognitionSettings(settings) {
      if (fail) throw fail;
      sent.settings.push(settings);
      return settings;
    },
    async saveAwards(config) {
      if (fail) throw fail;
      sent.awards.push(config);
      return config;
    },
  };
  return { api, sent };
}

let db: AppDb;
beforeEach(async () => {
  db = await seededDb();
  await saveSession(db, { uid: 'u1', email: 'me@x.jp', staffId: 'me', orgId: 'demo-ku', role: 'hr', duties: [] });
});
afterEach(async () => {
  setAdminApi(null);
  await dropDb(db);
});

describe('HR settings: エール values, daily cap, awards', () => {
  it('renames a value, adds one, sets the cap, and keeps what the server took on the device', async () => {
    const server = fakeServer();
    setAdminApi(server.api);
    renderAppAt(db, '/admin/settings');
    const form = await screen.findByRole('form', { name: 'エール' });
    const first = within(form).getByRole('textbox', { name: 'バリュー 1' });
    await userEvent.clear(first);
    await userEvent.type(first, 'たすけあい');
    await userEvent.click(within(form).getByRole('button', { name: 'バリューを追加' }));
    await userEvent.type(within(form).getByRole('textbox', { name: 'バリュー 4' }), 'チャレンジ');
    const cap = within(form).getByRole('spinbutton', { name: '1人が1日に送れるエールの上限（件）' });
    await userEvent.clear(cap);
    await userEvent.type(cap, '5');
    await userEvent.click(within(form).getByRole('button', { name: 'エールの設定を保存' }));
    await within(form).findByText('保存しました');

    expect(server.sent.settings).toHaveLength(1);
    const saved = server.sent.settings[0];
    expect(saved?.dailyCap).toBe(5);
    expect(saved?.values.map((x) => x.label)).toEqual([
      'たすけあい',
      'そんちょうしあエール',
      'たのしめエール',
      'チャレンジ',
    ]);
    // The renamed value keeps its id, so the aggregates go on counting under it.
    expect(saved?.values[0]?.id).toBe('tasukeai');
    expect(await readSettings(db)).toEqual(saved);
  });

  it('refuses an empty label or a cap out of range with the message, and sends nothing', async () => {
    const server = fakeServer();
    setAdminApi(server.api);
    renderAppAt(db, '/admin/settings');
    const form = await screen.findByRole('form', { name: 'エール' });
    await userEvent.click(within(form).getByRole('button', { name: 'バリューを追加' }));
    await userEvent.click(within(form).getByRole('button', { name: 'エールの設定を保存' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(/バリュー/);
    await userEvent.click(within(form).getByRole('button', { name: '「」を削除' }));
    const cap = within(form).getByRole('spinbutton', { name: '1人が1日に送れるエールの上限（件）' });
    await userEvent.clear(cap);
    await userEvent.type(cap, '1000');
    await userEvent.click(within(form).getByRole('button', { name: 'エールの設定を保存' }));
    await within(form).findByText('1日の上限は1〜100件で設定してください');
    expect(server.sent.settings).toEqual([]);
  });

  it('adds an award; offline it says so and the device keeps the old list', async () => {
    const offline = fakeServer(new TransportError('オフラインです', 0, 'offline'));
    setAdminApi(offline.api);
    renderAppAt(db, '/admin/settings');
    const form = await screen.findByRole('form', { name: '表彰の種類' });
    await userEvent.click(within(form).getByRole('button', { name: '賞を追加' }));
    await userEvent.type(within(form).getByRole('textbox', { name: '賞 5' }), '<b>防災</b>貢献賞');
    await userEvent.click(within(form).getByRole('button', { name: '表彰の種類を保存' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(/ネットワークに接続/);
    expect((await readAwards(db)).map((a) => a.label)).toEqual([
      '職員表彰',
      'キャリアデザイン顕彰',
      '部長賞',
      'DX優良事例表彰',
    ]);

    const online = fakeServer();
    setAdminApi(online.api);
    await userEvent.click(within(form).getByRole('button', { name: '表彰の種類を保存' }));
    await within(form).findByText('保存しました');
    expect((await readAwards(db)).at(-1)?.label).toBe('<b>防災</b>貢献賞');
  });

  it('is closed to anyone but HR', async () => {
    await saveSession(db, {
      uid: 'u1',
      email: 'me@x.jp',
      staffId: 'me',
      orgId: 'demo-ku',
      role: 'manager',
      duties: [],
    });
    renderAppAt(db, '/admin/settings');
    expect((await screen.findByRole('alert')).textContent).toBe('この画面は人事担当者のみ利用できます。');
    expect(screen.queryByRole('form')).toBeNull();
  });
});
