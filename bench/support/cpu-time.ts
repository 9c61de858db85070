import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time spent, in milliseconds, to say where a bench's time goes: on a machine shared with other work
 * requests per second move with the neighbours' load, CPU per request much less. Linux only (/proc);
 * elsewhere the PostgreSQL figure is null.
 */

const ticksPerSecond = 100; // USER_HZ, 100 on every Linux architecture Node runs on

function statFields(pid: string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces: the fields after it follow the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // exited meanwhile
  }
}

/** utime + stime (+ reaped children's cutime + cstime) of a process, in ms. */
function processMs(fields: string[], withChildren: boolean): number {
  // After ')': state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
  const n = (i: number) => Number(fields[i] ?? 0);
  return ((n(11) + n(12) + (withChildren ? n(13) + n(14) : 0)) * 1000) / ticksPerSecond;
}

function postmasterOf(port: string): string | null {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (!argv[0]?.endsWith('postgres')) continue;
    const p = argv.indexOf('-p');
    if ((p >= 0 && argv[p + 1] === port) || argv.includes(`-p ${port}`)) return pid;
  }
  return null;
}

/**
 * CPU of the PostgreSQL server listening on `port` of this machine so far: the postmaster, its live
 * children (backends, checkpointer, walwriter…) and those it has reaped. Null if it cannot be found.
 */
export function postgresCpuMs(port: string): number | null {
  let postmaster: string | null;
  try {
    postmaster = postmasterOf(port);
  } catch {
    return null; // no /proc
  }
  if (postmaster === null) return null;
  const own = statFields(postmaster);
  if (!own) return null;
  let total = processMs(own, true);
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const fields = statFields(pid);
    if (fields?.[1] === postmaster) total += processMs(fields, false);
  }
  return total;
}

/** CPU of this process (every thread: the app and the bench's load worker), in ms. */
export function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** CPU of the given processes (every thread), in ms; a process that has exited counts nothing. */
export function processesCpuMs(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) {
    const fields = statFields(String(pid));
    if (fields) total += processMs(fields, false);
  }
  return total;
}
