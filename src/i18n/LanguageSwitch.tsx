import { useId } from 'react';
import { LANG_NAMES, LANGS, useLang, useT } from './language';
import './language-switch.css';

/**
 * 日本語 / English, as a labelled native select: compact enough for the phone header, and read by
 * every screen reader. Each option is marked with its own language so it is pronounced right.
 */
export function LanguageSwitch({ className }: { className?: string }) {
  const id = useId();
  const t = useT();
  const lang = useLang((s) => s.lang);
  const setLang = useLang((s) => s.setLang);
  return (
    <span className={className ? `language-switch ${className}` : 'language-switch'}>
      <label htmlFor={id} className="visually-hidden">
        {t.language.label}
      </label>
      <select
        id={id}
        value={lang}
        onChange={(e) => {
          const next = LANGS.find((l) => l === e.target.value);
          if (next) setLang(next);
        }}
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}
