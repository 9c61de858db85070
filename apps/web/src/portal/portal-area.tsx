import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { PageLoading } from '../area-loading';
import { CitizenAccountPage } from './citizen-account-page';
import { CitizenLoginPage } from './citizen-login-page';
import { CitizenRegistrationPage } from './citizen-registration-page';
import { DossierTrackingPage } from './dossier-tracking-page';
import { PortalHomePage } from './portal-home-page';
import { PortalLayout } from './portal-layout';
import { PortalNotFoundPage } from './portal-not-found-page';
import { ProcedurePage } from './procedure-page';
import { ProcedureSearchPage } from './procedure-search-page';
import './portal.css';

/**
 * The signed-in citizen's pages load on first use: a visitor who searches or tracks a dossier does not
 * download the wizard. Each page is its own chunk; what they share is split out by the bundler.
 */
function page<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
const OnlineSubmissionPage = page(() => import('./online-submission-page'), 'OnlineSubmissionPage');
const MyDossiersPage = page(() => import('./my-dossiers-page'), 'MyDossiersPage');
const DossierPage = page(() => import('./dossier-page'), 'DossierPage');
const SupplementPage = page(() => import('./supplement-page'), 'SupplementPage');
const NotificationsPage = page(() => import('./notifications-page'), 'NotificationsPage');

/** Inside the layout, so the header stays while a page's chunk downloads. */
const Lazy = ({ children }: { children: ReactNode }) => (
  <Suspense fallback={<PageLoading />}>{children}</Suspense>
);

/** The citizens' portal: `/` and `/portal/*`. No Ant Design here, so it stays light on a phone. */
export default function PortalArea() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<PortalHomePage />} />
        <Route path="portal" element={<Navigate to="/" replace />} />
        <Route path="portal/procedures" element={<ProcedureSearchPage />} />
        <Route path="portal/procedures/:id" element={<ProcedurePage />} />
        <Route
          path="portal/submit/:procedureId"
          element={
            <Lazy>
              <OnlineSubmissionPage />
            </Lazy>
          }
        />
        <Route path="portal/track" element={<DossierTrackingPage />} />
        <Route path="portal/track/:code" element={<DossierTrackingPage />} />
        {/* The receipt's QR code: PUBLIC_URL/tra-cuu/<code>. */}
        <Route path="tra-cuu" element={<DossierTrackingPage />} />
        <Route path="tra-cuu/:code" element={<DossierTrackingPage />} />
        <Route
          path="portal/dossiers"
          element={
            <Lazy>
              <MyDossiersPage />
            </Lazy>
          }
        />
        <Route
          path="portal/dossiers/:id"
          element={
            <Lazy>
              <DossierPage />
            </Lazy>
          }
        />
        <Route
          path="portal/dossiers/:id/supplement"
          element={
            <Lazy>
              <SupplementPage />
            </Lazy>
          }
        />
        <Route
          path="portal/notifications"
          element={
            <Lazy>
              <NotificationsPage />
            </Lazy>
          }
        />
        <Route path="portal/login" element={<CitizenLoginPage />} />
        <Route path="portal/register" element={<CitizenRegistrationPage />} />
        <Route path="portal/account" element={<CitizenAccountPage />} />
        <Route path="*" element={<PortalNotFoundPage />} />
      </Route>
    </Routes>
  );
}
