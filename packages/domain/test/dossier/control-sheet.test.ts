// The processing control sheet (Form 05, Circular 01/2018): a row per hand-over with who gave and who
// received the dossier, when, and whether the step that ended was early (Trước hạn), on time (Đúng hạn)
// or late (Quá hạn) against its allotted time; derived from the events only.
import { describe, expect, it } from 'vitest';
import { controlSheetRows } from '../../src/dossier/control-sheet';
import {
  at,
  cmd,
  desk,
  doneDossier,
  head,
  inAppraisal,
  LEAD,
  leader,
  POLICE,
  parallelWorkflow,
  policeOfficer,
  specialist,
  TAX,
} from './dossier-fixtures';

describe('control sheet rows (Form 05)', () => {
  it('a dossier from receipt to return: one row per hand-over, each step judged against its own time', () => {
    const d = doneDossier();
    d.do(
      { type: 'returnResult', method: 'desk', trackingNumber: null, collectedBy: null },
      '2026-03-05T10:00',
      desk,
    );
    expect(controlSheetRows(d.events)).toEqual([
      {
        agencyId: null,
        stepName: 'Nộp hồ sơ',
        givenBy: 'Đỗ Thị Hoa',
        givenAt: at('2026-03-02T09:00'),
        receivedBy: desk.name,
        classification: null,
        note: null,
      },
      // Receiving step: due the same day at 17:00 (received before 15:00), forwarded at 09:30.
      {
        agencyId: LEAD,
        stepName: 'Tiếp nhận hồ sơ',
        givenBy: desk.name,
        givenAt: at('2026-03-02T09:30'),
        receivedBy: specialist.name,
        classification: 'on-time',
        note: null,
      },
      // Appraisal: 24 h from Mon 09:30 → due Thu 5/3 09:30; handed over Tue 3/3.
      {
        agencyId: LEAD,
        stepName: 'Thẩm định, xử lý hồ sơ',
        givenBy: specialist.name,
        givenAt: at('2026-03-03T11:00'),
        receivedBy: leader.name,
        classification: 'early',
        note: null,
      },
      // Unit leader: 6 h from Tue 11:00 → due Wed 4/3 09:00; handed over Tue 15:00.
      {
        agencyId: LEAD,
        stepName: 'Lãnh đạo phòng xem xét',
        givenBy: leader.name,
        givenAt: at('2026-03-03T15:00'),
        receivedBy: head.name,
        classification: 'early',
        note: null,
      },
      // Agency head: 6 h from Tue 15:00 → due Wed 4/3 11:30; signed Wed 09:00, the due day.
      {
        agencyId: LEAD,
        stepName: 'Lãnh đạo cơ quan ký duyệt',
        givenBy: head.name,
        givenAt: at('2026-03-04T09:00'),
        receivedBy: 'Trả kết quả',
        classification: 'on-time',
        note: null,
      },
      // Return against the appointment (Mon 9/3 09:00).
      {
        agencyId: LEAD,
        stepName: 'Trả kết quả',
        givenBy: desk.name,
        givenAt: at('2026-03-05T10:00'),
        receivedBy: 'Đỗ Thị Hoa',
        classification: 'early',
        note: null,
      },
    ]);
  });

  it('a step kept past its allotted time is late (Quá hạn); a send-back carries its reason', () => {
    const d = inAppraisal();
    d.do({ type: 'sendBack', reason: 'Hồ sơ scan thiếu trang' }, '2026-03-02T10:00', specialist);
    d.do(cmd.forward(specialist.userId, specialist.name), '2026-03-02T10:30', desk);
    // Appraisal re-entered Mon 10:30 with 24 h: due Thu 5/3 10:30. Forwarded Fri 6/3.
    d.do(cmd.forward(leader.userId, leader.name), '2026-03-06T08:00', specialist);
    const rows = controlSheetRows(d.events);
    expect(rows.map((r) => [r.stepName, r.classification, r.note])).toEqual([
      ['Nộp hồ sơ', null, null],
      ['Tiếp nhận hồ sơ', 'on-time', null],
      ['Thẩm định, xử lý hồ sơ', 'early', 'Trả lại: Hồ sơ scan thiếu trang'],
      ['Tiếp nhận hồ sơ', 'on-time', null],
      ['Thẩm định, xử lý hồ sơ', 'late', null],
    ]);
    expect(rows[2]?.receivedBy).toBe('Tiếp nhận hồ sơ');
  });

  it('each participating agency’s hand-back is judged against the deadline it was given', () => {
    const d = inAppraisal(parallelWorkflow);
    d.do(cmd.forward(), '2026-03-02T10:00', specialist);
    // Police due Tue 3/3 10:00, tax due Wed 4/3 10:00.
    d.do(
      { type: 'recordAgencyResult', agencyId: TAX, outcome: 'done', note: 'Không nợ thuế', documents: [] },
      '2026-03-03T09:00',
    );
    d.do(
      { type: 'recordAgencyResult', agencyId: POLICE, outcome: 'done', note: '', documents: [] },
      '2026-03-03T11:00',
      policeOfficer,
    );
    const rows = controlSheetRows(d.events).filter((r) => r.stepName === 'Xử lý liên thông');
    expect(rows).toEqual([
      {
        agencyId: TAX,
        stepName: 'Xử lý liên thông',
        givenBy: desk.name,
        givenAt: at('2026-03-03T09:00'),
        receivedBy: 'Cơ quan chủ trì',
        classification: 'early',
        note: 'Không nợ thuế',
      },
      {
        agencyId: POLICE,
        stepName: 'Xử lý liên thông',
        givenBy: policeOfficer.name,
        givenAt: at('2026-03-03T11:00'),
        receivedBy: 'Cơ quan chủ trì',
        classification: 'late',
        note: null,
      },
    ]);
  });

  it('a refusal after appraisal and a postal return are noted', () => {
    const d = inAppraisal();
    d.do(cmd.propose('refuse'), '2026-03-03T10:00', specialist);
    d.do(cmd.forward(), '2026-03-03T10:00', specialist);
    d.do(cmd.forward(), '2026-03-03T10:00', leader);
    d.do(cmd.approve(), '2026-03-03T10:30', head);
    d.do({ type: 'refuseAfterAppraisal', reasons: ['Không đủ điều kiện'] }, '2026-03-03T11:00', head);
    d.do(cmd.returnResult('postal', 'EA123456789VN'), '2026-03-10T09:00');
    const rows = controlSheetRows(d.events);
    // The head's step, entered Tue 10:00 with 6 h, was due Wed 4/3 08:00.
    expect(rows.at(-2)).toMatchObject({
      note: 'Từ chối giải quyết: Không đủ điều kiện',
      classification: 'early',
    });
    // Returned after the appointment (Mon 9/3 09:00).
    expect(rows.at(-1)).toMatchObject({ receivedBy: 'Bưu chính (EA123456789VN)', classification: 'late' });
  });

  it('no rows before acceptance', () => {
    const d = inAppraisal();
    expect(controlSheetRows(d.events.slice(0, 1))).toEqual([]);
  });
});
