import type { SessionUser } from '@motcua/contracts/session';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { messageOf } from '../api/client';
import { useSession } from '../api/session-queries';
import { wizardText } from '../i18n/vi/portal-dossier';
import { commonText } from '../i18n/vi/shared-strings';

/**
 * The citizen's own pages: while the session loads, a status; without a login, the login page (and back
 * here afterwards); a staff account is told these pages are for citizens.
 */
export function CitizenGate({ children }: { children: (user: SessionUser) => ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending)
    return (
      <p className="page-loading" role="status">
        {commonText.loading}
      </p>
    );
  if (session.isError)
    return (
      <div className="notice notice-error" role="alert">
        <p>
          {commonText.sessionUnavailable} {messageOf(session.error)}
        </p>
        <button type="button" className="button" onClick={() => void session.refetch()}>
          {commonText.retry}
        </button>
      </div>
    );
  const user = session.data.user;
  if (!user) {
    const returnTo = `${location.pathname}${location.search}`;
    return <Navigate to={`/portal/login?returnTo=${encodeURIComponent(returnTo)}`} replace />;
  }
  if (user.kind !== 'citizen')
    return (
      <div className="notice" role="status">
        <p>{wizardText.notCitizen}</p>
      </div>
    );
  return <>{children(user)}</>;
}
