// After the result (Decree 61/2018 Art. 18(6), 20; DOMAIN.md §1.3–1.4): early return is encouraged with
// notice; fees are collected before the result is handed over; the result is returned at the desk, by
// post (with the postal tracking number) or online (only an electronic result); the applicant may
// withdraw and processing may be stopped while the dossier is open.
import { describe, expect, it } from 'vitest';
import type { DossierCommand } from '../../src/dossier/dossier-commands';
import {
  acceptedDossier,
  at,
  citizen,
  cmd,
  component,
  desk,
  doneDossier,
  FORM,
  head,
  ID_COPY,
  inAppraisal,
  leader,
  specialist,
  TestDossier,
} from './dossier-fixtures';

const fee = (amountVnd = 200_000): DossierCommand => ({
  type: 'requestPayment',
  items: [{ name: 'Phí cung cấp thông tin lý lịch tư pháp', amountVnd }],
});
const pay = (amountVnd: number, method: 'online' | 'desk' = 'desk'): DossierCommand => ({
  type: 'recordPayment',
  amountVnd,
  method,
  reference: method === 'online' ? 'PAYGOV-123' : null,
});

describe('early return notice', () => {
  it('is sent once, before the appointment (Monday 9/3/2026 09:00)', () => {
    const d = doneDossier();
    d.do(
      { type: 'notifyEarlyReturn', message: 'Mời ông/bà đến nhận kết quả từ ngày 05/3' },
      '2026-03-04T10:00',
    );
    expect(d.state.earlyReturnNotifiedAt).toBe(at('2026-03-04T10:00'));
    expect(d.reject({ type: 'notifyEarlyReturn', message: 'Lần hai' }, '2026-03-04T11:00').code).toBe(
      'ALREADY_NOTIFIED',
    );
    expect(doneDossier().reject({ type: 'notifyEarlyReturn', message: 'x' }, '2026-03-09T09:00').code).toBe(
      'NOT_EARLY',
    );
  });
});

describe('fees', () => {
  it('a payment request pauses the dossier until paid in full, then it resumes where it was', () => {
    const d = inAppraisal();
    const [requested] = d.do(fee(), '2026-03-02T10:00', specialist);
    expect(requested).toMatchObject({ type: 'PaymentRequested', amountVnd: 200_000 });
    expect(d.state.status).toBe('payment-requested');
    d.do(pay(50_000), '2026-03-02T11:00');
    expect(d.state.status).toBe('payment-requested');
    d.do(pay(150_000, 'online'), '2026-03-02T14:00', citizen);
    expect(d.state.status).toBe('processing');
    expect(d.state.payment).toEqual({
      requestedVnd: 200_000,
      paidVnd: 200_000,
      paidOnline: true,
      methods: ['desk', 'online'],
      resumeStatus: null,
    });
  });

  it('amounts must be positive whole VND (INVALID_AMOUNT)', () => {
    const d = inAppraisal();
    expect(d.reject(fee(0), '2026-03-02T10:00').code).toBe('INVALID_AMOUNT');
    expect(d.reject(fee(1000.5), '2026-03-02T10:00').code).toBe('INVALID_AMOUNT');
    expect(d.reject({ type: 'requestPayment', items: [] }, '2026-03-02T10:00').code).toBe('INVALID_AMOUNT');
    d.do(fee(), '2026-03-02T10:00');
    expect(d.reject(pay(-1), '2026-03-02T11:00').code).toBe('INVALID_AMOUNT');
  });

  it('the result is not handed over while a fee is unpaid', () => {
    const d = doneDossier();
    d.do(fee(), '2026-03-04T10:00', desk);
    const blocked = d.reject(cmd.returnResult(), '2026-03-04T11:00');
    expect(blocked.code).toBe('ILLEGAL_TRANSITION');
    expect(blocked.details.status).toBe('payment-requested');
    expect(blocked.message).toContain('Chờ thanh toán phí, lệ phí');
    d.do(pay(200_000), '2026-03-04T11:00');
    expect(d.state.status).toBe('done');
    d.do(cmd.returnResult(), '2026-03-04T11:05');
    expect(d.state.status).toBe('returned');
  });
});

