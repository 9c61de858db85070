import { useSearchParams } from 'react-router-dom';
import { portalText } from '../i18n/vi/portal';
import { usePageTitle } from '../page-title';
import { ProcedureSearchForm } from './procedure-search-form';

/** Placeholder until the catalogue module exists: keeps the search and says what is coming. */
export function ProcedureSearchPage() {
  usePageTitle(portalText.proceduresTitle);
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  return (
    <>
      <h1>{portalText.proceduresTitle}</h1>
      <ProcedureSearchForm key={q} initialQuery={q} />
      <div className="notice" role="status">
        {q !== '' && <p>{portalText.proceduresYouSearched(q)}</p>}
        <p>{portalText.proceduresComing}</p>
      </div>
    </>
  );
}
