import { useState } from 'react';
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
  const [copied, setCopied] = useState<string | null>(null);
  async function copy(label: string, text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${label}をコピーしました`);
    } catch {
      setCopied('コピーできませんでした');
    }
  }
  return (
    <>
      <ul className="contact-actions" aria-label="連絡先">
        {person.extension && (
          <li>
            <a href={`tel:${person.extension}`} className="button">
              内線 {person.extension}
            </a>
          </li>
        )}
        {person.email && (
          <>
            <li>
              <a href={`mailto:${person.email}`} className="button">
                メール
              </a>
            </li>
            <li>
              <a href={chatUrl(person.email)} className="button" target="_blank" rel="noopener noreferrer">
                チャット
              </a>
            </li>
          </>
        )}
        {person.extension && (
          <li>
            <button type="button" className="button" onClick={() => void copy('内線番号', person.extension)}>
              内線をコピー
            </button>
          </li>
        )}
        {person.email && (
          <li>
            <button type="button" className="button" onClick={() => void copy('メールアドレス', person.email)}>
              アドレスをコピー
            </button>
          </li>
        )}
      </ul>
      <p className="muted copy-status" aria-live="polite">
        {copied}
      </p>
    </>
  );
}
