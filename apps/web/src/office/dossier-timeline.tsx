import { controlSheetRows } from '@motcua/domain/dossier/control-sheet';
import { Table, type TableColumnsType } from 'antd';
import { officeText } from '../i18n/vi/office';
import { FinishTag, formatMoment, formatVnd } from './dossier-format';
import type { DossierEvent } from './dossier-types';

interface TimelineRow {
  key: string;
  at: number;
  who: string;
  what: string;
  detail: string;
  step: string;
  classification: string | null;
}

function detailOf(
  e: DossierEvent,
  stepNames: Map<string, string>,
  agencyName: (id: string) => string,
): string {
  const d = officeText.eventDetail;
  switch (e.type) {
    case 'DossierSubmitted':
      return `${officeText.channels[e.channel] ?? e.channel} · ${e.applicant.name}`;
    case 'DossierAccepted':
      return e.appointmentAt === null ? '' : d.appointment(formatMoment(e.appointmentAt));
    case 'IntakeSupplementRequested':
    case 'SupplementRequested':
      return e.items.map((i) => `${i.name}: ${i.reason}`).join('; ');
    case 'IntakeRefused':
    case 'RefusedAfterAppraisal':
      return e.reasons.join('; ');
    case 'HandlerAssigned':
      return d.to(e.name);
    case 'DossierForwarded':
      return [d.toStep(stepNames.get(e.toStep) ?? e.toStep), e.toName ? d.to(e.toName) : '', e.note ?? '']
        .filter(Boolean)
        .join(' · ');
    case 'DossierSentBack':
      return `${d.toStep(stepNames.get(e.toStep) ?? e.toStep)} · ${e.reason}`;
    case 'SupplementReceived':
      return e.appointmentAt === null ? '' : d.appointment(formatMoment(e.appointmentAt));
    case 'ConsultationStarted':
      return `${e.agencyName}: ${e.question} (${officeText.dueAt.toLowerCase()} ${formatMoment(e.dueAt)})`;
    case 'ConsultationAnswered':
      return e.answer;
    case 'InterAgencySent':
      return `${officeText.interAgencyMode[e.mode]}: ${e.participants.map((p) => p.agencyName).join(', ')}`;
    case 'AgencyResultReceived':
      return [agencyName(e.agencyId), officeText.interAgencyOutcome[e.outcome], e.note]
        .filter(Boolean)
        .join(' · ');
    case 'DecisionProposed':
      return `${e.outcome === 'grant' ? officeText.proposeGrant : officeText.proposeRefuse}: ${e.summary}`;
    case 'ProposalApproved':
      return e.note ?? '';
    case 'ResultIssued':
      return e.documents.map((doc) => [doc.name, doc.number].filter(Boolean).join(' ')).join('; ');
    case 'EarlyReturnNotified':
      return e.message;
    case 'DeadlineExtended':
      return `${d.newDate(formatMoment(e.previousAppointmentAt), formatMoment(e.appointmentAt))} · ${e.reason}`;
    case 'PaymentRequested':
    case 'PaymentReceived':
      return formatVnd(e.amountVnd);
    case 'ResultReturned':
      return [
        officeText.returnMethod[e.method],
        e.trackingNumber ? d.tracking(e.trackingNumber) : '',
        e.collectedBy ? `${officeText.collectedBy}: ${e.collectedBy}` : '',
      ]
        .filter(Boolean)
        .join(' · ');
    case 'DossierWithdrawn':
    case 'ProcessingStopped':
      return e.reason;
    default:
      return '';
  }
}

/**
 * The dossier's history from its events: who did what, when, at which step; each hand-over judged early,
 * on time or late against the step's allotted time — the content of the control sheet (Form 05), computed
 * by the same function that fills the printed form.
 */
export function timelineRows(
  events: readonly DossierEvent[],
  agencyName: (id: string) => string,
): TimelineRow[] {
  const judged = new Map<string, string | null>();
  for (const row of controlSheetRows(events)) judged.set(`${row.givenAt}|${row.givenBy}`, row.classification);
  const stepNames = new Map<string, string>();
  let step = '';
  return events.map((e, index) => {
    const stepAtEvent = step;
    if (e.type === 'DossierAccepted') {
      for (const s of e.workflow.steps) stepNames.set(s.key, s.name);
      step = e.workflow.steps[0]?.name ?? '';
    } else if (e.type === 'DossierForwarded' || e.type === 'DossierSentBack') {
      step = stepNames.get(e.toStep) ?? e.toStep;
    } else if ((e.type === 'ResultIssued' || e.type === 'RefusedAfterAppraisal') && e.returnStep) {
      step = stepNames.get(e.returnStep) ?? e.returnStep;
    }
    const who =
      e.actor.kind === 'system'
        ? officeText.systemActor
        : e.actor.kind === 'applicant'
          ? `${e.actor.name} (${officeText.applicantActor.toLowerCase()})`
          : [e.actor.name, e.actor.agencyId ? agencyName(e.actor.agencyId) : ''].filter(Boolean).join(' — ');
    return {
      key: `${index}`,
      at: e.at,
      who,
      what: officeText.events[e.type] ?? e.type,
      detail: detailOf(e, stepNames, agencyName),
      step: e.type === 'DossierAccepted' ? step : stepAtEvent,
      classification: judged.get(`${e.at}|${e.actor.name}`) ?? null,
    };
  });
}

export function DossierTimeline({
  events,
  agencyName,
}: {
  events: readonly DossierEvent[];
  agencyName: (id: string) => string;
}) {
  const columns: TableColumnsType<TimelineRow> = [
    { title: officeText.timelineWhen, key: 'at', width: 140, render: (_, r) => formatMoment(r.at) },
    { title: officeText.timelineWho, dataIndex: 'who', key: 'who', width: 220 },
    {
      title: officeText.timelineWhat,
      key: 'what',
      render: (_, r) => (
        <>
          <strong>{r.what}</strong>
          {r.detail && <div className="office-timeline-detail">{r.detail}</div>}
        </>
      ),
    },
    { title: officeText.timelineStep, dataIndex: 'step', key: 'step', width: 180 },
    {
      title: officeText.timelineResult,
      key: 'classification',
      width: 110,
      render: (_, r) => <FinishTag classification={r.classification} />,
    },
  ];
  return (
    <Table<TimelineRow>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={timelineRows(events, agencyName)}
      pagination={false}
      scroll={{ x: 760 }}
    />
  );
}
