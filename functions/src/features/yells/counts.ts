import { emptyScope, type ScopeAggregate } from '../../../../src/domain/yell-aggregate';

/**
 * A scope's aggregate as one flat record of counters (kit/counters.ts), in both forms: the stand-in applies increments only to
 * top-level fields (a nested one fails with "Not implemented"), so the aggregate's maps are
 * flattened into field names, and keys (value ids, unit ids, months) are encoded to plain
 * identifiers so that no field path needs quoting:
 *   total, crossDepartment, v_<value>, r_<unit>, s_<unit>, mc_<month>, mx_<month>
 */
function encodeKey(key: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(key)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9]/.test(c) ? c : `_${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

function decodeKey(encoded: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    if (encoded[i] === '_') {
      bytes.push(parseInt(encoded.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(encoded.charCodeAt(i));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

const FIELD_PREFIXES = ['v', 'r', 's', 'mc', 'mx'] as const;

export function scopeFields(s: ScopeAggregate): Record<string, number> {
  const out: Record<string, number> = { total: s.total, crossDepartment: s.crossDepartment };
  for (const [k, n] of Object.entries(s.byValue)) out[`v_${encodeKey(k)}`] = n;
  for (const [k, n] of Object.entries(s.received)) out[`r_${encodeKey(k)}`] = n;
  for (const [k, n] of Object.entries(s.sent)) out[`s_${encodeKey(k)}`] = n;
  for (const [k, m] of Object.entries(s.byMonth)) {
    out[`mc_${encodeKey(k)}`] = m.count;
    out[`mx_${encodeKey(k)}`] = m.crossDepartment;
  }
  return out;
}

export function scopeFromFields(fields: Readonly<Record<string, number>>): ScopeAggregate {
  const s = emptyScope();
  for (const [field, n] of Object.entries(fields)) {
    if (field === 'total') s.total = n;
    else if (field === 'crossDepartment') s.crossDepartment = n;
    else {
      const sep = field.indexOf('_');
      const prefix = field.slice(0, sep);
      if (sep < 0 || !(FIELD_PREFIXES as readonly string[]).includes(prefix)) continue;
      const key = decodeKey(field.slice(sep + 1));
      if (prefix === 'v') s.byValue[key] = n;
      else if (prefix === 'r') s.received[key] = n;
      else if (prefix === 's') s.sent[key] = n;
      else {
        const m = (s.byMonth[key] ??= { count: 0, crossDepartment: 0 });
        if (prefix === 'mc') m.count = n;
        else m.crossDepartment = n;
      }
    }
  }
  return s;
}
