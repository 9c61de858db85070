// Inter-agency handling (liên thông; Decree 61/2018 Art. 18(3), DOMAIN.md §1.3): electronically the
// dossier goes to all participating agencies at once, naming the lead, each duty and each deadline;
// on paper it goes from one agency to the next with a transfer slip. The lead moves on only when every
// agency has answered.
import { describe, expect, it } from 'vitest';
import type { DossierCommand } from '../../src/dossier/dossier-commands';
import type { InterAgencySent } from '../../src/dossier/dossier-events';
import {
  acceptedDossier,
  at,
  cmd,
  desk,
  inAppraisal,
  LEAD,
  local,
  POLICE,
  parallelWorkflow,
  policeOfficer,
  specialist,
  TAX,
} from './dossier-fixtures';

const answer = (agencyId: string, outcome: 'done' | 'refused' = 'done'): DossierCommand => ({
  type: 'recordAgencyResult',
  agencyId,
  outcome,
  note: outcome === 'done' ? 'Đã xác minh' : 'Không xác nhận được',
  documents: [{ name: 'Văn bản trả lời', fileId: `f-${agencyId}`, electronic: true }],
});

describe('parallel inter-agency through a workflow parallel step', () => {
  const intoParallel = () => {
    const d = inAppraisal(parallelWorkflow);
    const events = d.do(cmd.forward(), '2026-03-02T10:00', specialist);
    return { d, events };
  };

  it('forwarding into the parallel step sends to every branch agency with its duty and due date', () => {
    const { d, events } = intoParallel();
    expect(events.map((e) => e.type)).toEqual(['DossierForwarded', 'InterAgencySent']);
    // The step lasts as long as its longest branch (tax: 8 + 8 working hours).
    expect(local(d.state.step?.dueAt ?? null)).toBe('2026-03-04T10:00');
    const sent = events[1] as InterAgencySent;
    expect(sent.mode).toBe('parallel');
    expect(sent.leadAgencyId).toBe(LEAD);
    expect(sent.participants.map((p) => ({ ...p, dueAt: local(p.dueAt) }))).toEqual([
      { agencyId: POLICE, agencyName: 'Công an tỉnh', duty: 'Xác minh lý lịch', dueAt: '2026-03-03T10:00' },
      {
        agencyId: TAX,
        agencyName: 'Cục Thuế tỉnh',
        duty: 'Kiểm tra nghĩa vụ thuế; Xác nhận',
        dueAt: '2026-03-04T10:00',
      },
    ]);
    expect(d.state.interAgency?.participants.every((p) => p.receivedAt === null)).toBe(true);
  });

  it('an agency missing from the names lookup is named by its id', () => {
    const d = inAppraisal(parallelWorkflow);
    const events = d.do(cmd.forward(), '2026-03-02T10:00', specialist, { agencyNames: {} });
    expect((events[1] as InterAgencySent).participants.map((p) => p.agencyName)).toEqual([POLICE, TAX]);
  });

  it('cannot forward or propose until every agency has answered; answers come in any order', () => {
    const { d } = intoParallel();
    const open = d.reject(cmd.forward(), '2026-03-02T11:00', desk);
    expect(open.code).toBe('INTER_AGENCY_OPEN');
    expect(d.reject(cmd.propose(), '2026-03-02T11:00', specialist).code).toBe('ACTION_NOT_AT_STEP');
    d.do(answer(TAX), '2026-03-03T09:00', desk);
    expect(d.reject(cmd.forward(), '2026-03-03T09:30', desk).code).toBe('INTER_AGENCY_OPEN');
    d.do(answer(POLICE, 'refused'), '2026-03-03T11:00', policeOfficer);
    const police = d.state.interAgency?.participants.find((p) => p.agencyId === POLICE);
    expect(police).toMatchObject({
      receivedAt: at('2026-03-03T11:00'),
      outcome: 'refused',
      note: 'Không xác nhận được',
    });
    d.do(cmd.forward(specialist.userId, specialist.name), '2026-03-03T13:00', desk);
    expect(d.state.step?.key).toBe('tong-hop');
    // Moving past a finished round closes it.
    expect(d.state.interAgency).toBeNull();
    d.do(cmd.propose('refuse'), '2026-03-03T14:00', specialist);
  });

  it('rejections: an agency not in the round, an agency answering twice', () => {
    const { d } = intoParallel();
    expect(d.reject(answer('so-xay-dung'), '2026-03-03T09:00').code).toBe('NOT_A_PARTICIPANT');
    d.do(answer(POLICE), '2026-03-03T09:00');
    expect(d.reject(answer(POLICE), '2026-03-03T09:10').code).toBe('AGENCY_RESULT_RECORDED');
  });
});

