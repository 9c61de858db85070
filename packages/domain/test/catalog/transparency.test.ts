import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/calendar/working-calendar';
import { legalEffectiveDateOf, shiftWorkingDays, transparencyChecks } from '../../src/catalog/transparency';

// Official 2026 schedule (DOMAIN.md §8): Tết 16–20/2; Giỗ Tổ observed Monday 27/4; 30/4, 1/5 off.
const calendar = createWorkingCalendar({ fromYear: 2025, toYear: 2027 });

describe('working-day deadlines of the 766 transparency checks (Decision 766/QĐ-TTg group 1)', () => {
  it('counts back over Tết: 5 working days before 2026-02-23 is 2026-02-09', () => {
    // working days before Monday 23/2: Fri 13, Thu 12, Wed 11, Tue 10, Mon 9 (16–20/2 are Tết)
    expect(shiftWorkingDays(calendar, '2026-02-23', -5)).toBe('2026-02-09');
  });

  it('counts forward over 30/4–1/5: 5 working days after Wed 2026-04-29 is 2026-05-08', () => {
    // 30/4 and 1/5 are days off, then 4, 5, 6, 7, 8 May
    expect(shiftWorkingDays(calendar, '2026-04-29', 5)).toBe('2026-05-08');
  });

  it('skips the Giỗ Tổ day observed on Monday 2026-04-27', () => {
    expect(shiftWorkingDays(calendar, '2026-04-24', 1)).toBe('2026-04-28');
  });

  it('announced on time when the decision is at the latest 5 working days before the effective date', () => {
    const base = {
      tier: 'province' as const,
      legalEffectiveDate: '2026-02-23',
      publishedDate: null,
      today: '2026-03-01',
    };
    expect(transparencyChecks(calendar, { ...base, decisionDate: '2026-02-09' }).announcedOnTime).toBe(true);
    expect(transparencyChecks(calendar, { ...base, decisionDate: '2026-02-10' }).announcedOnTime).toBe(false);
  });

  it('uses 20 working days for ministries (and 10 for publication)', () => {
    const r = transparencyChecks(calendar, {
      tier: 'ministry',
      legalEffectiveDate: '2026-03-02',
      decisionDate: '2026-01-20',
      publishedDate: '2026-02-04',
      today: '2026-03-01',
    });
    expect(r.announceBy).toBe('2026-01-26'); // 20 working days back, skipping Tết 16–20/2
    expect(r.announcedOnTime).toBe(true);
    expect(r.publishBy).toBe('2026-02-03');
    expect(r.publishedOnTime).toBe(false);
  });

  it('published on time within decision + 5 working days', () => {
    const base = {
      tier: 'province' as const,
      legalEffectiveDate: null,
      decisionDate: '2026-04-29',
      today: '2026-05-20',
    };
    expect(transparencyChecks(calendar, { ...base, publishedDate: '2026-05-08' }).publishedOnTime).toBe(true);
    expect(transparencyChecks(calendar, { ...base, publishedDate: '2026-05-11' }).publishedOnTime).toBe(
      false,
    );
  });

  it('is null, never a silent false, while a check cannot be decided', () => {
    const none = transparencyChecks(calendar, {
      tier: 'province',
      legalEffectiveDate: null,
      decisionDate: null,
      publishedDate: null,
      today: '2026-03-01',
    });
    expect(none.announcedOnTime).toBeNull();
    expect(none.publishedOnTime).toBeNull();
    expect(none.notes.length).toBe(2);
    // not announced yet, still before the deadline: pending (null); after it: late (false)
    const pending = {
      tier: 'province' as const,
      legalEffectiveDate: '2026-06-01',
      decisionDate: null,
      publishedDate: null,
    };
    expect(transparencyChecks(calendar, { ...pending, today: '2026-05-25' }).announcedOnTime).toBeNull();
    expect(transparencyChecks(calendar, { ...pending, today: '2026-05-26' }).announcedOnTime).toBe(false);
  });

  it('takes the legal effective date as given, else the latest date of the legal basis', () => {
    const legalBasis = [
      { effectiveDate: '2016-01-01' },
      { effectiveDate: null },
      { effectiveDate: '2025-07-01' },
    ];
    expect(legalEffectiveDateOf({ legalEffectiveDate: null, legalBasis })).toBe('2025-07-01');
    expect(legalEffectiveDateOf({ legalEffectiveDate: '2026-01-01', legalBasis })).toBe('2026-01-01');
  });
});
