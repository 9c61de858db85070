// Dossier code `<receiving agency code>-<YYMMDD>-<NNNN>` (Circular 01/2018; DOMAIN.md §2.2): the receiving
// agency's electronic identifier, the local date received and a 4-digit daily sequence from 0001.
import { describe, expect, it } from 'vitest';
import { formatDossierCode, MAX_DAILY_SEQUENCE, parseDossierCode } from '../../src/dossier/dossier-code';

describe('dossier code', () => {
  it('formats the example of the circular’s pattern and parses it back', () => {
    const parts = { agencyCode: '000.00.12.H99', date: '2026-01-05', sequence: 1 };
    expect(formatDossierCode(parts)).toBe('000.00.12.H99-260105-0001');
    expect(parseDossierCode('000.00.12.H99-260105-0001')).toEqual(parts);
    expect(parseDossierCode('000.00.00.H41-240105-0001')).toEqual({
      agencyCode: '000.00.00.H41',
      date: '2024-01-05',
      sequence: 1,
    });
  });

  it.each([
    ['000.20.35.H56', '2026-12-31', 9999],
    ['000.00.01.G03', '2028-02-29', 42],
    ['001.02.03.H22', '2000-01-01', 1],
    ['999.99.99.Z99', '2099-12-31', 1234],
  ])('round-trips %s on %s #%i', (agencyCode, date, sequence) => {
    const code = formatDossierCode({ agencyCode, date, sequence });
    expect(code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}$/);
    expect(parseDossierCode(code)).toEqual({ agencyCode, date, sequence });
  });

  it('ignores surrounding blanks when parsing (codes typed or scanned)', () => {
    expect(parseDossierCode('  000.00.12.H99-260105-0001\n')?.sequence).toBe(1);
  });

  it.each([
    ['', 'empty'],
    ['000.00.12.H99-260105-0000', 'sequence 0000'],
    ['000.00.12.H99-260105-001', 'three-digit sequence'],
    ['000.00.12.H99-260105-00001', 'five-digit sequence'],
    ['000.00.12.H99-261305-0001', 'month 13'],
    ['000.00.12.H99-260231-0001', '31 February'],
    ['000.00.12.H99-250229-0001', '29 February in a common year'],
    ['000.00.12.H99-260100-0001', 'day 00'],
    ['00.00.12.H99-260105-0001', 'agency code with a short first level'],
    ['000.00.12.h99-260105-0001', 'lower-case level letter'],
    ['000.00.12.H99_260105_0001', 'wrong separators'],
    ['000.00.12.H99-2601050001', 'missing separator'],
  ])('rejects %j (%s)', (text) => {
    expect(parseDossierCode(text)).toBeNull();
  });

  it.each([
    [{ agencyCode: 'H99', date: '2026-01-05', sequence: 1 }, 'agency code'],
    [{ agencyCode: '000.00.12.H99', date: '2026-1-5', sequence: 1 }, 'date'],
    [{ agencyCode: '000.00.12.H99', date: '2026-02-30', sequence: 1 }, 'date'],
    [{ agencyCode: '000.00.12.H99', date: '1999-12-31', sequence: 1 }, 'date'],
    [{ agencyCode: '000.00.12.H99', date: '2100-01-01', sequence: 1 }, 'date'],
    [{ agencyCode: '000.00.12.H99', date: '2026-01-05', sequence: 0 }, 'sequence'],
    [{ agencyCode: '000.00.12.H99', date: '2026-01-05', sequence: MAX_DAILY_SEQUENCE + 1 }, 'sequence'],
    [{ agencyCode: '000.00.12.H99', date: '2026-01-05', sequence: 1.5 }, 'sequence'],
  ])('refuses to format %j (bad %s)', (parts, what) => {
    expect(() => formatDossierCode(parts)).toThrow(new RegExp(what === 'agency code' ? 'agency code' : what));
  });
});
