// Properties of the decider over random command sequences (fast-check): commands built from random but
// plausible inputs (some valid, many not) are run through `decide` + `evolve` as the service does.
// (a) folding all events equals the incrementally evolved state; (b) a rejected command changes nothing
// and is always a typed DossierError; (c) `version` is the number of events; (d) the status is always a
// known one, and a final status accepts no command at all; (e) the appointment never moves earlier
// except when a received supplement restarts the legal time (Decree 61 Art. 19).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MS_PER_HOUR, MS_PER_MINUTE } from '../../src/calendar/vietnam-time';
import type { DossierCommand, DossierCommandType } from '../../src/dossier/dossier-commands';
import { decide } from '../../src/dossier/dossier-decider';
import { DossierError } from '../../src/dossier/dossier-error';
import type { Actor, DossierEvent } from '../../src/dossier/dossier-events';
import { type DossierState, evolve, foldDossier, initialDossierState } from '../../src/dossier/dossier-state';
import { type DossierStatus, dossierStatuses, isFinal } from '../../src/dossier/dossier-status';
import {
  at,
  citizen,
  component,
  context,
  desk,
  FORM,
  head,
  ID_COPY,
  LEAD,
  leader,
  newDossier,
  POLICE,
  parallelWorkflow,
  policeOfficer,
  procedure,
  specialist,
  TAX,
  workflow,
} from './dossier-fixtures';

type Kind = Exclude<DossierCommandType, 'submitOnline' | 'receive'> | 'again';

interface Step {
  advanceMinutes: number;
  kind: Kind;
  a: number;
  b: number;
  flag: boolean;
  actor: Actor;
}

const progressKinds: Kind[] = [
  'accept',
  'forward',
  'propose',
  'approve',
  'issueResult',
  'recordAgencyResult',
  'returnResult',
  'receiveSupplement',
  'receiveIntakeSupplement',
  'recordPayment',
];
const otherKinds: Kind[] = [
  'again',
  'requestIntakeSupplement',
  'refuseAtIntake',
  'assignHandler',
  'sendBack',
  'requestSupplement',
  'startConsultation',
  'answerConsultation',
  'sendToAgencies',
  'refuseAfterAppraisal',
  'notifyEarlyReturn',
  'apologise',
  'requestPayment',
];
const endingKinds: Kind[] = ['withdraw', 'stop'];

const stepArb: fc.Arbitrary<Step> = fc.record({
  advanceMinutes: fc.oneof(fc.integer({ min: 0, max: 180 }), fc.integer({ min: 0, max: 4 * 24 * 60 })),
  kind: fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...progressKinds) },
    { weight: 8, arbitrary: fc.constantFrom(...otherKinds) },
    { weight: 1, arbitrary: fc.constantFrom(...endingKinds) },
  ),
  a: fc.nat(999),
  b: fc.nat(999),
  flag: fc.boolean(),
  actor: fc.constantFrom(desk, specialist, leader, head, citizen, policeOfficer),
});

interface Scenario {
  startMinute: number;
  online: boolean;
  complete: boolean;
  digitised: boolean;
  immediate: boolean;
  parallel: boolean;
  steps: Step[];
}

const FIRST = at('2026-01-01T00:00') / MS_PER_MINUTE;
const LAST = at('2026-06-30T23:59') / MS_PER_MINUTE;

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  startMinute: fc.integer({ min: FIRST, max: LAST }),
  online: fc.boolean(),
  complete: fc.boolean(),
  digitised: fc.boolean(),
  immediate: fc.boolean(),
  parallel: fc.boolean(),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 60 }),
});

function firstCommand(s: Scenario): DossierCommand {
  const components = [component(FORM, s.digitised ? {} : { digitised: false, fileIds: [] })];
  if (s.complete) components.push(component(ID_COPY));
  const d = newDossier({ components, procedure: { ...procedure, resultImmediately: s.immediate } });
  return s.online ? { type: 'submitOnline', ...d } : { type: 'receive', channel: 'in-person', ...d };
}

