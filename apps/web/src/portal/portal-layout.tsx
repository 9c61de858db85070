import { Link, NavLink, Outlet, useNavigate } from 'react-router-dom';
import { useLogout, useSession } from '../api/session-queries';
import { portalText } from '../i18n/vi/portal';
import { dossierText, notificationText } from '../i18n/vi/portal-dossier';
import { commonText } from '../i18n/vi/shared-strings';
import { useUnreadCount } from './portal-queries';

export function PortalLayout() {
  return (
    <div className="portal">
      <a className="skip-link" href="#main">
        {portalText.skipToContent}
      </a>
      <header className="portal-header">
        <div className="portal-header-inner">
          <Link to="/" className="portal-brand">
            <span className="portal-brand-mark" aria-hidden="true">
              ★
            </span>
            <span>
              <span className="portal-brand-name">{commonText.productName}</span>
              <span className="portal-brand-tagline">{commonText.productTagline}</span>
            </span>
          </Link>
          <PortalAccountNav />
        </div>
        <nav className="portal-nav" aria-label={portalText.mainNavigation}>
          <NavLink to="/" end>
            {portalText.home}
          </NavLink>
          <NavLink to="/portal/procedures">{portalText.procedures}</NavLink>
          <NavLink to="/portal/track">{portalText.tracking}</NavLink>
        </nav>
      </header>
      <main id="main" className="portal-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="portal-footer">
        <p>{portalText.footer}</p>
        <p>
          <Link to="/office/login">{portalText.staffLogin}</Link>
        </p>
      </footer>
    </div>
  );
}

function PortalAccountNav() {
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const user = session.data?.user;

  return (
    <nav className="portal-account-nav" aria-label={portalText.accountNavigation}>
      {user ? (
        <>
          {user.kind === 'citizen' && <CitizenLinks />}
          <Link to="/portal/account">{portalText.myAccount}</Link>
          <button
            type="button"
            className="link-button"
            disabled={logout.isPending}
            onClick={() => logout.mutate(undefined, { onSuccess: () => navigate('/') })}
          >
            {logout.isPending ? portalText.loggingOut : portalText.logout}
          </button>
        </>
      ) : (
        <>
          <Link to="/portal/login">{portalText.login}</Link>
          <Link to="/portal/register">{portalText.register}</Link>
        </>
      )}
    </nav>
  );
}

function CitizenLinks() {
  const unread = useUnreadCount(true).data ?? 0;
  return (
    <>
      <Link to="/portal/dossiers">{dossierText.myDossiersTitle}</Link>
      {/* The visible name starts the accessible one (WCAG 2.5.3): the count is read from hidden text. */}
      <Link to="/portal/notifications">
        {notificationText.title}
        {unread > 0 && (
          <>
            <span className="nav-count" aria-hidden="true">
              {unread}
            </span>
            <span className="visually-hidden">{notificationText.navUnread(unread)}</span>
          </>
        )}
      </Link>
    </>
  );
}
