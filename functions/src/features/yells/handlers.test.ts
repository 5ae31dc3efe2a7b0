import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { NotificationsPageSchema } from '../../../../src/domain/notifications';
import { RecognitionSummarySchema } from '../../../../src/domain/yell-aggregate';
import { RecognitionMeSchema, RecognitionSettingsSchema, YellsPageSchema } from '../../../../src/domain/yells';
import { staffId } from '../../testing/fixtures';
import { recognitionOrg, yellClap, yellSend } from '../../testing/recognition';
import { applyYellMutation } from './handlers';

const page = async (sync: Awaited<ReturnType<typeof recognitionOrg>>['sync'], token: string, since = 0) =>
  v.parse(YellsPageSchema, await sync('yells', { version: since }, token));

describe('エール handlers on the in-memory store', () => {
  it('a send lands once, shows in the feed with claps, and notifies recipient and sender', async () => {
    const { push, sync } = await recognitionOrg();
    const send = yellSend([staffId(2), staffId(8)]);
    expect(await push('p3', [send])).toEqual([{ id: send.id, status: 'applied' }]);
    expect(await push('p3', [send])).toEqual([{ id: send.id, status: 'duplicate' }]);
    expect(await push('p5', [yellClap(send.yellId)])).toEqual([expect.objectContaining({ status: 'applied' })]);
    const feed = await page(sync, 'p6');
    expect(feed.yells).toEqual([
      expect.objectContaining({
        id: send.yellId,
        from: staffId(3),
        to: [staffId(2), staffId(8)],
        clapCount: 1,
        clappedByMe: false,
      }),
    ]);
    expect(feed.reset).toBe(false);
    const received = v.parse(NotificationsPageSchema, await sync('notifications', { version: 0 }, 'p8'));
    expect(received.notifications.map((n) => [n.kind, n.actor, n.yellId])).toEqual([
      ['yell.received', staffId(3), send.yellId],
    ]);
    const clapped = v.parse(NotificationsPageSchema, await sync('notifications', { version: 0 }, 'p3'));
    expect(clapped.notifications.map((n) => [n.kind, n.actor])).toEqual([['yell.clapped', staffId(5)]]);
    expect(clapped.version).toBe(clapped.notifications[0]?.version);
    // Paging on: nothing new after the version the page gave.
    expect(
      v.parse(NotificationsPageSchema, await sync('notifications', { version: clapped.version }, 'p3')).notifications,
    ).toEqual([]);
  });

  it('GET /yells: a device ahead of the server is told to reset and gets everything from the start', async () => {
    const { push, sync } = await recognitionOrg();
    const send = yellSend([staffId(2)]);
    await push('p3', [send]);
    const r = await page(sync, 'p6', 999);
    expect(r.reset).toBe(true);
    expect(r.yells.map((y) => y.id)).toEqual([send.yellId]);
    expect(r.version).toBe(1);
  });

  it('GET /yells: up to date answers nothing new at the same version', async () => {
    const { push, sync } = await recognitionOrg();
    await push('p3', [yellSend([staffId(2)])]);
    const first = await page(sync, 'p6');
    expect(await page(sync, 'p6', first.version)).toEqual({ ...first, yells: [], removed: [] });
  });

  it('profile.update yellFeedOptOut: the person’s エール leave others’ feeds at the next pull, and come back', async () => {
    const { push, store, orgId, sync } = await recognitionOrg();
    const send = yellSend([staffId(2)]);
    await push('p3', [send]);
    const before = await page(sync, 'p6');
    expect(before.yells.map((y) => y.id)).toEqual([send.yellId]);
    const optOut = {
      kind: 'profile.update',
      id: 'm-optout-000001',
      createdAt: '2026-11-30T09:00:00.000Z',
      patch: { yellFeedOptOut: true },
    };
    expect((await push('p2', [optOut]))[0]?.status).toBe('applied');
    expect((await store.directory.getStaff(orgId, staffId(2)))?.yellFeedOptOut).toBe(true);
    const after = await page(sync, 'p6', before.version);
    expect(after).toMatchObject({ yells: [], removed: [send.yellId], feedOptOut: [staffId(2)] });
    // The person themself still has it.
    expect((await page(sync, 'p2')).yells.map((y) => y.id)).toEqual([send.yellId]);
    const optIn = { ...optOut, id: 'm-optin-0000001', patch: { yellFeedOptOut: false } };
    await push('p2', [optIn]);
    const back = await page(sync, 'p6', after.version);
    expect(back.yells.map((y) => y.id)).toEqual([send.yellId]);
    expect(back.feedOptOut).toEqual([]);
    // A late replay of the old opt-out is a duplicate and does not flip the feed back.
    expect((await push('p2', [optOut]))[0]?.status).toBe('duplicate');
    expect(await store.yells.getYellFeedOptOut(orgId)).toEqual([]);
  });

  it('a profile write that landed without its opt-out step is completed by the retried push', async () => {
    const { push, store, orgId } = await recognitionOrg();
    const optOut = {
      kind: 'profile.update',
      id: 'm-optout-000002',
      createdAt: '2026-11-30T09:00:00.000Z',
      patch: { yellFeedOptOut: true },
    };
    // As if the function died after the profile write: the profile says opted out, the store does not.
    await store.directory.applyMutation(orgId, optOut.id, staffId(2), (p) => ({ ...p, yellFeedOptOut: true }));
    expect(await store.yells.getYellFeedOptOut(orgId)).toEqual([]);
    expect((await push('p2', [optOut]))[0]?.status).toBe('duplicate');
    expect(await store.yells.getYellFeedOptOut(orgId)).toEqual([staffId(2)]);
  });

  it('GET /recognition/me: my own counts and today against the cap', async () => {
    const { push, sync } = await recognitionOrg();
    await push('p3', [yellSend([staffId(2), staffId(5)])]);
    await push('p2', [yellSend([staffId(3)])]);
    const me = v.parse(RecognitionMeSchema, (await sync('yells', { version: 0 }, 'p3')).me);
    // The push used the server clock, so "today" is today here too.
    expect(me).toEqual({ received: 1, sent: 1, sentToday: 1, dailyCap: 20 });
  });

  it('settings: HR replaces them, everyone reads them, a removed value can no longer be sent', async () => {
    const { call, push, sync } = await recognitionOrg();
    const settings = { values: [{ id: 'kaizen', label: 'カイゼンエール' }], dailyCap: 3 };
    const res = await call('POST', '/api/recognition/settings', 'p1', settings);
    expect(res.status).toBe(200);
    expect(v.parse(RecognitionSettingsSchema, (await sync('yells', { version: 0 }, 'p5')).settings)).toEqual(settings);
    const [result] = await push('p3', [yellSend([staffId(2)], { value: 'tasukeai' })]);
    expect(result).toMatchObject({ status: 'rejected', code: 'yell.unknownValue' });
  });

  it('settings: bad bodies are refused with a Japanese message and change nothing', async () => {
    const { call, sync, store, orgId } = await recognitionOrg();
    const bad = [
      { values: [], dailyCap: 3 },
      {
        values: [
          { id: 'a', label: 'A' },
          { id: 'a', label: 'B' },
        ],
        dailyCap: 3,
      },
      { values: [{ id: 'a', label: 'A' }], dailyCap: 1000 },
    ];
    const messages = [];
    for (const body of bad) {
      const res = await call('POST', '/api/recognition/settings', 'p1', body);
      expect(res.status).toBe(400);
      messages.push((JSON.parse(String(res.body)) as { code: string }).code);
    }
    expect(messages).toEqual(['yell.valuesEmpty', 'yell.valuesDuplicate', 'yell.dailyCapRange']);
    expect((await store.yells.getRecognitionSettings(orgId)).dailyCap).toBe(20);
    // Nothing was written, so the feed did not move: the answer is "up to date", without settings.
    expect(await sync('yells', { version: 0 }, 'p1')).toEqual({
      yells: [],
      removed: [],
      version: 0,
      more: false,
      reset: false,
      feedOptOut: [],
    });
  });

  it('summary: HR sees the whole organisation with departments, values, months and the cross share', async () => {
    const { push, get } = await recognitionOrg();
    await push('p2', [yellSend([staffId(3), staffId(8)])]);
    await push('p8', [yellSend([staffId(9)], { value: 'tanoshime' })]);
    const s = v.parse(RecognitionSummarySchema, (await get('/api/recognition/summary', 'p1')).body);
    expect(s.scope).toEqual({ unitId: null, name: '組織全体' });
    expect(s.total).toBe(3);
    expect(s.crossDepartment).toBe(1);
    expect(s.crossDepartmentShare).toBeCloseTo(1 / 3);
    expect(s.byDepartment).toEqual([
      { unitId: 'bu-a', name: '総務部', received: 1, sent: 2 },
      { unitId: 'bu-b', name: '区民部', received: 2, sent: 1 },
    ]);
    expect(s.byValue.find((x) => x.value === 'tanoshime')?.count).toBe(1);
    expect(s.byMonth).toHaveLength(1);
    // No per-person figure anywhere in it.
    expect(JSON.stringify(s)).not.toContain(staffId(2));
  });

  it('summary: a manager gets their own 部 by default, and a unit inside it', async () => {
    const { push, get } = await recognitionOrg();
    await push('p2', [yellSend([staffId(5)])]);
    const own = v.parse(RecognitionSummarySchema, (await get('/api/recognition/summary', 'p4')).body);
    expect(own.scope).toEqual({ unitId: 'bu-a', name: '総務部' });
    expect(own.byDepartment).toEqual([{ unitId: 'ka-a1', name: '人事課', received: 1, sent: 1 }]);
    const inner = await get('/api/recognition/summary?unit=ka-a1', 'p4');
    expect(inner.status).toBe(200);
    expect(
      v.parse(RecognitionSummarySchema, inner.body).byDepartment.map((r) => [r.unitId, r.received, r.sent]),
    ).toEqual([
      ['kk-a1', 0, 1],
      ['kk-a2', 1, 0],
    ]);
  });

  it('applyYellMutation acts as the token’s person only', async () => {
    const { store, claims } = await recognitionOrg();
    const send = yellSend([staffId(2)]);
    const parsed = { ...send, kind: 'yell.send' as const, visibility: 'public' as const };
    expect((await applyYellMutation(store, claims(3), parsed)).status).toBe('applied');
    const [stored] = await store.yells.getYells(claims(3).orgId, [send.yellId]);
    expect(stored?.from).toBe(staffId(3));
  });
});
