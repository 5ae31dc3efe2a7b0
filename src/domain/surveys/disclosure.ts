/**
 * The disclosure rule, one function for every view, filter, breakdown and export (S4):
 * every shown figure, and every difference between a shown figure and the shown figures it
 * contains, rests on 0 or at least K answers. It is counted per question (n differs between
 * questions: one may be skipped), and applied to the whole tree of groups before a viewer's scope
 * is cut out of it, so a 部長's view and HR's never disagree on a number.
 *
 * - A group of 1..K-1 answers is hidden, and with it everything inside it.
 * - Inside a shown group, per breakdown (`partition`), the hidden children's answers form the remainder (the group minus its
 *   shown children). A remainder of 1..K-1 would let anyone subtract its way to them, so the
 *   smallest shown sibling is hidden too, until the remainder is 0 or at least K.
 * - Where a group's children roll up (a 課's 係), a remainder of at least K is shown as its own
 *   figure (「その他の係」) instead of vanishing, when at least one child is shown beside it (with
 *   none shown it would only repeat the group).
 */

export interface DisclosureNode {
  key: string;
  /** The group this one is part of; null for the root. Children partition their parent's answers. */
  parent: string | null;
  /** Answers to the question in this group. */
  n: number;
  /**
   * Which breakdown of the parent this group is part of (the unit tree, job levels, employment
   * types): each partition of a parent is checked on its own. Absent: one partition.
   */
  partition?: string;
}

export interface Disclosure {
  /** Keys of the groups whose figure may be shown. */
  shown: ReadonlySet<string>;
  /** Per group whose children roll up: the answers of its 「その他」 remainder, when it may be shown. */
  others: ReadonlyMap<string, number>;
}

/** K as a survey may set it: at least 3 (CAMPAIGNS.md; PRODUCT.md S4). */
export const MIN_K = 3;
export const DEFAULT_K = 5;

export const showable = (n: number, k: number): boolean => n === 0 || n >= k;

export function disclose(
  nodes: readonly DisclosureNode[],
  k: number,
  rollsUp: (key: string) => boolean = () => false,
): Disclosure {
  if (!Number.isInteger(k) || k < MIN_K) throw new RangeError(`K must be an integer of at least ${MIN_K}: ${k}`);
  const children = new Map<string | null, DisclosureNode[]>();
  for (const node of nodes) {
    const list = children.get(node.parent) ?? [];
    list.push(node);
    children.set(node.parent, list);
  }
  const shown = new Set<string>();
  const others = new Map<string, number>();

  const visit = (node: DisclosureNode): void => {
    shown.add(node.key);
    const partitions = new Map<string, DisclosureNode[]>();
    for (const c of children.get(node.key) ?? []) {
      const list = partitions.get(c.partition ?? '') ?? [];
      list.push(c);
      partitions.set(c.partition ?? '', list);
    }
    for (const kids of partitions.values()) {
      kids.sort((a, b) => a.n - b.n || a.key.localeCompare(b.key));
      const visible = kids.filter((c) => showable(c.n, k));
      const remainder = () => node.n - visible.reduce((s, c) => s + c.n, 0);
      // Hide the smallest shown sibling (answers above 0) until the remainder is safe.
      while (!showable(remainder(), k)) {
        const i = visible.findIndex((c) => c.n > 0);
        if (i < 0) break; // only empty children left: the remainder is the whole group, already safe
        visible.splice(i, 1);
      }
      for (const c of visible) visit(c);
      const rest = remainder();
      if (rollsUp(node.key) && rest > 0 && visible.some((c) => c.n > 0)) others.set(node.key, rest);
    }
  };

  for (const root of children.get(null) ?? []) if (showable(root.n, k)) visit(root);
  return { shown, others };
}
