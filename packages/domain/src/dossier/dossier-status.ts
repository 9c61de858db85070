/**
 * Where a dossier is in its life (DOMAIN.md §1, §10). The national portal's 1–10 codes are derived
 * from these in one mapping, `nationalStatusCode`.
 */
export const dossierStatuses = [
  'submitted',
  'intake-supplement',
  'refused-at-intake',
  'accepted',
  'processing',
  'supplement-requested',
  'payment-requested',
  'withdrawn',
  'stopped',
  'done',
  'returned',
] as const;
export type DossierStatus = (typeof dossierStatuses)[number];

export const dossierStatusLabels: Record<DossierStatus, string> = {
  submitted: 'Mới đăng ký, chờ tiếp nhận',
  'intake-supplement': 'Chờ bổ sung để tiếp nhận',
  'refused-at-intake': 'Từ chối tiếp nhận',
  accepted: 'Đã tiếp nhận',
  processing: 'Đang giải quyết',
  'supplement-requested': 'Yêu cầu bổ sung hồ sơ',
  'payment-requested': 'Chờ thanh toán phí, lệ phí',
  withdrawn: 'Công dân rút hồ sơ',
  stopped: 'Dừng xử lý',
  done: 'Đã có kết quả',
  returned: 'Đã trả kết quả',
};

/**
 * National portal (DVCQG) dossier status codes: 1 registered, 2 accepted, 3 not accepted, 4 processing,
 * 5 supplement requested, 6 payment requested, 7 withdrawn by applicant, 8 stopped, 9 processing done,
 * 10 result returned.
 */
export type NationalStatusCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

const nationalCodes: Record<DossierStatus, NationalStatusCode> = {
  submitted: 1,
  'intake-supplement': 5,
  'refused-at-intake': 3,
  accepted: 2,
  processing: 4,
  'supplement-requested': 5,
  'payment-requested': 6,
  withdrawn: 7,
  stopped: 8,
  done: 9,
  returned: 10,
};

export function nationalStatusCode(status: DossierStatus): NationalStatusCode {
  return nationalCodes[status];
}

/** A dossier in one of these states will not change any more. */
export const finalStatuses: readonly DossierStatus[] = [
  'refused-at-intake',
  'withdrawn',
  'stopped',
  'returned',
];

export function isFinal(status: DossierStatus): boolean {
  return finalStatuses.includes(status);
}
