import { controlSheetRows } from '@motcua/domain/dossier/control-sheet';
import type { DossierEvent } from '@motcua/domain/dossier/dossier-events';
import { type DossierState, foldDossier } from '@motcua/domain/dossier/dossier-state';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { AppError } from '../../platform/app-error';
import { recordAudit } from '../../platform/audit-log';
import { inTransaction } from '../../platform/database';
import { type AgencyDirectory, agencyDirectory, getDesk } from '../org/agency-service';
import { requireVisibleDossier } from './command-service';
import { renderApologyForm } from './forms/apology-form';
import { renderControlSheetForm } from './forms/control-sheet-form';
import type { FormAgency, FormIssue, ResultDelivery } from './forms/form-data';
import { renderReceiptForm } from './forms/receipt-form';
import { renderRefusalForm } from './forms/refusal-form';
import { renderSupplementRequestForm } from './forms/supplement-request-form';
import { renderTrackingBookExcel, renderTrackingBookPdf } from './forms/tracking-book';
import * as store from './store';

/**
 * Forms 01–06 of Circular 01/2018 filled from a dossier's events: each form shows what was recorded when
 * it was issued (the receipt shows the appointment of the acceptance, not a later one), so a form printed
 * again later is the same form.
 */

export type DossierFormKind = 'receipt' | 'supplement-request' | 'refusal' | 'apology' | 'control-sheet';

const notApplicable = (what: string) =>
  new AppError('FORM_NOT_APPLICABLE', 409, `Hồ sơ chưa có ${what} để in`);

function agencyOf(directory: AgencyDirectory, id: string | null): FormAgency {
  const entry = id ? directory.byId.get(id) : undefined;
  if (!entry) return { name: 'Bộ phận Một cửa' };
  const parent = entry.parentId ? directory.byId.get(entry.parentId) : undefined;
  return { name: entry.name, code: entry.code, parentName: parent?.name ?? null };
}

/** The province's name for the place line ("Minh Hòa, ngày …"), from the root of the tree. */
function placeOf(directory: AgencyDirectory, id: string): string {
  let entry = directory.byId.get(id);
  while (entry?.parentId && directory.byId.get(entry.parentId)) entry = directory.byId.get(entry.parentId);
  return (entry?.name ?? '')
    .replace(/\s*\(.*\)\s*$/, '')
    .replace(/^(UBND|Ủy ban nhân dân)\s+(tỉnh|thành phố|xã|phường)\s+/i, '')
    .trim();
}

function lastOf<T extends DossierEvent['type']>(events: readonly DossierEvent[], type: T) {
  for (let i = events.length - 1; i >= 0; i--)
    if (events[i]!.type === type) return events[i] as Extract<DossierEvent, { type: T }>;
  return undefined;
}

function applicantOf(state: DossierState) {
  const a = state.applicant!;
  return { name: a.name, address: a.address, phone: a.phone, email: a.email };
}

async function deskNameOf(
  ctx: ServiceContext,
  deskId: string | null,
): Promise<{ name: string; address: string | null; phone: string | null }> {
  if (!deskId) return { name: 'Bộ phận Một cửa', address: null, phone: null };
  const desk = await getDesk(ctx, deskId);
  return { name: desk.name, address: desk.address, phone: desk.phone };
}

/**
 * Where the receipt says the result is collected: the applicant's choice, or — for dossiers recorded
 * before the choice was kept — what their channel implies.
 */
function deliveryOnReceipt(
  state: DossierState,
  desk: { name: string; address: string | null },
): ResultDelivery {
  const method = state.delivery?.method ?? (state.channel === 'in-person' ? 'desk' : state.channel);
  if (method === 'postal')
    return {
      method: 'post',
      address:
        state.delivery?.method === 'postal' ? state.delivery.address : (state.applicant?.address ?? ''),
    };
  if (method === 'online')
    return { method: 'online', address: state.applicant?.email ?? 'Cổng dịch vụ công' };
  return { method: 'desk', place: [desk.name, desk.address].filter(Boolean).join(', ') };
}

