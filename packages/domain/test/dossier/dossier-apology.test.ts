// Late dossier: apology and new appointment (Form 04, Circular 01/2018; Decree 61/2018 Art. 18(4);
// DOMAIN.md §1.3): at least 1 working day before the due date the responsible agency apologises and
// names a new return date, signed by its head; the date may be moved only once.
import { describe, expect, it } from 'vitest';
import { dossierProgress, progress766 } from '../../src/dossier/dossier-clock';
import {
  acceptedDossier,
  at,
  calendar,
  cmd,
  head,
  LEAD,
  leader,
  procedure,
  rules,
  specialist,
  TestDossier,
} from './dossier-fixtures';

// Accepted Monday 2/3/2026 09:00 with 5 working days: due Monday 9/3/2026 09:00.
const newDate = at('2026-03-13T17:00');

describe('apology and new appointment (Form 04)', () => {
  it('exactly one working day before the due date (Friday 6/3 09:00) is accepted and moves the appointment', () => {
    const d = acceptedDossier();
    const [extended] = d.do(cmd.apologise(newDate), '2026-03-06T09:00', head);
    expect(extended).toEqual({
      type: 'DeadlineExtended',
      at: at('2026-03-06T09:00'),
      actor: head,
      agencyId: LEAD,
      reason: 'Chờ kết quả xác minh của cơ quan công an',
      previousAppointmentAt: at('2026-03-09T09:00'),
      appointmentAt: newDate,
      signedBy: 'Phạm Văn Dũng',
    });
    expect(d.state.appointmentAt).toBe(newDate);
    expect(d.state.originalAppointmentAt).toBe(at('2026-03-09T09:00'));
    expect(d.state.extensions).toEqual([
      {
        at: at('2026-03-06T09:00'),
        agencyId: LEAD,
        reason: 'Chờ kết quả xác minh của cơ quan công an',
        from: at('2026-03-09T09:00'),
        to: newDate,
        signedBy: 'Phạm Văn Dũng',
      },
    ]);
  });

  it('less than one working day before is too late (APOLOGY_TOO_LATE), and so is after the due date', () => {
    const d = acceptedDossier();
    const error = d.reject(cmd.apologise(newDate), '2026-03-06T09:01', head);
    expect(error.code).toBe('APOLOGY_TOO_LATE');
    expect(error.details).toEqual({ dueAt: at('2026-03-09T09:00') });
    expect(error.message).toBe('Phiếu xin lỗi phải gửi chậm nhất 1 ngày làm việc trước ngày hẹn trả');
    expect(d.reject(cmd.apologise(newDate), '2026-03-09T10:00', head).code).toBe('APOLOGY_TOO_LATE');
  });

  it('a second apology is refused (DEADLINE_ALREADY_EXTENDED: the date may be moved only once)', () => {
    const d = acceptedDossier();
    d.do(cmd.apologise(newDate), '2026-03-04T09:00', head);
    const error = d.reject(cmd.apologise(at('2026-03-20T17:00')), '2026-03-05T09:00', head);
    expect(error.code).toBe('DEADLINE_ALREADY_EXTENDED');
    expect(error.details).toEqual({ extendedAt: at('2026-03-04T09:00') });
  });

  it('the new date must be later than the current one (APPOINTMENT_NOT_LATER)', () => {
    const d = acceptedDossier();
    expect(d.reject(cmd.apologise(at('2026-03-09T09:00')), '2026-03-04T09:00', head).code).toBe(
      'APPOINTMENT_NOT_LATER',
    );
    expect(d.reject(cmd.apologise(at('2026-03-06T17:00')), '2026-03-04T09:00', head).code).toBe(
      'APPOINTMENT_NOT_LATER',
    );
  });

  it('needs a reason and a signatory (REASONS_REQUIRED); a dossier without an appointment has none to move', () => {
    const d = acceptedDossier();
    expect(
      d.reject(
        { ...cmd.apologise(newDate), reason: '' } as ReturnType<typeof cmd.apologise>,
        '2026-03-04T09:00',
        head,
      ).code,
    ).toBe('REASONS_REQUIRED');
    expect(
      d.reject(
        { ...cmd.apologise(newDate), signedBy: ' ' } as ReturnType<typeof cmd.apologise>,
        '2026-03-04T09:00',
        head,
      ).code,
    ).toBe('REASONS_REQUIRED');
    const noLimit = new TestDossier();
    noLimit.do(cmd.receive({ procedure: { ...procedure, processingTime: null } }), '2026-03-02T09:00');
    noLimit.do(cmd.accept(), '2026-03-02T09:00');
    expect(noLimit.reject(cmd.apologise(newDate), '2026-03-04T09:00', head).code).toBe('NO_APPOINTMENT');
  });

  it('when the day before the due date is a holiday the apology must go out before it (30/4–1/5/2026)', () => {
    // Accepted Wednesday 22/4/2026 10:00; 27/4, 30/4 and 1/5 are days off: due Monday 4/5 10:00.
    const d = new TestDossier();
    d.do(cmd.receive(), '2026-04-22T10:00');
    d.do(cmd.accept(), '2026-04-22T10:00');
    expect(d.state.appointmentAt).toBe(at('2026-05-04T10:00'));
    expect(d.reject(cmd.apologise(at('2026-05-08T17:00')), '2026-04-30T09:00', head).code).toBe(
      'APOLOGY_TOO_LATE',
    );
    d.do(cmd.apologise(at('2026-05-08T17:00')), '2026-04-29T10:00', head);
    expect(d.state.appointmentAt).toBe(at('2026-05-08T17:00'));
  });

  it('a late dossier with an apology: on time against the new date (Decree 61), late on the 766 scoreboard', () => {
    const d = acceptedDossier();
    d.do(cmd.forward(), '2026-03-02T09:30');
    d.do(cmd.apologise(newDate), '2026-03-05T09:00', head);
    d.do(cmd.propose(), '2026-03-11T09:00', specialist);
    d.do(cmd.forward(), '2026-03-11T09:00', specialist);
    d.do(cmd.approve(), '2026-03-11T09:00', leader);
    d.do(cmd.forward(), '2026-03-11T09:00', leader);
    d.do(cmd.issueResult(), '2026-03-11T10:00', head);
    expect(dossierProgress(d.state, calendar, rules, at('2026-03-11T10:00'))).toMatchObject({
      kind: 'finished',
      classification: 'early',
      dueAt: newDate,
    });
    // The 766 view keeps the receipt's appointment: an apology does not make a late dossier on time.
    expect(progress766(d.state, calendar, at('2026-03-31T17:00'))).toMatchObject({
      appointmentAt: at('2026-03-09T09:00'),
      onTime: false,
    });
  });
});