describe('return of the result', () => {
  it('at the desk, to an authorised collector', () => {
    const d = doneDossier();
    d.do(
      { type: 'returnResult', method: 'desk', trackingNumber: null, collectedBy: 'Đỗ Văn Nam (ủy quyền)' },
      '2026-03-05T10:00',
    );
    expect(d.state.status).toBe('returned');
    expect(d.state.returned).toEqual({
      at: at('2026-03-05T10:00'),
      method: 'desk',
      trackingNumber: null,
      collectedBy: 'Đỗ Văn Nam (ủy quyền)',
    });
    // Returning does not move the end of processing.
    expect(d.state.finishedAt).toBe(at('2026-03-04T09:00'));
  });

  it('by post only with the postal tracking number (TRACKING_NUMBER_REQUIRED)', () => {
    const d = doneDossier();
    expect(d.reject(cmd.returnResult('postal', null), '2026-03-05T10:00').code).toBe(
      'TRACKING_NUMBER_REQUIRED',
    );
    expect(d.reject(cmd.returnResult('postal', '  '), '2026-03-05T10:00').code).toBe(
      'TRACKING_NUMBER_REQUIRED',
    );
    d.do(cmd.returnResult('postal', 'EA123456789VN'), '2026-03-05T10:00');
    expect(d.state.returned).toMatchObject({ method: 'postal', trackingNumber: 'EA123456789VN' });
  });

  it('online only when the result is electronic (NO_ELECTRONIC_RESULT)', () => {
    const paper = inAppraisal();
    paper.do(cmd.propose(), '2026-03-03T10:00', specialist);
    paper.do(cmd.forward(), '2026-03-03T10:00', specialist);
    paper.do(cmd.approve(), '2026-03-03T10:00', leader);
    paper.do(cmd.forward(), '2026-03-03T10:00', leader);
    paper.do(cmd.issueResult(false), '2026-03-04T09:00', head);
    expect(paper.reject(cmd.returnResult('online'), '2026-03-04T10:00').code).toBe('NO_ELECTRONIC_RESULT');
    const electronic = doneDossier();
    electronic.do(cmd.returnResult('online'), '2026-03-04T10:00');
    expect(electronic.state.returned?.method).toBe('online');
  });

  it('a refusal after appraisal (its reasons, no document) can be returned online', () => {
    const d = inAppraisal();
    d.do(cmd.propose('refuse'), '2026-03-03T10:00', specialist);
    d.do(cmd.forward(), '2026-03-03T10:00', specialist);
    d.do(cmd.forward(), '2026-03-03T10:00', leader);
    d.do(cmd.approve(), '2026-03-03T10:30', head);
    d.do({ type: 'refuseAfterAppraisal', reasons: ['Không đủ điều kiện'] }, '2026-03-03T11:00', head);
    d.do(cmd.returnResult('online'), '2026-03-03T14:00');
    expect(d.state.status).toBe('returned');
  });
});

describe('withdrawal and stop', () => {
  it('the applicant withdraws with a reason; the dossier ends', () => {
    const d = inAppraisal();
    d.do({ type: 'withdraw', reason: 'Không còn nhu cầu' }, '2026-03-03T09:00', citizen);
    expect(d.state).toMatchObject({
      status: 'withdrawn',
      finishedAt: at('2026-03-03T09:00'),
      closedReason: 'Không còn nhu cầu',
    });
  });

  it('a dossier waiting for an intake supplement can be withdrawn', () => {
    const d = new TestDossier();
    d.do(cmd.receive({ components: [component(FORM)] }), '2026-03-02T09:00');
    d.do(
      { type: 'requestIntakeSupplement', items: [{ name: ID_COPY, reason: 'Thiếu' }], guidance: '' },
      '2026-03-02T09:05',
    );
    d.do({ type: 'withdraw', reason: 'Nộp lại sau' }, '2026-03-03T09:00', citizen);
    expect(d.state.status).toBe('withdrawn');
  });

  it('processing stops with a reason', () => {
    const d = acceptedDossier();
    expect(d.reject({ type: 'stop', reason: '' }, '2026-03-03T09:00').code).toBe('REASONS_REQUIRED');
    expect(d.reject({ type: 'withdraw', reason: '' }, '2026-03-03T09:00').code).toBe('REASONS_REQUIRED');
    d.do({ type: 'stop', reason: 'Có văn bản đề nghị dừng của cơ quan điều tra' }, '2026-03-03T09:00', head);
    expect(d.state).toMatchObject({ status: 'stopped', finishedAt: at('2026-03-03T09:00') });
  });
});
