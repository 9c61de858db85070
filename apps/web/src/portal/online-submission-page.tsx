import { Link, useParams } from 'react-router-dom';
import { catalogText } from '../i18n/vi/catalog';
import { usePageTitle } from '../page-title';
import { usePublicProcedure } from './catalog-queries';

/** `/portal/submit/:procedureId`: a placeholder until the submission wizard exists. */
export function OnlineSubmissionPage() {
  const { procedureId = '' } = useParams();
  const procedure = usePublicProcedure(procedureId);
  usePageTitle(catalogText.submitTitle);
  return (
    <>
      <h1>{catalogText.submitTitle}</h1>
      {procedure.data && <p className="procedure-code">{procedure.data.content.name}</p>}
      <div className="notice" role="status">
        <p>{catalogText.submitComing}</p>
      </div>
      <p>
        <Link to={`/portal/procedures/${encodeURIComponent(procedureId)}`}>
          {catalogText.backToProcedure}
        </Link>
      </p>
    </>
  );
}
