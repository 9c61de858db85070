import { randomUUID } from 'node:crypto';
import type { DossierCommandInput } from '@motcua/contracts/dossier';
import { stepRolePermissions } from '@motcua/domain/access/roles';
import { localDateOf, parseInstant } from '@motcua/domain/calendar/vietnam-time';
import type { DossierCommand } from '@motcua/domain/dossier/dossier-commands';
import { commandsAllowedNow, decide } from '@motcua/domain/dossier/dossier-decider';
import type { DossierState } from '@motcua/domain/dossier/dossier-state';
import { type AgencyNode, scopeOf } from '@motcua/domain/org/agency-tree';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { forbidden, invalid, notFound } from '../../platform/app-error';
import { inTransaction } from '../../platform/database';
import { procedureInForce, workflowInForce } from '../catalog/procedure-in-force-service';
import { activeStaffMember } from '../identity/user-service';
import { agencyDirectory } from '../org/agency-service';
import { commitEvents, toAppError, versionConflict } from './dossier-commit';
import {
  actorOf,
  calendarFor,
  decideContext,
  type Officer,
  rulesFor,
  withDeskSteps,
} from './dossier-context';
import * as store from './store';

/**
 * Every command on an existing dossier. Who may act is decided here, per command: desk actions need
 * `dossier.receive` where the dossier was received; step actions need the permission of the step's role
 * over the step's unit; answers from other agencies need `dossier.process` over that agency; the
 * apology needs `dossier.sign` over the responsible agency; the applicant may only withdraw and
 * supplement their own dossier. What is legal is decided by the domain's decider.
 */

const deskCommands = new Set([
  'requestIntakeSupplement',
  'receiveIntakeSupplement',
  'refuseAtIntake',
  'accept',
  'receiveSupplement',
  'notifyEarlyReturn',
  'recordPayment',
  'returnResult',
  'requestPayment',
]);

const stepCommands = new Set([
  'forward',
  'sendBack',
  'requestSupplement',
  'startConsultation',
  'sendToAgencies',
  'propose',
  'approve',
  'issueResult',
  'refuseAfterAppraisal',
]);

/** The agency the actor acts for, after checking they may: throws 403 otherwise. */
async function authorise(
  access: AccessContext,
  row: store.DossierRow,
  state: DossierState,
  input: DossierCommandInput,
  nodes: readonly AgencyNode[],
): Promise<string | null> {
  if (access.kind === 'citizen') {
    if (row.applicantAccountId !== access.userId) throw notFound('hồ sơ', 'DOSSIER_NOT_FOUND');
    const applicantMay = ['withdraw', 'receiveIntakeSupplement', 'receiveSupplement'];
    if (!applicantMay.includes(input.type) || (input.type !== 'withdraw' && state.channel !== 'online'))
      throw forbidden('Công dân chỉ được rút hồ sơ hoặc bổ sung hồ sơ nộp trực tuyến của mình');
    return null;
  }
  if (access.kind !== 'staff') throw forbidden();
  const deskAgency = row.deskAgencyId ?? row.receivingAgencyId;
  const inScope = async (permission: string, agencyId: string) =>
    (await access.scope(permission)).has(agencyId);
  // Another agency's answer (consultation, inter-agency result) comes from its handlers or its head, who
  // may sit in one of its units (a department's specialists work in its offices).
  const actsFor = async (agencyId: string) => {
    const units = scopeOf(nodes, [agencyId]);
    for (const permission of ['dossier.process', 'dossier.sign']) {
      const scope = await access.scope(permission);
      for (const unit of units) if (scope.has(unit)) return true;
    }
    return false;
  };

  if (input.type === 'withdraw' || input.type === 'stop') {
    const permission = input.type === 'withdraw' ? 'dossier.receive' : 'dossier.sign';
    const agency =
      input.type === 'withdraw' ? deskAgency : (state.workflow?.leadAgencyId ?? row.receivingAgencyId);
    if (!(await inScope(permission, agency)))
      throw forbidden('Bạn không có quyền thực hiện thao tác này với hồ sơ');
    return agency;
  }
  if (input.type === 'assignHandler') {
    const unit = row.stepUnitId ?? row.receivingAgencyId;
    if (!(await inScope('dossier.assign', unit)))
      throw forbidden('Chỉ lãnh đạo đơn vị đang xử lý được phân công');
    return unit;
  }
  if (input.type === 'answerConsultation') {
    const c = state.consultations.find((x) => x.consultationId === input.consultationId);
    if (c && !(await actsFor(c.agencyId))) throw forbidden('Chỉ cơ quan được xin ý kiến mới trả lời được');
    return c?.agencyId ?? null;
  }
  if (input.type === 'recordAgencyResult') {
    if (!(await actsFor(input.agencyId)) && !(await inScope('dossier.receive', deskAgency)))
      throw forbidden('Chỉ cơ quan phối hợp (hoặc bộ phận một cửa) được cập nhật kết quả liên thông');
    return input.agencyId;
  }
  if (input.type === 'apologise') {
    if (!(await inScope('dossier.sign', input.agencyId)))
      throw forbidden('Phiếu xin lỗi do người đứng đầu cơ quan làm chậm ký');
    if (!row.agencyIds.includes(input.agencyId))
      throw invalid('AGENCY_NOT_INVOLVED', 'Cơ quan này không tham gia giải quyết hồ sơ', {
        path: ['command', 'agencyId'],
      });
    return input.agencyId;
  }
  if (deskCommands.has(input.type)) {
    if (!(await inScope('dossier.receive', deskAgency)))
      throw forbidden('Thao tác này do bộ phận một cửa tiếp nhận hồ sơ thực hiện');
    return deskAgency;
  }
  if (stepCommands.has(input.type)) {
    // A parallel (inter-agency) step has no unit of its own: the lead agency's handlers collect the
    // branches' results and move the dossier on.
    const parallel = row.stepKey !== null && row.stepUnitId === null;
    const unit = parallel ? (state.workflow?.leadAgencyId ?? null) : row.stepUnitId;
    const permission = parallel
      ? 'dossier.process'
      : (stepRolePermissions[row.stepRole ?? ''] ?? 'dossier.process');
    if (unit === null || !(await inScope(permission, unit)))
      throw forbidden('Hồ sơ đang ở bước xử lý của đơn vị hoặc vai trò khác');
    if (row.assigneeUserId !== null && row.assigneeUserId !== access.userId && input.type !== 'forward') {
      // Assigned to someone else: a leader of the unit may still act (assign permission), others not.
      if (!(await inScope('dossier.assign', unit)))
        throw forbidden('Hồ sơ đã được phân công cho cán bộ khác');
    }
    return unit;
  }
  throw forbidden();
}

