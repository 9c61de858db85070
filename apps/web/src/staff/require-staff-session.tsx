import type { SessionUser } from '@motcua/contracts/session';
import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { messageOf, pathWithQuery } from '../api/client';
import { useSession } from '../api/session-queries';
import { commonText } from '../i18n/vi/shared-strings';
import { staffText } from '../i18n/vi/staff';

/**
 * Renders its children for a logged-in staff member; anyone else is sent to the staff login with a way
 * back here. When the session cannot be checked (API down), says so instead of guessing.
 */
export function RequireStaffSession({ children }: { children: (user: SessionUser) => ReactNode }) {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) {
    return (
      <main style={{ padding: 48, textAlign: 'center' }}>
        <Spin size="large" description={commonText.loading} />
      </main>
    );
  }
  if (session.isError) {
    return (
      <main>
        <Result
          status="error"
          title={staffText.sessionCheckFailed}
          subTitle={<span role="alert">{messageOf(session.error)}</span>}
          extra={
            <Button type="primary" onClick={() => void session.refetch()} loading={session.isFetching}>
              {commonText.retry}
            </Button>
          }
        />
      </main>
    );
  }
  const user = session.data.user;
  if (user?.kind !== 'staff') {
    const returnTo = `${location.pathname}${location.search}`;
    return <Navigate to={pathWithQuery('/office/login', { returnTo })} replace />;
  }
  return children(user);
}
