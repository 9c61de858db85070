import { Link } from 'react-router-dom';
import { catalogText } from '../i18n/vi/catalog';
import { portalText } from '../i18n/vi/portal';
import { homeText } from '../i18n/vi/portal-dossier';
import { usePageTitle } from '../page-title';
import { useProcedureSearch } from './catalog-queries';
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
      <section className="portal-card" aria-labelledby="popular-title">
        <h2 id="popular-title">{homeText.popularTitle}</h2>
        <ul className="field-links">
          {homeText.popular.map((p) => (
            <li key={p.code}>
              <Link to={`/portal/procedures?q=${encodeURIComponent(p.name)}`}>{p.name}</Link>
            </li>
          ))}
        </ul>
      </section>
      <FieldLinks />
      <section className="portal-card" aria-labelledby="tracking-title">
        <h2 id="tracking-title">{portalText.trackingTitle}</h2>
        <DossierTrackingForm />
      </section>
      <section aria-labelledby="quick-links-title">
        <h2 id="quick-links-title">{portalText.quickLinksTitle}</h2>
        <ul className="quick-links">
          {portalText.quickLinks.map((link) => (
            <li key={link.title} className="portal-card">
              <h3>{link.href ? <Link to={link.href}>{link.title}</Link> : link.title}</h3>
              <p>{link.text}</p>
              {!link.href && <p className="badge">{portalText.comingSoon}</p>}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** The catalogue's fields with how many published procedures each has (the search's facet counts). */
function FieldLinks() {
  const search = useProcedureSearch({ q: '', page: 1 });
  const fields = [...(search.data?.facets.fields ?? [])].sort((a, b) => b.count - a.count);
  if (fields.length === 0) return null;
  return (
    <section className="portal-card" aria-labelledby="fields-title">
      <h2 id="fields-title">{catalogText.fieldsTitle}</h2>
      <p>{catalogText.fieldsLead}</p>
      <ul className="field-links">
        {fields.map((field) => (
          <li key={field.value}>
            <Link to={`/portal/procedures?field=${encodeURIComponent(field.value)}`}>
              {catalogText.fieldLink(field.name, field.count)}
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/portal/procedures">{catalogText.allProcedures}</Link>
      </p>
    </section>
  );
}
