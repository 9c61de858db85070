import type { ChannelKind } from '@motcua/contracts/catalog';
import type { ReceiveDossierInput, SubmitDossierInput } from '@motcua/contracts/dossier';
import { localDateOf } from '@motcua/domain/calendar/vietnam-time';
import type { Applicant, SubmittedComponent } from '@motcua/domain/dossier/dossier-events';
import { scopeOf } from '@motcua/domain/org/agency-tree';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { AppError, forbidden, invalid, notFound } from '../../platform/app-error';
import { procedureInForce, workflowInForce } from '../catalog/procedure-in-force-service';
import { agencyDirectory, getDesk, listDesks } from '../org/agency-service';
import { toAppError } from './dossier-commit';
import {
  actorOf,
  calendarFor,
  decideContext,
  jsonSha256,
  type Officer,
  procedureSnapshot,
  rulesFor,
  withDeskSteps,
} from './dossier-context';
import { type IntakeResult, type IntakeWrite, writeIntake } from './intake-writer';
import * as store from './store';

export type { IntakeResult };

/**
 * Intake: a dossier received at a desk (in person or by post) or submitted online. It gets its code
 * (gap-free per receiving agency and day), its procedure version and workflow in force at the instant of
 * receipt, and — when the desk decides on the spot — its receipt (Form 01), supplement request (Form 02)
 * or refusal (Form 03), all in one transaction (shared with the receptions written at the same moment:
 * intake-writer.ts). A retried submission with the same Idempotency-Key
 * returns the first dossier.
 */

function components(list: ReceiveDossierInput['components']): SubmittedComponent[] {
  return list.map((c) => ({
    name: c.name,
    originals: c.originals,
    copies: c.copies,
    digitised: c.digitised,
    fromDataStore: c.fromDataStore,
    fileIds: c.fileIds,
  }));
}

async function replay(
  ctx: ServiceContext,
  scope: string,
  key: string | undefined,
  hash: string,
): Promise<IntakeResult | null> {
  if (key === undefined) return null;
  const found = await store.findIdempotencyKey(ctx.db, scope, key);
  if (!found) return null;
  if (found.requestHash !== hash)
    throw new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      422,
      'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác',
    );
  return { dossierId: found.dossierId, receivingAgencyId: found.receivingAgencyId, created: false };
}

/**
 * A submission with an Idempotency-Key is received once: a retry is answered with the first submission's
 * dossier (or refused, if the key came with a different request). The key is not looked up first: it is
 * written with the dossier, in the same statement, and a key already stored fails that statement, so
 * nothing is written. Only then, or when the submission fails for any other reason, is the key looked up,
 * so a retry is answered from the key whatever stopped it. A submission that succeeds (nearly all of them)
 * costs no lookup.
 */
async function answeredOnce(
  ctx: ServiceContext,
  idempotency: { scope: string; key: string | undefined; hash: string },
  receive: () => Promise<IntakeResult>,
): Promise<IntakeResult> {
  try {
    return await receive();
  } catch (error) {
    const again = await replay(ctx, idempotency.scope, idempotency.key, idempotency.hash);
    if (again) return again;
    throw error;
  }
}

interface PreparedIntake {
  procedure: NonNullable<Awaited<ReturnType<typeof procedureInForce>>>;
  receivingAgencyId: string;
  agencyCode: string;
  deskId: string | null;
  deskAgencyId: string | null;
  channel: ChannelKind;
  /** The desk accepts the dossier in the same request (it needs a book number too). */
  acceptsAtOnce: boolean;
}

async function runIntake(
  ctx: ServiceContext,
  access: AccessContext,
  officer: Officer,
  prepared: PreparedIntake,
  build: IntakeWrite['build'],
  idempotency: { scope: string; key: string | undefined; hash: string },
): Promise<IntakeResult> {
  const now = ctx.now().getTime();
  const calendar = await calendarFor(ctx, prepared.deskId);
  const rules = rulesFor(now);
  const workflow = withDeskSteps(
    await workflowInForce(ctx, prepared.procedure, prepared.receivingAgencyId, new Date(now)),
    prepared.deskAgencyId,
  );
  const directory = await agencyDirectory(ctx);
  const agencyNames = directory.names;
  const actor = actorOf(officer, officer.kind === 'staff' ? prepared.deskAgencyId : null);
  try {
    return await writeIntake({
      ctx,
      access,
      receivingAgencyId: prepared.receivingAgencyId,
      agencyCode: prepared.agencyCode,
      deskId: prepared.deskId,
      deskAgencyId: prepared.deskAgencyId,
      date: localDateOf(now),
      acceptsAtOnce: prepared.acceptsAtOnce,
      build: (base) => {
        const plan = build(base);
        const decision = plan.decision;
        return {
          first: plan.first,
          // Accepted: by the workflow in force at the instant of receipt.
          decision:
            decision === null
              ? null
              : (book) => {
                  const next = decision(book);
                  return next.type === 'accept'
                    ? { ...next, workflow: workflow.definition, workflowVersion: workflow.version }
                    : next;
                },
        };
      },
      decideContext: decideContext(now, actor, calendar, rules, agencyNames),
      calendar,
      rules,
      agencyNames,
      idempotency,
    });
  } catch (error) {
    // A key already stored (a retry, or two racing) is answered by `answeredOnce`.
    throw toAppError(error);
  }
}

