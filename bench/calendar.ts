// Due-date throughput: the indexed engine against the minute-by-minute reference stepper, both
// measured in the same run over the same kind of random (seeded) receipts and limits in 2023–2030.
// Run: npx tsx bench/calendar.ts
import { dueDate, type ProcessingTime } from '@motcua/domain/calendar/due-date';
import { ReferenceStepper } from '@motcua/domain/calendar/reference-stepper';
import { MS_PER_MINUTE, parseInstant } from '@motcua/domain/calendar/vietnam-time';
import { createWorkingCalendar } from '@motcua/domain/calendar/working-calendar';

const SAMPLE = 1_000_000;
const REFERENCE_SAMPLE = 400;
const REFERENCE_BUDGET_MS = 3_000;

/** xorshift32: a small deterministic generator, so every run measures the same inputs. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4_294_967_296;
  };
}

/** The limits drawn from: a realistic mix of units and sizes. */
function limitPool(): ProcessingTime[] {
  const pool: ProcessingTime[] = [];
  for (let hours = 1; hours <= 40; hours++) pool.push({ unit: 'working-hours', value: hours });
  for (let halves = 1; halves <= 60; halves++) pool.push({ unit: 'working-days', value: halves / 2 });
  for (let days = 1; days <= 60; days++) pool.push({ unit: 'days', value: days });
  for (let months = 1; months <= 6; months++) pool.push({ unit: 'months', value: months });
  return pool;
}

interface Inputs {
  readonly starts: Float64Array;
  readonly limits: ProcessingTime[];
}

function drawInputs(count: number, seed: number): Inputs {
  const random = seededRandom(seed);
  const pool = limitPool();
  const first = parseInstant('2023-01-01T00:00:00+07:00') / MS_PER_MINUTE;
  const last = parseInstant('2030-12-31T23:59:00+07:00') / MS_PER_MINUTE;
  const starts = new Float64Array(count);
  const limits: ProcessingTime[] = new Array(count);
  for (let i = 0; i < count; i++) {
    starts[i] = (first + Math.floor(random() * (last - first))) * MS_PER_MINUTE;
    limits[i] = pool[Math.floor(random() * pool.length)]!;
  }
  return { starts, limits };
}

const format = (n: number): string => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);

export async function runCalendarBench(): Promise<{ name: string; lines: string[] }> {
  const buildStart = performance.now();
  const calendar = createWorkingCalendar({ fromYear: 2023, toYear: 2031 });
  const buildMs = performance.now() - buildStart;
  const stepper = new ReferenceStepper(calendar.schedules, calendar.officeHours);

  const { starts, limits } = drawInputs(SAMPLE, 20260213);
  // Warm-up, so the measurement is of optimised code.
  let checksum = 0;
  for (let i = 0; i < 50_000; i++) checksum += dueDate(calendar, starts[i]!, limits[i]!) % 7;

  const engineStart = performance.now();
  for (let i = 0; i < SAMPLE; i++) checksum += dueDate(calendar, starts[i]!, limits[i]!) % 7;
  const engineMs = performance.now() - engineStart;
  const enginePerSecond = (SAMPLE / engineMs) * 1000;

  const reference = drawInputs(REFERENCE_SAMPLE, 766);
  let referenceCount = 0;
  let mismatches = 0;
  const referenceStart = performance.now();
  while (referenceCount < REFERENCE_SAMPLE && performance.now() - referenceStart < REFERENCE_BUDGET_MS) {
    const start = reference.starts[referenceCount]!;
    const limit = reference.limits[referenceCount]!;
    if (stepper.dueDate(start, limit) !== dueDate(calendar, start, limit)) mismatches++;
    referenceCount++;
  }
  const referenceMs = performance.now() - referenceStart;
  const referencePerSecond = (referenceCount / referenceMs) * 1000;

  const lines = [
    `calendar: ${format(enginePerSecond)} due dates/s (reference stepper: ${format(referencePerSecond)}/s, ×${format(enginePerSecond / referencePerSecond)})`,
    `calendar: ${format(SAMPLE)} due dates in ${engineMs.toFixed(0)} ms; reference stepper ${format(referenceCount)} in ${referenceMs.toFixed(0)} ms, ${mismatches} mismatches; calendar 2023–2031 built in ${buildMs.toFixed(1)} ms (checksum ${checksum})`,
  ];
  return { name: 'calendar', lines };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { lines } = await runCalendarBench();
  for (const line of lines) console.log(line);
}
