import type { Desk, OfficeHours } from '@motcua/contracts/org';
import type { SessionUser } from '@motcua/contracts/session';
import { Button, Form, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { adminText } from '../i18n/vi/admin';
import { usePageTitle } from '../page-title';
import { useCurrentAgency } from '../staff/current-agency';
import { formatLocalDate } from '../staff/date-format';
import { LoadErrorAlert } from '../staff/load-error-alert';
import { PageHeading } from '../staff/staff-layout';
import { AgencySelect } from './agency-select';
import { DeskFormDialog } from './desk-form-dialog';
import { useAgencies, useDesks } from './org-queries';

/** "Thứ 2 – Thứ 6: 07:30–11:30, 13:00–17:00"; scattered days are listed one by one. */
export function describeOfficeHours(hours: OfficeHours): string {
  const days = [...hours.weekdays].sort((a, b) => a - b);
  const label = (d: number) => adminText.weekdayLabels[d - 1] ?? String(d);
  const first = days[0];
  const last = days[days.length - 1];
  const consecutive =
    first !== undefined && last !== undefined && last - first === days.length - 1 && days.length > 2;
  const dayText = consecutive ? `${label(first)} – ${label(last)}` : days.map(label).join(', ');
  return `${dayText}: ${hours.sessions.map((s) => `${s.start}–${s.end}`).join(', ')}`;
}

export function DeskListPage({ user }: { user: SessionUser }) {
  usePageTitle(adminText.desks);
  const canManage = user.permissions.includes('org.manage');
  const { current } = useCurrentAgency();
  const [agencyId, setAgencyId] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<Desk | 'new' | null>(null);
  const agencies = useAgencies({});
  const desks = useDesks(agencyId);
  const agencyName = (id: string) => agencies.data?.find((a) => a.id === id)?.name ?? id;

  const columns: TableColumnsType<Desk> = [
    { title: adminText.deskName, dataIndex: 'name', key: 'name' },
    { title: adminText.deskAgency, key: 'agency', render: (_, d) => agencyName(d.agencyId) },
    { title: adminText.address, dataIndex: 'address', key: 'address' },
    { title: adminText.phone, dataIndex: 'phone', key: 'phone', width: 130 },
    { title: adminText.officeHours, key: 'hours', render: (_, d) => describeOfficeHours(d.officeHours) },
    {
      title: adminText.validity,
      key: 'validity',
      width: 200,
      render: (_, d) =>
        adminText.validityRange(formatLocalDate(d.validFrom), formatLocalDate(d.validTo) || null),
    },
    ...(canManage
      ? [
          {
            title: adminText.actions,
            key: 'actions',
            width: 90,
            render: (_: unknown, d: Desk) => (
              <Button
                type="link"
                size="small"
                onClick={() => setEditing(d)}
                aria-label={`${adminText.edit}: ${d.name}`}
              >
                {adminText.edit}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeading
        title={adminText.desks}
        actions={
          canManage && (
            <Button type="primary" onClick={() => setEditing('new')}>
              {adminText.addDesk}
            </Button>
          )
        }
      />
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={adminText.filterByAgency} htmlFor="desk-agency-filter" style={{ minWidth: 320 }}>
          <AgencySelect
            id="desk-agency-filter"
            agencies={agencies.data ?? []}
            allowClear
            placeholder={adminText.allAgencies}
            value={agencyId ?? null}
            onChange={(value) => setAgencyId(typeof value === 'string' ? value : undefined)}
          />
        </Form.Item>
      </Form>
      <LoadErrorAlert query={desks} />
      <Table<Desk>
        rowKey="id"
        columns={columns}
        dataSource={desks.data ?? []}
        loading={desks.isFetching}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
      {editing && (
        <DeskFormDialog
          desk={editing === 'new' ? null : editing}
          agencies={agencies.data ?? []}
          defaultAgencyId={agencyId ?? current?.id}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
