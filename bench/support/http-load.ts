import { Worker } from 'node:worker_threads';

/** One kind of client: what it sends; `paths` are cycled through (one path: the same request again). */
export interface ClientSpec {
  method: 'GET' | 'POST';
  paths: readonly string[];
  headers?: Record<string, string>;
  body?: unknown;
  /** Each request carries a new `Idempotency-Key`, as the web's submissions do. */
  idempotencyKeys?: boolean;
}

export interface LoadResult {
  /** Milliseconds per request, in completion order. */
  latencies: number[];
  seconds: number;
  statuses: Record<string, number>;
  /** A few failed requests (status ≥ 400 or no answer), for the error message. */
  errors: string[];
  /** Every request answered, warm-up included: what CPU time measured around the run is divided by. */
  completed: number;
}

export interface LoadOptions {
  base: string;
  /** Client `i` of `concurrency` sends as `clients[i % clients.length]`. */
  clients: readonly ClientSpec[];
  concurrency: number;
  /** Time-based: what completes in the `durationMs` after `warmupMs` is measured. */
  warmupMs?: number;
  durationMs?: number;
  /** Count-based (set-up, fixed query lists): this many requests, all measured. */
  requests?: number;
}

/**
 * Closed-loop HTTP load over keep-alive sockets, from a worker thread (see load-worker.mjs): each of
 * `concurrency` clients sends its next request when the previous one is answered.
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const workerData = {
    base: options.base,
    clients: options.clients.map((c) => ({
      method: c.method,
      paths: [...c.paths],
      headers: c.headers ?? {},
      body: c.body === undefined ? null : JSON.stringify(c.body),
      idempotencyKeys: c.idempotencyKeys === true,
    })),
    concurrency: options.concurrency,
    warmupMs: options.warmupMs ?? 0,
    durationMs: options.durationMs ?? null,
    requests: options.requests ?? null,
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData });
    worker.once('message', (message: Omit<LoadResult, 'latencies'> & { latencies: Float64Array }) =>
      resolve({ ...message, latencies: Array.from(message.latencies) }),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the load worker exited with ${code}`));
    });
  });
}

/** Requests answered with a status outside 2xx (or not at all). */
export function failures(result: LoadResult): number {
  return Object.entries(result.statuses)
    .filter(([status]) => !status.startsWith('2'))
    .reduce((n, [, count]) => n + count, 0);
}

export function assertNoFailures(label: string, result: LoadResult): void {
  const failed = failures(result);
  if (failed > 0)
    throw new Error(
      `${label}: ${failed} of ${result.latencies.length} requests failed ${JSON.stringify(result.statuses)}:\n${result.errors.join('\n')}`,
    );
}

export const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
  count: number;
}

export function summarise(r: { latencies: readonly number[]; seconds: number }): LatencySummary {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    perSecond: sorted.length / r.seconds,
    count: sorted.length,
  };
}

/** `label: p50 … ms, p95 … ms, p99 … ms, N req/s` — the line every HTTP bench prints per measurement. */
export function summaryLine(
  label: string,
  r: { latencies: readonly number[]; seconds: number },
  unit = 'req/s',
) {
  const s = summarise(r);
  return `${label}: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, ${s.perSecond.toFixed(0)} ${unit}`;
}
