import { type Agency, renameAgencySchema } from '@motcua/contracts/org';
import { App, Form, Input } from 'antd';
import { api } from '../api/client';
import { adminText } from '../i18n/vi/admin';
import { todayInVietnam } from '../staff/date-format';
import { FormDialog } from '../staff/form-dialog';
import { useFormSubmission } from '../staff/form-submission';
import { LocalDatePicker } from '../staff/local-date-picker';
import { useRefreshOrg } from './org-queries';

interface RenameValues {
  name: string;
  effectiveDate: string;
}

/** A new name from an effective date; the old name stays in the agency's history. */
export function AgencyRenameDialog({ agency, onClose }: { agency: Agency; onClose: () => void }) {
  const [form] = Form.useForm<RenameValues>();
  const refreshOrg = useRefreshOrg();
  const { message } = App.useApp();
  const submission = useFormSubmission({
    form,
    schema: renameAgencySchema,
    send: (request) => api.post(`/api/org/agencies/${encodeURIComponent(agency.id)}/renames`, request),
    onSuccess: async () => {
      void message.success(adminText.renamed);
      await refreshOrg();
      onClose();
    },
  });

  return (
    <FormDialog
      title={adminText.renameTitle(agency.name)}
      form={form}
      submission={submission}
      onClose={onClose}
      okText={adminText.save}
      cancelText={adminText.cancel}
      initialValues={{ name: agency.name, effectiveDate: todayInVietnam() }}
    >
      <Form.Item label={adminText.newName} name="name" required>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label={adminText.effectiveDate} name="effectiveDate" required>
        <LocalDatePicker />
      </Form.Item>
    </FormDialog>
  );
}
