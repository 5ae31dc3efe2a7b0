import type { ProfileAward } from '../staff';
import { tokyoYear } from './rules';
import type { NominationState } from './schemas';

// The award on the profile (C3). Its schema lives with the profile it is part of (staff.ts), so the
// directory, which is in the entry chunk, does not pull in the nomination rules.

/** A profile's awards after the winner's answer: shown ones only, one per nomination, newest year first. */
export function withAwardChoice(
  current: readonly ProfileAward[] | undefined,
  award: ProfileAward,
  show: boolean,
): ProfileAward[] {
  const rest = (current ?? []).filter((a) => a.nominationId !== award.nominationId);
  const next = show ? [...rest, { ...award }] : rest;
  return next.sort((a, b) => b.year - a.year || (a.nominationId < b.nominationId ? -1 : 1));
}

/** The award a winner's consent puts on their profile. */
export function profileAwardOf(
  n: Pick<NominationState, 'id' | 'awardId' | 'awardLabel' | 'awardYear' | 'createdAt'>,
): ProfileAward {
  return { nominationId: n.id, awardId: n.awardId, label: n.awardLabel, year: n.awardYear ?? tokyoYear(n.createdAt) };
}
