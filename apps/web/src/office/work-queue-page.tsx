import type { SessionUser } from '@motcua/contracts/session';
import { Button, Form, Input, Select, Space, Table, type TableColumnsType, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';

import { officeText } from '../i18n/vi/office';
import { usePageTitle } from '../page-title';
import { LoadErrorAlert } from '../staff/load-error-alert';
import { PageHeading } from '../staff/staff-layout';
import { effectiveLiveStatus, formatMoment, StatusTag, TimeLeftTag } from './dossier-format';
import { useDossierList, useQueueCounts } from './dossier-queries';
import { type DossierSummary, type QueueKey, queueKeys } from './dossier-types';
import { isDeskOfficer } from './office-desk';
import { useNow } from './use-now';

const PAGE_SIZE = 50;

const time = (iso: string | null) => (iso ? new Date(iso).getTime() : Number.POSITIVE_INFINITY);
const liveRank: Record<string, number> = {
  late: 0,
  'due-soon': 1,
  'on-track': 2,
  paused: 3,
  'no-deadline': 4,
};

/** What is about to be late first: late, due soon, then by appointment. */
function urgency(now: number) {
  const rankOf = (d: DossierSummary) =>
    liveRank[effectiveLiveStatus(d.liveStatus, d.appointmentAt, now) ?? ''] ?? 5;
  return (a: DossierSummary, b: DossierSummary) =>
    rankOf(a) - rankOf(b) || time(a.appointmentAt) - time(b.appointmentAt);
}

function defaultQueue(user: SessionUser): QueueKey {
  if (user.permissions.includes('dossier.assign')) return 'unassigned';
  if (user.permissions.includes('dossier.process')) return 'mine';
  return 'unit';
}

/** `/office`: the work queues, each with its count, filters and the coloured time left. */
export function WorkQueuePage({ user }: { user: SessionUser }) {
  usePageTitle(officeText.queuesTitle);
  const [params, setParams] = useSearchParams();
  const queueParam = params.get('queue');
  const queue: QueueKey | 'all' =
    queueParam === 'all' || queueKeys.includes(queueParam as QueueKey)
      ? (queueParam as QueueKey | 'all')
      : defaultQueue(user);
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? undefined;
  const liveStatus = params.get('liveStatus') ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const now = useNow();
  const counts = useQueueCounts();
  const list = useDossierList({
    queue: queue === 'all' ? undefined : queue,
    q: q || undefined,
    status,
    liveStatus,
    page,
    pageSize: PAGE_SIZE,
  });

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<DossierSummary> = [
    {
      title: officeText.colCode,
      key: 'code',
      width: 200,
      sorter: (a, b) => a.code.localeCompare(b.code),
      render: (_, d) => (
        <Link to={`/office/dossiers/${d.id}`} className="office-code">
          {d.code}
        </Link>
      ),
    },
    {
      title: officeText.colApplicant,
      dataIndex: 'applicantName',
      key: 'applicant',
      width: 150,
      sorter: (a, b) => a.applicantName.localeCompare(b.applicantName, 'vi'),
    },
    { title: officeText.colProcedure, dataIndex: 'procedureName', key: 'procedure' },
    {
      title: officeText.colStatus,
      key: 'status',
      width: 170,
      render: (_, d) => <StatusTag status={d.status} />,
    },
    {
      title: officeText.colChannel,
      key: 'channel',
      width: 90,
      render: (_, d) => officeText.channels[d.channel] ?? d.channel,
    },
    {
      title: officeText.colReceived,
      key: 'received',
      width: 110,
      sorter: (a, b) => time(a.receivedAt) - time(b.receivedAt),
      render: (_, d) => formatMoment(d.receivedAt),
    },
    {
      title: officeText.colAppointment,
      key: 'appointment',
      width: 110,
      sorter: (a, b) => time(a.appointmentAt) - time(b.appointmentAt),
      render: (_, d) => formatMoment(d.appointmentAt) || officeText.none,
    },
    {
      title: officeText.colTimeLeft,
      key: 'timeLeft',
      width: 210,
      defaultSortOrder: 'ascend',
      sorter: urgency(now),
      render: (_, d) => <TimeLeftTag status={d.liveStatus} dueAt={d.appointmentAt} now={now} />,
    },
  ];

  const count = (key: QueueKey) => (counts.data ? (counts.data[key] ?? 0) : null);

  return (
    <>
      <PageHeading
        title={officeText.queuesTitle}
        actions={
          isDeskOfficer(user) && (
            <Space>
              <Link to="/office/intake">
                <Button type="primary" tabIndex={-1}>
                  {officeText.menuIntake} ({officeText.shortcutIntake})
                </Button>
              </Link>
            </Space>
          )
        }
      />
      <Typography.Paragraph>{officeText.queuesLead}</Typography.Paragraph>
      <Tabs
        activeKey={queue}
        onChange={(key) => update({ queue: key })}
        aria-label={officeText.queuesNavigation}
        items={[
          ...queueKeys.map((key) => ({
            key,
            label: <span>{officeText.queueCount(officeText.queues[key] ?? key, count(key))}</span>,
          })),
          // Every dossier of the user's scope: to find one by code or applicant, whatever its step.
          { key: 'all', label: <span>{officeText.queues.all}</span> },
        ]}
      />
      {counts.isError && (
        <Typography.Paragraph type="secondary">{officeText.countsUnavailable}</Typography.Paragraph>
      )}
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={officeText.searchLabel} htmlFor="queue-search">
          <Input.Search
            id="queue-search"
            allowClear
            defaultValue={q}
            placeholder={officeText.searchPlaceholder}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: 300 }}
          />
        </Form.Item>
        <Form.Item label={officeText.statusFilter} htmlFor="queue-status">
          <Select
            id="queue-status"
            allowClear
            placeholder={officeText.allStatuses}
            value={status ?? null}
            onChange={(value: string | null) => update({ status: value ?? undefined })}
            style={{ width: 240 }}
            options={Object.entries(officeText.statuses).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label={officeText.liveStatusFilter} htmlFor="queue-live">
          <Select
            id="queue-live"
            allowClear
            placeholder={officeText.allStatuses}
            value={liveStatus ?? null}
            onChange={(value: string | null) => update({ liveStatus: value ?? undefined })}
            style={{ width: 200 }}
            options={Object.entries(officeText.liveStatuses).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      </Form>
      <LoadErrorAlert query={list} />
      <Table<DossierSummary>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.dossiers ?? []}
        loading={list.isFetching}
        scroll={{ x: 1200 }}
        locale={{ emptyText: officeText.emptyQueue }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          hideOnSinglePage: true,
          showSizeChanger: false,
          showTotal: (total) => officeText.totalDossiers(total),
          onChange: (next) => update({ page: String(next) }),
        }}
      />
    </>
  );
}
