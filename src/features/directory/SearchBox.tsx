import { memo, useEffect, useRef } from 'react';
import { useT } from '../../i18n/language';

/**
 * Events of typing that stop at the box. Its only handlers are the native ones below: each of these
 * would otherwise reach React's root listener, which runs its change, select and before-input
 * plugins for every one of them (keydown, keypress, textInput, input, keyup: five a key), on the
 * main thread between the key and its results.
 */
const TYPING_EVENTS = [
  'keydown',
  'keypress',
  'keyup',
  'textInput',
  'beforeinput',
  'input',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'select',
  'change',
] as const;

/**
 * The box keeps its own text: a keystroke renders nothing here until its results come (see type),
 * so the page is free to take them the moment the worker sends them. Memoised, with the text it
 * opened with: the results' render does not touch the input at all.
 */
export const SearchBox = memo(function SearchBox({
  initial,
  onType,
  onAhead,
}: {
  initial: string;
  onType: (next: string) => void;
  onAhead: (next: string) => void;
}) {
  const t = useT();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    // Every change of the text, an IME's composition included: kana are searched before conversion.
    const typed = () => onType(box.value);
    const stop = (e: Event) => e.stopPropagation();
    // The text about to be typed is searched before the browser has put it in the box (see
    // textAfterInput); the input event then asks for the same text and shares that search.
    const before = (e: InputEvent) => {
      const next = textAfterInput(box, e);
      if (next !== null) onAhead(next);
    };
    box.addEventListener('beforeinput', before);
    box.addEventListener('input', typed);
    for (const type of TYPING_EVENTS) box.addEventListener(type, stop);
    return () => {
      box.removeEventListener('beforeinput', before);
      box.removeEventListener('input', typed);
      for (const type of TYPING_EVENTS) box.removeEventListener(type, stop);
    };
  }, [onType, onAhead]);
  return (
    <div className="search-bar">
      <input
        ref={ref}
        type="search"
        role="searchbox"
        aria-label={t.directory.search}
        placeholder={t.directory.placeholder}
        defaultValue={initial}
        enterKeyHint="search"
        autoComplete="off"
        // Names, readings and romaji: a phone's autocorrect would turn "sato" into a word, and
        // capitalising the first letter or checking the spelling helps nobody here.
        autoCorrect="off"
        autoCapitalize="none"
        spellCheck={false}
      />
    </div>
  );
}, sameHandler);

/** The text it opened with counts only once: it is the box's own from then on. */
function sameHandler(a: { onType: unknown; onAhead: unknown }, b: { onType: unknown; onAhead: unknown }): boolean {
  return a.onType === b.onType && a.onAhead === b.onAhead;
}

/**
 * What a search box is about to hold once a `beforeinput` event's change is made: a character typed
 * or inserted, put where the caret or the selection is. Null for anything else (deletions, an IME's
 * composition, autocorrect's replacements). A guess, not a promise (the browser may still change or
 * refuse the text): a wrong one costs one search in the worker, as only the `input` event's text
 * (`type`) is ever shown.
 *
 * Why: the browser inserts the text and lays the box out between `beforeinput` and `input`, about
 * 10 ms of a key at 4x CPU throttle. Searching from `beforeinput` lets the worker search during it.
 * Keys and committed words gain; Japanese typed through an IME's composition does not.
 */
export function textAfterInput(
  box: { value: string; selectionStart: number | null; selectionEnd: number | null },
  event: { inputType: string; data: string | null; isComposing: boolean },
): string | null {
  if (event.inputType !== 'insertText' || event.isComposing || !event.data) return null;
  const { value, selectionStart: start, selectionEnd: end } = box;
  if (start === null || end === null) return null;
  return value.slice(0, start) + event.data + value.slice(end);
}
