import { Navigate } from 'react-router-dom';
import { messageOf } from '../api/client';
import { useSession } from '../api/session-queries';
import { portalText } from '../i18n/vi/portal';
import { commonText } from '../i18n/vi/shared-strings';
import { usePageTitle } from '../page-title';

export function CitizenAccountPage() {
  usePageTitle(portalText.accountTitle);
  const session = useSession();

  if (session.isPending) {
    return (
      <p className="page-loading" role="status">
        {commonText.loading}
      </p>
    );
  }
  if (session.isError) {
    return (
      <>
        <h1>{portalText.accountTitle}</h1>
        <div className="notice notice-error" role="alert">
          <p>
            {commonText.sessionUnavailable} {messageOf(session.error)}
          </p>
          <button type="button" className="button" onClick={() => void session.refetch()}>
            {commonText.retry}
          </button>
        </div>
      </>
    );
  }
  const user = session.data.user;
  if (!user) return <Navigate to="/portal/login?returnTo=%2Fportal%2Faccount" replace />;

  return (
    <>
      <h1>{portalText.accountTitle}</h1>
      <dl className="portal-card details-list">
        <dt>{portalText.fullName}</dt>
        <dd>{user.fullName}</dd>
        <dt>{portalText.email}</dt>
        <dd>{user.email ?? portalText.notProvided}</dd>
        <dt>{portalText.phone}</dt>
        <dd>{user.phone ?? portalText.notProvided}</dd>
        <dt>{portalText.accountLoginMethod}</dt>
        <dd>
          {user.authMethod === 'oidc' ? portalText.accountMethodOidc : portalText.accountMethodPassword}
        </dd>
      </dl>
    </>
  );
}
