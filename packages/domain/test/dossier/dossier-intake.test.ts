// Intake at the one-stop desk and online (Decree 61/2018 Art. 15; Circular 01/2018 Forms 01–03;
// DOMAIN.md §1.2): record, ask for a supplement once (Form 02), refuse (Form 03) or accept with a receipt
// and an appointment (Form 01); paper components that must be digitised are scanned at intake.
import { describe, expect, it } from 'vitest';
import type { DossierAccepted } from '../../src/dossier/dossier-events';
import {
  at,
  citizen,
  cmd,
  completeComponents,
  component,
  desk,
  FORM,
  ID_COPY,
  local,
  PROXY,
  procedure,
  TestDossier,
  workflow,
} from './dossier-fixtures';

describe('submission and reception', () => {
  it('an online submission records the dossier in status "submitted" through channel online', () => {
    const d = new TestDossier();
    const events = d.do(cmd.submitOnline(), '2026-03-02T20:15', citizen);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'DossierSubmitted',
      channel: 'online',
      code: '000.00.12.H99-260302-0001',
    });
    expect(d.state).toMatchObject({ exists: true, status: 'submitted', channel: 'online', version: 1 });
    expect(d.state.submittedAt).toBe(at('2026-03-02T20:15'));
    expect(d.state.acceptedAt).toBeNull();
  });

  it.each([['in-person' as const], ['postal' as const]])('a %s reception records the channel', (channel) => {
    const d = new TestDossier();
    d.do(cmd.receive({}, channel), '2026-03-02T09:00');
    expect(d.state.channel).toBe(channel);
  });

  it('an online submission without a required component is refused (REQUIRED_COMPONENTS_MISSING)', () => {
    const d = new TestDossier();
    const error = d.reject(cmd.submitOnline({ components: [component(FORM)] }), '2026-03-02T09:00', citizen);
    expect(error.code).toBe('REQUIRED_COMPONENTS_MISSING');
    expect(error.details).toEqual({ missing: [ID_COPY] });
    expect(error.message).toContain(ID_COPY);
  });

  it('an incomplete paper dossier is recorded so that the desk can answer it with Form 02 (Art. 15(2)(a))', () => {
    const d = new TestDossier();
    d.do(cmd.receive({ components: [component(FORM)] }), '2026-03-02T09:00');
    d.do(
      {
        type: 'requestIntakeSupplement',
        items: [{ name: ID_COPY, reason: 'Chưa nộp' }],
        guidance: 'Bổ sung bản chụp CCCD',
      },
      '2026-03-02T09:10',
    );
    expect(d.state.status).toBe('intake-supplement');
    expect(d.state.supplements).toEqual([
      {
        stage: 'intake',
        requestedAt: at('2026-03-02T09:10'),
        receivedAt: null,
        items: [{ name: ID_COPY, reason: 'Chưa nộp' }],
      },
    ]);
    d.do({ type: 'receiveIntakeSupplement', components: [component(ID_COPY)] }, '2026-03-04T08:00', citizen);
    expect(d.state.status).toBe('submitted');
    expect(d.state.components.map((c) => c.name).sort()).toEqual([FORM, ID_COPY].sort());
    expect(d.state.supplements[0]?.receivedAt).toBe(at('2026-03-04T08:00'));
    d.do(cmd.accept(), '2026-03-04T08:05');
    expect(d.state.status).toBe('accepted');
  });

  it('a component the procedure does not list is refused (UNKNOWN_COMPONENT)', () => {
    const d = new TestDossier();
    const error = d.reject(
      cmd.receive({ components: [...completeComponents, component('Sổ hộ khẩu')] }),
      '2026-03-02T09:00',
    );
    expect(error.code).toBe('UNKNOWN_COMPONENT');
    expect(error.details).toEqual({ unknown: ['Sổ hộ khẩu'] });
  });

  it.each([[0], [1.5], [-1]])('%s sets is refused (INVALID_SETS)', (sets) => {
    expect(new TestDossier().reject(cmd.receive({ sets }), '2026-03-02T09:00').code).toBe('INVALID_SETS');
  });

  it('a dossier is received once (DOSSIER_EXISTS)', () => {
    const d = new TestDossier();
    d.do(cmd.receive(), '2026-03-02T09:00');
    expect(d.reject(cmd.receive(), '2026-03-02T09:01').code).toBe('DOSSIER_EXISTS');
  });
});

