import { type Agency, agencyKindLabels } from '@motcua/contracts/org';
import { Alert, Descriptions, Drawer, List, Spin, Timeline, Typography } from 'antd';
import { messageOf } from '../api/client';
import { adminText } from '../i18n/vi/admin';
import { formatLocalDate } from '../staff/date-format';
import { useAgencyDetail } from './org-queries';

/** One agency with its names over time and the agencies merged into it. */
export function AgencyDetailDrawer({
  agencyId,
  agencies,
  onClose,
}: {
  agencyId: string | null;
  agencies: readonly Agency[];
  onClose: () => void;
}) {
  const detail = useAgencyDetail(agencyId);
  const nameOf = (id: string | null) =>
    id ? (agencies.find((a) => a.id === id)?.name ?? id) : adminText.none;
  const agency = detail.data;

  return (
    <Drawer open={agencyId !== null} onClose={onClose} title={adminText.agencyDetailTitle} size={520}>
      {detail.isPending && agencyId !== null && <Spin />}
      {detail.isError && <Alert type="error" showIcon title={messageOf(detail.error)} role="alert" />}
      {agency && (
        <>
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { key: 'name', label: adminText.agencyName, children: agency.name },
              { key: 'code', label: adminText.agencyCode, children: agency.code },
              { key: 'kind', label: adminText.agencyKind, children: agencyKindLabels[agency.kind] },
              { key: 'parent', label: adminText.agencyParent, children: nameOf(agency.parentId) },
              {
                key: 'validity',
                label: adminText.validity,
                children: adminText.validityRange(
                  formatLocalDate(agency.validFrom),
                  formatLocalDate(agency.validTo) || null,
                ),
              },
              ...(agency.successorId
                ? [{ key: 'successor', label: adminText.successor, children: nameOf(agency.successorId) }]
                : []),
            ]}
          />
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
            {adminText.nameHistory}
          </Typography.Title>
          <Timeline
            items={[...agency.names]
              .sort((a, b) => b.validFrom.localeCompare(a.validFrom))
              .map((n) => ({
                key: `${n.validFrom}-${n.name}`,
                title: adminText.nameFrom(formatLocalDate(n.validFrom)),
                content: n.name,
              }))}
          />
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {adminText.predecessors}
          </Typography.Title>
          <List
            size="small"
            bordered
            dataSource={agency.predecessors}
            locale={{ emptyText: adminText.noPredecessors }}
            renderItem={(p) => (
              <List.Item>
                {p.name} ({p.code}) — {adminText.mergedOn(formatLocalDate(p.mergedOn))}
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
