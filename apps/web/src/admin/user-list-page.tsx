import { staffRoleLabels, type User } from '@motcua/contracts/identity';
import type { SessionUser } from '@motcua/contracts/session';
import { Button, Form, Input, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { adminText } from '../i18n/vi/admin';
import { usePageTitle } from '../page-title';
import { useCurrentAgency } from '../staff/current-agency';
import { formatInstant } from '../staff/date-format';
import { LoadErrorAlert } from '../staff/load-error-alert';
import { PageHeading } from '../staff/staff-layout';
import { AgencySelect } from './agency-select';
import { useUsers } from './identity-queries';
import { useAgencies } from './org-queries';
import { UserCreateDialog } from './user-create-dialog';
import { isLocked, UserEditDialog } from './user-edit-dialog';
import { UserPasswordDialog } from './user-password-dialog';
import { UserRolesDialog } from './user-roles-dialog';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'roles' | 'password'; user: User } | null;

function UserStatus({ user }: { user: User }) {
  if (user.status === 'disabled') return <Tag>{adminText.statusUserDisabled}</Tag>;
  if (isLocked(user))
    return <Tag color="error">{adminText.lockedUntil(formatInstant(user.lockedUntil))}</Tag>;
  return <Tag color="success">{adminText.statusUserActive}</Tag>;
}

/** Staff accounts within the administrator's scope. */
export function UserListPage({ user: me }: { user: SessionUser }) {
  usePageTitle(adminText.users);
  const canManage = me.permissions.includes('identity.manage');
  const { current } = useCurrentAgency();
  const [search, setSearch] = useState('');
  const [agencyId, setAgencyId] = useState<string | undefined>(undefined);
  const [dialog, setDialog] = useState<Dialog>(null);
  const users = useUsers({ q: search.trim() || undefined, agencyId });
  const agencies = useAgencies({});
  const agencyList = agencies.data ?? [];

  const columns: TableColumnsType<User> = [
    { title: adminText.fullName, dataIndex: 'fullName', key: 'fullName' },
    { title: adminText.username, dataIndex: 'username', key: 'username', width: 150 },
    {
      title: adminText.email,
      key: 'contact',
      render: (_, u) => [u.email, u.phone].filter(Boolean).join(' · ') || adminText.none,
    },
    {
      title: adminText.roles,
      key: 'roles',
      render: (_, u) => (
        <Space size={[4, 4]} wrap>
          {u.roles.map((r) => (
            <Tag key={`${r.role}-${r.agencyId}`}>
              {staffRoleLabels[r.role]} — {r.agencyName}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: adminText.userStatus, key: 'status', width: 200, render: (_, u) => <UserStatus user={u} /> },
    {
      title: adminText.twoFactor,
      key: 'totp',
      width: 110,
      render: (_, u) => (u.totpEnabled ? adminText.yes : adminText.no),
    },
    ...(canManage
      ? [
          {
            title: adminText.actions,
            key: 'actions',
            width: 260,
            render: (_: unknown, u: User) => (
              <Space size={0} wrap>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setDialog({ kind: 'edit', user: u })}
                  aria-label={`${adminText.edit}: ${u.fullName}`}
                >
                  {adminText.edit}
                </Button>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setDialog({ kind: 'roles', user: u })}
                  aria-label={`${adminText.editRoles}: ${u.fullName}`}
                >
                  {adminText.editRoles}
                </Button>
                <Button
                  type="link"
                  size="small"
                  onClick={() => setDialog({ kind: 'password', user: u })}
                  aria-label={`${adminText.resetPassword}: ${u.fullName}`}
                >
                  {adminText.resetPassword}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeading
        title={adminText.users}
        actions={
          canManage && (
            <Button type="primary" onClick={() => setDialog({ kind: 'create' })}>
              {adminText.addUser}
            </Button>
          )
        }
      />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={adminText.searchUsers} htmlFor="user-search">
          <Input.Search
            id="user-search"
            allowClear
            placeholder={adminText.searchUsersPlaceholder}
            onSearch={setSearch}
            style={{ width: 280 }}
          />
        </Form.Item>
        <Form.Item label={adminText.filterByAgency} htmlFor="user-agency-filter" style={{ minWidth: 320 }}>
          <AgencySelect
            id="user-agency-filter"
            agencies={agencyList}
            allowClear
            placeholder={adminText.allAgencies}
            value={agencyId ?? null}
            onChange={(value) => setAgencyId(typeof value === 'string' ? value : undefined)}
          />
        </Form.Item>
      </Form>
      <LoadErrorAlert query={users} />
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={users.data ?? []}
        loading={users.isFetching}
        scroll={{ x: 1200 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
      {dialog?.kind === 'create' && (
        <UserCreateDialog
          agencies={agencyList}
          defaultAgencyId={agencyId ?? current?.id}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'edit' && <UserEditDialog user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'roles' && (
        <UserRolesDialog user={dialog.user} agencies={agencyList} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'password' && (
        <UserPasswordDialog user={dialog.user} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
