/**
 * エール security through the API (router, auth, handlers) on the in-memory store with a fake
 * token verifier: what a signed-in person must not be able to do.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { YellsPageSchema } from '../../../../src/domain/yells';
import { staffId } from '../../testing/fixtures';
import { recognitionOrg, yellClap, yellSend } from '../../testing/recognition';
import { feedAnswer, syncRequest } from '../../testing/sync';

describe('エール security through the API', () => {
  it('nobody can send as someone else: a `from` in the body is ignored, the sender is the token’s person', async () => {
    const { push, store, orgId } = await recognitionOrg();
    const send = yellSend([staffId(2)], { from: staffId(9), actor: staffId(9) });
    expect((await push('p3', [send]))[0]?.status).toBe('applied');
    expect((await store.yells.getYells(orgId, [send.yellId]))[0]?.from).toBe(staffId(3));
  });

  it('nobody reads another’s private エール: not in their /yells, not even as an id', async () => {
    const { push, sync } = await recognitionOrg();
    const priv = yellSend([staffId(2)], { visibility: 'private' });
    await push('p3', [priv]);
    const other = v.parse(YellsPageSchema, await sync('yells', { version: 0 }, 'p5'));
    expect(JSON.stringify(other)).not.toContain(priv.yellId);
    const hr = v.parse(YellsPageSchema, await sync('yells', { version: 0 }, 'p1'));
    expect(hr.yells).toEqual([]);
    const recipient = v.parse(YellsPageSchema, await sync('yells', { version: 0 }, 'p2'));
    expect(recipient.yells.map((y) => y.message)).toEqual([priv.message]);
  });

  it('a private エール cannot be clapped by an outsider (which would reveal it exists)', async () => {
    const { push } = await recognitionOrg();
    const priv = yellSend([staffId(2)], { visibility: 'private' });
    await push('p3', [priv]);
    expect((await push('p5', [yellClap(priv.yellId)]))[0]).toMatchObject({
      status: 'rejected',
      code: 'yell.clapNotVisible',
    });
  });

  it('nobody claps twice: two claps (two mutation ids) count once; one’s own is refused', async () => {
    const { push, sync } = await recognitionOrg();
    const send = yellSend([staffId(2)]);
    await push('p3', [send]);
    await push('p5', [yellClap(send.yellId), yellClap(send.yellId)]);
    await push('p5', [yellClap(send.yellId)]);
    const feed = v.parse(YellsPageSchema, await sync('yells', { version: 0 }, 'p6'));
    expect(feed.yells[0]?.clapCount).toBe(1);
    expect((await push('p3', [yellClap(send.yellId)]))[0]).toMatchObject({
      status: 'rejected',
      code: 'yell.clapOwn',
    });
  });

  it('nobody exceeds the daily cap HR set', async () => {
    const { push, call } = await recognitionOrg();
    expect(
      (
        await call('POST', '/api/recognition/settings', 'p1', {
          values: [{ id: 'tasukeai', label: '助けあエール' }],
          dailyCap: 2,
        })
      ).status,
    ).toBe(200);
    const results = await push('p3', [yellSend([staffId(2)]), yellSend([staffId(5)]), yellSend([staffId(6)])]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected']);
    expect(results[2]).toMatchObject({ code: 'yell.dailyCap', params: { cap: 2 } });
  });

  it('refuses an unknown value, 10,001 characters, oneself, an unknown person, 11 recipients — each with its code', async () => {
    const { push, sync } = await recognitionOrg();
    const results = await push('p3', [
      yellSend([staffId(2)], { value: 'unknown' }),
      yellSend([staffId(2)], { message: 'あ'.repeat(10_001) }),
      yellSend([staffId(3)]),
      yellSend(['s99999']),
      yellSend(Array.from({ length: 11 }, (_, i) => staffId(i + 10))),
    ]);
    expect(results.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'yell.unknownValue'],
      ['rejected', 'yell.messageTooLong'],
      ['rejected', 'yell.toSelf'],
      ['rejected', 'yell.unknownRecipient'],
      ['rejected', 'yell.tooManyRecipients'],
    ]);
    // Nothing stored broken.
    expect(v.parse(YellsPageSchema, await sync('yells', { version: 0 }, 'p3')).yells).toEqual([]);
  });

  it('markup in a message is stored as typed and returned as JSON data', async () => {
    const { push, api } = await recognitionOrg();
    const message = '<img src=x onerror=alert(1)>ありがとう</script>';
    await push('p3', [yellSend([staffId(2)], { message })]);
    const res = await api(syncRequest({ yells: { version: 0 } }, 'p2'));
    expect(res.headers['Content-Type'] ?? res.headers['content-type']).toMatch(/application\/json/);
    expect(v.parse(YellsPageSchema, feedAnswer(res, 'yells')).yells[0]?.message).toBe(message);
  });

  it('notifications are the caller’s own only', async () => {
    const { push, sync } = await recognitionOrg();
    await push('p3', [yellSend([staffId(2)])]);
    expect(JSON.stringify(await sync('notifications', { version: 0 }, 'p5'))).not.toContain('yell.received');
    expect(JSON.stringify(await sync('notifications', { version: 0 }, 'p2'))).toContain('yell.received');
  });

  it('summary scope: staff 403; a manager of another 部 403; HR any unit', async () => {
    const { get } = await recognitionOrg();
    expect((await get('/api/recognition/summary', 'p3')).status).toBe(403);
    expect((await get('/api/recognition/summary?unit=bu-a', 'p3')).status).toBe(403);
    expect((await get('/api/recognition/summary?unit=bu-a', 'p7')).status).toBe(403);
    expect((await get('/api/recognition/summary?unit=kk-a1', 'p7')).status).toBe(403);
    expect((await get('/api/recognition/summary?unit=bu-b', 'p7')).status).toBe(200);
    expect((await get('/api/recognition/summary?unit=kk-a1', 'p1')).status).toBe(200);
    expect((await get('/api/recognition/summary?unit=nowhere', 'p1')).status).toBe(404);
  });

  it('settings: only HR may change them', async () => {
    const { call } = await recognitionOrg();
    const body = { values: [{ id: 'x', label: 'X' }], dailyCap: 1 };
    expect((await call('POST', '/api/recognition/settings', 'p4', body)).status).toBe(403);
    expect((await call('POST', '/api/recognition/settings', 'p3', body)).status).toBe(403);
  });

  it('my counts in the yells feed have no way to ask for another person', async () => {
    const { push, api } = await recognitionOrg();
    await push('p3', [yellSend([staffId(2)])]);
    const asked = await api(syncRequest({ yells: { version: 0, staffId: staffId(2) } }, 'p5'));
    expect(feedAnswer(asked, 'yells').me).toMatchObject({ received: 0, sent: 0 });
    const mine = await api(syncRequest({ yells: { version: 0 } }, 'p2'));
    expect(feedAnswer(mine, 'yells').me).toMatchObject({ received: 1, sent: 0 });
  });
});
