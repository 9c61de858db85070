import {
  type DueDateResult,
  processingTimeUnitLabels,
  processingTimeUnits,
} from '@motcua/contracts/calendar';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { messageOf } from '../api/client';
import { adminText } from '../i18n/vi/admin';
import { computeDueDate } from './calendar-queries';
import { useDesks } from './org-queries';

interface DueValues {
  start: string;
  limit: number | null;
  unit: string;
  deskId: string | null;
}

/** `2026-02-25T10:00:00+07:00` → `10:00 25/02/2026` (the API answers in Vietnam time). */
export function formatDue(due: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(due);
  if (!match) return due;
  const [, year, month, day, hours, minutes] = match;
  return `${hours}:${minutes} ${day}/${month}/${year}`;
}

/** The browser's datetime-local value read as Vietnam wall-clock time. */
const toInstant = (local: string) => (local.length === 16 ? `${local}:00+07:00` : `${local}+07:00`);

/** "Tính hạn xử lý": the due date of a dossier received at a given time with a given legal limit. */
export function CalendarDueForm() {
  const [form] = Form.useForm<DueValues>();
  const desks = useDesks(undefined);
  const calculation = useMutation<DueDateResult, Error, DueValues>({
    mutationFn: (values) =>
      computeDueDate({
        start: toInstant(values.start),
        limit: values.limit ?? Number.NaN,
        unit: values.unit,
        ...(values.deskId ? { deskId: values.deskId } : {}),
      }),
  });

  return (
    <Card title={<h2 className="calendar-card-title">{adminText.dueCalculator}</h2>}>
      <Form<DueValues>
        form={form}
        layout="vertical"
        aria-label={adminText.dueCalculator}
        initialValues={{ unit: 'working-days', limit: 1, deskId: null }}
        onFinish={(values) => calculation.mutate(values)}
      >
        <Form.Item
          label={adminText.dueStart}
          name="start"
          rules={[{ required: true, message: adminText.required }]}
        >
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item
          label={adminText.dueLimit}
          name="limit"
          rules={[{ required: true, message: adminText.required }]}
        >
          <InputNumber min={0} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={adminText.dueUnit} name="unit">
          <Select
            options={processingTimeUnits.map((u) => ({ value: u, label: processingTimeUnitLabels[u] }))}
          />
        </Form.Item>
        <Form.Item label={adminText.dueDesk} name="deskId">
          <Select
            allowClear
            placeholder={adminText.dueDeskDefault}
            loading={desks.isLoading}
            options={(desks.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={calculation.isPending}>
          {adminText.calculate}
        </Button>
      </Form>
      <div aria-live="polite" style={{ marginTop: 16 }}>
        {calculation.isSuccess && (
          <Alert
            type={calculation.data.calendarYearSource === 'official' ? 'success' : 'warning'}
            showIcon
            title={
              <>
                {adminText.dueResult}:{' '}
                <strong data-testid="due-result">{formatDue(calculation.data.due)}</strong>
              </>
            }
            description={
              calculation.data.calendarYearSource === 'provisional' ? adminText.dueProvisional : undefined
            }
          />
        )}
        {calculation.isError && <Alert type="error" showIcon title={messageOf(calculation.error)} />}
      </div>
    </Card>
  );
}
