import {
  type ProcedureSummary,
  procedureLevelLabels,
  type VersionStatus,
  versionStatuses,
  versionStatusLabels,
} from '@motcua/contracts/catalog';
import type { SessionUser } from '@motcua/contracts/session';
import { Alert, Button, Form, Input, Select, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { messageOf } from '../../api/client';
import { catalogAdminText as t } from '../../i18n/vi/catalog-admin';
import { commonText } from '../../i18n/vi/shared-strings';
import { usePageTitle } from '../../page-title';
import { formatInstant } from '../../staff/date-format';
import { PageHeading } from '../../staff/staff-layout';
import { useAdminProcedures, useProcedureFields } from './catalog-queries';
import { VersionStatusTag } from './version-status-tag';

/** `/admin/catalog`: every procedure in the caller's scope with its latest version's status. */
export function CatalogListPage({ user }: { user: SessionUser }) {
  usePageTitle(t.listTitle);
  const canEdit = user.permissions.includes('catalog.edit');
  const navigate = useNavigate();
  const [q, setQ] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<VersionStatus | undefined>(undefined);
  const [page, setPage] = useState(1);
  const pageSize = 50;
  const procedures = useAdminProcedures({ q, status, page, pageSize });
  const fields = useProcedureFields();
  const fieldName = (code: string) => fields.data?.find((f) => f.code === code)?.name ?? code;

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
    { title: t.field, key: 'field', width: 200, render: (_, p) => fieldName(p.fieldCode) },
    {
      title: t.levels,
      key: 'levels',
      width: 120,
      render: (_, p) => p.levels.map((l) => procedureLevelLabels[l]).join(', '),
    },
    {
      title: t.status,
      key: 'status',
      width: 200,
      render: (_, p) => <VersionStatusTag status={p.latestVersion.status} />,
    },
    { title: t.version, key: 'version', width: 90, render: (_, p) => p.latestVersion.number },
    {
      title: t.updatedAt,
      key: 'updated',
      width: 170,
      render: (_, p) => formatInstant(p.latestVersion.updatedAt),
    },
  ];

  return (
    <>
      <PageHeading
        title={t.listTitle}
        actions={
          canEdit && (
            <Space wrap>
              <Link to="/admin/catalog/import">{t.menuImport}</Link>
              <Button type="primary" onClick={() => navigate('/admin/catalog/new')}>
                {t.addProcedure}
              </Button>
            </Space>
          )
        }
      />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t.search} htmlFor="catalog-search">
          <Input.Search
            id="catalog-search"
            allowClear
            style={{ width: 320 }}
            onSearch={(value) => {
              setQ(value.trim() || undefined);
              setPage(1);
            }}
          />
        </Form.Item>
        <Form.Item label={t.statusFilter} htmlFor="catalog-status">
          <Select<VersionStatus>
            id="catalog-status"
            allowClear
            placeholder={t.allStatuses}
            style={{ width: 240 }}
            value={status}
            onChange={(value) => {
              setStatus(value ?? undefined);
              setPage(1);
            }}
            options={versionStatuses.map((s) => ({ value: s, label: versionStatusLabels[s] }))}
          />
        </Form.Item>
      </Form>
      {procedures.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t.loadFailed}
          description={messageOf(procedures.error)}
          style={{ marginBottom: 16 }}
          action={<Button onClick={() => void procedures.refetch()}>{commonText.retry}</Button>}
        />
      )}
      <Table<ProcedureSummary>
        rowKey="id"
        columns={columns}
        dataSource={procedures.data?.procedures ?? []}
        loading={procedures.isFetching}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize,
          total: procedures.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (n) => t.total(n),
          onChange: setPage,
        }}
      />
    </>
  );
}
