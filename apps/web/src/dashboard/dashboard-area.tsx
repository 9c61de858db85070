import { Card, Typography } from 'antd';
import { staffText } from '../i18n/vi/staff';
import { usePageTitle } from '../page-title';
import { AntdShell } from '../staff/antd-shell';
import { CurrentAgencyProvider } from '../staff/current-agency';
import { RequireStaffSession } from '../staff/require-staff-session';
import { PageHeading, StaffLayout } from '../staff/staff-layout';

/** `/dashboard/*`: a placeholder until the reports module answers live statistics and the 766 scoreboard. */
export default function DashboardArea() {
  return (
    <AntdShell>
      <RequireStaffSession>
        {(user) => (
          <CurrentAgencyProvider user={user}>
            <StaffLayout user={user}>
              <DashboardPlaceholderPage />
            </StaffLayout>
          </CurrentAgencyProvider>
        )}
      </RequireStaffSession>
    </AntdShell>
  );
}

function DashboardPlaceholderPage() {
  usePageTitle(staffText.dashboardTitle);
  return (
    <>
      <PageHeading title={staffText.dashboardTitle} />
      <Card>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{staffText.dashboardLead}</Typography.Paragraph>
      </Card>
    </>
  );
}
