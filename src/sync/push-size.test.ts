import { describe, expect, it } from 'vitest';
import type { Mutation } from '../domain/mutations';
import { createWorld, profileUpdate } from './testing';

const mutationId = (i: number) => `mut-${String(i).padStart(6, '0')}`;

/** A photo mutation of about `kb` KB of base64 (the fake server only acknowledges it). */
function photoOf(id: string, kb: number): Mutation {
  return {
    kind: 'profile.photo',
    id,
    createdAt: '2026-04-01T00:00:00.000Z',
    photo: { thumb: 'A'.repeat(20 * 1024), large: 'A'.repeat(kb * 1024) },
  };
}

describe('push batches stay under the request size limit', () => {
  it('sends each ~220 KB photo in its own request, in outbox order, with small edits batched around them', async () => {
    const w = createWorld();
    w.outbox.add(profileUpdate(mutationId(1), '一'));
    w.outbox.add(photoOf(mutationId(2), 200));
    w.outbox.add(photoOf(mutationId(3), 200));
    w.outbox.add(profileUpdate(mutationId(4), '四'));
    w.outbox.add(profileUpdate(mutationId(5), '五'));
    const { engine, transport } = w.openTab('A');
    const batches: string[][] = [];
    const sizes: number[] = [];
    transport.intercept.push = (mutations, forward) => {
      batches.push(mutations.map((m) => m.id));
      sizes.push(JSON.stringify({ mutations }).length);
      return forward();
    };

    const report = await engine.pushOutbox();

    expect(batches).toEqual([[mutationId(1)], [mutationId(2)], [mutationId(3)], [mutationId(4), mutationId(5)]]);
    expect(Math.max(...sizes)).toBeLessThan(256 * 1024);
    // The fake server refuses the filler bytes as WebP; what matters here is that every entry was answered.
    expect(report).toMatchObject({ outcome: 'done', sent: 5, remaining: 0 });
  });
});