describe('sequential inter-agency via sendToAgencies (transfer slip)', () => {
  const participants = [
    {
      agencyId: POLICE,
      agencyName: 'Công an tỉnh',
      duty: 'Xác minh nhân thân',
      dueAt: at('2026-03-04T17:00'),
    },
    {
      agencyId: TAX,
      agencyName: 'Cục Thuế tỉnh',
      duty: 'Xác nhận nghĩa vụ thuế',
      dueAt: at('2026-03-06T17:00'),
    },
  ];
  const send = (p = participants): DossierCommand => ({
    type: 'sendToAgencies',
    mode: 'sequential',
    participants: p,
  });

  it('only the agency whose turn it is may answer (NOT_AGENCY_TURN)', () => {
    const d = inAppraisal();
    const [sent] = d.do(send(), '2026-03-02T10:00', specialist);
    expect(sent).toMatchObject({
      type: 'InterAgencySent',
      mode: 'sequential',
      leadAgencyId: LEAD,
      participants,
    });
    const early = d.reject(answer(TAX), '2026-03-03T09:00');
    expect(early.code).toBe('NOT_AGENCY_TURN');
    expect(early.details).toEqual({ expected: POLICE });
    d.do(answer(POLICE), '2026-03-03T09:00', policeOfficer);
    d.do(answer(TAX), '2026-03-05T09:00');
    expect(d.state.interAgency?.participants.map((p) => p.outcome)).toEqual(['done', 'done']);
  });

  it('while the round is open the lead cannot propose, forward or open another round (INTER_AGENCY_OPEN)', () => {
    const d = inAppraisal();
    d.do(send(), '2026-03-02T10:00', specialist);
    expect(d.reject(cmd.propose(), '2026-03-02T11:00', specialist).code).toBe('INTER_AGENCY_OPEN');
    expect(d.reject(cmd.forward(), '2026-03-02T11:00', specialist).code).toBe('INTER_AGENCY_OPEN');
    expect(d.reject(send(), '2026-03-02T11:00', specialist).code).toBe('INTER_AGENCY_OPEN');
    d.do(answer(POLICE), '2026-03-03T09:00');
    d.do(answer(TAX), '2026-03-04T09:00');
    d.do(cmd.propose(), '2026-03-04T10:00', specialist);
    expect(d.state.proposal?.outcome).toBe('grant');
  });

  it('rejections: no agency, the lead itself, an agency twice, a past deadline, no duty, wrong step, no round', () => {
    const d = inAppraisal();
    const t = '2026-03-02T10:00';
    expect(d.reject(send([]), t, specialist).code).toBe('PARTICIPANTS_REQUIRED');
    expect(d.reject(send([{ ...participants[0]!, agencyId: LEAD }]), t, specialist).code).toBe(
      'LEAD_AS_PARTICIPANT',
    );
    expect(d.reject(send([participants[0]!, participants[0]!]), t, specialist).code).toBe(
      'DUPLICATE_PARTICIPANT',
    );
    expect(d.reject(send([{ ...participants[0]!, dueAt: at(t) }]), t, specialist).code).toBe(
      'DEADLINE_IN_PAST',
    );
    expect(d.reject(send([{ ...participants[0]!, duty: '' }]), t, specialist).code).toBe('REASONS_REQUIRED');
    expect(d.reject(answer(POLICE), t).code).toBe('NO_INTER_AGENCY');
    expect(acceptedDossier().reject(send(), '2026-03-02T09:10').code).toBe('ACTION_NOT_AT_STEP');
  });
});
