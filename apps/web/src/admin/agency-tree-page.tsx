import { type Agency, agencyKindLabels } from '@motcua/contracts/org';
import type { SessionUser } from '@motcua/contracts/session';
import { Button, Checkbox, Form, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { adminText } from '../i18n/vi/admin';
import { usePageTitle } from '../page-title';
import { formatLocalDate, todayInVietnam } from '../staff/date-format';
import { LoadErrorAlert } from '../staff/load-error-alert';
import { LocalDatePicker } from '../staff/local-date-picker';
import { PageHeading } from '../staff/staff-layout';
import { AgencyCreateDialog } from './agency-create-dialog';
import { AgencyDetailDrawer } from './agency-detail-drawer';
import { AgencyDissolveDialog } from './agency-dissolve-dialog';
import {
  type AgencyNode,
  type AgencyStatus,
  agencyStatus,
  buildAgencyTree,
  isEnded,
} from './agency-hierarchy';
import { AgencyMergeDialog } from './agency-merge-dialog';
import { AgencyRenameDialog } from './agency-rename-dialog';
import { useAgencies } from './org-queries';

type Dialog = { kind: 'create' } | { kind: 'merge' } | { kind: 'rename' | 'dissolve'; agency: Agency } | null;

function StatusTag({
  status,
  agency,
  nameOf,
}: {
  status: AgencyStatus;
  agency: Agency;
  nameOf: (id: string) => string;
}) {
  switch (status) {
    case 'active':
      return <Tag color="success">{adminText.statusActive}</Tag>;
    case 'not-yet':
      return <Tag color="processing">{adminText.statusNotYet}</Tag>;
    case 'ending':
      return <Tag color="warning">{adminText.statusEnding(formatLocalDate(agency.validTo))}</Tag>;
    case 'merged':
      return (
        <Tag>
          {agency.successorId ? adminText.mergedInto(nameOf(agency.successorId)) : adminText.statusMerged}
        </Tag>
      );
    case 'dissolved':
      return <Tag>{adminText.statusDissolved}</Tag>;
  }
}

/** The agency tree as of a chosen date, with ended units greyed, and the changes an administrator makes. */
export function AgencyTreePage({ user }: { user: SessionUser }) {
  usePageTitle(adminText.agencies);
  const canManage = user.permissions.includes('org.manage');
  const [asOf, setAsOf] = useState(todayInVietnam);
  const [includeEnded, setIncludeEnded] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [detailId, setDetailId] = useState<string | null>(null);
  const agencies = useAgencies({ asOf, includeEnded });
  // Pickers offer only agencies that exist today, whatever date the tree shows.
  const current = useAgencies({});

  const list = useMemo(() => agencies.data ?? [], [agencies.data]);
  const tree = useMemo(() => buildAgencyTree(list), [list]);
  const nameOf = (id: string) =>
    list.find((a) => a.id === id)?.name ?? current.data?.find((a) => a.id === id)?.name ?? id;
  const active = current.data ?? [];

  const columns: TableColumnsType<AgencyNode> = [
    { title: adminText.agencyName, dataIndex: 'name', key: 'name' },
    { title: adminText.agencyCode, dataIndex: 'code', key: 'code', width: 150 },
    { title: adminText.agencyKind, key: 'kind', width: 220, render: (_, a) => agencyKindLabels[a.kind] },
    {
      title: adminText.validity,
      key: 'validity',
      width: 210,
      render: (_, a) =>
        adminText.validityRange(formatLocalDate(a.validFrom), formatLocalDate(a.validTo) || null),
    },
    {
      title: adminText.status,
      key: 'status',
      width: 220,
      render: (_, a) => <StatusTag status={agencyStatus(a, asOf)} agency={a} nameOf={nameOf} />,
    },
    {
      title: adminText.actions,
      key: 'actions',
      width: 230,
      render: (_, a) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            onClick={() => setDetailId(a.id)}
            aria-label={`${adminText.details}: ${a.name}`}
          >
            {adminText.details}
          </Button>
          {canManage && !isEnded(agencyStatus(a, asOf)) && (
            <>
              <Button
                type="link"
                size="small"
                onClick={() => setDialog({ kind: 'rename', agency: a })}
                aria-label={`${adminText.rename}: ${a.name}`}
              >
                {adminText.rename}
              </Button>
              <Button
                type="link"
                size="small"
                danger
                onClick={() => setDialog({ kind: 'dissolve', agency: a })}
                aria-label={`${adminText.dissolve}: ${a.name}`}
              >
                {adminText.dissolve}
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeading
        title={adminText.agencies}
        actions={
          canManage && (
            <>
              <Button onClick={() => setDialog({ kind: 'merge' })}>{adminText.mergeAgencies}</Button>
              <Button type="primary" onClick={() => setDialog({ kind: 'create' })}>
                {adminText.addAgency}
              </Button>
            </>
          )
        }
      />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={adminText.asOf} htmlFor="agency-as-of">
          <LocalDatePicker
            id="agency-as-of"
            value={asOf}
            onChange={(date) => setAsOf(date ?? todayInVietnam())}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={includeEnded} onChange={(e) => setIncludeEnded(e.target.checked)}>
            {adminText.includeEnded}
          </Checkbox>
        </Form.Item>
      </Form>
      <LoadErrorAlert query={agencies} />
      <Table<AgencyNode>
        // Remount when the data changes so that every level of the new tree starts expanded.
        key={`${asOf}-${includeEnded}-${list.length}`}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={tree}
        loading={agencies.isFetching}
        pagination={false}
        scroll={{ x: 1100 }}
        expandable={{ defaultExpandAllRows: true }}
        rowClassName={(a) => (isEnded(agencyStatus(a, asOf)) ? 'row-ended' : '')}
        footer={() => adminText.agencyCount(list.length)}
      />
      {dialog?.kind === 'create' && <AgencyCreateDialog parents={active} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'merge' && <AgencyMergeDialog agencies={active} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'rename' && (
        <AgencyRenameDialog agency={dialog.agency} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'dissolve' && (
        <AgencyDissolveDialog agency={dialog.agency} onClose={() => setDialog(null)} />
      )}
      <AgencyDetailDrawer
        agencyId={detailId}
        agencies={[...list, ...active]}
        onClose={() => setDetailId(null)}
      />
    </>
  );
}
