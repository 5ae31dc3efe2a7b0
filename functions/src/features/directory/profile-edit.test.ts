import { describe, expect, it } from 'vitest';
import { PHOTO_LIMITS } from '../../../../src/domain/photo';
import { claimsFor, mutationId, staffId } from '../../testing/fixtures';
import { seededOrg } from '../../testing/org';
import { base64, fakeWebp, PNG_HEAD } from '../../testing/webp';
import { photoId } from './photos';
import { pushMutations } from '../../handlers/push-mutations';

const AT = '2025-04-01T09:00:00.000Z';
const update = (id: string, patch: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  kind: 'profile.update',
  id,
  createdAt: AT,
  patch,
  ...extra,
});
const photo = (id: string, images: { thumb: string; large: string } | null, extra: Record<string, unknown> = {}) => ({
  kind: 'profile.photo',
  id,
  createdAt: AT,
  photo: images,
  ...extra,
});

describe('profile.update beyond the intro (D5)', () => {
  it('applies hobbies, skills, private phone, audiences and consent to the caller, cleaned', async () => {
    const { store, orgId } = await seededOrg(2);
    const r = await pushMutations(store, claimsFor(1, 'staff', orgId), {
      mutations: [
        update(mutationId(1), {
          hobbies: [' 登山 ', '将棋', '登山', ''],
          skills: ['Excel VBA'],
          privatePhone: '０９０－１２３４－５６７８',
          audiences: { intro: 'department', privatePhone: 'self' },
          photoConsent: true,
        }),
      ],
    });
    expect(r.results).toMatchObject([{ id: mutationId(1), status: 'applied' }]);
    const p = await store.directory.getStaff(orgId, staffId(1));
    expect(p).toMatchObject({
      hobbies: ['登山', '将棋'],
      skills: ['Excel VBA'],
      privatePhone: '090-1234-5678',
      photoConsent: true,
    });
    // Fields not named keep their audience.
    expect(p?.audiences).toEqual({ intro: 'department', hobbies: 'everyone', photo: 'everyone', privatePhone: 'self' });
  });

  it.each([
    ['markup in a hobby', { hobbies: ['<script>alert(1)</script>'] }, 'edit.markup'],
    ['markup in a skill', { skills: ['<b>Excel</b>'] }, 'edit.markup'],
    ['a 31-character hobby', { hobbies: ['あ'.repeat(31)] }, 'edit.tagLength'],
    ['21 skills', { skills: Array.from({ length: 21 }, (_, i) => `s${i}`) }, 'edit.tagCount'],
    ['letters in the phone', { privatePhone: '090-abcd' }, 'edit.phone'],
    ['markup in the phone', { privatePhone: '<img src=x>' }, 'edit.phone'],
    ['a 10,000-character intro', { intro: 'あ'.repeat(10_000) }, 'edit.introTooLong'],
    ['an unknown audience', { audiences: { intro: 'world' } }, 'edit.audience'],
  ])('refuses %s with its code and changes nothing', async (_name, patch, message) => {
    const { store, orgId } = await seededOrg(2);
    const before = await store.directory.getStaff(orgId, staffId(1));
    const head = await store.directory.headVersion(orgId);
    const r = await pushMutations(store, claimsFor(1, 'staff', orgId), { mutations: [update(mutationId(2), patch)] });
    expect(r.results).toMatchObject([{ id: mutationId(2), status: 'rejected', code: message }]);
    expect(await store.directory.getStaff(orgId, staffId(1))).toEqual(before);
    expect(await store.directory.headVersion(orgId)).toBe(head);
  });

  it('names the field and the tag list that failed, and the limit, in the params', async () => {
    const { store, orgId } = await seededOrg(2);
    const r = await pushMutations(store, claimsFor(1, 'staff', orgId), {
      mutations: [update(mutationId(2), { hobbies: ['あ'.repeat(31)] })],
    });
    expect(r.results).toEqual([
      {
        id: mutationId(2),
        status: 'rejected',
        code: 'edit.tagLength',
        params: { tags: 'hobbies', max: 30, field: 'patch.hobbies' },
      },
    ]);
  });

  it("cannot edit another person's profile or photo: fields naming a target are ignored", async () => {
    const { store, orgId } = await seededOrg(3);
    const other = await store.directory.getStaff(orgId, staffId(2));
    const target = { staffId: staffId(2), target: staffId(2), actor: staffId(2), owner: staffId(2) };
    const r = await pushMutations(store, claimsFor(1, 'staff', orgId), {
      mutations: [
        update(mutationId(3), { hobbies: ['乗っ取り'], audiences: { intro: 'self' }, photoConsent: true }, target),
        photo(mutationId(4), { thumb: base64(fakeWebp(500)), large: base64(fakeWebp(900)) }, target),
      ],
    });
    expect(r.results.map((x) => x.status)).toEqual(['applied', 'applied']);
    expect(await store.directory.getStaff(orgId, staffId(2))).toEqual(other);
    const mine = await store.directory.getStaff(orgId, staffId(1));
    expect(mine?.hobbies).toEqual(['乗っ取り']);
    const stored = mine?.photo ? await store.directory.getPhoto(orgId, mine.photo) : null;
    expect(stored?.owner).toBe(staffId(1));
  });
});

