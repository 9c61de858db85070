import type { RawSql } from '../../src/platform/database';

/**
 * Ends the server backend of this database that listens on `channel` (as a network cut or a server
 * restart would), for tests of a listener's loss: one `true` per backend ended.
 */
export async function cutListener(raw: RawSql, channel: string): Promise<boolean[]> {
  const { rows } = (await raw.query(
    `select pg_terminate_backend(pid) as ended from pg_stat_activity
      where datname = current_database() and query = $1`,
    [`listen "${channel}"`],
  )) as { rows: { ended: boolean }[] };
  return rows.map((r) => r.ended);
}