/** A command of the step's kind, filled from the step's random numbers and, where useful, the state. */
function commandFor(step: Step, state: DossierState, now: number, s: Scenario): DossierCommand {
  const { a, b, flag } = step;
  const text = (x: string) => (a % 7 === 0 ? '' : x);
  switch (step.kind) {
    case 'again':
      return firstCommand(s);
    case 'requestIntakeSupplement':
    case 'requestSupplement':
      return {
        type: step.kind,
        items: a % 9 === 0 ? [] : [{ name: ID_COPY, reason: 'Thiếu' }],
        guidance: 'Bổ sung',
      };
    case 'receiveIntakeSupplement':
      return { type: step.kind, components: [component(ID_COPY), component(FORM, { digitised: flag })] };
    case 'receiveSupplement':
      return { type: step.kind, components: [component(a % 2 ? FORM : ID_COPY, { digitised: flag })] };
    case 'refuseAtIntake':
    case 'refuseAfterAppraisal':
      return { type: step.kind, reasons: [text('Không đủ điều kiện')] };
    case 'accept':
      return {
        type: 'accept',
        workflow: s.parallel ? parallelWorkflow : workflow,
        workflowVersion: 1,
        book: { year: 2026, number: a + 1 },
      };
    case 'assignHandler':
      return { type: step.kind, userId: specialist.userId!, name: specialist.name };
    case 'forward':
      return {
        type: step.kind,
        toUserId: flag ? specialist.userId : null,
        toName: flag ? specialist.name : null,
        note: null,
      };
    case 'sendBack':
      return { type: step.kind, reason: text('Xem lại') };
    case 'startConsultation':
      return {
        type: step.kind,
        consultationId: `c-${a % 3}`,
        agencyId: POLICE,
        agencyName: 'Công an tỉnh',
        question: text('Xin ý kiến'),
        dueAt: now + (b - 100) * MS_PER_HOUR,
      };
    case 'answerConsultation':
      return { type: step.kind, consultationId: `c-${a % 4}`, answer: text('Đồng ý') };
    case 'sendToAgencies': {
      const pool = [POLICE, TAX, LEAD];
      const ids = a % 5 === 0 ? [] : a % 5 === 1 ? [pool[b % 3]!] : [POLICE, pool[(b % 2) + 1]!];
      return {
        type: step.kind,
        mode: flag ? 'parallel' : 'sequential',
        participants: ids.map((id) => ({
          agencyId: id,
          agencyName: id,
          duty: text('Xác minh'),
          dueAt: now + (b - 50) * MS_PER_HOUR,
        })),
      };
    }
    case 'recordAgencyResult': {
      // Mostly an agency of the open round, in a random order.
      const open = state.interAgency?.participants.filter((p) => p.receivedAt === null) ?? [];
      const agencyId =
        open.length > 0 && a % 4 !== 0 ? open[b % open.length]!.agencyId : [POLICE, TAX, 'khac'][a % 3]!;
      return { type: step.kind, agencyId, outcome: flag ? 'done' : 'refused', note: '', documents: [] };
    }
    case 'propose':
      return { type: step.kind, outcome: a % 4 === 0 ? 'refuse' : 'grant', summary: text('Trình') };
    case 'approve':
      return { type: step.kind, note: null };
    case 'issueResult':
      return {
        type: step.kind,
        documents: a % 11 === 0 ? [] : [{ name: 'Kết quả', fileId: 'f', electronic: flag, number: null }],
      };
    case 'notifyEarlyReturn':
      return { type: step.kind, message: 'Mời nhận sớm' };
    case 'apologise':
      return {
        type: step.kind,
        agencyId: LEAD,
        reason: text('Chậm xác minh'),
        appointmentAt: (state.appointmentAt ?? now) + (a - 200) * 15 * MS_PER_MINUTE,
        signedBy: 'Giám đốc',
      };
    case 'requestPayment':
      return { type: step.kind, items: [{ name: 'Phí', amountVnd: (b % 5) * 50_000 }] };
    case 'recordPayment': {
      const due = state.payment.requestedVnd - state.payment.paidVnd;
      return {
        type: step.kind,
        amountVnd: a % 3 === 0 ? (b % 4) * 25_000 : due,
        method: flag ? 'online' : 'desk',
        reference: null,
      };
    }
    case 'returnResult': {
      const method = (['desk', 'postal', 'online'] as const)[a % 3]!;
      return { type: step.kind, method, trackingNumber: flag ? 'EA123456789VN' : null, collectedBy: null };
    }
    case 'withdraw':
    case 'stop':
      return { type: step.kind, reason: text('Lý do') };
  }
}

