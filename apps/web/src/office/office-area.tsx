import type { SessionUser } from '@motcua/contracts/session';
import { Menu } from 'antd';
import { useEffect } from 'react';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { officeText } from '../i18n/vi/office';
import { AntdShell } from '../staff/antd-shell';
import { CurrentAgencyProvider } from '../staff/current-agency';
import { RequireStaffSession } from '../staff/require-staff-session';
import { StaffLayout } from '../staff/staff-layout';
import { StaffLoginPage } from '../staff/staff-login-page';
import { StaffNotFoundPage } from '../staff/staff-not-found-page';
import { DeskIntakePage } from './desk-intake-page';
import { DossierPage } from './dossier-page';
import { isDeskOfficer } from './office-desk';
import { OnlineInboxPage } from './online-inbox-page';
import { TrackingBookPage } from './tracking-book-page';
import { WorkQueuePage } from './work-queue-page';
import './office.css';

const screens = [
  { path: '', label: officeText.menuQueues, desk: false },
  { path: 'intake', label: `${officeText.menuIntake} (${officeText.shortcutIntake})`, desk: true },
  { path: 'inbox', label: officeText.menuInbox, desk: true },
  { path: 'tracking-book', label: officeText.menuTrackingBook, desk: false },
] as const;

function OfficeNavigation({ user }: { user: SessionUser }) {
  const location = useLocation();
  const rest = location.pathname.replace(/^\/office\/?/, '');
  const selected = rest.startsWith('dossiers')
    ? ''
    : (screens.find((s) => s.path !== '' && rest.startsWith(s.path))?.path ?? '');
  return (
    <nav aria-label={officeText.navigation} className="staff-sub-navigation">
      <Menu
        mode="horizontal"
        selectedKeys={[selected]}
        items={screens
          .filter((s) => !s.desk || isDeskOfficer(user))
          .map((s) => ({ key: s.path, label: <Link to={`/office/${s.path}`}>{s.label}</Link> }))}
      />
    </nav>
  );
}

/** Each visit to the intake (F2, "next dossier") is a fresh form: the page is keyed by the navigation. */
function IntakeRoute({ user }: { user: SessionUser }) {
  const location = useLocation();
  return <DeskIntakePage key={location.key} user={user} />;
}

/** F2 anywhere in the office opens a new desk intake, as desk software has long done. */
function IntakeShortcut({ user }: { user: SessionUser }) {
  const navigate = useNavigate();
  useEffect(() => {
    if (!isDeskOfficer(user)) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'F2' && !event.ctrlKey && !event.altKey && !event.metaKey) {
        event.preventDefault();
        navigate('/office/intake');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, user]);
  return null;
}

/** The staff back office: `/office/*`, and the staff login every staff area sends people to. */
export default function OfficeArea() {
  return (
    <AntdShell>
      <Routes>
        <Route path="login" element={<StaffLoginPage />} />
        <Route
          path="*"
          element={
            <RequireStaffSession>
              {(user) => (
                <CurrentAgencyProvider user={user}>
                  <IntakeShortcut user={user} />
                  <StaffLayout user={user} subNavigation={<OfficeNavigation user={user} />}>
                    <Routes>
                      <Route index element={<WorkQueuePage user={user} />} />
                      <Route path="intake" element={<IntakeRoute user={user} />} />
                      <Route path="inbox" element={<OnlineInboxPage />} />
                      <Route path="inbox/:id" element={<OnlineInboxPage />} />
                      <Route path="dossiers/:id" element={<DossierPage user={user} />} />
                      <Route path="tracking-book" element={<TrackingBookPage />} />
                      <Route path="*" element={<StaffNotFoundPage />} />
                    </Routes>
                  </StaffLayout>
                </CurrentAgencyProvider>
              )}
            </RequireStaffSession>
          }
        />
      </Routes>
    </AntdShell>
  );
}
