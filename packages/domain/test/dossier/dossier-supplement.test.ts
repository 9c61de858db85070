// Supplement during appraisal (Decree 61/2018 Art. 19; DOMAIN.md §1.3, §4): requested through the desk
// within 3 working days of receipt; when the complete dossier comes back the processing time restarts
// from zero. The Decision 766 scoreboard instead subtracts the waiting time and counts more than one
// supplement request as late. Holidays: official 2026 schedule (Tết 16–20/2; 30/4–1/5), DOMAIN.md §8.
import { describe, expect, it } from 'vitest';
import { MS_PER_HOUR } from '../../src/calendar/vietnam-time';
import { dossierProgress, progress766 } from '../../src/dossier/dossier-clock';
import type { SupplementReceived } from '../../src/dossier/dossier-events';
import {
  at,
  calendar,
  citizen,
  cmd,
  component,
  FORM,
  head,
  ID_COPY,
  inAppraisal,
  leader,
  local,
  rules,
  specialist,
  TestDossier,
} from './dossier-fixtures';

function appraisalFrom(acceptedAt: string, forwardedAt: string): TestDossier {
  const d = new TestDossier();
  d.do(cmd.receive(), acceptedAt);
  d.do(cmd.accept(), acceptedAt);
  d.do(cmd.forward(specialist.userId, specialist.name), forwardedAt);
  return d;
}

function finishWithResult(d: TestDossier, when: string): void {
  d.do(cmd.propose(), when, specialist);
  d.do(cmd.forward(), when, specialist);
  d.do(cmd.approve(), when, leader);
  d.do(cmd.forward(), when, leader);
  d.do(cmd.issueResult(), when, head);
}

describe('the 3-working-day window (Art. 19(1))', () => {
  // Accepted Tuesday 28/4/2026 10:00; Thursday 30/4 and Friday 1/5 are holidays, so the three working
  // days are Tue 28 (from 10:00), Wed 29, Mon 4/5 and Tue 5/5 until 10:00.
  it('across 30/4–1/5/2026: Monday 4/5 16:00 is inside, Tuesday 5/5 10:00 is the last instant', () => {
    const d = appraisalFrom('2026-04-28T10:00', '2026-04-28T10:30');
    d.fork().do(cmd.requestSupplement(), '2026-05-04T16:00', specialist);
    d.fork().do(cmd.requestSupplement(), '2026-05-05T10:00', specialist);
    const error = d.reject(cmd.requestSupplement(), '2026-05-05T10:01', specialist);
    expect(error.code).toBe('SUPPLEMENT_WINDOW_PASSED');
    expect(error.details).toEqual({ since: at('2026-04-28T10:00'), windowWorkingDays: 3 });
    expect(error.message).toBe('Chỉ được yêu cầu bổ sung trong 3 ngày làm việc kể từ ngày tiếp nhận hồ sơ');
  });

  it('across Tết 2026: accepted Thursday 12/2 09:00, the window ends Tuesday 24/2 09:00', () => {
    const d = appraisalFrom('2026-02-12T09:00', '2026-02-12T09:30');
    d.fork().do(cmd.requestSupplement(), '2026-02-24T09:00', specialist);
    expect(d.reject(cmd.requestSupplement(), '2026-02-24T09:01', specialist).code).toBe(
      'SUPPLEMENT_WINDOW_PASSED',
    );
  });

  it('without a holiday the same request on Tuesday 5/5 would be days late: the window is in working days', () => {
    const d = appraisalFrom('2026-03-03T10:00', '2026-03-03T10:30');
    // Tue 3/3 10:00 + 3 working days = Fri 6/3 10:00.
    d.fork().do(cmd.requestSupplement(), '2026-03-06T10:00', specialist);
    expect(d.reject(cmd.requestSupplement(), '2026-03-06T10:01', specialist).code).toBe(
      'SUPPLEMENT_WINDOW_PASSED',
    );
  });

  it('rejections: no items (ITEMS_REQUIRED), a step that does not ask for supplements (ACTION_NOT_AT_STEP)', () => {
    const d = inAppraisal();
    expect(
      d.reject({ type: 'requestSupplement', items: [], guidance: '' }, '2026-03-02T10:00', specialist).code,
    ).toBe('ITEMS_REQUIRED');
    d.do(cmd.forward(), '2026-03-02T10:00', specialist);
    expect(d.reject(cmd.requestSupplement(), '2026-03-02T10:30', leader).code).toBe('ACTION_NOT_AT_STEP');
  });
});

