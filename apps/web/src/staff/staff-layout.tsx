import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { staffRoleLabels } from '@motcua/contracts/identity';
import type { SessionUser } from '@motcua/contracts/session';
import { App, Button, Layout, Select, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router-dom';
import { messageOf } from '../api/client';
import { useLogout } from '../api/session-queries';
import { commonText } from '../i18n/vi/shared-strings';
import { staffText } from '../i18n/vi/staff';
import { useCurrentAgency } from './current-agency';
import { NotificationBell } from './notification-bell';
import './staff-layout.css';

const adminPermissions = ['org.manage', 'identity.read', 'audit.read', 'catalog.edit', 'catalog.review'];

export function hasAdminAccess(user: SessionUser): boolean {
  return user.permissions.some((p) => adminPermissions.includes(p));
}

/** The top bar of the office, admin and dashboard areas, then the area's own navigation and content. */
export function StaffLayout({
  user,
  subNavigation,
  children,
}: {
  user: SessionUser;
  subNavigation?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Layout className="staff-layout">
      <Layout.Header className="staff-top-bar">
        <Link to="/office" className="staff-brand">
          {commonText.productName}
          <span className="staff-brand-tagline">{commonText.productTagline}</span>
        </Link>
        <nav aria-label={staffText.areasNavigation} className="staff-areas">
          <NavLink to="/office" end>
            {staffText.office}
          </NavLink>
          {hasAdminAccess(user) && <NavLink to="/admin">{staffText.admin}</NavLink>}
          {user.permissions.includes('reports.read') && (
            <NavLink to="/dashboard">{staffText.dashboard}</NavLink>
          )}
        </nav>
        <NotificationBell />
        <StaffIdentity user={user} />
      </Layout.Header>
      {subNavigation}
      {/* Layout.Content renders the page's <main>. */}
      <Layout.Content id="main" className="staff-content">
        <div className="staff-content-inner">{children}</div>
      </Layout.Content>
    </Layout>
  );
}

function StaffIdentity({ user }: { user: SessionUser }) {
  const { agencies, current, select } = useCurrentAgency();
  const logout = useLogout();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const rolesHere = user.roles.filter((r) => r.agencyId === current?.id).map((r) => staffRoleLabels[r.role]);

  return (
    <section className="staff-identity" aria-label={staffText.userMenu}>
      <Tooltip title={rolesHere.join(', ') || staffText.noRoles}>
        <span className="staff-user-name">
          <UserOutlined aria-hidden /> {user.fullName}
        </span>
      </Tooltip>
      {agencies.length > 1 ? (
        <Select
          aria-label={staffText.currentAgency}
          className="staff-agency-select"
          value={current?.id}
          onChange={select}
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
          popupMatchSelectWidth={false}
        />
      ) : (
        <span className="staff-agency-name">{current?.name ?? staffText.noRoles}</span>
      )}
      <Button
        icon={<LogoutOutlined aria-hidden />}
        loading={logout.isPending}
        onClick={() =>
          logout.mutate(undefined, {
            onSuccess: () => navigate('/office/login', { replace: true }),
            onError: (error) => void message.error(messageOf(error)),
          })
        }
      >
        {staffText.logout}
      </Button>
    </section>
  );
}

/** Page heading with optional actions, the same on every staff screen. */
export function PageHeading({ title, actions }: { title: string; actions?: ReactNode }) {
  return (
    <div className="page-heading">
      <Typography.Title level={1}>{title}</Typography.Title>
      {actions && <div className="page-heading-actions">{actions}</div>}
    </div>
  );
}
