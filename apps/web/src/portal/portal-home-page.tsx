import { portalText } from '../i18n/vi/portal';
import { usePageTitle } from '../page-title';
import { DossierTrackingForm } from './dossier-tracking-form';
import { ProcedureSearchForm } from './procedure-search-form';

export function PortalHomePage() {
  usePageTitle(portalText.home);
  return (
    <>
      <section className="portal-hero" aria-labelledby="home-title">
        <h1 id="home-title">{portalText.homeTitle}</h1>
        <p className="portal-lead">{portalText.homeLead}</p>
        <ProcedureSearchForm />
      </section>
      <section className="portal-card" aria-labelledby="tracking-title">
        <h2 id="tracking-title">{portalText.trackingTitle}</h2>
        <DossierTrackingForm />
      </section>
      <section aria-labelledby="quick-links-title">
        <h2 id="quick-links-title">{portalText.quickLinksTitle}</h2>
        <ul className="quick-links">
          {portalText.quickLinks.map((link) => (
            <li key={link.title} className="portal-card">
              <h3>{link.title}</h3>
              <p>{link.text}</p>
              <p className="badge">{portalText.comingSoon}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