export async function renderDossierForm(
  ctx: ServiceContext,
  access: AccessContext,
  dossierId: string,
  kind: DossierFormKind,
  publicUrl: string,
): Promise<{ pdf: Buffer; filename: string }> {
  const row = await requireVisibleDossier(ctx, access, dossierId);
  const events = await store.eventsOf(ctx.db, row.receivingAgencyId, row.id);
  const directory = await agencyDirectory(ctx);
  const state = row.state;
  const desk = await deskNameOf(ctx, state.deskId);
  const deskAgency = row.deskAgencyId ?? row.receivingAgencyId;
  const place = placeOf(directory, row.receivingAgencyId);
  const issue = (at: number, agencyId: string | null = deskAgency): FormIssue => ({
    agency: agencyOf(directory, agencyId),
    place,
    issuedAt: at,
  });
  let pdf: Buffer;
  switch (kind) {
    case 'receipt': {
      const accepted = lastOf(events, 'DossierAccepted');
      const atAcceptance = accepted ? foldDossier(events.slice(0, events.indexOf(accepted) + 1)) : null;
      if (!accepted || !atAcceptance || accepted.appointmentAt === null || !state.procedure?.processingTime)
        throw notApplicable('giấy tiếp nhận và hẹn trả kết quả (Mẫu 01)');
      pdf = await renderReceiptForm({
        ...issue(accepted.at),
        deskName: desk.name,
        dossierCode: state.code,
        applicant: applicantOf(atAcceptance),
        procedureName: state.procedure.name,
        documents: atAcceptance.components.map((c) => ({
          name: c.name,
          originals: c.originals,
          copies: c.copies,
        })),
        setCount: atAcceptance.sets,
        processingTime: state.procedure.processingTime,
        receivedAt: accepted.at,
        appointmentAt: accepted.appointmentAt,
        resultDelivery: deliveryOnReceipt(state, desk),
        trackingBook: { volume: String(accepted.book.year), sequence: accepted.book.number },
        submitterName: state.applicant!.name,
        receiverName: accepted.actor.name,
        trackingUrl: `${publicUrl.replace(/\/$/, '')}/tra-cuu/${encodeURIComponent(state.code)}`,
      });
      break;
    }
    case 'supplement-request': {
      const asked = lastOf(events, 'SupplementRequested') ?? lastOf(events, 'IntakeSupplementRequested');
      if (!asked) throw notApplicable('phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)');
      pdf = await renderSupplementRequestForm({
        ...issue(asked.at),
        deskName: desk.name,
        dossierCode: state.code,
        applicant: applicantOf(state),
        procedureName: state.procedure!.name,
        items: asked.items.map((i) => ({ item: i.name, reason: i.reason })),
        contact: { name: asked.actor.name, phone: desk.phone ?? '' },
        issuedBy: asked.actor.name,
      });
      break;
    }
    case 'refusal': {
      const refused = lastOf(events, 'IntakeRefused');
      if (!refused) throw notApplicable('phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)');
      pdf = await renderRefusalForm({
        ...issue(refused.at),
        deskName: desk.name,
        dossierCode: state.code,
        applicant: applicantOf(state),
        procedureName: state.procedure!.name,
        reasons: refused.reasons,
        issuedBy: refused.actor.name,
      });
      break;
    }
    case 'apology': {
      const extended = lastOf(events, 'DeadlineExtended');
      if (!extended || state.acceptedAt === null)
        throw notApplicable('phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)');
      pdf = await renderApologyForm({
        ...issue(extended.at, extended.agencyId),
        applicant: applicantOf(state),
        dossierCode: state.code,
        receivedAt: state.acceptedAt,
        originalAppointmentAt: extended.previousAppointmentAt,
        reason: extended.reason,
        newAppointmentAt: extended.appointmentAt,
        signer: { title: extended.actor.title ?? 'Thủ trưởng cơ quan', name: extended.signedBy },
      });
      break;
    }
    case 'control-sheet': {
      if (state.acceptedAt === null || state.originalAppointmentAt === null)
        throw notApplicable('phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05)');
      pdf = await renderControlSheetForm({
        ...issue(state.acceptedAt),
        dossierCode: state.code,
        applicant: applicantOf(state),
        procedureName: state.procedure!.name,
        receivedAt: state.acceptedAt,
        appointmentAt: state.appointmentAt ?? state.originalAppointmentAt,
        leadAgencyName: agencyOf(directory, state.workflow?.leadAgencyId ?? row.receivingAgencyId).name,
        coordinatingAgencyNames: (state.interAgency?.participants ?? []).map((p) => p.agencyName),
        rows: controlSheetRows(events).map((r) => ({
          ...r,
          agencyName: r.agencyId ? agencyOf(directory, r.agencyId).name : 'Tổ chức, cá nhân',
        })),
      });
      break;
    }
  }
  await inTransaction(ctx.db, (tx) =>
    recordAudit(
      tx,
      access.actor,
      {
        action: `dossier.form.${kind}`,
        targetType: 'dossier',
        targetId: row.id,
        agencyId: row.receivingAgencyId,
        details: { code: row.code },
      },
      ctx.now(),
    ),
  );
  return { pdf, filename: `${state.code}-${kind}.pdf` };
}

