/**
 * What each event adds to the daily counters (receiving agency × procedure × local day × channel ×
 * metric). The live update and the rebuild from events both use this one function, so they cannot
 * disagree.
 */
import { classifyFinish } from '../calendar/due-date';
import { localDateOf } from '../calendar/vietnam-time';
import type { DossierEvent } from './dossier-events';
import type { DossierState } from './dossier-state';

export const rollupMetrics = [
  'received',
  'accepted',
  'refused-at-intake',
  'supplement-requested',
  'extended',
  'finished-early',
  'finished-on-time',
  'finished-late',
  'refused',
  'returned',
  'withdrawn',
  'stopped',
  'paid-online',
] as const;
export type RollupMetric = (typeof rollupMetrics)[number];

export interface RollupDelta {
  day: string;
  metric: RollupMetric;
}

/** The counters `event` increments, given the state just before it and just after it. */
export function rollupDeltas(before: DossierState, event: DossierEvent, after: DossierState): RollupDelta[] {
  const day = localDateOf(event.at);
  const one = (metric: RollupMetric): RollupDelta[] => [{ day, metric }];
  switch (event.type) {
    case 'DossierSubmitted':
      return one('received');
    case 'DossierAccepted':
      return one('accepted');
    case 'IntakeRefused':
      return one('refused-at-intake');
    case 'SupplementRequested':
      return one('supplement-requested');
    case 'DeadlineExtended':
      return one('extended');
    case 'ResultIssued':
    case 'RefusedAfterAppraisal': {
      const due = after.appointmentAt;
      const deltas: RollupDelta[] =
        due === null ? [] : [{ day, metric: `finished-${classifyFinish(event.at, due)}` as RollupMetric }];
      if (event.type === 'RefusedAfterAppraisal') deltas.push({ day, metric: 'refused' });
      return deltas;
    }
    case 'ResultReturned':
      return one('returned');
    case 'DossierWithdrawn':
      return one('withdrawn');
    case 'ProcessingStopped':
      return one('stopped');
    case 'PaymentReceived':
      return event.method === 'online' && !before.payment.paidOnline ? one('paid-online') : [];
    default:
      return [];
  }
}
