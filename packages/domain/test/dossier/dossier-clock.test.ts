// Clocks of a dossier: the appointment (Decree 61/2018 Art. 15, DOMAIN.md §8 counting), the deadline to
// forward a paper dossier (Art. 16: same working day, or the next morning if received after 15:00), the
// live status and the finish classification. Holidays: the official 2026 schedule (Tết 16–20/2; 27/4;
// 30/4–1/5), DOMAIN.md §8.
import { describe, expect, it } from 'vitest';
import { MS_PER_HOUR } from '../../src/calendar/vietnam-time';
import {
  appointmentFrom,
  dossierProgress,
  forwardDeadline,
  stepDueAt,
} from '../../src/dossier/dossier-clock';
import { DECREE_61_RULES, type DossierRules, rulesInForce } from '../../src/dossier/dossier-rules';
import {
  acceptedDossier,
  at,
  calendar,
  cmd,
  doneDossier,
  head,
  inAppraisal,
  leader,
  local,
  procedure,
  rules,
  specialist,
  TestDossier,
} from './dossier-fixtures';

describe('appointment (Form 01)', () => {
  it('a Tết-spanning due date: received Thursday 12/2/2026 09:00 with 5 working days → Thursday 26/2 09:00', () => {
    // Thu 12/2 (6.5 h) + Fri 13/2 (8 h), Tết 16–20/2 off, Mon 23, Tue 24, Wed 25 (24 h), Thu 26/2 (1.5 h).
    const d = new TestDossier();
    d.do(cmd.receive(), '2026-02-12T09:00');
    d.do(cmd.accept(), '2026-02-12T09:00');
    expect(local(d.state.appointmentAt)).toBe('2026-02-26T09:00');
  });

  it('calendar-day and month limits end at the closing time of a working day', () => {
    expect(local(appointmentFrom(calendar, at('2026-02-12T09:00'), { unit: 'days', value: 5 }))).toBe(
      '2026-02-23T17:00',
    );
    expect(local(appointmentFrom(calendar, at('2026-01-30T09:00'), { unit: 'months', value: 1 }))).toBe(
      '2026-03-02T17:00',
    );
    expect(appointmentFrom(calendar, at('2026-02-12T09:00'), null)).toBeNull();
  });

  it('a step is due after its allotted working hours', () => {
    expect(local(stepDueAt(calendar, at('2026-02-13T15:00'), 4))).toBe('2026-02-23T09:30');
    expect(local(stepDueAt(calendar, at('2026-03-02T09:00'), 0.5))).toBe('2026-03-02T09:30');
  });
});

describe('forward deadline (Decree 61 Art. 16)', () => {
  it.each([
    ['14:59 on a working day → that day’s closing', '2026-03-03T14:59', '2026-03-03T17:00'],
    ['15:00 exactly is not yet "after 15:00"', '2026-03-03T15:00', '2026-03-03T17:00'],
    ['15:01 → the next working day’s opening', '2026-03-03T15:01', '2026-03-04T07:30'],
    ['before opening → the same day', '2026-03-03T06:45', '2026-03-03T17:00'],
    ['at the lunch closing (11:30) → the same day', '2026-03-03T11:30', '2026-03-03T17:00'],
    ['after closing → the next working day', '2026-03-03T18:00', '2026-03-04T07:30'],
    ['Friday after 15:00 → Monday', '2026-03-06T15:30', '2026-03-09T07:30'],
    ['on a Saturday → Monday', '2026-03-07T09:00', '2026-03-09T07:30'],
    ['Wednesday 29/4/2026 after 15:00, before 30/4–1/5 → Monday 4/5', '2026-04-29T15:30', '2026-05-04T07:30'],
    ['Friday 13/2/2026 after 15:00, before Tết → Monday 23/2', '2026-02-13T16:00', '2026-02-23T07:30'],
    ['on a holiday (Giỗ Tổ, Monday 27/4/2026) → Tuesday 28/4', '2026-04-27T09:00', '2026-04-28T07:30'],
  ])('%s', (_, received, expected) => {
    expect(local(forwardDeadline(calendar, at(received), rules))).toBe(expected);
  });

  it('the cut-off is the rule set’s, not hard-wired', () => {
    const noon: DossierRules = { ...DECREE_61_RULES, forwardCutoffMinute: 12 * 60 };
    expect(local(forwardDeadline(calendar, at('2026-03-03T13:00'), noon))).toBe('2026-03-04T07:30');
    // A cut-off after closing cannot give an instant already past.
    const late: DossierRules = { ...DECREE_61_RULES, forwardCutoffMinute: 20 * 60 };
    expect(local(forwardDeadline(calendar, at('2026-03-03T17:00'), late))).toBe('2026-03-04T07:30');
  });

  it('acceptance records it as the receiving step’s deadline', () => {
    const d = new TestDossier();
    d.do(cmd.receive(), '2026-03-06T15:30');
    d.do(cmd.accept(), '2026-03-06T15:30');
    expect(local(d.state.forwardBy)).toBe('2026-03-09T07:30');
    expect(d.state.step?.dueAt).toBe(d.state.forwardBy);
  });
});

