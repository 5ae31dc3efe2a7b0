import { useState } from 'react';
import { useT } from '../../i18n/language';
import { profileWords } from './words';
import type { DirectoryRecord } from '../../domain/staff';

/**
 * The organisation's chat, opened for one person. Teams is the common case in ward offices; an
 * organisation on another chat sets VITE_CHAT_URL_TEMPLATE with {email} where the address goes.
 */
function chatUrl(email: string): string {
  const template: unknown = import.meta.env.VITE_CHAT_URL_TEMPLATE;
  const t =
    typeof template === 'string' && template !== '' ? template : 'https://teams.microsoft.com/l/chat/0/0?users={email}';
  return t.replace('{email}', encodeURIComponent(email));
}

/** D8: call, mail, chat or copy in one tap. */
export function ContactActions({ person }: { person: Pick<DirectoryRecord, 'extension' | 'email'> }) {
  const t = useT(profileWords);
  // What happened, not its words: a language switch while it shows re-words it.
  const [copied, setCopied] = useState<'extension' | 'email' | 'failed' | null>(null);
  async function copy(what: 'extension' | 'email', text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied('failed');
    }
  }
  const copyStatus = {
    extension: t.contact.copiedExtension,
    email: t.contact.copiedEmail,
    failed: t.contact.copyFailed,
  };
  return (
    <>
      <ul className="contact-actions" aria-label={t.contact.label}>
        {person.extension && (
          <li>
            <a href={`tel:${person.extension}`} className="button">
              {t.contact.extension(person.extension)}
            </a>
          </li>
        )}
        {person.email && (
          <>
            <li>
              <a href={`mailto:${person.email}`} className="button">
                {t.contact.mail}
              </a>
            </li>
            <li>
              <a href={chatUrl(person.email)} className="button" target="_blank" rel="noopener noreferrer">
                {t.contact.chat}
              </a>
            </li>
          </>
        )}
        {person.extension && (
          <li>
            <button type="button" className="button" onClick={() => void copy('extension', person.extension)}>
              {t.contact.copyExtension}
            </button>
          </li>
        )}
        {person.email && (
          <li>
            <button type="button" className="button" onClick={() => void copy('email', person.email)}>
              {t.contact.copyEmail}
            </button>
          </li>
        )}
      </ul>
      <p className="muted copy-status" aria-live="polite">
        {copied && copyStatus[copied]}
      </p>
    </>
  );
}
