import { MAX_DAILY_SEQUENCE } from '@motcua/domain/dossier/dossier-code';
import { describe, expect, it } from 'vitest';
import { IntakeNumberForecast } from '../../src/modules/dossiers/intake-numbers';
import type { IntakeNumbersWanted } from '../../src/modules/dossiers/store';

/** The forecast of intake numbers (intake-numbers.ts): what it promises, and when it declines to. */
const desk = (agency: string, day = '2026-03-02'): IntakeNumbersWanted => ({
  receivingAgencyId: agency,
  day,
  book: null,
});
const accepting = (agency: string, day = '2026-03-02'): IntakeNumbersWanted => ({
  receivingAgencyId: agency,
  day,
  book: { bookKey: `desk-${agency}`, year: 2026 },
});

/** A write that read its numbers, from start to commit. */
function read(
  forecast: IntakeNumberForecast,
  wanted: IntakeNumbersWanted[],
  numbers: { sequence: number; book: number | null }[],
) {
  forecast.startRead(wanted);
  forecast.learn(wanted, numbers);
}

describe('IntakeNumberForecast', () => {
  it('forecasts nothing it has not learnt from a committed write', () => {
    const forecast = new IntakeNumberForecast();
    expect(forecast.reserve([desk('a')])).toBeNull();
    read(forecast, [desk('a')], [{ sequence: 4, book: null }]);
    // Another agency, another day, or a book never taken: still unknown, so the whole batch is read.
    expect(forecast.reserve([desk('a'), desk('b')])).toBeNull();
    expect(forecast.reserve([desk('a', '2026-03-03')])).toBeNull();
    expect(forecast.reserve([accepting('a')])).toBeNull();
    expect(forecast.reserve([desk('a')])).toEqual([{ sequence: 5, book: null }]);
  });

  it('counts its writes in flight, codes and books apart', () => {
    const forecast = new IntakeNumberForecast();
    read(
      forecast,
      [accepting('a'), desk('b')],
      [
        { sequence: 7, book: 30 },
        { sequence: 2, book: null },
      ],
    );
    expect(forecast.reserve([accepting('a'), desk('b')])).toEqual([
      { sequence: 8, book: 31 },
      { sequence: 3, book: null },
    ]);
    // A reception not accepted on the spot takes a code and no book number.
    expect(forecast.reserve([desk('a')])).toEqual([{ sequence: 9, book: null }]);
    expect(forecast.reserve([accepting('a')])).toEqual([{ sequence: 10, book: 32 }]);
  });

  it('forgets the counters of a failed write, and learns them again from the next read', () => {
    const forecast = new IntakeNumberForecast();
    read(
      forecast,
      [desk('a'), desk('b')],
      [
        { sequence: 1, book: null },
        { sequence: 1, book: null },
      ],
    );
    expect(forecast.reserve([desk('a'), desk('b')])).not.toBeNull();
    forecast.forget([desk('a'), desk('b')], false);
    expect(forecast.reserve([desk('a')])).toBeNull();
    expect(forecast.reserve([desk('b')])).toBeNull();
    read(forecast, [desk('a')], [{ sequence: 2, book: null }]);
    expect(forecast.reserve([desk('a')])).toEqual([{ sequence: 3, book: null }]);
  });

  it('reads, for a minute, a counter another writer took numbers of', () => {
    let now = 1_000_000;
    const forecast = new IntakeNumberForecast(() => now);
    read(
      forecast,
      [desk('a'), desk('b')],
      [
        { sequence: 5, book: null },
        { sequence: 5, book: null },
      ],
    );
    forecast.reserve([desk('a')]);
    forecast.forget([desk('a')], true);
    read(
      forecast,
      [desk('a'), desk('b')],
      [
        { sequence: 7, book: null },
        { sequence: 6, book: null },
      ],
    );
    expect(forecast.reserve([desk('a')])).toBeNull();
    expect(forecast.reserve([desk('b')])).toEqual([{ sequence: 7, book: null }]);
    now += 61_000;
    read(forecast, [desk('a')], [{ sequence: 9, book: null }]);
    expect(forecast.reserve([desk('a')])).toEqual([{ sequence: 10, book: null }]);
  });

  it('does not blame another writer for numbers its own failed write moved', () => {
    const forecast = new IntakeNumberForecast();
    read(forecast, [desk('a')], [{ sequence: 1, book: null }]);
    forecast.reserve([desk('a')]); // first write: 2
    forecast.reserve([desk('a')]); // second write, in flight behind it: 3
    forecast.forget([desk('a')], false); // the first failed (say, a reused Idempotency-Key)
    forecast.forget([desk('a')], true); // so the second found 2 where it expected 3
    read(forecast, [desk('a')], [{ sequence: 2, book: null }]);
    expect(forecast.reserve([desk('a')])).toEqual([{ sequence: 3, book: null }]);
  });

  it('does not learn a counter while a write with forecast numbers of it is in flight', () => {
    const forecast = new IntakeNumberForecast();
    read(forecast, [desk('a')], [{ sequence: 1, book: null }]);
    forecast.reserve([desk('a')]); // write A: 2
    forecast.reserve([desk('a')]); // write B, in flight behind it: 3
    forecast.forget([desk('a')], false); // A failed; its receptions are written again, reading: 2
    read(forecast, [desk('a')], [{ sequence: 2, book: null }]);
    // B (3) may still commit: 2 is not the counter's last number, so it is not learnt.
    expect(forecast.reserve([desk('a')])).toBeNull();
    forecast.written([desk('a')]); // B committed
    read(forecast, [desk('a')], [{ sequence: 4, book: null }]);
    expect(forecast.reserve([desk('a')])).toEqual([{ sequence: 5, book: null }]);
  });

  it('forecasts no counter being read, and learns it from the last of its reads to commit', () => {
    const forecast = new IntakeNumberForecast();
    read(forecast, [desk('a')], [{ sequence: 3, book: null }]);
    forecast.startRead([desk('a'), desk('b')]); // b was unknown, so the batch reads a too: 4
    forecast.startRead([desk('a')]); // and another: 5
    expect(forecast.reserve([desk('a')])).toBeNull();
    forecast.learn([desk('a')], [{ sequence: 5, book: null }]); // the later one committed first
    expect(forecast.reserve([desk('a')])).toBeNull();
    forecast.learn(
      [desk('a'), desk('b')],
      [
        { sequence: 4, book: null },
        { sequence: 1, book: null },
      ],
    );
    expect(forecast.reserve([desk('a'), desk('b')])).toEqual([
      { sequence: 6, book: null },
      { sequence: 2, book: null },
    ]);
  });

  it('forgets nothing it knew when a read fails, and still waits for it', () => {
    const forecast = new IntakeNumberForecast();
    forecast.startRead([desk('a')]);
    forecast.startRead([desk('a')]);
    forecast.readFailed([desk('a')]);
    expect(forecast.reserve([desk('a')])).toBeNull();
    forecast.learn([desk('a')], [{ sequence: 1, book: null }]);
    expect(forecast.reserve([desk('a')])).toEqual([{ sequence: 2, book: null }]);
  });

  it('leaves the last number of a day to a read, which reports the exhausted sequence', () => {
    const forecast = new IntakeNumberForecast();
    read(forecast, [desk('a')], [{ sequence: MAX_DAILY_SEQUENCE - 1, book: null }]);
    expect(forecast.reserve([desk('a')])).toEqual([{ sequence: MAX_DAILY_SEQUENCE, book: null }]);
    expect(forecast.reserve([desk('a')])).toBeNull();
  });
});
