import type { TestApp } from '../support/test-app';

/**
 * A catalogue entry's content in the shape of a real procedure (1.000656, đăng ký khai tử) at one
 * commune, for tests that create procedures through the API; `overrides` replace whole fields.
 */
export function procedureContent(
  where: { fieldCode: string; agencyId: string },
  overrides: Record<string, unknown> = {},
) {
  return {
    nationalCode: '1.000656',
    name: 'Thủ tục đăng ký khai tử (thử nghiệm)',
    fieldCode: where.fieldCode,
    levels: ['commune'],
    subjects: ['citizen'],
    implementingAgencyIds: [where.agencyId],
    channels: [
      {
        channel: 'in-person',
        processingTime: { value: 1, unit: 'working-days' },
        fees: [{ name: 'Lệ phí', amountVnd: 0, description: null }],
      },
    ],
    steps: ['Nộp hồ sơ', 'Trả kết quả'],
    components: [
      { name: 'Tờ khai đăng ký khai tử', originals: 1, copies: 0, required: true, formTemplate: null },
    ],
    results: [{ name: 'Trích lục khai tử', electronic: true }],
    legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch', effectiveDate: '2026-04-01' }],
    requirements: null,
    onlineLevel: 'partial',
    resultImmediately: false,
    ...overrides,
  };
}

/** The places these tests use: the provincial office, ward An Bình, and the Hộ tịch field's code. */
export async function catalogueTestPlaces(
  t: TestApp,
): Promise<{ office: string; anBinh: string; fieldCode: string }> {
  return {
    office: await t.agencyId('000.00.01.H99'),
    anBinh: await t.agencyId('000.20.01.H99'),
    fieldCode: (await t.anonymous().get('/api/catalog/fields')).body.fields.find(
      (f: { name: string }) => f.name === 'Hộ tịch',
    ).code,
  };
}