async function requireProcedure(ctx: ServiceContext, ref: string, now: Date) {
  const procedure = await procedureInForce(ctx, ref, now);
  if (!procedure)
    throw new AppError(
      'PROCEDURE_NOT_IN_FORCE',
      422,
      'Không có thủ tục hành chính này đang có hiệu lực (mã không đúng, chưa công bố hoặc đã bãi bỏ)',
      { path: ['procedure'] },
    );
  return procedure;
}

function requireChannel(procedure: PreparedIntake['procedure'], channel: ChannelKind): void {
  if (!procedure.content.channels.some((c) => c.channel === channel))
    throw invalid('CHANNEL_NOT_OFFERED', 'Thủ tục này không được thực hiện qua kênh đã chọn', {
      path: ['channel'],
      channel,
    });
}

/** POST /api/dossiers — received at a desk, in person or by post. */
export async function receiveAtDesk(
  ctx: ServiceContext,
  access: AccessContext,
  officer: Officer,
  input: ReceiveDossierInput,
  idempotencyKey: string | undefined,
): Promise<IntakeResult> {
  const scope = `staff:${officer.userId}`;
  // The fingerprint matters only with a key (a retry is compared with the first request).
  const hash = idempotencyKey === undefined ? '' : jsonSha256(input);
  return answeredOnce(ctx, { scope, key: idempotencyKey, hash }, async () => {
    const desk = await getDesk(ctx, input.deskId);
    await access.assertInScope('dossier.receive', desk.agencyId);
    const now = ctx.now();
    const today = localDateOf(now.getTime());
    if (desk.validFrom > today || (desk.validTo !== null && desk.validTo <= today))
      throw invalid('DESK_NOT_ACTIVE', 'Bộ phận một cửa này không còn hoạt động', { path: ['deskId'] });
    const procedure = await requireProcedure(ctx, input.procedure, now);
    requireChannel(procedure, input.channel);
    const directory = await agencyDirectory(ctx);
    // A desk receiving for other agencies (the provincial centre for the departments) records the dossier
    // as the implementing agency's it serves: that agency handles it, by its workflow, under its code. The
    // desk's own agency receives only what none of them implements.
    const servedOthers = scopeOf(directory.nodes, desk.servesAgencyIds);
    const own = scopeOf(directory.nodes, [desk.agencyId]);
    const receivingAgencyId =
      procedure.implementingAgencyIds.find((id) => servedOthers.has(id)) ??
      procedure.implementingAgencyIds.find((id) => own.has(id));
    if (receivingAgencyId === undefined)
      throw invalid(
        'DESK_NOT_HANDLING',
        'Bộ phận một cửa này không tiếp nhận hồ sơ của thủ tục này (thủ tục do cơ quan khác thực hiện)',
        { path: ['procedure'] },
      );
    const agencyCode = directory.byId.get(receivingAgencyId)!.code;
    const applicant: Applicant = {
      kind: input.applicant.kind,
      accountId: null,
      name: input.applicant.name,
      idNumber: input.applicant.idNumber ?? null,
      address: input.applicant.address ?? null,
      phone: input.applicant.phone ?? null,
      email: input.applicant.email ?? null,
    };
    const decision = input.decision;
    return runIntake(
      ctx,
      access,
      officer,
      {
        procedure,
        receivingAgencyId,
        agencyCode,
        deskId: desk.id,
        deskAgencyId: desk.agencyId,
        channel: input.channel,
        acceptsAtOnce: decision?.type === 'accept',
      },
      ({ dossierId, code }) => ({
        first: {
          type: 'receive',
          channel: input.channel,
          dossierId,
          code,
          receivingAgencyId,
          deskId: desk.id,
          applicant,
          procedure: procedureSnapshot(procedure, input.channel),
          components: components(input.components),
          sets: input.sets,
          summary: input.summary ?? procedure.name,
          delivery:
            input.delivery ??
            (input.channel === 'postal' && applicant.address
              ? { method: 'postal', address: applicant.address }
              : { method: 'desk' }),
        },
        decision:
          decision === undefined
            ? null
            : (book) => {
                if (decision.type === 'supplement')
                  return {
                    type: 'requestIntakeSupplement',
                    items: decision.items,
                    guidance: decision.guidance,
                  };
                if (decision.type === 'refuse') return { type: 'refuseAtIntake', reasons: decision.reasons };
                if (book === null)
                  throw new Error('an accept on the spot takes its book number with its code');
                return {
                  type: 'accept',
                  workflow: { leadAgencyId: receivingAgencyId, steps: [] },
                  workflowVersion: null,
                  book: { year: Number(localDateOf(now.getTime()).slice(0, 4)), number: book },
                };
              },
      }),
      { scope, key: idempotencyKey, hash },
    );
  });
}

