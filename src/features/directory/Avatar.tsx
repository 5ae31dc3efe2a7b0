import type { DirectoryRecord } from '../../domain/staff';

/** Calm, distinguishable hues; the same person always gets the same one. */
const HUES = [205, 150, 25, 280, 340, 95, 185, 45, 230, 310];

function hueOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return HUES[h % HUES.length] ?? 205;
}

interface Props {
  record: Pick<DirectoryRecord, 'id' | 'familyName' | 'photo'>;
  size: number;
}

/** The photo when the person has consented to show one, else a generated avatar with their family name. */
export function Avatar({ record, size }: Props) {
  if (record.photo) {
    return (
      <img
        className="avatar"
        src={`/api/photos/${record.photo}`}
        width={size}
        height={size}
        alt=""
        loading="lazy"
        decoding="async"
      />
    );
  }
  const hue = hueOf(record.id);
  // The first character as a code point, so 𠮷 is not cut in half.
  const initial = Array.from(record.familyName)[0] ?? '?';
  return (
    <span
      className="avatar avatar--generated"
      aria-hidden="true"
      style={{
        width: size,
        height: size,
        fontSize: size * 0.42,
        background: `hsl(${hue} 45% 88%)`,
        color: `hsl(${hue} 55% 25%)`,
      }}
    >
      {initial}
    </span>
  );
}
