import type { RawSql } from '../../src/platform/database';

/**
 * Ends the server backend of this database that listens on `channel` (as a network cut or a server
 * restart would), for tests of a listener's loss: one `true` per backend ended. Resolves once those
 * backends are gone (`pg_terminate_backend` only signals one), so their connections' end is already
 * on its way to the app; the app's listener may have reconnected by then (a new backend).
 */
export async function cutListener(raw: RawSql, channel: string): Promise<boolean[]> {
  const { rows } = (await raw.query(
    `select pid, pg_terminate_backend(pid) as ended from pg_stat_activity
      where datname = current_database() and query = $1`,
    [`listen "${channel}"`],
  )) as { rows: { pid: number; ended: boolean }[] };
  const pids = rows.map((r) => r.pid);
  const until = Date.now() + 5_000;
  for (;;) {
    const left = (await raw.query('select count(*)::int as n from pg_stat_activity where pid = any($1)', [
      pids,
    ])) as { rows: { n: number }[] };
    if (left.rows[0]!.n === 0) break;
    if (Date.now() > until) throw new Error(`the backends listening on ${channel} did not end in 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return rows.map((r) => r.ended);
}
