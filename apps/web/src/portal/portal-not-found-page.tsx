import { Link } from 'react-router-dom';
import { portalText } from '../i18n/vi/portal';
import { usePageTitle } from '../page-title';

export function PortalNotFoundPage() {
  usePageTitle(portalText.notFoundTitle);
  return (
    <>
      <h1>{portalText.notFoundTitle}</h1>
      <p>{portalText.notFoundText}</p>
      <p>
        <Link to="/">{portalText.backHome}</Link>
      </p>
    </>
  );
}
