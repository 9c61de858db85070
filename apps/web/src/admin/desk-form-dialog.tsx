import {
  type Agency,
  createDeskSchema,
  type Desk,
  defaultOfficeHours,
  type OfficeHours,
  updateDeskSchema,
} from '@motcua/contracts/org';
import { App, Form, Input } from 'antd';
import { api } from '../api/client';
import { adminText } from '../i18n/vi/admin';
import { todayInVietnam } from '../staff/date-format';
import { FormDialog } from '../staff/form-dialog';
import { useFormSubmission } from '../staff/form-submission';
import { LocalDatePicker } from '../staff/local-date-picker';
import { AgencySelect } from './agency-select';
import { OfficeHoursFields } from './office-hours-fields';
import { useRefreshOrg } from './org-queries';

interface DeskValues {
  agencyId?: string;
  name: string;
  address?: string | null;
  phone?: string | null;
  officeHours: OfficeHours;
  validFrom?: string;
  validTo?: string | null;
}

const sortedHours = (hours: OfficeHours): OfficeHours => ({
  weekdays: [...(hours.weekdays ?? [])].sort((a, b) => a - b),
  sessions: hours.sessions ?? [],
});

/** Creates a desk (POST /api/org/desks) or edits one (PATCH /api/org/desks/:id). */
export function DeskFormDialog({
  desk,
  agencies,
  defaultAgencyId,
  onClose,
}: {
  desk: Desk | null;
  agencies: readonly Agency[];
  defaultAgencyId?: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<DeskValues>();
  const refreshOrg = useRefreshOrg();
  const { message } = App.useApp();
  const submission = useFormSubmission<DeskValues, unknown, unknown>({
    form,
    toRequest: (values) =>
      desk
        ? {
            name: values.name,
            address: values.address ?? '',
            phone: values.phone ?? '',
            officeHours: sortedHours(values.officeHours),
            validTo: values.validTo ?? null,
          }
        : {
            agencyId: values.agencyId ?? '',
            name: values.name,
            address: values.address ?? '',
            phone: values.phone ?? '',
            officeHours: sortedHours(values.officeHours),
            validFrom: values.validFrom,
          },
    schema: desk ? updateDeskSchema : createDeskSchema,
    send: (request) =>
      desk
        ? api.patch(`/api/org/desks/${encodeURIComponent(desk.id)}`, request)
        : api.post('/api/org/desks', request),
    onSuccess: async () => {
      void message.success(desk ? adminText.deskSaved : adminText.deskCreated);
      await refreshOrg();
      onClose();
    },
  });

  const initialValues: Partial<DeskValues> = desk
    ? {
        name: desk.name,
        address: desk.address,
        phone: desk.phone,
        officeHours: desk.officeHours,
        validTo: desk.validTo,
      }
    : { agencyId: defaultAgencyId, officeHours: defaultOfficeHours, validFrom: todayInVietnam() };

  return (
    <FormDialog
      title={desk ? adminText.editDesk : adminText.addDesk}
      form={form}
      submission={submission}
      onClose={onClose}
      okText={adminText.save}
      cancelText={adminText.cancel}
      width={640}
      initialValues={initialValues}
    >
      {!desk && (
        <Form.Item label={adminText.deskAgency} name="agencyId" required>
          <AgencySelect agencies={agencies} />
        </Form.Item>
      )}
      <Form.Item label={adminText.deskName} name="name" required>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label={adminText.address} name="address">
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label={adminText.phone} name="phone">
        <Input type="tel" autoComplete="off" />
      </Form.Item>
      <OfficeHoursFields />
      {desk ? (
        <Form.Item label={adminText.validTo} name="validTo">
          <LocalDatePicker allowClear />
        </Form.Item>
      ) : (
        <Form.Item label={adminText.validFrom} name="validFrom" required>
          <LocalDatePicker />
        </Form.Item>
      )}
    </FormDialog>
  );
}
