import { describe, expect, it } from 'vitest';
import { disclose, showable, type DisclosureNode } from './disclosure';

const node = (key: string, parent: string | null, n: number): DisclosureNode => ({ key, parent, n });
const shownKeys = (nodes: DisclosureNode[], k = 5, rollsUp?: (key: string) => boolean) =>
  [...disclose(nodes, k, rollsUp).shown].sort();

/** Every difference between a shown group and its shown children is 0 or at least K. */
function assertRule(nodes: DisclosureNode[], k: number, rollsUp?: (key: string) => boolean) {
  const { shown, others } = disclose(nodes, k, rollsUp);
  for (const n of nodes) {
    if (!shown.has(n.key)) continue;
    expect(showable(n.n, k), `${n.key} shown with ${n.n}`).toBe(true);
    const parts = new Set(nodes.filter((c) => c.parent === n.key).map((c) => c.partition ?? ''));
    for (const part of parts) {
      const kids = nodes.filter((c) => c.parent === n.key && (c.partition ?? '') === part && shown.has(c.key));
      const rest = n.n - kids.reduce((s, c) => s + c.n, 0) - (others.get(n.key) ?? 0);
      expect(showable(rest, k), `${n.key} minus its shown parts is ${rest}`).toBe(true);
    }
  }
  for (const [key, n] of others) expect(showable(n, k), `その他 of ${key}`).toBe(true);
}

describe('disclose', () => {
  it.each([
    {
      name: 'all groups large',
      nodes: [node('all', null, 20), node('a', 'all', 10), node('b', 'all', 10)],
      shown: ['a', 'all', 'b'],
    },
    { name: 'the whole below K shows nothing', nodes: [node('all', null, 4), node('a', 'all', 4)], shown: [] },
    {
      name: 'the whole of 0 answers is shown (as 0)',
      nodes: [node('all', null, 0), node('a', 'all', 0)],
      shown: ['a', 'all'],
    },
    {
      name: 'a small group is hidden; the remainder is then K, safe',
      nodes: [node('all', null, 15), node('a', 'all', 10), node('b', 'all', 5 - 0), node('c', 'all', 0)],
      shown: ['a', 'all', 'b', 'c'],
    },
    {
      name: 'one small group would be isolated by subtraction: its smallest sibling is hidden too',
      nodes: [node('all', null, 17), node('a', 'all', 10), node('b', 'all', 5), node('c', 'all', 2)],
      shown: ['a', 'all'],
    },
    {
      name: 'the smallest shown sibling is the one hidden',
      nodes: [
        node('all', null, 23),
        node('a', 'all', 6),
        node('b', 'all', 5),
        node('c', 'all', 10),
        node('d', 'all', 2),
      ],
      shown: ['a', 'all', 'c'],
    },
    {
      name: 'a hidden group hides everything inside it',
      nodes: [node('all', null, 14), node('a', 'all', 10), node('b', 'all', 4), node('b1', 'b', 4)],
      shown: ['all'],
    },
    {
      name: 'a group with one child equal to it is shown with it (difference 0)',
      nodes: [node('all', null, 12), node('a', 'all', 12)],
      shown: ['a', 'all'],
    },
    {
      name: 'empty children are shown and do not count against the remainder',
      nodes: [node('all', null, 9), node('a', 'all', 9), node('b', 'all', 0)],
      shown: ['a', 'all', 'b'],
    },
  ])('$name', ({ nodes, shown }) => {
    expect(shownKeys(nodes)).toEqual(shown);
    assertRule(nodes, 5);
  });

  it('small 係 roll up into 「その他の係」 of their 課, shown when at least K', () => {
    const nodes = [
      node('all', null, 30),
      node('ka', 'all', 30),
      node('k1', 'ka', 20),
      node('k2', 'ka', 3),
      node('k3', 'ka', 4),
      node('k4', 'ka', 3),
    ];
    const d = disclose(nodes, 5, (key) => key === 'ka');
    expect([...d.shown].sort()).toEqual(['all', 'k1', 'ka']);
    expect(d.others.get('ka')).toBe(10);
    assertRule(nodes, 5, (key) => key === 'ka');
  });

  it('a small 「その他の係」 is not shown: a sibling is hidden instead, and it grows', () => {
    const nodes = [node('ka', null, 27), node('k1', 'ka', 20), node('k2', 'ka', 5), node('k3', 'ka', 2)];
    const d = disclose(nodes, 5, () => true);
    expect([...d.shown].sort()).toEqual(['k1', 'ka']);
    expect(d.others.get('ka')).toBe(7);
    assertRule(nodes, 5, () => true);
  });

  it('no 「その他」 when no 係 is shown beside it (it would repeat the 課)', () => {
    const nodes = [node('ka', null, 8), node('k1', 'ka', 4), node('k2', 'ka', 4)];
    const d = disclose(nodes, 5, () => true);
    expect([...d.shown]).toEqual(['ka']);
    expect(d.others.size).toBe(0);
  });

  it('checks each breakdown of a group on its own (units, job levels)', () => {
    const nodes = [
      { ...node('all', null, 12) },
      { ...node('bu1', 'all', 12), partition: 'unit' },
      { ...node('lvA', 'all', 10), partition: 'level' },
      { ...node('lvB', 'all', 2), partition: 'level' },
    ];
    // The unit breakdown is whole (12 = 12); the level one would isolate 2: both levels hidden.
    expect(shownKeys(nodes)).toEqual(['all', 'bu1']);
  });

  it('K is respected as set (3 here), never below 3', () => {
    const nodes = [node('all', null, 7), node('a', 'all', 4), node('b', 'all', 3)];
    expect(shownKeys(nodes, 3)).toEqual(['a', 'all', 'b']);
    expect(shownKeys(nodes, 5)).toEqual(['all']);
    expect(() => disclose(nodes, 2)).toThrow(RangeError);
  });

  it('holds the rule on random trees', () => {
    let seed = 42;
    const rand = (m: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % m;
    };
    for (let round = 0; round < 300; round++) {
      const nodes: DisclosureNode[] = [];
      let total = 0;
      for (let b = 0; b < 1 + rand(4); b++) {
        let bn = 0;
        for (let c = 0; c < 1 + rand(4); c++) {
          let cn = 0;
          for (let d = 0; d < rand(4); d++) {
            const n = rand(9);
            nodes.push(node(`k${b}.${c}.${d}`, `c${b}.${c}`, n));
            cn += n;
          }
          cn += rand(3);
          nodes.push(node(`c${b}.${c}`, `b${b}`, cn));
          bn += cn;
        }
        nodes.push(node(`b${b}`, 'all', bn));
        total += bn;
      }
      nodes.push(node('all', null, total));
      const k = 3 + rand(4);
      assertRule(nodes, k, (key) => key.startsWith('c'));
    }
  });
});
