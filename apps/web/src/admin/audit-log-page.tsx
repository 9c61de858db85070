import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditEntry } from '@motcua/contracts/audit';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { api, messageOf } from '../api/client';
import { adminText } from '../i18n/vi/admin';
import { usePageTitle } from '../page-title';
import { formatInstant } from '../staff/date-format';
import { LoadErrorAlert } from '../staff/load-error-alert';
import { PageHeading } from '../staff/staff-layout';
import { type AuditFilter, useAuditEntries } from './audit-queries';

interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
}

const columns: TableColumnsType<AuditEntry> = [
  { title: adminText.at, key: 'at', width: 180, render: (_, e) => formatInstant(e.at) },
  { title: adminText.actor, key: 'actor', width: 200, render: (_, e) => e.actorName ?? adminText.system },
  { title: adminText.action, dataIndex: 'action', key: 'action', width: 220 },
  {
    title: adminText.target,
    key: 'target',
    render: (_, e) => (e.targetId ? `${e.targetType} · ${e.targetId}` : e.targetType),
  },
  { title: adminText.ip, dataIndex: 'ip', key: 'ip', width: 140 },
];

/** The hash-chained audit log, newest first, and a check that nobody has altered it. */
export function AuditLogPage() {
  usePageTitle(adminText.audit);
  const [filterForm] = Form.useForm<AuditFilter>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const entries = useAuditEntries(filter);
  const verification = useMutation({ mutationFn: () => api.get<AuditVerification>('/api/audit/verify') });
  const rows = entries.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <>
      <PageHeading
        title={adminText.audit}
        actions={
          <Button
            icon={<SafetyCertificateOutlined aria-hidden />}
            loading={verification.isPending}
            onClick={() => verification.mutate()}
          >
            {adminText.verifyChain}
          </Button>
        }
      />
      <div aria-live="polite">
        {verification.isSuccess && (
          <Alert
            type={verification.data.ok ? 'success' : 'error'}
            showIcon
            style={{ marginBottom: 16 }}
            title={
              verification.data.ok
                ? adminText.verifyOk(verification.data.checked)
                : adminText.verifyBroken(
                    verification.data.checked,
                    verification.data.firstBrokenId,
                    verification.data.reason,
                  )
            }
          />
        )}
        {verification.isError && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title={messageOf(verification.error)} />
        )}
      </div>
      <Form<AuditFilter>
        form={filterForm}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values) =>
          setFilter({
            targetType: values.targetType?.trim() || undefined,
            targetId: values.targetId?.trim() || undefined,
          })
        }
      >
        <Form.Item label={adminText.targetType} name="targetType">
          <Input allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label={adminText.targetId} name="targetId">
          <Input allowClear style={{ width: 220 }} />
        </Form.Item>
        <Button htmlType="submit">{adminText.filter}</Button>
      </Form>
      <LoadErrorAlert query={entries} />
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={entries.isFetching && !entries.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 1000 }}
        expandable={{
          columnTitle: <span className="visually-hidden">{adminText.detailsLabel}</span>,
          expandedRowRender: (entry) => (
            <Typography.Paragraph>
              <strong>{adminText.detailsLabel}:</strong>
              <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {JSON.stringify(entry.details, null, 2)}
              </pre>
            </Typography.Paragraph>
          ),
        }}
      />
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        {entries.hasNextPage ? (
          <Button onClick={() => void entries.fetchNextPage()} loading={entries.isFetchingNextPage}>
            {adminText.loadMore}
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">{adminText.noMore}</Typography.Text>
        )}
      </div>
    </>
  );
}