describe('receiving the supplement: the full time restarts (Art. 19(2))', () => {
  // Accepted Monday 2/3/2026 09:00, 5 working days: due Monday 9/3 09:00.
  const withSupplement = () => {
    const d = inAppraisal();
    d.do(cmd.requestSupplement(), '2026-03-03T10:00', specialist);
    return d;
  };

  it('waiting pauses the live status; the received supplement sets a new appointment from the instant received', () => {
    const d = withSupplement();
    expect(d.state.status).toBe('supplement-requested');
    expect(dossierProgress(d.state, calendar, rules, at('2026-03-10T09:00'))).toMatchObject({
      kind: 'open',
      status: 'paused',
    });
    const [received] = d.do(cmd.receiveSupplement(), '2026-03-12T14:00', citizen) as [SupplementReceived];
    // 5 working days from Thursday 12/3 14:00.
    expect(local(received.appointmentAt)).toBe('2026-03-19T14:00');
    expect(d.state).toMatchObject({
      status: 'processing',
      appointmentAt: received.appointmentAt,
      clockStartedAt: at('2026-03-12T14:00'),
      originalAppointmentAt: at('2026-03-09T09:00'),
    });
    expect(d.state.supplements).toEqual([
      {
        stage: 'processing',
        requestedAt: at('2026-03-03T10:00'),
        receivedAt: at('2026-03-12T14:00'),
        items: [{ name: ID_COPY, reason: 'Bản chụp không rõ số định danh' }],
      },
    ]);
    expect(d.state.components.find((c) => c.name === ID_COPY)?.digitised).toBe(true);
  });

  it('a restart across Tết: received Thursday 12/2/2026 09:00 is due after the 16–20/2 break', () => {
    const d = appraisalFrom('2026-02-09T09:00', '2026-02-09T09:30');
    d.do(cmd.requestSupplement(), '2026-02-10T09:00', specialist);
    const [received] = d.do(cmd.receiveSupplement(), '2026-02-12T09:00', citizen) as [SupplementReceived];
    expect(local(received.appointmentAt)).toBe('2026-02-26T09:00');
  });

  it('a supplement that must be digitised and is not is refused (COMPONENT_NOT_DIGITISED)', () => {
    const d = withSupplement();
    const error = d.reject(
      { type: 'receiveSupplement', components: [component(FORM, { digitised: false, fileIds: [] })] },
      '2026-03-05T09:00',
    );
    expect(error.code).toBe('COMPONENT_NOT_DIGITISED');
  });

  it('a supplement with a component the procedure does not list is refused (UNKNOWN_COMPONENT)', () => {
    const d = withSupplement();
    const error = d.reject(
      { type: 'receiveSupplement', components: [component('Sổ hộ khẩu')] },
      '2026-03-05T09:00',
    );
    expect(error.code).toBe('UNKNOWN_COMPONENT');
    expect(error.details).toEqual({ unknown: ['Sổ hộ khẩu'] });
  });

  it('Decree 61 view vs 766 view: one supplement, result on 18/3 — on time in both', () => {
    const d = withSupplement();
    d.do(cmd.receiveSupplement(), '2026-03-12T14:00', citizen);
    finishWithResult(d, '2026-03-18T10:00');
    expect(dossierProgress(d.state, calendar, rules, at('2026-03-18T10:00'))).toMatchObject({
      kind: 'finished',
      classification: 'early',
    });
    const view = progress766(d.state, calendar, at('2026-03-31T17:00'))!;
    // Waiting: Tue 3/3 10:00 → Thu 12/3 14:00 = 5.5 + 6 × 8 + 5 working hours.
    expect(view.waitingWorkingMs).toBe(58.5 * MS_PER_HOUR);
    // Used: Mon 2/3 09:00 → Wed 18/3 10:00 is 97 working hours, minus the wait.
    expect(view.usedWorkingMs).toBe(38.5 * MS_PER_HOUR);
    expect(view).toMatchObject({
      start: at('2026-03-02T09:00'),
      end: at('2026-03-18T10:00'),
      finished: true,
      supplementRequests: 1,
      appointmentAt: at('2026-03-09T09:00'),
      onTime: true,
    });
  });

  it('766 view: the wait is subtracted, but too much remaining time used is late', () => {
    const d = withSupplement();
    d.do(cmd.receiveSupplement(), '2026-03-12T14:00', citizen);
    finishWithResult(d, '2026-03-19T09:00');
    // 38.5 h + Wed 18/3 from 10:00 (5.5 h) + Thu 19/3 until 09:00 (1.5 h) = 45.5 h > 40 h.
    expect(progress766(d.state, calendar, at('2026-03-31T17:00'))?.onTime).toBe(false);
    // …while the restarted legal appointment (19/3 14:00) was met.
    expect(dossierProgress(d.state, calendar, rules, at('2026-03-19T09:00'))).toMatchObject({
      kind: 'finished',
      classification: 'on-time',
    });
  });

  it('766 view: a second supplement request makes the dossier late whatever the time', () => {
    const d = withSupplement();
    d.do(cmd.receiveSupplement(), '2026-03-12T14:00', citizen);
    d.do(cmd.requestSupplement(), '2026-03-13T09:00', specialist);
    d.do(cmd.receiveSupplement(), '2026-03-16T09:00', citizen);
    expect(local(d.state.appointmentAt)).toBe('2026-03-23T09:00');
    finishWithResult(d, '2026-03-17T09:00');
    const view = progress766(d.state, calendar, at('2026-03-31T17:00'))!;
    expect(view.supplementRequests).toBe(2);
    expect(view.onTime).toBe(false);
    expect(dossierProgress(d.state, calendar, rules, at('2026-03-17T09:00'))).toMatchObject({
      classification: 'early',
    });
  });

  it('766 view: a supplement still awaited ends the count at its request', () => {
    const d = withSupplement();
    const view = progress766(d.state, calendar, at('2026-03-31T17:00'))!;
    expect(view.end).toBe(at('2026-03-03T10:00'));
    // Mon 2/3 09:00 → Tue 3/3 10:00.
    expect(view.usedWorkingMs).toBe(9 * MS_PER_HOUR);
    expect(view.onTime).toBe(true);
  });

  it('766 view: withdrawn while a supplement was awaited — the wait is the applicant’s, not late', () => {
    const d = withSupplement();
    d.do({ type: 'withdraw', reason: 'Không bổ sung được giấy tờ' }, '2026-03-23T09:00', citizen);
    const view = progress766(d.state, calendar, at('2026-03-31T17:00'))!;
    expect(view.end).toBe(at('2026-03-23T09:00'));
    expect(view.usedWorkingMs).toBe(9 * MS_PER_HOUR);
    expect(view.onTime).toBe(true);
  });

  it('a dossier never accepted has no 766 view', () => {
    const d = new TestDossier();
    d.do(cmd.receive(), '2026-03-02T09:00');
    expect(progress766(d.state, calendar, at('2026-03-31T17:00'))).toBeNull();
  });
});
