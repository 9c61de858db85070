/**
 * The dossier code's shape (Circular 01/2018, DOMAIN.md §2.2): `<agency code>-<YYMMDD>-<NNNN>`, the agency
 * code `V1V2V3.Z1Z2.Y1Y2.MX1X2`. Checked before asking the server, so a mistyped code is told at once.
 */
const codePattern = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])-\d{4}$/;

/** Spaces removed, letters upper-cased: what people type from a printed receipt. */
export function normaliseDossierCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export function isDossierCode(code: string): boolean {
  return codePattern.test(code) && !code.endsWith('-0000');
}
