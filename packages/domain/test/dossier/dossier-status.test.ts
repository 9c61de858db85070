// Dossier statuses and the national portal's (DVCQG) status codes, DOMAIN.md §10: 1 registered,
// 2 accepted, 3 not accepted, 4 processing, 5 supplement requested, 6 payment requested, 7 withdrawn by
// the applicant, 8 stopped, 9 processing done, 10 result returned.
import { describe, expect, it } from 'vitest';
import {
  type DossierStatus,
  dossierStatuses,
  dossierStatusLabels,
  finalStatuses,
  isFinal,
  nationalStatusCode,
} from '../../src/dossier/dossier-status';

describe('national status codes (DOMAIN.md §10)', () => {
  it.each<[DossierStatus, number]>([
    ['submitted', 1],
    ['accepted', 2],
    ['refused-at-intake', 3],
    ['processing', 4],
    ['supplement-requested', 5],
    // Asked for a supplement before acceptance: the portal has one "supplement requested" code.
    ['intake-supplement', 5],
    ['payment-requested', 6],
    ['withdrawn', 7],
    ['stopped', 8],
    ['done', 9],
    ['returned', 10],
  ])('%s → %i', (status, code) => {
    expect(nationalStatusCode(status)).toBe(code);
  });

  it('every status has a code in 1–10 and a Vietnamese label; every code 1–10 is used', () => {
    expect(dossierStatuses).toHaveLength(11);
    const codes = new Set(dossierStatuses.map(nationalStatusCode));
    expect([...codes].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const s of dossierStatuses) expect(dossierStatusLabels[s].length).toBeGreaterThan(0);
  });

  it('final statuses: refused at intake, withdrawn, stopped, returned', () => {
    expect([...finalStatuses].sort()).toEqual(['refused-at-intake', 'returned', 'stopped', 'withdrawn']);
    expect(isFinal('done')).toBe(false);
    expect(isFinal('returned')).toBe(true);
  });
});
