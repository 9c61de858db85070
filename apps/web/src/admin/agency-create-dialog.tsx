import { type Agency, type CreateAgency, createAgencySchema } from '@motcua/contracts/org';
import { App, Form } from 'antd';
import { api } from '../api/client';
import { adminText } from '../i18n/vi/admin';
import { todayInVietnam } from '../staff/date-format';
import { FormDialog } from '../staff/form-dialog';
import { useFormSubmission } from '../staff/form-submission';
import { LocalDatePicker } from '../staff/local-date-picker';
import { AgencyIdentityFields } from './agency-identity-fields';
import { useRefreshOrg } from './org-queries';

export function AgencyCreateDialog({
  parents,
  onClose,
}: {
  parents: readonly Agency[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<CreateAgency>();
  const refreshOrg = useRefreshOrg();
  const { message } = App.useApp();
  const submission = useFormSubmission({
    form,
    toRequest: (values: CreateAgency) => ({ ...values, parentId: values.parentId ?? null }),
    schema: createAgencySchema,
    send: (request) => api.post<Agency>('/api/org/agencies', request),
    onSuccess: async () => {
      void message.success(adminText.agencyCreated);
      await refreshOrg();
      onClose();
    },
  });

  return (
    <FormDialog
      title={adminText.addAgency}
      form={form}
      submission={submission}
      onClose={onClose}
      okText={adminText.save}
      cancelText={adminText.cancel}
      initialValues={{ validFrom: todayInVietnam(), parentId: null }}
    >
      <AgencyIdentityFields parents={parents} />
      <Form.Item label={adminText.validFrom} name="validFrom" required>
        <LocalDatePicker />
      </Form.Item>
    </FormDialog>
  );
}
