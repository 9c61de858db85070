import { createHash } from 'node:crypto';
import type { ChannelKind } from '@motcua/contracts/catalog';
import { localDateOf } from '@motcua/domain/calendar/vietnam-time';
import type { WorkingCalendar } from '@motcua/domain/calendar/working-calendar';
import type { WorkflowDefinition } from '@motcua/domain/catalog/workflow';
import type { DecideContext } from '@motcua/domain/dossier/dossier-decider';
import type { Actor, ProcedureSnapshot } from '@motcua/domain/dossier/dossier-events';
import { DECREE_61_RULES, type DossierRules, rulesInForce } from '@motcua/domain/dossier/dossier-rules';
import type { ServiceContext } from '../../platform/access-context';
import { workingCalendar } from '../calendar/calendar-service';
import { type ProcedureInForce, processingTimeFor } from '../catalog/procedure-in-force-service';

/** Who acts: the route passes the logged-in person's name and title for forms and the national sync. */
export interface Officer {
  userId: string;
  fullName: string;
  kind: 'staff' | 'citizen';
  title?: string | null;
}

/** The one-stop rule sets, by effective date (DOMAIN.md: a dossier is judged by the rules of its receipt). */
export const ruleSets: readonly DossierRules[] = [DECREE_61_RULES];

export function rulesFor(receivedAt: number): DossierRules {
  return rulesInForce(ruleSets, localDateOf(receivedAt));
}

export function actorOf(officer: Officer, agencyId: string | null): Actor {
  return {
    kind: officer.kind === 'staff' ? 'staff' : 'applicant',
    userId: officer.userId,
    name: officer.fullName,
    agencyId,
    title: officer.title ?? null,
  };
}

export async function calendarFor(ctx: ServiceContext, deskId: string | null): Promise<WorkingCalendar> {
  return workingCalendar(ctx, deskId ?? undefined);
}

export function decideContext(
  now: number,
  actor: Actor,
  calendar: WorkingCalendar,
  rules: DossierRules,
  agencyNames?: Record<string, string>,
): DecideContext {
  return agencyNames ? { now, actor, calendar, rules, agencyNames } : { now, actor, calendar, rules };
}

/**
 * Snapshots made from one catalogue version's content (the catalogue keeps that object while the version
 * is current), so every reception of a procedure shares one object: `snapshot-store` hashes it once.
 */
const snapshotsOfContent = new WeakMap<ProcedureInForce['content'], Map<string, ProcedureSnapshot>>();

export function procedureSnapshot(p: ProcedureInForce, channel: ChannelKind): ProcedureSnapshot {
  const made = madeOnce(snapshotsOfContent, p.content, () => new Map<string, ProcedureSnapshot>());
  const key = JSON.stringify([
    p.procedureId,
    p.versionId,
    p.nationalCode,
    p.name,
    p.fieldCode,
    p.fieldName,
    channel,
  ]);
  return madeOnce(made, key, () => Object.freeze(makeProcedureSnapshot(p, channel)));
}

/** The value kept under `key`, made and kept the first time. */
function madeOnce<K, V>(
  map: { get(key: K): V | undefined; set(key: K, value: V): unknown },
  key: K,
  make: () => V,
): V {
  const found = map.get(key);
  if (found !== undefined) return found;
  const value = make();
  map.set(key, value);
  return value;
}

function makeProcedureSnapshot(p: ProcedureInForce, channel: ChannelKind): ProcedureSnapshot {
  const spec = p.content.channels.find((c) => c.channel === channel) ?? p.content.channels[0];
  return {
    procedureId: p.procedureId,
    versionId: p.versionId,
    nationalCode: p.nationalCode,
    name: p.name,
    fieldCode: p.fieldCode,
    fieldName: p.fieldName,
    processingTime: processingTimeFor(p.content, channel),
    resultImmediately: p.content.resultImmediately,
    fees: (spec?.fees ?? []).map((f) => ({ name: f.name, amountVnd: f.amountVnd })),
    components: p.content.components.map((c) => ({
      name: c.name,
      originals: c.originals,
      copies: c.copies,
      required: c.required,
      mustDigitise: c.mustDigitise ?? false,
    })),
  };
}

/**
 * SHA-256 (hex) of a value's JSON text: a request's fingerprint (a reused Idempotency-Key with different
 * content is refused), a snapshot's key in `dossiers.snapshots`.
 */
export function jsonSha256(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

/**
 * A generated default workflow puts every step at the implementing agency. When the dossier was received
 * at a desk of another agency (the provincial centre receiving for a department), receiving and returning
 * happen at that desk: those steps belong to the desk's agency. Stored workflows are taken as they are.
 */
const withDeskStepsMade = new WeakMap<WorkflowDefinition, Map<string, WorkflowDefinition>>();

export function withDeskSteps(
  workflow: { definition: WorkflowDefinition; version: number | null },
  deskAgencyId: string | null,
): { definition: WorkflowDefinition; version: number | null } {
  if (workflow.version !== null || deskAgencyId === null || deskAgencyId === workflow.definition.leadAgencyId)
    return workflow;
  // One object per workflow and desk, shared by its receptions (hashed once by `snapshot-store`).
  const made = madeOnce(withDeskStepsMade, workflow.definition, () => new Map<string, WorkflowDefinition>());
  const definition = madeOnce(made, deskAgencyId, () => movedToDesk(workflow.definition, deskAgencyId));
  return { version: null, definition };
}

function movedToDesk(workflow: WorkflowDefinition, deskAgencyId: string): WorkflowDefinition {
  return {
    ...workflow,
    steps: workflow.steps.map((step) =>
      step.kind === 'task' && (step.actions.includes('receive') || step.actions.includes('return'))
        ? { ...step, unitId: deskAgencyId }
        : step,
    ),
  };
}
