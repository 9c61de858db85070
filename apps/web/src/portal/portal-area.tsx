import { Navigate, Route, Routes } from 'react-router-dom';
import { CitizenAccountPage } from './citizen-account-page';
import { CitizenLoginPage } from './citizen-login-page';
import { CitizenRegistrationPage } from './citizen-registration-page';
import { DossierTrackingPage } from './dossier-tracking-page';
import { OnlineSubmissionPage } from './online-submission-page';
import { PortalHomePage } from './portal-home-page';
import { PortalLayout } from './portal-layout';
import { PortalNotFoundPage } from './portal-not-found-page';
import { ProcedurePage } from './procedure-page';
import { ProcedureSearchPage } from './procedure-search-page';
import './portal.css';

/** The citizens' portal: `/` and `/portal/*`. No Ant Design here, so it stays light on a phone. */
export default function PortalArea() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<PortalHomePage />} />
        <Route path="portal" element={<Navigate to="/" replace />} />
        <Route path="portal/procedures" element={<ProcedureSearchPage />} />
        <Route path="portal/procedures/:id" element={<ProcedurePage />} />
        <Route path="portal/submit/:procedureId" element={<OnlineSubmissionPage />} />
        <Route path="portal/track" element={<DossierTrackingPage />} />
        <Route path="portal/track/:code" element={<DossierTrackingPage />} />
        <Route path="portal/login" element={<CitizenLoginPage />} />
        <Route path="portal/register" element={<CitizenRegistrationPage />} />
        <Route path="portal/account" element={<CitizenAccountPage />} />
        <Route path="*" element={<PortalNotFoundPage />} />
      </Route>
    </Routes>
  );
}
