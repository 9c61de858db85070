import type { ProcedureSummary } from '@motcua/contracts/catalog';
import { Alert, Button, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { messageOf } from '../../api/client';
import { catalogAdminText as t } from '../../i18n/vi/catalog-admin';
import { commonText } from '../../i18n/vi/shared-strings';
import { usePageTitle } from '../../page-title';
import { formatInstant } from '../../staff/date-format';
import { PageHeading } from '../../staff/staff-layout';
import { useAdminProcedures, useProcedureDetail } from './catalog-queries';
import { LifecycleActions } from './lifecycle-actions';

/** Approve / return for one queued version, with the reason dialog of the editor's actions. */
function ReviewButtons({ procedureId }: { procedureId: string }) {
  const detail = useProcedureDetail(procedureId);
  if (!detail.data) return null;
  return <LifecycleActions detail={detail.data} />;
}

/** `/admin/catalog/review`: the Department of Justice's quality-control queue (versions submitted). */
export function ReviewQueuePage() {
  usePageTitle(t.reviewTitle);
  const [page, setPage] = useState(1);
  const queue = useAdminProcedures({ status: 'submitted', page, pageSize: 50 });
  const columns: TableColumnsType<ProcedureSummary> = [
    { title: t.code, dataIndex: 'nationalCode', key: 'code', width: 110 },
    {
      title: t.name,
      key: 'name',
      render: (_, p) => (
        <Link to={`/admin/catalog/${encodeURIComponent(p.id)}`} aria-label={t.openProcedure(p.name)}>
          {p.name}
        </Link>
      ),
    },
    { title: t.version, key: 'version', width: 90, render: (_, p) => p.latestVersion.number },
    {
      title: t.submittedAtColumn,
      key: 'submitted',
      width: 170,
      render: (_, p) => formatInstant(p.latestVersion.submittedAt),
    },
    { title: t.actions, key: 'actions', width: 260, render: (_, p) => <ReviewButtons procedureId={p.id} /> },
  ];
  return (
    <>
      <PageHeading title={t.reviewTitle} />
      <Typography.Paragraph>{t.reviewLead}</Typography.Paragraph>
      {queue.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t.loadFailed}
          description={messageOf(queue.error)}
          style={{ marginBottom: 16 }}
          action={<Button onClick={() => void queue.refetch()}>{commonText.retry}</Button>}
        />
      )}
      <Table<ProcedureSummary>
        rowKey="id"
        columns={columns}
        dataSource={queue.data?.procedures ?? []}
        loading={queue.isFetching}
        locale={{ emptyText: t.reviewEmpty }}
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize: 50,
          total: queue.data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
      />
    </>
  );
}