/** POST /api/portal/dossiers — a citizen's online submission, complete, with its Idempotency-Key. */
export async function submitOnline(
  ctx: ServiceContext,
  access: AccessContext,
  citizen: Officer & { email: string | null; phone: string | null; idNumber: string | null },
  input: SubmitDossierInput,
  idempotencyKey: string | undefined,
): Promise<IntakeResult> {
  if (access.kind !== 'citizen') throw forbidden('Chỉ công dân, tổ chức nộp hồ sơ trực tuyến');
  if (idempotencyKey === undefined)
    throw invalid('IDEMPOTENCY_KEY_REQUIRED', 'Thiếu tiêu đề Idempotency-Key cho việc nộp hồ sơ trực tuyến');
  const scope = `citizen:${citizen.userId}`;
  const hash = jsonSha256(input);
  return answeredOnce(ctx, { scope, key: idempotencyKey, hash }, async () => {
    const now = ctx.now();
    const procedure = await requireProcedure(ctx, input.procedure, now);
    requireChannel(procedure, 'online');
    if (!procedure.implementingAgencyIds.includes(input.agencyId))
      throw invalid('AGENCY_NOT_IMPLEMENTING', 'Cơ quan đã chọn không thực hiện thủ tục này', {
        path: ['agencyId'],
      });
    const directory = await agencyDirectory(ctx);
    const agency = directory.byId.get(input.agencyId);
    if (!agency) throw notFound('cơ quan', 'AGENCY_NOT_FOUND');
    const today = localDateOf(now.getTime());
    const desks = await listDesks(ctx, { activeOn: today });
    const desk =
      desks.find((d) => d.agencyId === input.agencyId) ??
      desks.find((d) => scopeOf(directory.nodes, [d.agencyId, ...d.servesAgencyIds]).has(input.agencyId)) ??
      null;
    const given = input.applicant ?? {};
    const applicant: Applicant = {
      kind: given.kind ?? 'citizen',
      accountId: citizen.userId,
      name: given.name ?? citizen.fullName,
      idNumber: given.idNumber ?? citizen.idNumber,
      address: given.address ?? null,
      phone: given.phone ?? citizen.phone,
      email: given.email ?? citizen.email,
    };
    return runIntake(
      ctx,
      access,
      citizen,
      {
        procedure,
        receivingAgencyId: input.agencyId,
        agencyCode: agency.code,
        deskId: desk?.id ?? null,
        deskAgencyId: desk?.agencyId ?? null,
        channel: 'online',
        acceptsAtOnce: false,
      },
      ({ dossierId, code }) => ({
        first: {
          type: 'submitOnline',
          dossierId,
          code,
          receivingAgencyId: input.agencyId,
          deskId: desk?.id ?? null,
          applicant,
          procedure: procedureSnapshot(procedure, 'online'),
          // Uploaded online: every component arrives as an electronic copy.
          components: components(input.components).map((c) => ({
            ...c,
            digitised: c.fileIds.length > 0 || c.digitised,
          })),
          sets: 1,
          summary: input.summary ?? procedure.name,
          delivery: input.delivery ?? { method: 'online' },
        },
        decision: null,
      }),
      { scope, key: idempotencyKey, hash },
    );
  });
}