describe('intake supplement (Form 02) and refusal (Form 03)', () => {
  it('a supplement request must list the items (ITEMS_REQUIRED)', () => {
    const d = new TestDossier();
    d.do(cmd.receive(), '2026-03-02T09:00');
    expect(
      d.reject({ type: 'requestIntakeSupplement', items: [], guidance: '' }, '2026-03-02T09:05').code,
    ).toBe('ITEMS_REQUIRED');
  });

  it('a refusal records its reasons and ends the dossier', () => {
    const d = new TestDossier();
    d.do(cmd.receive(), '2026-03-02T09:00');
    d.do({ type: 'refuseAtIntake', reasons: ['Không thuộc thẩm quyền của Sở Tư pháp'] }, '2026-03-02T09:20');
    expect(d.state).toMatchObject({
      status: 'refused-at-intake',
      refusedReasons: ['Không thuộc thẩm quyền của Sở Tư pháp'],
      finishedAt: at('2026-03-02T09:20'),
    });
  });

  it.each([[[]], [['  ']]])('a refusal without a reason (%j) is refused (REASONS_REQUIRED)', (reasons) => {
    const d = new TestDossier();
    d.do(cmd.receive(), '2026-03-02T09:00');
    expect(d.reject({ type: 'refuseAtIntake', reasons }, '2026-03-02T09:05').code).toBe('REASONS_REQUIRED');
  });

  it('a supplement with a component the procedure does not list is refused (UNKNOWN_COMPONENT)', () => {
    const d = new TestDossier();
    d.do(cmd.receive({ components: [component(FORM)] }), '2026-03-02T09:00');
    d.do(
      { type: 'requestIntakeSupplement', items: [{ name: ID_COPY, reason: 'Thiếu' }], guidance: '' },
      '2026-03-02T09:05',
    );
    const error = d.reject(
      { type: 'receiveIntakeSupplement', components: [component('Sổ hộ khẩu')] },
      '2026-03-03T09:00',
      citizen,
    );
    expect(error.code).toBe('UNKNOWN_COMPONENT');
  });

  it('a dossier waiting for an intake supplement may still be refused', () => {
    const d = new TestDossier();
    d.do(cmd.receive({ components: [component(FORM)] }), '2026-03-02T09:00');
    d.do(
      { type: 'requestIntakeSupplement', items: [{ name: ID_COPY, reason: 'Thiếu' }], guidance: '' },
      '2026-03-02T09:05',
    );
    d.do({ type: 'refuseAtIntake', reasons: ['Quá thời hạn bổ sung'] }, '2026-03-20T09:00');
    expect(d.state.status).toBe('refused-at-intake');
  });
});

describe('acceptance and receipt (Form 01)', () => {
  it('records the appointment from the legal time, the tracking-book number and the forwarding deadline', () => {
    const d = new TestDossier();
    d.do(cmd.receive(), '2026-03-02T09:00');
    const [accepted] = d.do(cmd.accept(), '2026-03-02T09:00') as [DossierAccepted];
    // 5 working days from Monday 2/3/2026 09:00 (office 07:30–11:30, 13:00–17:00).
    expect(local(accepted.appointmentAt)).toBe('2026-03-09T09:00');
    // Received before 15:00: to the competent agency the same working day.
    expect(local(accepted.forwardBy)).toBe('2026-03-02T17:00');
    expect(accepted.book).toEqual({ year: 2026, number: 15 });
    expect(d.state).toMatchObject({
      status: 'accepted',
      acceptedAt: at('2026-03-02T09:00'),
      originalAppointmentAt: accepted.appointmentAt,
      appointmentAt: accepted.appointmentAt,
      clockStartedAt: at('2026-03-02T09:00'),
      workflowVersion: 2,
    });
    expect(d.state.step).toEqual({
      index: 0,
      key: 'tiep-nhan',
      enteredAt: at('2026-03-02T09:00'),
      dueAt: accepted.forwardBy,
    });
  });

  it('a procedure without a legal time gets no appointment', () => {
    const d = new TestDossier();
    d.do(cmd.receive({ procedure: { ...procedure, processingTime: null } }), '2026-03-02T09:00');
    d.do(cmd.accept(), '2026-03-02T09:00');
    expect(d.state.appointmentAt).toBeNull();
  });

  it('a dossier missing a required component cannot be accepted (REQUIRED_COMPONENTS_MISSING)', () => {
    const d = new TestDossier();
    d.do(cmd.receive({ components: [component(FORM), component(PROXY)] }), '2026-03-02T09:00');
    const error = d.reject(cmd.accept(), '2026-03-02T09:05');
    expect(error.code).toBe('REQUIRED_COMPONENTS_MISSING');
    expect(error.details).toEqual({ missing: [ID_COPY] });
  });

  it('a component that must be digitised and was not scanned blocks acceptance (COMPONENT_NOT_DIGITISED, Circular 01/2023)', () => {
    const d = new TestDossier();
    d.do(
      cmd.receive({ components: [component(FORM, { digitised: false, fileIds: [] }), component(ID_COPY)] }),
      '2026-03-02T09:00',
    );
    const error = d.reject(cmd.accept(), '2026-03-02T09:05');
    expect(error.code).toBe('COMPONENT_NOT_DIGITISED');
    expect(error.details).toEqual({ components: [FORM] });
  });

  it('a workflow without steps is refused (WORKFLOW_EMPTY)', () => {
    const d = new TestDossier();
    d.do(cmd.receive(), '2026-03-02T09:00');
    expect(
      d.reject(cmd.accept({ leadAgencyId: workflow.leadAgencyId, steps: [] }), '2026-03-02T09:05').code,
    ).toBe('WORKFLOW_EMPTY');
  });

  it('the desk officer is recorded as the actor of every intake event', () => {
    const d = new TestDossier();
    d.do(cmd.receive(), '2026-03-02T09:00');
    d.do(cmd.accept(), '2026-03-02T09:00');
    expect(d.events.map((e) => e.actor)).toEqual([desk, desk]);
  });
});
