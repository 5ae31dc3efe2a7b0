import { describe, expect, it } from 'vitest';
import { MAX_MUTATIONS_PER_PUSH } from '../../../src/domain/mutations';
import { claimsFor, makeProfile, makeProfiles, mutationId, staffId } from '../testing/fixtures';
import { seededOrg } from '../testing/org';
import { HandlerError } from '../api/errors';
import { pushMutations } from './push-mutations';

const AT = '2025-04-01T09:00:00.000Z';
const introEdit = (id: string, intro: string, extra: Record<string, unknown> = {}) => ({
  kind: 'profile.update',
  id,
  createdAt: AT,
  patch: { intro },
  ...extra,
});

describe('pushMutations', () => {
  it("applies an edit of the caller's own profile and logs it as a directory change", async () => {
    const { store, orgId } = await seededOrg(3);
    const head = await store.directory.headVersion(orgId);
    const r = await pushMutations(store, claimsFor(1, 'staff', orgId), {
      mutations: [introEdit(mutationId(1), '  趣味は登山です  ')],
    });
    expect(r).toEqual({ results: [{ id: mutationId(1), status: 'applied' }] });
    expect((await store.directory.getStaff(orgId, staffId(1)))?.intro).toBe('趣味は登山です');
    const changes = await store.directory.changesSince(orgId, head, 10);
    expect(changes).toMatchObject([
      { op: 'put', version: head + 1, record: { id: staffId(1), intro: '趣味は登山です' } },
    ]);
  });

  it('cannot edit anyone else: a mutation that names another person still edits only the caller', async () => {
    const { store, orgId } = await seededOrg(3);
    const r = await pushMutations(store, claimsFor(1, 'staff', orgId), {
      mutations: [introEdit(mutationId(2), '乗っ取り', { staffId: staffId(2), target: staffId(2), actor: staffId(2) })],
    });
    expect(r.results[0]?.status).toBe('applied');
    expect((await store.directory.getStaff(orgId, staffId(2)))?.intro).toBe('');
    expect((await store.directory.getStaff(orgId, staffId(1)))?.intro).toBe('乗っ取り');
  });

  it('rejects a 10,000-character intro with its code and stores nothing', async () => {
    const { store, orgId } = await seededOrg(2);
    const head = await store.directory.headVersion(orgId);
    const r = await pushMutations(store, claimsFor(0, 'staff', orgId), {
      mutations: [introEdit(mutationId(3), 'あ'.repeat(10_000))],
    });
    expect(r.results).toMatchObject([{ id: mutationId(3), status: 'rejected', code: 'edit.introTooLong' }]);
    expect((await store.directory.getStaff(orgId, staffId(0)))?.intro).toBe('');
    expect(await store.directory.headVersion(orgId)).toBe(head);
  });

  it('stores markup as the text that was typed: neither stripped nor turned into anything else', async () => {
    const { store, orgId } = await seededOrg(2);
    const markup = '<script>alert("x")</script><img src=x onerror=alert(1)> **太字** &amp;';
    await pushMutations(store, claimsFor(0, 'staff', orgId), { mutations: [introEdit(mutationId(4), markup)] });
    expect((await store.directory.getStaff(orgId, staffId(0)))?.intro).toBe(markup);
    const [change] = await store.directory.changesSince(orgId, 0, 10);
    expect(change?.op === 'put' ? change.record.intro : null).toBe(markup);
  });

  it('answers a replay with duplicate and applies it only once', async () => {
    const { store, orgId } = await seededOrg(2);
    const claims = claimsFor(0, 'staff', orgId);
    await pushMutations(store, claims, { mutations: [introEdit(mutationId(5), '最初')] });
    const head = await store.directory.headVersion(orgId);
    const replay = await pushMutations(store, claims, { mutations: [introEdit(mutationId(5), '最初')] });
    expect(replay.results).toEqual([{ id: mutationId(5), status: 'duplicate' }]);
    expect(await store.directory.headVersion(orgId)).toBe(head);
  });

  it('does not let one bad mutation block the others, and answers each in order', async () => {
    const { store, orgId } = await seededOrg(2);
    const r = await pushMutations(store, claimsFor(0, 'staff', orgId), {
      mutations: [
        introEdit(mutationId(6), '一つ目'),
        introEdit('bad id!', 'x'),
        { kind: 'nomination.create', id: mutationId(7) },
        introEdit(mutationId(8), '二つ目'),
        'not an object',
      ],
    });
    expect(r.results.map((x) => [x.id, x.status])).toEqual([
      [mutationId(6), 'applied'],
      ['bad id!', 'rejected'],
      [mutationId(7), 'rejected'],
      [mutationId(8), 'applied'],
      ['', 'rejected'],
    ]);
    expect(r.results[1]?.code).toBe('mutation.idInvalid');
    expect((await store.directory.getStaff(orgId, staffId(0)))?.intro).toBe('二つ目');
  });

  it("keeps a private intro out of the shared change log while storing it on the person's profile", async () => {
    const me = makeProfile(0, { audiences: { intro: 'self', hobbies: 'everyone', photo: 'everyone' } });
    const { store, orgId } = await seededOrg([me, ...makeProfiles(1, 1)]);
    const head = await store.directory.headVersion(orgId);
    await pushMutations(store, claimsFor(0, 'staff', orgId), { mutations: [introEdit(mutationId(9), '自分だけ')] });
    expect((await store.directory.getStaff(orgId, staffId(0)))?.intro).toBe('自分だけ');
    const [change] = await store.directory.changesSince(orgId, head, 10);
    expect(change?.op === 'put' ? change.record.intro : null).toBe('');
  });

  it('refuses a malformed envelope or too many mutations as a whole, with a code', async () => {
    const { store, orgId } = await seededOrg(1);
    const claims = claimsFor(0, 'staff', orgId);
    await expect(pushMutations(store, claims, { mutations: [] })).rejects.toMatchObject({
      status: 400,
      problem: { code: 'api.badRequest' },
    });
    const tooMany = Array.from({ length: MAX_MUTATIONS_PER_PUSH + 1 }, (_, i) => introEdit(mutationId(`t${i}`), 'x'));
    const failure = await pushMutations(store, claims, { mutations: tooMany }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HandlerError);
    expect(failure).toMatchObject({
      status: 400,
      problem: { code: 'api.tooManyMutations', params: { max: MAX_MUTATIONS_PER_PUSH } },
    });
    expect(await store.directory.headVersion(orgId)).toBe(1);
  });
});
