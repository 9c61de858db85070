/**
 * Electronic identifier codes of agencies (DOMAIN.md §2.2): `V1V2V3.Z1Z2.Y1Y2.MX1X2`, unused levels
 * written as `000` / `00`, e.g. `000.00.00.H41`, `000.20.35.H56`; central agencies use `G…` in the last part.
 * The last part is a letter (H = local, G = central, …) and two digits.
 */
const agencyCodePattern = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

export function isAgencyCode(value: string): boolean {
  return agencyCodePattern.test(value);
}

export const agencyCodeFormat = 'V1V2V3.Z1Z2.Y1Y2.MX1X2 (ví dụ 000.00.00.H41)';
