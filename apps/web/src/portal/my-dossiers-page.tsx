import type { DossierSummary } from '@motcua/contracts/dossier';
import type { Draft } from '@motcua/contracts/portal';
import { Link, useSearchParams } from 'react-router-dom';
import { messageOf } from '../api/client';
import { dossierText as t } from '../i18n/vi/portal-dossier';
import { commonText } from '../i18n/vi/shared-strings';
import { usePageTitle } from '../page-title';
import { CitizenGate } from './citizen-gate';
import { DeadlineChip } from './deadline-chip';
import { deadlineLabel, finishedStatuses, formatDateTime } from './dossier-format';
import { MY_DOSSIERS_PAGE_SIZE, useDrafts, useMyDossiers } from './portal-queries';

function DossierCard({ dossier, now }: { dossier: DossierSummary; now: number }) {
  const finished = finishedStatuses.has(dossier.status);
  const deadline = deadlineLabel(dossier.liveStatus, dossier.appointmentAt, now);
  return (
    <li className="portal-card dossier-card">
      <h3>
        <Link to={`/portal/dossiers/${encodeURIComponent(dossier.id)}`}>{dossier.procedureName}</Link>
      </h3>
      <dl className="hit-facts">
        <div>
          <dt>{t.code}</dt>
          <dd className="break-anywhere">{dossier.code}</dd>
        </div>
        <div>
          <dt>{t.status}</dt>
          <dd>
            <span className={`status status-${dossier.status}`}>{dossier.statusLabel}</span>
          </dd>
        </div>
        <div>
          <dt>{t.received}</dt>
          <dd>{formatDateTime(dossier.receivedAt)}</dd>
        </div>
        <div>
          <dt>{t.appointment}</dt>
          <dd>{dossier.appointmentAt ? formatDateTime(dossier.appointmentAt) : t.noAppointmentYet}</dd>
        </div>
        {finished && dossier.finishedAt && (
          <div>
            <dt>{t.finished}</dt>
            <dd>{formatDateTime(dossier.finishedAt)}</dd>
          </div>
        )}
      </dl>
      {!finished && dossier.appointmentAt && <DeadlineChip tone={deadline.tone} text={deadline.text} />}
    </li>
  );
}

function DraftList({ drafts }: { drafts: Draft[] }) {
  if (drafts.length === 0) return null;
  return (
    <section className="portal-card" aria-labelledby="drafts-title">
      <h2 id="drafts-title">{t.draftsTitle}</h2>
      <p className="field-hint">{t.draftsLead}</p>
      <ul className="plain-list draft-list">
        {drafts.map((draft) => (
          <li key={`${draft.procedureId}-${draft.agencyId}`}>
            <span className="component-name">{draft.content.title}</span>
            <span className="fact-note">{t.draftSavedAt(formatDateTime(draft.updatedAt))}</span>
            <Link
              className="button"
              to={`/portal/submit/${encodeURIComponent(draft.procedureId)}`}
              aria-label={`${t.resumeDraft}: ${draft.content.title}`}
            >
              {t.resumeDraft}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function MyDossiers() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const dossiers = useMyDossiers(page, true);
  const drafts = useDrafts(true);
  const now = Date.now();
  const pages = dossiers.data ? Math.max(1, Math.ceil(dossiers.data.total / MY_DOSSIERS_PAGE_SIZE)) : 1;

  return (
    <>
      {drafts.data && <DraftList drafts={drafts.data} />}
      <section aria-labelledby="submitted-title">
        <h2 id="submitted-title">{t.submittedTitle}</h2>
        {dossiers.isPending && (
          <p className="page-loading" role="status">
            {commonText.loading}
          </p>
        )}
        {dossiers.isError && (
          <div className="notice notice-error" role="alert">
            <p>
              {t.loadFailed} {messageOf(dossiers.error)}
            </p>
            <button type="button" className="button" onClick={() => void dossiers.refetch()}>
              {commonText.retry}
            </button>
          </div>
        )}
        {dossiers.data && dossiers.data.dossiers.length === 0 && (
          <div className="portal-card">
            <p>{t.noDossiers}</p>
            <Link to="/portal/procedures">{t.findProcedure}</Link>
          </div>
        )}
        {dossiers.data && dossiers.data.dossiers.length > 0 && (
          <ul className="procedure-hits dossier-list">
            {dossiers.data.dossiers.map((dossier) => (
              <DossierCard key={dossier.id} dossier={dossier} now={now} />
            ))}
          </ul>
        )}
        {pages > 1 && (
          <nav className="pagination" aria-label={t.pageOf(page, pages)}>
            <button
              type="button"
              className="button"
              disabled={page <= 1}
              onClick={() => setParams({ page: String(page - 1) })}
            >
              {t.previousPage}
            </button>
            <span>{t.pageOf(page, pages)}</span>
            <button
              type="button"
              className="button"
              disabled={page >= pages}
              onClick={() => setParams({ page: String(page + 1) })}
            >
              {t.nextPage}
            </button>
          </nav>
        )}
      </section>
    </>
  );
}

/** `/portal/dossiers`: the citizen's drafts and dossiers, each with its status and time left. */
export function MyDossiersPage() {
  usePageTitle(t.myDossiersTitle);
  return (
    <>
      <h1>{t.myDossiersTitle}</h1>
      <p className="portal-lead">{t.myDossiersLead}</p>
      <CitizenGate>{() => <MyDossiers />}</CitizenGate>
    </>
  );
}
