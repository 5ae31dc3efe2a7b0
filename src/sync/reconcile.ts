import type { DirectoryMutation, Mutation } from '../domain/mutations';
import type { DirectoryRecord } from '../domain/staff';

/**
 * What the device shows for one person, given the server's record and the signed-in user's pending mutations.
 *
 * The rule:
 * - a field with a pending (sent or not, but unacknowledged) change shows the local value, so an edit does not
 *   flicker back while it travels;
 * - once the outbox entry is acknowledged or rejected it is no longer pending, and the server's record wins,
 *   including the server's cleaned or moderated form of what was typed;
 * - fields the user did not touch always come from the server;
 * - pending mutations are the signed-in user's own, and a profile update only ever targets the author, so
 *   anyone else's record is returned untouched;
 * - only kinds that touch the directory record (`touchesDirectory` in the registry) are looked at here.
 *
 * `pending` must be in outbox order: when two pending changes touch one field, the later one shows, as it is
 * also the one the server will apply last. Returns `record` itself when nothing applies, so memoised views
 * do not re-render.
 */
export function applyPending(record: DirectoryRecord, pending: readonly Mutation[], selfId: string): DirectoryRecord {
  if (record.id !== selfId) return record;
  let shown = record;
  for (const mutation of pending) {
    switch (mutation.kind) {
      case 'profile.update': {
        const { intro, hobbies, skills } = mutation.patch;
        // An empty string is a real change (the user cleared the text), so only `undefined` means untouched.
        if (intro !== undefined && intro !== shown.intro) shown = { ...shown, intro };
        if (hobbies !== undefined && !sameList(hobbies, shown.hobbies)) shown = { ...shown, hobbies };
        if (skills !== undefined && !sameList(skills, shown.skills)) shown = { ...shown, skills };
        // Audiences, consent and the private phone are not in the directory record: the own profile
        // page lays them over the fetched detail (src/sync/reconcile-detail.ts).
        break;
      }
      case 'profile.photo':
        // The record's photo is the server's id of stored bytes, which a pending photo does not have
        // yet; the own profile page shows the pending image from the outbox instead.
        break;
      case 'award.consent':
        // An award reaches the record only once the server accepted the consent (it alone knows the
        // nomination was awarded); the nominations screens show the answer meanwhile.
        break;
      default:
        // Not part of a person's record: each feature lays its kinds over its own table.
        elsewhere(mutation);
    }
  }
  return shown;
}

/** The fields of the signed-in user's record that still wait for the server, e.g. to mark them as 未送信. */
export function pendingFields(pending: readonly Mutation[]): ReadonlySet<keyof DirectoryRecord> {
  const fields = new Set<keyof DirectoryRecord>();
  for (const mutation of pending) {
    switch (mutation.kind) {
      case 'profile.update':
        if (mutation.patch.intro !== undefined) fields.add('intro');
        if (mutation.patch.hobbies !== undefined) fields.add('hobbies');
        if (mutation.patch.skills !== undefined) fields.add('skills');
        break;
      case 'profile.photo':
        fields.add('photo');
        break;
      case 'award.consent':
        break;
      default:
        elsewhere(mutation);
    }
  }
  return fields;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The kinds this file handles are exactly those the registry (src/domain/mutations.ts) declares
 * `touchesDirectory`: a new kind that touches the directory record must decide above what it shows
 * while pending, or `mutation` in a `default:` is not of this type and typecheck fails. Types only:
 * the directory screen, in the entry chunk, imports this file, and the registry's schemas (and
 * valibot) stay out of that chunk.
 */
function elsewhere(_mutation: Exclude<Mutation, DirectoryMutation>): void {}
