import { useParams } from 'react-router-dom';
import { portalText } from '../i18n/vi/portal';
import { usePageTitle } from '../page-title';
import { DossierTrackingForm } from './dossier-tracking-form';

/** Placeholder until public tracking by code exists (GET of a dossier's public status). */
export function DossierTrackingPage() {
  const { code } = useParams();
  const title = code ? portalText.trackingPageTitle(code) : portalText.trackingTitle;
  usePageTitle(title);
  return (
    <>
      <h1 className="break-anywhere">{title}</h1>
      {code && (
        <div className="notice" role="status">
          <p>{portalText.trackingComing}</p>
        </div>
      )}
      <section className="portal-card" aria-label={portalText.trackingTitle}>
        <DossierTrackingForm key={code} initialCode={code ?? ''} />
      </section>
    </>
  );
}
