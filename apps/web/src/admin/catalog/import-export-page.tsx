import type { ImportJob, ImportRecordError, StartImport } from '@motcua/contracts/catalog';
import type { SessionUser } from '@motcua/contracts/session';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Form,
  Progress,
  Radio,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useEffect, useId, useState } from 'react';
import { api, isApiRequestError, messageOf } from '../../api/client';
import { catalogAdminText as t } from '../../i18n/vi/catalog-admin';
import { usePageTitle } from '../../page-title';
import { useCurrentAgency } from '../../staff/current-agency';
import { PageHeading } from '../../staff/staff-layout';
import { AgencySelect } from '../agency-select';
import { useAgencies } from '../org-queries';
import { catalogApi, useImportJob, useRefreshCatalog } from './catalog-queries';

const errorColumns: TableColumnsType<ImportRecordError> = [
  {
    title: t.record,
    key: 'record',
    width: 220,
    render: (_, e) =>
      `${e.sheet !== null && e.row !== null ? t.recordRow(e.sheet, e.row) : t.recordIndex(e.index)}${e.nationalCode ? ` (${e.nationalCode})` : ''}`,
  },
  { title: t.errorPath, key: 'path', width: 260, render: (_, e) => e.path.join(' › ') },
  { title: t.errorMessage, dataIndex: 'message', key: 'message' },
];

async function requestOf(file: File, ownerAgencyId: string): Promise<StartImport> {
  if (/\.xlsx$/i.test(file.name)) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { format: 'xlsx', ownerAgencyId, fileBase64: btoa(binary) };
  }
  if (!/\.json$/i.test(file.name)) throw new Error(t.importBadType);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    throw new Error(t.importBadJson);
  }
  // An export of this system ({ records: [...] }) imports as it is.
  const records = Array.isArray(parsed) ? parsed : (parsed as { records?: unknown } | null)?.records;
  if (!Array.isArray(records)) throw new Error(t.importBadJson);
  return { format: 'json', ownerAgencyId, records };
}

function JobProgress({ job }: { job: ImportJob }) {
  const done = job.status === 'succeeded' || job.status === 'failed';
  const percent =
    job.total === 0
      ? 100
      : Math.round(
          ((job.status === 'importing' || job.status === 'succeeded' ? job.imported : job.validated) /
            job.total) *
            100,
        );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text strong role="status">
        {t.importStatus[job.status]} — {t.importProgress(job.validated, job.imported, job.total)}
      </Typography.Text>
      <Progress
        percent={done && job.status === 'succeeded' ? 100 : percent}
        status={job.status === 'failed' ? 'exception' : done ? 'success' : 'active'}
        aria-label={t.importStatus[job.status]}
      />
      {job.status === 'succeeded' && (
        <Alert type="success" showIcon title={t.importDone(job.created, job.amended)} />
      )}
      {job.errors.length > 0 && (
        <>
          <Alert
            type="error"
            showIcon
            role="alert"
            title={`${t.importStatus.failed} (${t.importErrors(job.errors.length)})`}
          />
          <Table<ImportRecordError>
            rowKey={(e) => `${e.index}-${e.path.join('.')}-${e.code}`}
            size="small"
            columns={errorColumns}
            dataSource={job.errors}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
          />
        </>
      )}
    </Space>
  );
}

/** `/admin/catalog/import`: import a national-catalogue JSON or an Excel workbook; export the catalogue. */
export function ImportExportPage({ user }: { user: SessionUser }) {
  usePageTitle(t.importTitle);
  const agencies = useAgencies({});
  const { current } = useCurrentAgency();
  const mine = new Set(user.roles.map((r) => r.agencyId));
  const [ownerAgencyId, setOwnerAgencyId] = useState<string | null>(current?.id ?? null);
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [which, setWhich] = useState<'latest' | 'published'>('latest');
  const job = useImportJob(jobId);
  const refresh = useRefreshCatalog();
  const fileId = useId();
  const start = useMutation({
    mutationFn: async () =>
      api.post<ImportJob>(catalogApi.imports, await requestOf(file as File, ownerAgencyId ?? '')),
    onSuccess: (created) => setJobId(created.id),
  });
  const succeeded = job.data?.status === 'succeeded';
  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh once when the import has finished
  useEffect(() => {
    if (succeeded) void refresh();
  }, [succeeded]);

  return (
    <>
      <PageHeading title={t.importTitle} />
      <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t.startImport}</h2>} style={{ marginBottom: 16 }}>
        <Typography.Paragraph>{t.importLead}</Typography.Paragraph>
        <Form
          layout="vertical"
          onFinish={() => {
            setJobId(null);
            start.mutate();
          }}
        >
          <Form.Item label={t.ownerAgency} htmlFor="import-owner" required style={{ maxWidth: 480 }}>
            <AgencySelect
              id="import-owner"
              agencies={(agencies.data ?? []).filter((a) => mine.has(a.id))}
              value={ownerAgencyId}
              onChange={(v) => setOwnerAgencyId(typeof v === 'string' ? v : null)}
            />
          </Form.Item>
          <Form.Item label={t.importFile} htmlFor={fileId} required>
            <input
              id={fileId}
              type="file"
              accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </Form.Item>
          {start.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={isApiRequestError(start.error) ? messageOf(start.error) : start.error.message}
              style={{ marginBottom: 16 }}
            />
          )}
          <Button
            type="primary"
            htmlType="submit"
            disabled={!file || !ownerAgencyId}
            loading={start.isPending}
          >
            {t.startImport}
          </Button>
        </Form>
        {job.data && (
          <div style={{ marginTop: 16 }}>
            <JobProgress job={job.data} />
          </div>
        )}
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t.exportTitle}</h2>}>
        <Space orientation="vertical">
          <Radio.Group
            aria-label={t.exportWhich}
            value={which}
            onChange={(e) => setWhich(e.target.value)}
            options={[
              { value: 'latest', label: t.exportLatest },
              { value: 'published', label: t.exportPublished },
            ]}
          />
          <Space wrap>
            <Button href={catalogApi.exports('json', which)} download>
              {t.exportJson}
            </Button>
            <Button href={catalogApi.exports('xlsx', which)} download>
              {t.exportXlsx}
            </Button>
          </Space>
        </Space>
      </Card>
    </>
  );
}
