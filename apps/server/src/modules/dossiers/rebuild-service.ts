import { rollupDeltas } from '@motcua/domain/dossier/dossier-rollup';
import { type DossierState, evolve, initialDossierState } from '@motcua/domain/dossier/dossier-state';
import type { ServiceContext } from '../../platform/access-context';
import { inTransaction } from '../../platform/database';
import { calendarFor, rulesFor } from './dossier-context';
import { projectionOf } from './dossier-projection';
import * as store from './store';

/**
 * The projection and the daily counters are views of the events. `rebuild` recomputes both from the
 * events alone (after a bug fix, or to prove nothing drifted); `verify` recomputes them and reports every
 * difference from the live tables. The live status (on track / due soon / late) is a clock reading taken
 * when the row was last written, so it is compared only when `compareLiveStatus` is asked for.
 */

type Row = Awaited<ReturnType<typeof store.dossierById>> & {};

interface Recomputed {
  projections: store.DossierProjection[];
  rollups: Map<string, number>;
}

const rollupKey = (r: {
  receivingAgencyId: string;
  procedureId: string;
  day: string;
  channel: string;
  metric: string;
}) => `${r.receivingAgencyId}|${r.procedureId}|${r.day}|${r.channel}|${r.metric}`;

async function recompute(ctx: ServiceContext): Promise<Recomputed> {
  const keys = await store.allDossierKeys(ctx.db);
  const projections: store.DossierProjection[] = [];
  const rollups = new Map<string, number>();
  const now = ctx.now().getTime();
  for (const key of keys) {
    const live = (await store.dossierById(ctx.db, key.id)) as Row;
    const events = await store.eventsOf(ctx.db, key.receivingAgencyId, key.id);
    let state: DossierState = initialDossierState();
    for (const e of events) {
      const next = evolve(state, e);
      for (const d of rollupDeltas(state, e, next)) {
        const k = rollupKey({
          receivingAgencyId: next.receivingAgencyId,
          procedureId: next.procedure!.procedureId,
          day: d.day,
          channel: next.channel,
          metric: d.metric,
        });
        rollups.set(k, (rollups.get(k) ?? 0) + 1);
      }
      state = next;
    }
    const calendar = await calendarFor(ctx, state.deskId);
    projections.push(
      projectionOf(state, live.deskAgencyId, calendar, rulesFor(state.submittedAt ?? now), now),
    );
  }
  return { projections, rollups };
}

function comparable(row: store.DossierProjection, withLiveStatus: boolean): string {
  const { updatedAt, liveStatus, alerts: _alerts, ...rest } = row;
  const normal = Object.fromEntries(
    Object.entries({ ...rest, ...(withLiveStatus ? { liveStatus } : {}), updatedAt }).map(([k, v]) => [
      k,
      v instanceof Date ? v.toISOString() : Array.isArray(v) ? [...v].sort() : v,
    ]),
  );
  return JSON.stringify(normal, Object.keys(normal).sort());
}

export interface VerifyReport {
  dossiers: number;
  rollupRows: number;
  differences: string[];
}

export async function verifyDossierViews(
  ctx: ServiceContext,
  options: { compareLiveStatus?: boolean } = {},
): Promise<VerifyReport> {
  const { projections, rollups } = await recompute(ctx);
  const differences: string[] = [];
  for (const p of projections) {
    const live = (await store.dossierById(ctx.db, p.id)) as Row;
    const a = comparable(live as store.DossierProjection, options.compareLiveStatus === true);
    const b = comparable(p, options.compareLiveStatus === true);
    if (a !== b) differences.push(`dossier ${p.code}: projection differs from its events`);
  }
  const liveRollups = await store.allRollups(ctx.db);
  const seen = new Set<string>();
  for (const r of liveRollups) {
    const k = rollupKey(r);
    seen.add(k);
    if ((rollups.get(k) ?? 0) !== r.count)
      differences.push(`rollup ${k}: ${r.count} live, ${rollups.get(k) ?? 0} from events`);
  }
  for (const [k, n] of rollups)
    if (!seen.has(k)) differences.push(`rollup ${k}: missing live, ${n} from events`);
  return { dossiers: projections.length, rollupRows: rollups.size, differences };
}

/** Rewrites every projection row and the daily counters from the events, in one transaction. */
export async function rebuildDossierViews(
  ctx: ServiceContext,
): Promise<{ dossiers: number; rollupRows: number }> {
  const { projections, rollups } = await recompute(ctx);
  await inTransaction(ctx.db, async (tx) => {
    for (const p of projections) await store.replaceProjection(tx, p);
    await store.clearRollups(tx);
    await store.insertRollupRows(
      tx,
      [...rollups].map(([k, count]) => {
        const [receivingAgencyId, procedureId, day, channel, metric] = k.split('|') as [
          string,
          string,
          string,
          string,
          string,
        ];
        return { receivingAgencyId, procedureId, day, channel, metric, count };
      }),
    );
  });
  return { dossiers: projections.length, rollupRows: rollups.size };
}
