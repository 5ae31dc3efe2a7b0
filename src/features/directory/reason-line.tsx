import { useId, type ReactElement } from 'react';
import { fullKana } from '../../domain/person-name';
import type { DirectoryRecord } from '../../domain/staff';

/**
 * The line under a name on a face card or a list row: the reading, or why a search found the
 * person (useMatchReasons). A reason also describes the person's link, which stays named by the
 * name alone; `describedBy` is for that link's aria-describedby.
 */
export function useReasonLine(
  person: DirectoryRecord,
  reason: string | undefined,
): { describedBy: string | undefined; line: ReactElement } {
  const id = useId();
  if (reason === undefined)
    return { describedBy: undefined, line: <span className="person-kana">{fullKana(person)}</span> };
  return {
    describedBy: id,
    line: (
      <span id={id} className="match-reason">
        {reason}
      </span>
    ),
  };
}