/** Form 06: the desk's tracking book for a period (local dates, inclusive), as PDF or Excel. */
export async function renderTrackingBook(
  ctx: ServiceContext,
  access: AccessContext,
  q: { deskId: string; from: string; to: string; format: 'pdf' | 'xlsx' },
): Promise<{ body: Buffer; filename: string; contentType: string }> {
  const desk = await getDesk(ctx, q.deskId);
  await access.assertInScope('dossier.read', desk.agencyId, { hidden: true, what: 'bộ phận một cửa' });
  if (q.from > q.to) throw new AppError('INVALID_PERIOD', 422, 'Ngày bắt đầu phải trước ngày kết thúc');
  const from = new Date(`${q.from}T00:00:00+07:00`);
  const to = new Date(new Date(`${q.to}T00:00:00+07:00`).getTime() + 86_400_000);
  const rows = await store.dossiersAcceptedAtDesk(ctx.db, desk.id, from, to);
  const directory = await agencyDirectory(ctx);
  const bookRows = [];
  for (const row of rows) {
    const s = row.state;
    const events = await store.eventsOf(ctx.db, row.receivingAgencyId, row.id);
    const forwarded = events.find((e) => e.type === 'DossierForwarded');
    const step = forwarded && s.workflow?.steps.find((x) => x.key === forwarded.toStep);
    const unit = step?.kind === 'task' ? step.unitId : (s.workflow?.leadAgencyId ?? row.receivingAgencyId);
    bookRows.push({
      sequence: s.book?.number ?? 0,
      dossierCode: s.code,
      procedureName: s.procedure!.name,
      setCount: s.sets,
      applicantName: s.applicant!.name,
      applicantContact: [s.applicant!.address, s.applicant!.phone].filter(Boolean).join(' — ') || null,
      receivedAt: s.acceptedAt!,
      appointmentAt: s.originalAppointmentAt ?? s.acceptedAt!,
      forwardedTo: forwarded ? { agencyName: agencyOf(directory, unit).name, at: forwarded.at } : null,
      resultReceivedAt: s.result?.at ?? null,
      returnedAt: s.returned?.at ?? null,
      note: s.extensions.length > 0 ? 'Đã xin lỗi, hẹn lại ngày trả' : null,
    });
  }
  bookRows.sort((a, b) => a.sequence - b.sequence);
  const book = {
    agency: agencyOf(directory, desk.agencyId),
    place: placeOf(directory, desk.agencyId),
    issuedAt: ctx.now().getTime(),
    deskName: desk.name,
    volume: q.from.slice(0, 4),
    periodFrom: from.getTime(),
    periodTo: to.getTime() - 1,
    rows: bookRows,
  };
  await inTransaction(ctx.db, (tx) =>
    recordAudit(
      tx,
      access.actor,
      {
        action: 'dossier.tracking-book',
        targetType: 'desk',
        targetId: desk.id,
        agencyId: desk.agencyId,
        details: { ...q, rows: bookRows.length },
      },
      ctx.now(),
    ),
  );
  const name = `so-theo-doi-${q.from}-${q.to}`;
  if (q.format === 'xlsx')
    return {
      body: await renderTrackingBookExcel(book),
      filename: `${name}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  return { body: await renderTrackingBookPdf(book), filename: `${name}.pdf`, contentType: 'application/pdf' };
}
