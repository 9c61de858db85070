import type { ProcedureDetail, VersionSummary } from '@motcua/contracts/catalog';
import { Table, type TableColumnsType } from 'antd';
import { catalogAdminText as t } from '../../i18n/vi/catalog-admin';
import { formatInstant, formatLocalDate } from '../../staff/date-format';
import { VersionStatusTag } from './version-status-tag';

const columns: TableColumnsType<VersionSummary> = [
  { title: t.version, dataIndex: 'number', key: 'number', width: 90 },
  { title: t.status, key: 'status', width: 200, render: (_, v) => <VersionStatusTag status={v.status} /> },
  { title: t.createdAt, key: 'created', width: 170, render: (_, v) => formatInstant(v.createdAt) },
  { title: t.submittedAt, key: 'submitted', width: 170, render: (_, v) => formatInstant(v.submittedAt) },
  { title: t.reviewedAt, key: 'reviewed', width: 170, render: (_, v) => formatInstant(v.reviewedAt) },
  {
    title: t.decision,
    key: 'decision',
    width: 200,
    render: (_, v) =>
      v.decisionNumber ? t.decisionInfo(v.decisionNumber, formatLocalDate(v.decisionDate)) : '',
  },
  { title: t.publishedAt, key: 'published', width: 170, render: (_, v) => formatInstant(v.publishedAt) },
  {
    title: t.inForcePeriod,
    key: 'inForce',
    width: 200,
    render: (_, v) =>
      v.inForceFrom
        ? t.inForce(formatInstant(v.inForceFrom).slice(0, 10), formatInstant(v.inForceTo).slice(0, 10))
        : '',
  },
  { title: t.returnReasonColumn, dataIndex: 'returnReason', key: 'returnReason' },
];

/** Every version of the procedure, newest first, with its lifecycle dates. */
export function VersionHistory({ detail }: { detail: ProcedureDetail }) {
  return (
    <Table<VersionSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...detail.versions].reverse()}
      pagination={false}
      scroll={{ x: 1400 }}
    />
  );
}
