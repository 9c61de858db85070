import type { SessionUser } from '@motcua/contracts/session';
import { Menu } from 'antd';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { adminText } from '../i18n/vi/admin';
import { AntdShell } from '../staff/antd-shell';
import { CurrentAgencyProvider } from '../staff/current-agency';
import { RequireStaffSession } from '../staff/require-staff-session';
import { hasAdminAccess, StaffLayout } from '../staff/staff-layout';
import { StaffForbiddenPage, StaffNotFoundPage } from '../staff/staff-not-found-page';
import { AgencyTreePage } from './agency-tree-page';
import { AuditLogPage } from './audit-log-page';
import { CalendarPage } from './calendar-page';
import { DeskListPage } from './desk-list-page';
import { UserListPage } from './user-list-page';

const screens = [
  { path: 'agencies', label: adminText.agencies, permission: 'org.read' },
  { path: 'desks', label: adminText.desks, permission: 'org.read' },
  { path: 'users', label: adminText.users, permission: 'identity.read' },
  { path: 'audit', label: adminText.audit, permission: 'audit.read' },
  { path: 'calendar', label: adminText.calendar, permission: 'org.read' },
] as const;

function AdminNavigation({ user }: { user: SessionUser }) {
  const location = useLocation();
  const selected = screens.find((s) => location.pathname.startsWith(`/admin/${s.path}`))?.path;
  return (
    <nav aria-label={adminText.navigation} className="staff-sub-navigation">
      <Menu
        mode="horizontal"
        selectedKeys={selected ? [selected] : []}
        items={screens
          .filter((s) => user.permissions.includes(s.permission))
          .map((s) => ({ key: s.path, label: <Link to={`/admin/${s.path}`}>{s.label}</Link> }))}
      />
    </nav>
  );
}

/** Administration: `/admin/*` — agencies, desks, users and the audit log. */
export default function AdminArea() {
  return (
    <AntdShell>
      <RequireStaffSession>
        {(user) => (
          <CurrentAgencyProvider user={user}>
            <StaffLayout user={user} subNavigation={hasAdminAccess(user) && <AdminNavigation user={user} />}>
              {hasAdminAccess(user) ? (
                <Routes>
                  <Route index element={<Navigate to="agencies" replace />} />
                  <Route path="agencies" element={<AgencyTreePage user={user} />} />
                  <Route path="desks" element={<DeskListPage user={user} />} />
                  <Route path="users" element={<UserListPage user={user} />} />
                  <Route path="audit" element={<AuditLogPage />} />
                  <Route path="calendar" element={<CalendarPage user={user} />} />
                  <Route path="*" element={<StaffNotFoundPage />} />
                </Routes>
              ) : (
                <StaffForbiddenPage />
              )}
            </StaffLayout>
          </CurrentAgencyProvider>
        )}
      </RequireStaffSession>
    </AntdShell>
  );
}