interface RunResult {
  state: DossierState;
  events: DossierEvent[];
  visited: Set<DossierStatus>;
}

/** Runs a scenario, checking the step-wise properties (b)–(e) as it goes. */
function run(s: Scenario): RunResult {
  let state = initialDossierState();
  const events: DossierEvent[] = [];
  const visited = new Set<DossierStatus>();
  let now = s.startMinute * MS_PER_MINUTE;
  const steps: { step: Step | null }[] = [{ step: null }, ...s.steps.map((step) => ({ step }))];
  for (const { step } of steps) {
    if (step) now += step.advanceMinutes * MS_PER_MINUTE;
    const actor = step?.actor ?? desk;
    const command = step ? commandFor(step, state, now, s) : firstCommand(s);
    const before = structuredClone(state);
    let produced: DossierEvent[] | null = null;
    try {
      produced = decide(state, command, context(now, actor));
    } catch (e) {
      // (b) only typed domain errors, and nothing changed.
      if (!(e instanceof DossierError)) throw e;
      expect(state).toEqual(before);
      continue;
    }
    // (d) a final status accepts nothing.
    expect(isFinal(before.status) && before.exists, `${command.type} accepted in ${before.status}`).toBe(
      false,
    );
    expect(produced.length).toBeGreaterThan(0);
    for (const e of produced) {
      expect(e.at).toBe(now);
      expect(e.actor).toEqual(actor);
      state = evolve(state, e);
    }
    events.push(...produced);
    // (c) version counts events.
    expect(state.version).toBe(events.length);
    // (d) always a known status.
    expect(dossierStatuses).toContain(state.status);
    visited.add(state.status);
    // (e) the appointment only moves earlier on a supplement restart, and never disappears.
    if (before.appointmentAt !== null) {
      expect(state.appointmentAt).not.toBeNull();
      if (state.appointmentAt! < before.appointmentAt)
        expect(produced.map((e) => e.type)).toContain('SupplementReceived');
    }
  }
  return { state, events, visited };
}

const everyKind: Kind[] = [...progressKinds, ...otherKinds, ...endingKinds];

describe('decider properties (fast-check)', () => {
  it('(a)–(e) hold over random command sequences', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { state, events } = run(s);
        // (a) the fold of all events is the incrementally evolved state.
        expect(foldDossier(events)).toEqual(state);
        expect(foldDossier(events.slice(3), foldDossier(events.slice(0, 3)))).toEqual(state);
        // (d) in a final status every command is refused, whatever its inputs.
        if (isFinal(state.status)) {
          const now = (s.startMinute + 10 * 24 * 60) * MS_PER_MINUTE + events.length * MS_PER_HOUR;
          for (const kind of everyKind) {
            const step: Step = { advanceMinutes: 0, kind, a: 1, b: 1, flag: true, actor: desk };
            expect(() => decide(state, commandFor(step, state, now, s), context(now, desk))).toThrow(
              DossierError,
            );
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the generator is not vacuous: with a fixed seed it reaches every status', () => {
    const visited = new Set<DossierStatus>();
    for (const s of fc.sample(scenarioArb, { numRuns: 400, seed: 20260217 })) {
      for (const status of run(s).visited) visited.add(status);
    }
    expect([...visited].sort()).toEqual([...dossierStatuses].sort());
  });
});
