import { formatVnd } from '../catalog/catalog-format';
import { eventText } from '../i18n/vi/portal-dossier';
import { formatDateTime } from './dossier-format';
import type { PortalDossierEvent } from './dossier-types';

const at = (value: unknown) => (typeof value === 'number' ? formatDateTime(value) : null);

/** One event of the history in plain Vietnamese: what happened for the applicant, not the office's jargon. */
export function describeEvent(event: PortalDossierEvent): string {
  switch (event.type) {
    case 'DossierSubmitted': {
      const channel = event.channel as keyof typeof eventText.DossierSubmitted;
      return eventText.DossierSubmitted[channel] ?? eventText.DossierSubmitted['in-person'];
    }
    case 'DossierAccepted':
      return eventText.DossierAccepted(at(event.appointmentAt));
    case 'SupplementReceived':
      return eventText.SupplementReceived(at(event.appointmentAt));
    case 'DeadlineExtended':
      return eventText.DeadlineExtended(at(event.appointmentAt) ?? '');
    case 'PaymentRequested':
      return eventText.PaymentRequested(formatVnd(Number(event.amountVnd ?? 0)));
    case 'PaymentReceived':
      return eventText.PaymentReceived(formatVnd(Number(event.amountVnd ?? 0)));
    case 'ResultReturned':
      return event.method === 'postal'
        ? eventText.ResultReturned.postal((event.trackingNumber as string | null) ?? null)
        : event.method === 'online'
          ? eventText.ResultReturned.online
          : eventText.ResultReturned.desk;
    case 'IntakeSupplementRequested':
    case 'IntakeSupplementReceived':
    case 'IntakeRefused':
    case 'HandlerAssigned':
    case 'DossierForwarded':
    case 'DossierSentBack':
    case 'SupplementRequested':
    case 'ConsultationStarted':
    case 'ConsultationAnswered':
    case 'InterAgencySent':
    case 'AgencyResultReceived':
    case 'DecisionProposed':
    case 'ProposalApproved':
    case 'ResultIssued':
    case 'RefusedAfterAppraisal':
    case 'EarlyReturnNotified':
    case 'DossierWithdrawn':
    case 'ProcessingStopped':
      return eventText[event.type];
    default:
      return eventText.other;
  }
}

/** The dossier's history, oldest first, each step with its date and who acted. */
export function DossierTimeline({ events }: { events: PortalDossierEvent[] }) {
  return (
    <ol className="timeline">
      {events.map((event, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows, in order
        <li key={i} className={`timeline-item timeline-${event.type}`}>
          <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(event.at)}</time>
          <p>{describeEvent(event)}</p>
          {event.actor.kind === 'staff' && event.actor.name && (
            <p className="fact-note">{event.actor.name}</p>
          )}
          {event.actor.kind === 'applicant' && <p className="fact-note">{eventText.byYou}</p>}
        </li>
      ))}
    </ol>
  );
}
