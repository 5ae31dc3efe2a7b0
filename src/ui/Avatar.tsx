import { useState } from 'react';
import type { DirectoryRecord } from '../domain/staff';
import './avatar.css';

/** Calm, distinguishable hues; the same person always gets the same one. */
const HUES = [205, 150, 25, 280, 340, 95, 185, 45, 230, 310];

/** Which of HUES (its index: the avatar--hue-N class in avatar.css). */
function hueOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % HUES.length;
}

interface Props {
  record: Pick<DirectoryRecord, 'id' | 'familyName' | 'photo'>;
  size: number;
  /** Another image of the person (the profile's large one); by default the directory's thumbnail. */
  src?: string | null;
  /** For an image that stands alone; in lists the name is beside it, so the photo is decoration. */
  alt?: string;
}

/**
 * The photo when the person has consented to show one, else a generated avatar with their family
 * name. A photo that fails to load (withdrawn since this device synced, offline and not cached, a
 * session that has expired) also shows the generated avatar: a broken-image icon helps no one.
 */
export function Avatar({ record, size, src, alt = '' }: Props) {
  const url = src !== undefined ? src : record.photo ? `/api/photos/${record.photo}` : null;
  // Remembers which URL failed, so a new photo for the same person is tried afresh.
  const [failed, setFailed] = useState<string | null>(null);
  if (url && failed !== url) {
    return (
      <img
        className="avatar"
        src={url}
        width={size}
        height={size}
        alt={alt}
        // Lists hold thousands of faces; a profile's own photo is at the top of its page.
        loading={src === undefined ? 'lazy' : 'eager'}
        decoding="async"
        onError={() => setFailed(url)}
      />
    );
  }
  // The first character as a code point, so 𠮷 is not cut in half.
  const initial = Array.from(record.familyName)[0] ?? '?';
  return (
    <span
      // The colours as a class: a reused card (see FaceGrid) then changes one attribute, not two styles.
      className={`avatar avatar--generated avatar--hue-${hueOf(record.id)}`}
      // Never announced as the photo: it is not one, and the name is always next to it.
      aria-hidden="true"
      // The initial's line as tall as the circle: centred by it, where a flex box would be laid out too.
      style={{ width: size, height: size, fontSize: size * 0.42, lineHeight: `${size}px` }}
    >
      {initial}
    </span>
  );
}