async function toDomainCommand(
  ctx: ServiceContext,
  row: store.DossierRow,
  state: DossierState,
  input: DossierCommandInput,
  names: ReadonlyMap<string, { name: string }>,
  officer: Officer,
  nodes: readonly AgencyNode[],
): Promise<DossierCommand> {
  const agencyName = (id: string) => {
    const entry = names.get(id);
    if (!entry) throw invalid('AGENCY_NOT_FOUND', 'Không tìm thấy cơ quan', { agencyId: id });
    return entry.name;
  };
  switch (input.type) {
    case 'accept': {
      const at = new Date(state.submittedAt!);
      const procedure = await procedureInForce(ctx, state.procedure!.procedureId, at);
      const workflow = procedure
        ? withDeskSteps(await workflowInForce(ctx, procedure, row.receivingAgencyId, at), row.deskAgencyId)
        : { definition: { leadAgencyId: row.receivingAgencyId, steps: [] }, version: null };
      const now = ctx.now().getTime();
      const year = Number(localDateOf(now).slice(0, 4));
      return {
        type: 'accept',
        workflow: workflow.definition,
        workflowVersion: workflow.version,
        // Allocated inside the transaction (see below); placeholder replaced there.
        book: { year, number: 0 },
      };
    }
    case 'assignHandler': {
      const member = await requireStaff(ctx, input.userId, ['command', 'userId']);
      requireInUnit(member, row.stepUnitId ?? row.receivingAgencyId, nodes, ['command', 'userId']);
      return { type: 'assignHandler', userId: member.id, name: member.fullName };
    }
    case 'forward': {
      const member =
        input.toUserId === null ? null : await requireStaff(ctx, input.toUserId, ['command', 'toUserId']);
      const next = state.workflow?.steps[(state.step?.index ?? -1) + 1];
      if (member && next?.kind === 'task') requireInUnit(member, next.unitId, nodes, ['command', 'toUserId']);
      return {
        type: 'forward',
        toUserId: member?.id ?? null,
        toName: member?.fullName ?? null,
        note: input.note ?? null,
      };
    }
    case 'startConsultation':
      return {
        type: 'startConsultation',
        consultationId: randomUUID(),
        agencyId: input.agencyId,
        agencyName: agencyName(input.agencyId),
        question: input.question,
        dueAt: parseInstant(input.dueAt),
      };
    case 'sendToAgencies':
      return {
        type: 'sendToAgencies',
        mode: input.mode,
        participants: input.participants.map((p) => ({
          agencyId: p.agencyId,
          agencyName: agencyName(p.agencyId),
          duty: p.duty,
          dueAt: parseInstant(p.dueAt),
        })),
      };
    case 'apologise':
      return {
        type: 'apologise',
        agencyId: input.agencyId,
        reason: input.reason,
        appointmentAt: parseInstant(input.appointmentAt),
        signedBy: officer.fullName,
      };
    case 'issueResult':
      return {
        type: 'issueResult',
        documents: input.documents.map((d) => ({ ...d, number: d.number ?? null })),
      };
    case 'recordAgencyResult':
      return {
        ...input,
        documents: input.documents.map((d) => ({ ...d, number: d.number ?? null })),
      };
    case 'approve':
      return { type: 'approve', note: input.note ?? null };
    case 'recordPayment':
      return { ...input, reference: input.reference ?? null };
    case 'returnResult':
      return {
        type: 'returnResult',
        method: input.method,
        trackingNumber: input.trackingNumber ?? null,
        collectedBy: input.collectedBy ?? null,
      };
    default:
      return input as DossierCommand;
  }
}