describe('live status (due Monday 9/3/2026 09:00; "due soon" within 8 working hours)', () => {
  const d = acceptedDossier();
  const status = (when: string, r: DossierRules = rules) => dossierProgress(d.state, calendar, r, at(when));

  it.each([
    ['2026-03-03T09:00', 'on-track'],
    ['2026-03-06T08:59', 'on-track'],
    ['2026-03-06T09:00', 'due-soon'],
    ['2026-03-09T09:00', 'due-soon'],
    ['2026-03-09T09:01', 'late'],
  ])('at %s: %s', (when, expected) => {
    expect(status(when)).toMatchObject({ kind: 'open', status: expected, dueAt: at('2026-03-09T09:00') });
  });

  it('reports the working time left', () => {
    expect(status('2026-03-06T09:00')).toMatchObject({ remainingWorkingMs: 8 * MS_PER_HOUR });
  });

  it('the due-soon threshold is the rule set’s', () => {
    expect(status('2026-03-05T09:00', { ...rules, dueSoonWorkingHours: 16 })).toMatchObject({
      status: 'due-soon',
    });
  });

  it('paused while the applicant supplements', () => {
    const s = inAppraisal();
    s.do(cmd.requestSupplement(), '2026-03-03T09:00', specialist);
    expect(dossierProgress(s.state, calendar, rules, at('2026-03-20T09:00'))).toMatchObject({
      status: 'paused',
    });
  });

  it('no deadline when the law states none; nothing to judge before acceptance', () => {
    const none = new TestDossier();
    none.do(cmd.receive({ procedure: { ...procedure, processingTime: null } }), '2026-03-02T09:00');
    expect(dossierProgress(none.state, calendar, rules, at('2026-03-02T10:00'))).toEqual({
      kind: 'not-accepted',
    });
    none.do(cmd.accept(), '2026-03-02T09:00');
    expect(dossierProgress(none.state, calendar, rules, at('2026-03-30T10:00'))).toEqual({
      kind: 'open',
      status: 'no-deadline',
      dueAt: null,
      remainingWorkingMs: null,
    });
  });
});

describe('finish classification (Circular 01/2018 Art. 13: shorter / equal / longer than the limit)', () => {
  const finishAt = (when: string) => {
    const d = inAppraisal();
    d.do(cmd.propose(), '2026-03-03T10:00', specialist);
    d.do(cmd.forward(), '2026-03-03T10:00', specialist);
    d.do(cmd.approve(), '2026-03-03T10:00', leader);
    d.do(cmd.forward(), '2026-03-03T10:00', leader);
    d.do(cmd.issueResult(), when, head);
    return dossierProgress(d.state, calendar, rules, at(when));
  };

  it.each([
    ['a day before the due day', '2026-03-06T16:00', 'early'],
    ['on the due day before the due time', '2026-03-09T08:00', 'on-time'],
    ['at the due instant', '2026-03-09T09:00', 'on-time'],
    ['after the due instant', '2026-03-09T09:01', 'late'],
  ])('%s: %s', (_, when, expected) => {
    expect(finishAt(when)).toEqual({
      kind: 'finished',
      classification: expected,
      finishedAt: at(when),
      dueAt: at('2026-03-09T09:00'),
    });
  });

  it('a returned dossier is judged by its result, not by when it was collected', () => {
    const d = doneDossier();
    d.do(cmd.returnResult(), '2026-03-12T09:00');
    expect(dossierProgress(d.state, calendar, rules, at('2026-03-12T09:00'))).toMatchObject({
      classification: 'early',
    });
  });

  it('withdrawn, stopped and refused-at-intake dossiers are finished without a classification', () => {
    const w = acceptedDossier();
    w.do({ type: 'withdraw', reason: 'Không còn nhu cầu' }, '2026-03-20T09:00');
    expect(dossierProgress(w.state, calendar, rules, at('2026-03-20T09:00'))).toMatchObject({
      kind: 'finished',
      classification: null,
    });
    const r = new TestDossier();
    r.do(cmd.receive(), '2026-03-02T09:00');
    r.do({ type: 'refuseAtIntake', reasons: ['Không thuộc thẩm quyền'] }, '2026-03-02T09:10');
    expect(dossierProgress(r.state, calendar, rules, at('2026-03-02T10:00'))).toEqual({
      kind: 'finished',
      classification: null,
      finishedAt: at('2026-03-02T09:10'),
      dueAt: null,
    });
  });
});

describe('rule sets versioned by effective date', () => {
  const decree118: DossierRules = { ...DECREE_61_RULES, id: 'nd118-2025', effectiveFrom: '2025-07-01' };
  it('a dossier is judged by the rule set in force on its day', () => {
    expect(rulesInForce([DECREE_61_RULES, decree118], '2025-06-30').id).toBe('nd61-2018');
    expect(rulesInForce([decree118, DECREE_61_RULES], '2025-07-01').id).toBe('nd118-2025');
    expect(() => rulesInForce([DECREE_61_RULES], '2018-06-20')).toThrow(RangeError);
  });
});
