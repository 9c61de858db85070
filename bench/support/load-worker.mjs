// The load generator of the HTTP benches, run in a worker thread so that its own work (building requests,
// parsing responses) does not share the event loop of the app it measures — as with a real client, and
// as pgbench's client is a process of its own. Plain JavaScript: worker threads do not inherit the
// TypeScript loader of the main thread.
//
// workerData: {
//   base: 'http://127.0.0.1:PORT',
//   clients: [{ method, paths: [...], headers: {...}, body: string | null,  // client i = clients[i % n]
//               idempotencyKeys }],    // true: each request carries a new Idempotency-Key
//   concurrency,                       // requests in flight at any time (one keep-alive socket each)
//   warmupMs, durationMs,              // time-based run: measure what completes in [warmup, warmup + duration]
//   requests,                          // or count-based: stop after this many requests (all measured)
// }
// Posts back { latencies: Float64Array (ms), seconds, statuses: { [code]: count }, errors: [sample…],
//   completed (every request answered, warm-up included) }.
//
// Requests go through undici (the HTTP/1.1 client Node's own fetch is built on), one keep-alive connection
// per request in flight, no pipelining: it spends about half the CPU per request of node:http's client,
// and the client shares the machine's cores with the app and PostgreSQL, as pgbench's client does.
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'undici';

const { base, clients, concurrency, warmupMs = 0, durationMs = null, requests = null } = workerData;
const pool = new Pool(base, { connections: concurrency, pipelining: 1 });
const run = `${process.pid}-${Date.now().toString(36)}`;

async function send(method, path, headers, body) {
  const res = await pool.request({ method, path, headers, body: body ?? undefined });
  return { status: res.statusCode, body: Buffer.from(await res.body.arrayBuffer()) };
}

const latencies = [];
const statuses = {};
const errors = [];
let issued = 0;
let completed = 0;
const started = performance.now();
const measureFrom = started + warmupMs;
const stopAt = durationMs === null ? Number.POSITIVE_INFINITY : measureFrom + durationMs;

async function client(i) {
  const spec = clients[i % clients.length];
  const headers = { ...spec.headers };
  if (spec.body !== null) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(spec.body));
  }
  // Clients sharing a spec start at different paths, so they do not ask for the same thing in step.
  let next = Math.floor((i / concurrency) * spec.paths.length);
  for (;;) {
    if (requests !== null && issued >= requests) return;
    if (performance.now() >= stopAt) return;
    issued++;
    const path = spec.paths[next++ % spec.paths.length];
    if (spec.idempotencyKeys) headers['idempotency-key'] = `bench-${run}-${i}-${issued}`;
    const t0 = performance.now();
    let status = 0;
    let text = '';
    try {
      const res = await send(spec.method, path, headers, spec.body);
      status = res.status;
      if (status >= 400) text = res.body.toString('utf8').slice(0, 300);
    } catch (error) {
      text = error instanceof Error ? error.message : String(error);
    }
    const t1 = performance.now();
    completed++;
    if (t0 < measureFrom || t1 > stopAt) continue; // warm-up, or finished after the window closed
    latencies.push(t1 - t0);
    statuses[status] = (statuses[status] ?? 0) + 1;
    if ((status === 0 || status >= 400) && errors.length < 5) errors.push(`${status} ${path}: ${text}`);
  }
}

await Promise.all(Array.from({ length: concurrency }, (_, i) => client(i)));
const ended = Math.min(performance.now(), stopAt);
await pool.close();
const result = Float64Array.from(latencies);
parentPort.postMessage(
  {
    latencies: result,
    seconds: (ended - Math.max(started, measureFrom)) / 1000,
    statuses,
    errors,
    completed,
  },
  [result.buffer],
);