/**
 * A handler must work in the unit of the step they are given (a role held at it or above it): someone
 * from elsewhere could neither see nor act on the dossier, which would sit with them unhandled.
 */
function requireInUnit(
  member: { roles: { agencyId: string }[] },
  unitId: string,
  nodes: readonly AgencyNode[],
  path: string[],
): void {
  if (!member.roles.some((r) => scopeOf(nodes, [r.agencyId]).has(unitId)))
    throw invalid('HANDLER_NOT_IN_UNIT', 'Cán bộ được giao không thuộc đơn vị xử lý bước này', { path });
}

async function requireStaff(ctx: ServiceContext, id: string, path: string[]) {
  const member = await activeStaffMember(ctx, id);
  if (!member) throw invalid('STAFF_NOT_FOUND', 'Không tìm thấy cán bộ đang hoạt động', { path });
  return member;
}

/** Loads a dossier the caller may see; 404 otherwise (existence is not confirmed outside one's scope). */
export async function requireVisibleDossier(
  ctx: ServiceContext,
  access: AccessContext,
  id: string,
): Promise<store.DossierRow> {
  const row = await store.dossierById(ctx.db, id);
  if (!row) throw notFound('hồ sơ', 'DOSSIER_NOT_FOUND');
  if (access.kind === 'citizen') {
    if (row.applicantAccountId !== access.userId) throw notFound('hồ sơ', 'DOSSIER_NOT_FOUND');
    return row;
  }
  if (access.kind !== 'staff') throw notFound('hồ sơ', 'DOSSIER_NOT_FOUND');
  const scope = await access.scope('dossier.read');
  if (!row.agencyIds.some((a) => scope.has(a))) throw notFound('hồ sơ', 'DOSSIER_NOT_FOUND');
  return row;
}

/** POST /api/dossiers/:id/commands */
export async function executeCommand(
  ctx: ServiceContext,
  access: AccessContext,
  officer: Officer,
  dossierId: string,
  expectedVersion: number,
  input: DossierCommandInput,
): Promise<{ dossierId: string; version: number }> {
  const row = await requireVisibleDossier(ctx, access, dossierId);
  const state = row.state;
  if (row.version !== expectedVersion) throw versionConflict();
  const directory = await agencyDirectory(ctx);
  const actingFor = await authorise(access, row, state, input, directory.nodes);
  const command = await toDomainCommand(ctx, row, state, input, directory.byId, officer, directory.nodes);
  const now = ctx.now().getTime();
  const calendar = await calendarFor(ctx, state.deskId);
  const rules = rulesFor(state.submittedAt ?? now);
  const actor = actorOf(officer, actingFor);
  const agencyNames = directory.names;
  try {
    return await inTransaction(ctx.db, async (tx) => {
      let decided = command;
      if (decided.type === 'accept') {
        const number = await store.nextBookNumber(
          tx,
          row.receivingAgencyId,
          state.deskId ?? 'online',
          decided.book.year,
        );
        decided = { ...decided, book: { year: decided.book.year, number } };
      }
      const events = decide(state, decided, decideContext(now, actor, calendar, rules, agencyNames));
      const { state: after } = await commitEvents(tx, ctx, access, {
        before: state,
        events,
        deskAgencyId: row.deskAgencyId,
        calendar,
        rules,
        agencyNames,
      });
      return { dossierId: after.dossierId, version: after.version };
    });
  } catch (error) {
    throw toAppError(error);
  }
}

/**
 * The command types this caller may run on the dossier now: the state and step allow them (domain) and
 * the caller passes the authorisation (for commands that name an agency — an answer, an inter-agency
 * result, an apology — some open item or involved agency the caller acts for). Screens show these only.
 */
export async function allowedCommands(
  ctx: ServiceContext,
  access: AccessContext,
  row: store.DossierRow,
): Promise<string[]> {
  const state = row.state;
  const nodes = (await agencyDirectory(ctx)).nodes;
  const candidates = commandsAllowedNow(state);
  const allowed: string[] = [];
  for (const type of candidates) {
    const probes: DossierCommandInput[] =
      type === 'answerConsultation'
        ? state.consultations
            .filter((c) => c.answeredAt === null)
            .map((c) => ({ type, consultationId: c.consultationId, answer: '-' }))
        : type === 'recordAgencyResult'
          ? (state.interAgency?.participants ?? [])
              .filter((p) => p.receivedAt === null)
              .map((p) => ({ type, agencyId: p.agencyId, outcome: 'done', note: '', documents: [] }))
          : type === 'apologise'
            ? row.agencyIds.map((agencyId) => ({ type, agencyId, reason: '-', appointmentAt: '' }))
            : [{ type } as DossierCommandInput];
    for (const probe of probes) {
      try {
        await authorise(access, row, state, probe, nodes);
        allowed.push(type);
        break;
      } catch {
        // not this caller
      }
    }
  }
  return allowed;
}
