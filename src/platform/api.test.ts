import { describe, expect, it } from 'vitest';
import { SYNC_PATH } from '../domain/sync-protocol';
import { TransportError } from '../sync/ports';
import { httpTransport } from './api';

function recording(answer: () => Response) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return answer();
  };
  return { calls, fetch };
}

describe('httpTransport.sync', () => {
  it('sends every cursor in one POST to /sync with the ID token, and hands back the feeds as answered', async () => {
    const feeds = { directory: { kind: 'upToDate', version: 3 }, yells: { anything: 'checked by the engine' } };
    const net = recording(() => Response.json({ feeds }));
    const transport = httpTransport({ apiBase: 'https://api.test', getToken: async () => 'tok', fetch: net.fetch });
    const request = { feeds: { directory: { snapshotId: 's1', version: 3 }, yells: { version: 7 } } };

    expect(await transport.sync(request)).toEqual({ feeds });

    expect(net.calls).toHaveLength(1);
    expect(net.calls[0]?.url).toBe(`https://api.test${SYNC_PATH}`);
    expect(net.calls[0]?.init?.method).toBe('POST');
    expect(net.calls[0]?.init?.headers).toMatchObject({
      Authorization: 'Bearer tok',
      'Content-Type': 'application/json',
    });
    expect(JSON.parse(String(net.calls[0]?.init?.body))).toEqual(request);
  });

  it('refuses an answer that is not the envelope, and says offline when the request never got an answer', async () => {
    const bad = httpTransport({
      apiBase: '',
      getToken: async () => 'tok',
      fetch: recording(() => Response.json({ directory: {} })).fetch,
    });
    await expect(bad.sync({ feeds: {} })).rejects.toMatchObject({ status: 502, code: 'bad-response' });
    const offline = httpTransport({
      apiBase: '',
      getToken: async () => 'tok',
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const error = await offline.sync({ feeds: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ status: 0 });
  });
});

describe('httpTransport: a refused token', () => {
  it('auth.tokenStale: asks Auth for a fresh token and sends once more with it', async () => {
    const answers = [Response.json({ code: 'auth.tokenStale' }, { status: 401 }), Response.json({ feeds: {} })];
    const net = recording(() => answers.shift() ?? Response.json({ code: 'api.internal' }, { status: 500 }));
    const asked: boolean[] = [];
    const transport = httpTransport({
      apiBase: '',
      getToken: async (force = false) => {
        asked.push(force);
        return force ? 'fresh' : 'old';
      },
      fetch: net.fetch,
    });
    expect(await transport.sync({ feeds: {} })).toEqual({ feeds: {} });
    expect(asked).toEqual([false, true]);
    expect(net.calls.map((c) => (c.init?.headers as Record<string, string>)['Authorization'])).toEqual([
      'Bearer old',
      'Bearer fresh',
    ]);
  });

  it('auth.tokenStale twice: only one retry, and the refusal is the answer', async () => {
    const net = recording(() => Response.json({ code: 'auth.tokenStale' }, { status: 401 }));
    const transport = httpTransport({ apiBase: '', getToken: async () => 'tok', fetch: net.fetch });
    await expect(transport.sync({ feeds: {} })).rejects.toMatchObject({ status: 401, code: 'auth.tokenStale' });
    expect(net.calls).toHaveLength(2);
  });

  it('auth.signedOut: tells the app (which wipes the device) and fails with that refusal, without retrying', async () => {
    const net = recording(() => Response.json({ code: 'auth.signedOut' }, { status: 401 }));
    let told = 0;
    const transport = httpTransport({
      apiBase: '',
      getToken: async () => 'tok',
      fetch: net.fetch,
      onSignedOut: () => {
        told += 1;
      },
    });
    await expect(transport.push([])).rejects.toMatchObject({ status: 401, code: 'auth.signedOut' });
    expect(told).toBe(1);
    expect(net.calls).toHaveLength(1);
  });
});
