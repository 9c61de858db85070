import { describe, expect, it } from 'vitest';
import { isAgencyCode } from '../../src/org/agency-code';
import { type AgencyNode, isInForce, scopeOf, wouldCreateCycle } from '../../src/org/agency-tree';

const node = (id: string, parentId: string | null, extra: Partial<AgencyNode> = {}): AgencyNode => ({
  id,
  parentId,
  validFrom: '2008-01-01',
  validTo: null,
  successorId: null,
  ...extra,
});

// province ─ dept ─ office ; province ─ communeA, communeB (merged into C on 2025-07-01) ; province ─ C
const tree = [
  node('province', null),
  node('dept', 'province'),
  node('office', 'dept'),
  node('a', 'province', { validTo: '2025-07-01', successorId: 'c' }),
  node('b', 'province', { validTo: '2025-07-01', successorId: 'c' }),
  node('c', 'province', { validFrom: '2025-07-01' }),
  node('other', 'province'),
];

describe('agency scope', () => {
  it('covers the subtree of the role agency', () => {
    expect([...scopeOf(tree, ['dept'])].sort()).toEqual(['dept', 'office']);
    expect(scopeOf(tree, ['province']).size).toBe(tree.length);
  });

  it('gives a merged unit its predecessors, but not their siblings', () => {
    expect([...scopeOf(tree, ['c'])].sort()).toEqual(['a', 'b', 'c']);
    expect(scopeOf(tree, ['a']).has('c')).toBe(false);
  });

  it('is empty without roots and ignores unknown roots safely', () => {
    expect(scopeOf(tree, []).size).toBe(0);
    expect([...scopeOf(tree, ['ghost'])]).toEqual(['ghost']);
  });
});

describe('cycles', () => {
  const map = new Map(tree.map((n) => [n.id, n]));
  it('refuses to place an agency under itself or a descendant', () => {
    expect(wouldCreateCycle(map, 'dept', 'office')).toBe(true);
    expect(wouldCreateCycle(map, 'dept', 'dept')).toBe(true);
    expect(wouldCreateCycle(map, 'office', 'other')).toBe(false);
    expect(wouldCreateCycle(map, 'office', null)).toBe(false);
  });
});

describe('validity', () => {
  it('treats validFrom as inclusive and validTo as exclusive', () => {
    expect(isInForce(tree[3]!, '2025-06-30')).toBe(true);
    expect(isInForce(tree[3]!, '2025-07-01')).toBe(false);
    expect(isInForce(tree[5]!, '2025-07-01')).toBe(true);
    expect(isInForce(tree[5]!, '2025-06-30')).toBe(false);
  });
});

describe('agency codes (Circular 01/2018 §2.2 format V1V2V3.Z1Z2.Y1Y2.MX1X2)', () => {
  it('accepts the published examples and rejects malformed ones', () => {
    for (const code of ['000.00.00.H41', '000.00.01.H22', '000.20.35.H56', '000.00.00.G03'])
      expect(isAgencyCode(code)).toBe(true);
    for (const code of ['00.00.00.H41', '000.00.00.41', '000.00.00.h41', '000-00-00-H41', ''])
      expect(isAgencyCode(code)).toBe(false);
  });
});
