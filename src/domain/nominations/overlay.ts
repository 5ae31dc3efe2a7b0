import type { NominationIntent } from './rules';
import type { NominationView } from './schemas';

/** What the device shows: stored nominations with my unsent intents laid over them. */
export interface ShownNomination extends NominationView {
  pending: boolean;
}

/**
 * Lays the signed-in person's unsent intents over what the server sent. Only the optimistic parts
 * the person can be sure of: a new nomination (shown as submitted) and an endorsement. A review or
 * consent waits for the server, which alone knows whether it is still allowed.
 */
export function showNominations(
  stored: readonly NominationView[],
  pending: readonly NominationIntent[],
  selfId: string,
): ShownNomination[] {
  const byId = new Map<string, ShownNomination>(stored.map((n) => [n.id, { ...n, pending: false }]));
  for (const intent of pending) {
    if (intent.kind === 'nomination.create' && !byId.has(intent.nominationId)) {
      byId.set(intent.nominationId, {
        id: intent.nominationId,
        awardId: intent.awardId,
        awardLabel: '',
        nominator: selfId,
        nominees: [...intent.nominees],
        teamName: intent.teamName,
        reason: intent.reason,
        yellIds: [...intent.yellIds],
        endorsers: [],
        status: 'submitted',
        consent: {},
        createdAt: intent.createdAt,
        awardYear: null,
        version: 0,
        pending: true,
      });
    } else if (intent.kind === 'nomination.endorse') {
      const n = byId.get(intent.nominationId);
      if (n && !n.endorsers.includes(selfId))
        byId.set(n.id, { ...n, endorsers: [...n.endorsers, selfId], pending: true });
    } else if (intent.kind !== 'nomination.create') {
      const n = byId.get(intent.nominationId);
      if (n) byId.set(n.id, { ...n, pending: true });
    }
  }
  return [...byId.values()].sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? -1 : 1,
  );
}
