import type { PublicDossier } from '@motcua/contracts/dossier';
import { Link, useParams } from 'react-router-dom';
import { isApiRequestError, messageOf } from '../api/client';
import { useSession } from '../api/session-queries';
import { dossierText, trackingText as t } from '../i18n/vi/portal-dossier';
import { commonText } from '../i18n/vi/shared-strings';
import { usePageTitle } from '../page-title';
import { isDossierCode, normaliseDossierCode } from './dossier-code';
import { formatDateTime } from './dossier-format';
import { DossierTrackingForm } from './dossier-tracking-form';
import { usePublicDossier } from './portal-queries';

function PublicResult({ dossier }: { dossier: PublicDossier }) {
  const session = useSession();
  const date = (value: string | null) => (value ? formatDateTime(value) : t.none);
  return (
    <section className="portal-card" aria-labelledby="tracking-result-title">
      <h2 id="tracking-result-title" className="break-anywhere">
        {t.resultTitle(dossier.code)}
      </h2>
      <dl className="details-list tracking-result">
        <dt>{t.procedure}</dt>
        <dd>{dossier.procedureName}</dd>
        <dt>{t.status}</dt>
        <dd>
          <span className={`status status-${dossier.status}`}>{dossier.statusLabel}</span>
        </dd>
        <dt>{t.received}</dt>
        <dd>{date(dossier.receivedAt)}</dd>
        <dt>{t.appointment}</dt>
        <dd>{date(dossier.appointmentAt)}</dd>
        <dt>{t.finished}</dt>
        <dd>{date(dossier.finishedAt)}</dd>
        <dt>{t.returned}</dt>
        <dd>{date(dossier.returnedAt)}</dd>
      </dl>
      <p>{dossierText.next[dossier.status] ?? ''}</p>
      <p className="fact-note">{t.privacy}</p>
      {session.data?.user?.kind !== 'citizen' && (
        <p>
          <Link to={`/portal/login?returnTo=${encodeURIComponent('/portal/dossiers')}`}>{t.ownerHint}</Link>
        </p>
      )}
    </section>
  );
}

/**
 * Public tracking by code (`/tra-cuu/:code`, which the receipt's QR code opens, and `/portal/track/:code`):
 * no login, and only what the public lookup gives — code, procedure, status, dates.
 */
export function DossierTrackingPage() {
  const { code: raw } = useParams();
  const code = raw ? normaliseDossierCode(raw) : null;
  const wellFormed = code !== null && isDossierCode(code);
  const lookup = usePublicDossier(wellFormed ? code : null);
  usePageTitle(code ? t.resultTitle(code) : t.title);

  const formError =
    code !== null && !wellFormed
      ? t.codeInvalid
      : lookup.isError && isApiRequestError(lookup.error) && lookup.error.status === 404
        ? t.notFound(code ?? '')
        : null;

  return (
    <>
      <h1>{t.title}</h1>
      <p className="portal-lead">{t.lead}</p>
      <section className="portal-card" aria-label={t.title}>
        <DossierTrackingForm
          key={`${raw ?? ''}-${formError ?? ''}`}
          initialCode={code ?? ''}
          initialError={formError}
        />
      </section>
      {wellFormed && lookup.isPending && (
        <p className="page-loading" role="status">
          {commonText.loading}
        </p>
      )}
      {formError && (
        <p className="visually-hidden" role="alert">
          {formError}
        </p>
      )}
      {lookup.isError && !(isApiRequestError(lookup.error) && lookup.error.status === 404) && (
        <div className="notice notice-error" role="alert">
          <p>
            {t.loadFailed} {messageOf(lookup.error)}
          </p>
          <button type="button" className="button" onClick={() => void lookup.refetch()}>
            {commonText.retry}
          </button>
        </div>
      )}
      {lookup.data && <PublicResult dossier={lookup.data} />}
    </>
  );
}
