/**
 * The processing control sheet (Form 05, Circular 01/2018): a row per hand-over of the dossier, with who
 * gave it and who received it, when, and whether the step that ended was early, on time or late against
 * its allotted time. Derived from the events only.
 */
import { classifyFinish, type FinishClassification } from '../calendar/due-date';
import type { DossierEvent } from './dossier-events';

export interface ControlSheetRow {
  /** The agency (unit) that handed the dossier over; null for the applicant. */
  agencyId: string | null;
  stepName: string;
  givenBy: string;
  givenAt: number;
  receivedBy: string;
  /** How the step that ended here compared with its due instant; null when it had none. */
  classification: FinishClassification | null;
  note: string | null;
}

export function controlSheetRows(events: readonly DossierEvent[]): ControlSheetRow[] {
  const rows: ControlSheetRow[] = [];
  let stepName = '';
  let stepDue: number | null = null;
  let applicantName = '';
  let appointment: number | null = null;
  const stepNames = new Map<string, string>();
  /** Each participating agency's deadline in the open inter-agency round. */
  const agencyDue = new Map<string, number>();
  for (const e of events) {
    switch (e.type) {
      case 'DossierSubmitted':
        applicantName = e.applicant.name;
        break;
      case 'DossierAccepted': {
        for (const s of e.workflow.steps) stepNames.set(s.key, s.name);
        appointment = e.appointmentAt;
        const first = e.workflow.steps[0];
        stepName = first?.name ?? 'Tiếp nhận hồ sơ';
        stepDue = e.forwardBy;
        rows.push({
          agencyId: null,
          stepName: 'Nộp hồ sơ',
          givenBy: applicantName,
          givenAt: e.at,
          receivedBy: e.actor.name,
          classification: null,
          note: null,
        });
        break;
      }
      case 'SupplementReceived':
        appointment = e.appointmentAt;
        break;
      case 'DeadlineExtended':
        appointment = e.appointmentAt;
        break;
      case 'DossierForwarded':
      case 'DossierSentBack':
        rows.push({
          agencyId: e.actor.agencyId,
          stepName,
          givenBy: e.actor.name,
          givenAt: e.at,
          receivedBy:
            e.type === 'DossierForwarded' && e.toName ? e.toName : (stepNames.get(e.toStep) ?? e.toStep),
          classification: stepDue === null ? null : classifyFinish(e.at, stepDue),
          note: e.type === 'DossierSentBack' ? `Trả lại: ${e.reason}` : e.note,
        });
        stepName = stepNames.get(e.toStep) ?? e.toStep;
        stepDue = e.stepDueAt;
        break;
      case 'InterAgencySent':
        agencyDue.clear();
        for (const p of e.participants) agencyDue.set(p.agencyId, p.dueAt);
        break;
      case 'AgencyResultReceived': {
        // A participating agency hands its part back: judged against the deadline it was given.
        const due = agencyDue.get(e.agencyId);
        rows.push({
          agencyId: e.agencyId,
          stepName: 'Xử lý liên thông',
          givenBy: e.actor.name,
          givenAt: e.at,
          receivedBy: 'Cơ quan chủ trì',
          classification: due === undefined ? null : classifyFinish(e.at, due),
          note: e.note || null,
        });
        break;
      }
      case 'ResultIssued':
      case 'RefusedAfterAppraisal':
        rows.push({
          agencyId: e.actor.agencyId,
          stepName,
          givenBy: e.actor.name,
          givenAt: e.at,
          receivedBy: e.returnStep ? (stepNames.get(e.returnStep) ?? 'Bộ phận Một cửa') : 'Bộ phận Một cửa',
          // Like every hand-over, the signing step is judged against its own allotted time; the
          // dossier as a whole is judged against the appointment on the return row.
          classification: stepDue === null ? null : classifyFinish(e.at, stepDue),
          note: e.type === 'RefusedAfterAppraisal' ? `Từ chối giải quyết: ${e.reasons.join('; ')}` : null,
        });
        stepName = e.returnStep ? (stepNames.get(e.returnStep) ?? 'Trả kết quả') : 'Trả kết quả';
        stepDue = appointment;
        break;
      case 'ResultReturned':
        rows.push({
          agencyId: e.actor.agencyId,
          stepName,
          givenBy: e.actor.name,
          givenAt: e.at,
          receivedBy:
            e.method === 'postal'
              ? `Bưu chính (${e.trackingNumber ?? ''})`
              : (e.collectedBy ?? applicantName),
          classification: appointment === null ? null : classifyFinish(e.at, appointment),
          note: null,
        });
        break;
      default:
        break;
    }
  }
  return rows;
}
