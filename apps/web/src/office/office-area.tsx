import { Route, Routes } from 'react-router-dom';
import { AntdShell } from '../staff/antd-shell';
import { CurrentAgencyProvider } from '../staff/current-agency';
import { RequireStaffSession } from '../staff/require-staff-session';
import { StaffLayout } from '../staff/staff-layout';
import { StaffLoginPage } from '../staff/staff-login-page';
import { StaffNotFoundPage } from '../staff/staff-not-found-page';
import { WorkQueueHomePage } from './work-queue-home-page';

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
                  <StaffLayout user={user}>
                    <Routes>
                      <Route index element={<WorkQueueHomePage />} />
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
