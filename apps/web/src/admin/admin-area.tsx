import type { SessionUser } from '@motcua/contracts/session';
import { Menu } from 'antd';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { adminText } from '../i18n/vi/admin';
import { catalogAdminText } from '../i18n/vi/catalog-admin';
import { AntdShell } from '../staff/antd-shell';
import { CurrentAgencyProvider } from '../staff/current-agency';
import { RequireStaffSession } from '../staff/require-staff-session';
import { hasAdminAccess, StaffLayout } from '../staff/staff-layout';
import { StaffForbiddenPage, StaffNotFoundPage } from '../staff/staff-not-found-page';
import { AgencyTreePage } from './agency-tree-page';
import { AuditLogPage } from './audit-log-page';
import { CalendarPage } from './calendar-page';
import { CatalogListPage } from './catalog/catalog-list-page';
import { ImportExportPage } from './catalog/import-export-page';
import { ProcedureDetailPage } from './catalog/procedure-detail-page';
import { ProcedureNewPage } from './catalog/procedure-editor';
import { ReviewQueuePage } from './catalog/review-queue-page';
import { SynonymsPage } from './catalog/synonyms-page';
import { DeskListPage } from './desk-list-page';
import { UserListPage } from './user-list-page';

const screens = [
  { path: 'agencies', label: adminText.agencies, permissions: ['org.read'] },
  { path: 'desks', label: adminText.desks, permissions: ['org.read'] },
  { path: 'users', label: adminText.users, permissions: ['identity.read'] },
  { path: 'audit', label: adminText.audit, permissions: ['audit.read'] },
  { path: 'calendar', label: adminText.calendar, permissions: ['org.read'] },
  { path: 'catalog', label: catalogAdminText.menuCatalog, permissions: ['catalog.edit', 'catalog.review'] },
  { path: 'catalog/review', label: catalogAdminText.menuReview, permissions: ['catalog.review'] },
  {
    path: 'catalog/synonyms',
    label: catalogAdminText.menuSynonyms,
    permissions: ['catalog.edit', 'catalog.review'],
  },
  { path: 'catalog/import', label: catalogAdminText.menuImport, permissions: ['catalog.edit'] },
] as const;

const allows = (user: SessionUser, screen: (typeof screens)[number]) =>
  screen.permissions.some((p: string) => user.permissions.includes(p));

function AdminNavigation({ user }: { user: SessionUser }) {
  const location = useLocation();
  // The longest match: `/admin/catalog/review` selects "review", not "catalog".
  const selected = screens
    .filter(
      (s) => location.pathname === `/admin/${s.path}` || location.pathname.startsWith(`/admin/${s.path}/`),
    )
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
  return (
    <nav aria-label={adminText.navigation} className="staff-sub-navigation">
      <Menu
        mode="horizontal"
        selectedKeys={selected ? [selected] : []}
        items={screens
          .filter((s) => allows(user, s))
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
                  <Route
                    index
                    element={
                      <Navigate to={screens.find((s) => allows(user, s))?.path ?? 'agencies'} replace />
                    }
                  />
                  <Route path="agencies" element={<AgencyTreePage user={user} />} />
                  <Route path="desks" element={<DeskListPage user={user} />} />
                  <Route path="users" element={<UserListPage user={user} />} />
                  <Route path="audit" element={<AuditLogPage />} />
                  <Route path="calendar" element={<CalendarPage user={user} />} />
                  <Route path="catalog" element={<CatalogListPage user={user} />} />
                  <Route path="catalog/new" element={<ProcedureNewPage user={user} />} />
                  <Route path="catalog/review" element={<ReviewQueuePage />} />
                  <Route path="catalog/synonyms" element={<SynonymsPage user={user} />} />
                  <Route path="catalog/import" element={<ImportExportPage user={user} />} />
                  <Route path="catalog/:id" element={<ProcedureDetailPage user={user} />} />
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
