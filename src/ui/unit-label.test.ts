import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '../domain/org';
import { unitFace, unitFull, unitShort } from './unit-label';

const unit = (id: string, kind: OrgUnit['kind'], name: string, parentId: string | null): OrgUnit => ({
  id,
  kind,
  name,
  kana: '',
  parentId,
  order: 0,
});
const units = new Map(
  [
    unit('bu', 'bu', '総務部', null),
    unit('ka1', 'ka', '情報政策課', 'bu'),
    unit('k1', 'kakari', 'デジタル推進係', 'ka1'),
    unit('k2', 'kakari', '庶務係', 'ka1'),
    unit('ka2', 'ka', '人事課', 'bu'),
    unit('k3', 'kakari', '庶務係', 'ka2'),
  ].map((u) => [u.id, u]),
);

describe('unit labels on a face card (issue 22)', () => {
  it('shows the 係 that tells people apart, not a path cut short', () => {
    expect(unitShort(units, 'k1')).toBe('情報政策課 デジタル推進係');
    expect(unitFace(units, 'k1')).toBe('デジタル推進係');
    expect(unitFace(units, 'ka2')).toBe('人事課');
  });

  it('keeps the 課 before a 係 whose name another unit has too', () => {
    expect(unitFace(units, 'k2')).toBe('情報政策課 庶務係');
    expect(unitFace(units, 'k3')).toBe('人事課 庶務係');
  });

  it('names the 部 alone for someone directly in it; the whole path is there for the accessible name', () => {
    expect(unitFace(units, 'bu')).toBe('総務部');
    expect(unitFull(units, 'k1')).toBe('総務部 情報政策課 デジタル推進係');
  });
});