describe('profile.photo (D5)', () => {
  it('stores both images under a content id, points the profile at it, and a replay stores nothing new', async () => {
    const { store, orgId } = await seededOrg(2);
    const thumb = fakeWebp(PHOTO_LIMITS.thumbBytes);
    const large = fakeWebp(PHOTO_LIMITS.largeBytes, 3);
    const m = photo(mutationId(5), { thumb: base64(thumb), large: base64(large) });
    const first = await pushMutations(store, claimsFor(1, 'staff', orgId), { mutations: [m] });
    expect(first.results[0]?.status).toBe('applied');
    const id = photoId(staffId(1), thumb, large);
    expect((await store.directory.getStaff(orgId, staffId(1)))?.photo).toBe(id);
    const stored = await store.directory.getPhoto(orgId, id);
    expect(stored && Buffer.from(stored.thumb).equals(Buffer.from(thumb))).toBe(true);
    expect(stored && Buffer.from(stored.large).equals(Buffer.from(large))).toBe(true);
    const head = await store.directory.headVersion(orgId);
    const again = await pushMutations(store, claimsFor(1, 'staff', orgId), { mutations: [m] });
    expect(again.results[0]?.status).toBe('duplicate');
    expect(await store.directory.headVersion(orgId)).toBe(head);
  });

  it('removes the photo with null', async () => {
    const { store, orgId } = await seededOrg(2);
    const images = { thumb: base64(fakeWebp(100)), large: base64(fakeWebp(200)) };
    await pushMutations(store, claimsFor(1, 'staff', orgId), { mutations: [photo(mutationId(6), images)] });
    await pushMutations(store, claimsFor(1, 'staff', orgId), { mutations: [photo(mutationId(7), null)] });
    expect((await store.directory.getStaff(orgId, staffId(1)))?.photo).toBeNull();
  });

  it.each([
    ['a PNG, not WebP', { thumb: base64(PNG_HEAD), large: base64(fakeWebp(200)) }, 'photo.notWebp'],
    [
      'text posing as an image',
      { thumb: base64(new TextEncoder().encode('<svg onload=alert(1)>')), large: base64(fakeWebp(200)) },
      'photo.notWebp',
    ],
    ['a truncated WebP', { thumb: base64(fakeWebp(300).slice(0, 200)), large: base64(fakeWebp(200)) }, 'photo.notWebp'],
    ['not base64', { thumb: '***', large: base64(fakeWebp(200)) }, 'photo.notWebp'],
    [
      'a thumbnail over 16 KB',
      { thumb: base64(fakeWebp(PHOTO_LIMITS.thumbBytes + 1)), large: base64(fakeWebp(200)) },
      'photo.thumbTooLarge',
    ],
    [
      'a large view over 150 KB',
      { thumb: base64(fakeWebp(200)), large: base64(fakeWebp(PHOTO_LIMITS.largeBytes + 1)) },
      'photo.largeTooLarge',
    ],
  ])('refuses %s with its code, storing no photo and changing no profile', async (_name, images, message) => {
    const { store, orgId } = await seededOrg(2);
    const before = await store.directory.getStaff(orgId, staffId(1));
    const r = await pushMutations(store, claimsFor(1, 'staff', orgId), { mutations: [photo(mutationId(8), images)] });
    expect(r.results).toMatchObject([{ id: mutationId(8), status: 'rejected', code: message }]);
    expect(await store.directory.getStaff(orgId, staffId(1))).toEqual(before);
    // Nothing was stored under the id the bytes would have had.
    const thumb = Buffer.from(images.thumb, 'base64');
    const large = Buffer.from(images.large, 'base64');
    expect(await store.directory.getPhoto(orgId, photoId(staffId(1), thumb, large))).toBeNull();
  });
});
