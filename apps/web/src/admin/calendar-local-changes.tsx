import {
  type CalendarYear,
  createLocalChangeSchema,
  localChangeKindLabels,
  localChangeKinds,
} from '@motcua/contracts/calendar';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Popconfirm,
  Select,
  Table,
  type TableColumnsType,
} from 'antd';
import { messageOf } from '../api/client';
import { adminText } from '../i18n/vi/admin';
import { formatLocalDate } from '../staff/date-format';
import { useFormSubmission } from '../staff/form-submission';
import { LocalDatePicker } from '../staff/local-date-picker';
import { addLocalChange, removeLocalChange, useLocalChanges, useRefreshCalendar } from './calendar-queries';

interface ChangeRow {
  id: number | null;
  date: string;
  kind: CalendarYear['localChanges'][number]['kind'];
  reason: string;
}

interface ChangeValues {
  date: string | null;
  kind: ChangeRow['kind'];
  reason: string;
}

/** The province's local changes of the year; adding and removing them needs `calendar.manage`. */
export function CalendarLocalChanges({ view, canManage }: { view: CalendarYear; canManage: boolean }) {
  const stored = useLocalChanges(canManage);
  const refresh = useRefreshCalendar();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeValues>();
  const submission = useFormSubmission({
    form,
    schema: createLocalChangeSchema,
    send: addLocalChange,
    onSuccess: async () => {
      void message.success(adminText.localChangeAdded);
      form.resetFields();
      await refresh();
    },
  });
  const removal = useMutation({
    mutationFn: removeLocalChange,
    onSuccess: async () => {
      void message.success(adminText.localChangeRemoved);
      await refresh();
    },
  });

  const prefix = `${view.year}-`;
  const rows: ChangeRow[] = canManage
    ? (stored.data ?? []).filter((c) => c.date.startsWith(prefix))
    : view.localChanges.map((c) => ({ ...c, id: null }));

  const columns: TableColumnsType<ChangeRow> = [
    { title: adminText.changeDate, key: 'date', width: 120, render: (_, c) => formatLocalDate(c.date) },
    {
      title: adminText.changeKind,
      key: 'kind',
      width: 150,
      render: (_, c) => localChangeKindLabels[c.kind],
    },
    { title: adminText.changeReason, dataIndex: 'reason', key: 'reason' },
    ...(canManage
      ? [
          {
            title: adminText.actions,
            key: 'actions',
            width: 90,
            render: (_: unknown, c: ChangeRow) => (
              <Popconfirm
                title={adminText.removeLocalChangeConfirm(formatLocalDate(c.date))}
                okText={adminText.removeLocalChange}
                cancelText={adminText.cancel}
                onConfirm={() => c.id !== null && removal.mutateAsync(c.id)}
              >
                <Button
                  type="link"
                  size="small"
                  danger
                  aria-label={adminText.removeLocalChangeLabel(formatLocalDate(c.date))}
                >
                  {adminText.removeLocalChange}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card title={<h2 className="calendar-card-title">{adminText.localChanges}</h2>}>
      <p>{adminText.localChangesLead}</p>
      {(stored.isError || removal.isError) && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={messageOf(stored.error ?? removal.error)}
        />
      )}
      <Table<ChangeRow>
        rowKey="date"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={canManage && stored.isFetching}
        pagination={false}
        locale={{ emptyText: <span className="calendar-empty">{adminText.noLocalChanges}</span> }}
        style={{ marginBottom: canManage ? 16 : 0 }}
      />
      {canManage && (
        <Form<ChangeValues>
          form={form}
          layout="vertical"
          aria-label={adminText.addLocalChange}
          initialValues={{ kind: 'day-off', reason: '', date: null }}
          onFinish={(values) => submission.submit(values)}
        >
          <Form.Item label={adminText.changeDate} name="date" required>
            <LocalDatePicker />
          </Form.Item>
          <Form.Item label={adminText.changeKind} name="kind" required>
            <Select options={localChangeKinds.map((k) => ({ value: k, label: localChangeKindLabels[k] }))} />
          </Form.Item>
          <Form.Item label={adminText.changeReason} name="reason" required>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          {submission.formError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginBottom: 16 }}
              title={submission.formError}
            />
          )}
          <Button type="primary" htmlType="submit" loading={submission.isPending}>
            {adminText.addLocalChange}
          </Button>
        </Form>
      )}
    </Card>
  );
}
