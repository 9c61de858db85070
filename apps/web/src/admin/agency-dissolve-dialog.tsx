import { type Agency, dissolveAgencySchema } from '@motcua/contracts/org';
import { Alert, App, Form } from 'antd';
import { api } from '../api/client';
import { adminText } from '../i18n/vi/admin';
import { todayInVietnam } from '../staff/date-format';
import { FormDialog } from '../staff/form-dialog';
import { useFormSubmission } from '../staff/form-submission';
import { LocalDatePicker } from '../staff/local-date-picker';
import { useRefreshOrg } from './org-queries';

export function AgencyDissolveDialog({ agency, onClose }: { agency: Agency; onClose: () => void }) {
  const [form] = Form.useForm<{ effectiveDate: string }>();
  const refreshOrg = useRefreshOrg();
  const { message } = App.useApp();
  const submission = useFormSubmission({
    form,
    schema: dissolveAgencySchema,
    send: (request) => api.post(`/api/org/agencies/${encodeURIComponent(agency.id)}/dissolve`, request),
    onSuccess: async () => {
      void message.success(adminText.dissolved);
      await refreshOrg();
      onClose();
    },
  });

  return (
    <FormDialog
      title={adminText.dissolveTitle(agency.name)}
      form={form}
      submission={submission}
      onClose={onClose}
      okText={adminText.dissolve}
      cancelText={adminText.cancel}
      initialValues={{ effectiveDate: todayInVietnam() }}
    >
      <Alert type="warning" showIcon title={adminText.dissolveWarning} style={{ marginBottom: 16 }} />
      <Form.Item label={adminText.effectiveDate} name="effectiveDate" required>
        <LocalDatePicker />
      </Form.Item>
    </FormDialog>
  );
}
