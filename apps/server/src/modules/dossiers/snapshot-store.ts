import type { WorkflowDefinition } from '@motcua/domain/catalog/workflow';
import type {
  DossierAccepted,
  DossierEvent,
  DossierSubmitted,
  ProcedureSnapshot,
} from '@motcua/domain/dossier/dossier-events';
import type { DossierState } from '@motcua/domain/dossier/dossier-state';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../platform/database';
import { insertRowsFromJson } from '../../platform/json-rows';
import { jsonSha256 } from './dossier-context';
import { snapshots } from './schema';

/**
 * A dossier is judged by the procedure version and the workflow in force when it was received, so its
 * first events carry both (DossierSubmitted.procedure, DossierAccepted.workflow) and its state keeps
 * them. Every dossier of a procedure at a desk carries the same two: stored inline they were about half
 * of what a reception wrote (5 of 9 kB, twice each). They are stored once instead, in
 * `dossiers.snapshots`, keyed by the SHA-256 of their JSON text, and the events and states hold a
 * reference `{ "$snapshot": "<hash>" }` in their place. A snapshot row never changes, so a process keeps
 * the ones it has read in memory without ever asking whether they moved.
 *
 * The domain never sees a reference: `store` turns events and states into their stored form on the way
 * in and back on the way out. Events and states stored before snapshots were split out hold them inline,
 * which reads back unchanged.
 */

export interface SnapshotRef {
  $snapshot: string;
}

type Stored<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | SnapshotRef };

/** An event as stored: DossierSubmitted's procedure and DossierAccepted's workflow may be references. */
export type StoredDossierEvent =
  | Exclude<DossierEvent, DossierSubmitted | DossierAccepted>
  | Stored<DossierSubmitted, 'procedure'>
  | Stored<DossierAccepted, 'workflow'>;

/** A state as stored: its procedure and workflow may be references. */
export type StoredDossierState = Stored<DossierState, 'procedure' | 'workflow'>;

type Snapshot = ProcedureSnapshot | WorkflowDefinition;

/** The hash of each snapshot object met (built here, or read back, which gives the stored hash). */
const hashes = new WeakMap<object, string>();

/** Snapshots read from the database, frozen (shared by every state that refers to them). */
const known = new Map<string, Snapshot>();
/** Read snapshots kept in memory at most; past it, the oldest read are dropped (and read again if needed). */
const KNOWN_LIMIT = 10_000;

function hashOf(body: Snapshot): string {
  let hash = hashes.get(body);
  if (hash === undefined) {
    hash = jsonSha256(body);
    hashes.set(body, hash);
  }
  return hash;
}

function isRef(value: unknown): value is SnapshotRef {
  return typeof value === 'object' && value !== null && typeof (value as SnapshotRef).$snapshot === 'string';
}

/**
 * Collects the snapshots of what one statement writes: `ref` gives the reference to store in an event or
 * state, `insertSql` the snapshot rows' insert (rows already stored are left as they are).
 */
export class SnapshotWrites {
  private readonly rows = new Map<string, Snapshot>();

  ref<T extends Snapshot>(body: T | null): T | SnapshotRef | null {
    if (body === null) return null;
    const hash = hashOf(body);
    if (!this.rows.has(hash)) this.rows.set(hash, body);
    return { $snapshot: hash };
  }

  event(e: DossierEvent): StoredDossierEvent {
    if (e.type === 'DossierSubmitted') return { ...e, procedure: this.ref(e.procedure)! };
    if (e.type === 'DossierAccepted') return { ...e, workflow: this.ref(e.workflow)! };
    return e;
  }

  state(s: DossierState): StoredDossierState {
    return { ...s, procedure: this.ref(s.procedure), workflow: this.ref(s.workflow) };
  }

  /** The insert of the collected snapshots (`on conflict do nothing`), or null when there are none. */
  insertSql() {
    if (this.rows.size === 0) return null;
    return insertRowsFromJson(
      snapshots,
      [...this.rows].map(([hash, body]) => ({ hash, body })),
      { onConflict: 'on conflict (hash) do nothing' },
    );
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The snapshots of these hashes: the ones this process has read already, the others read now. */
async function load(db: Db, wanted: Iterable<string>): Promise<Map<string, Snapshot>> {
  const found = new Map<string, Snapshot>();
  const missing: string[] = [];
  for (const hash of new Set(wanted)) {
    const body = known.get(hash);
    if (body === undefined) missing.push(hash);
    else found.set(hash, body);
  }
  if (missing.length === 0) return found;
  const rows = await db.select().from(snapshots).where(inArray(snapshots.hash, missing));
  for (const row of rows) {
    const body = deepFreeze(row.body as Snapshot);
    hashes.set(body, row.hash);
    if (known.size >= KNOWN_LIMIT) known.delete(known.keys().next().value!);
    known.set(row.hash, body);
    found.set(row.hash, body);
  }
  const lost = missing.find((h) => !found.has(h));
  if (lost !== undefined) throw new Error(`dossier snapshot ${lost} is missing from dossiers.snapshots`);
  return found;
}

type Found = Map<string, Snapshot>;

function resolve<T extends Snapshot>(found: Found, value: T | SnapshotRef): T;
function resolve<T extends Snapshot>(found: Found, value: T | SnapshotRef | null): T | null;
function resolve<T extends Snapshot>(found: Found, value: T | SnapshotRef | null): T | null {
  return isRef(value) ? (found.get(value.$snapshot) as T) : value;
}

const refsOfState = (s: StoredDossierState) => [s.procedure, s.workflow].filter(isRef);
const refsOfEvent = (e: StoredDossierEvent) =>
  e.type === 'DossierSubmitted'
    ? [e.procedure].filter(isRef)
    : e.type === 'DossierAccepted'
      ? [e.workflow].filter(isRef)
      : [];

/** Stored rows with their states as the domain knows them (snapshots in place of references). */
export async function withStates<R extends { state: StoredDossierState }>(
  db: Db,
  rows: readonly R[],
): Promise<(Omit<R, 'state'> & { state: DossierState })[]> {
  const found = await load(
    db,
    rows.flatMap((r) => refsOfState(r.state).map((ref) => ref.$snapshot)),
  );
  return rows.map((r) => ({
    ...r,
    state: {
      ...r.state,
      procedure: resolve(found, r.state.procedure),
      workflow: resolve(found, r.state.workflow),
    },
  }));
}

/** Stored events as the domain knows them (snapshots in place of references). */
export async function asEvents(db: Db, stored: readonly StoredDossierEvent[]): Promise<DossierEvent[]> {
  const found = await load(
    db,
    stored.flatMap((e) => refsOfEvent(e).map((ref) => ref.$snapshot)),
  );
  return stored.map((e) => {
    if (e.type === 'DossierSubmitted') return { ...e, procedure: resolve(found, e.procedure) };
    if (e.type === 'DossierAccepted') return { ...e, workflow: resolve(found, e.workflow) };
    return e;
  });
}
