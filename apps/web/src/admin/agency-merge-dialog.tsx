import { type Agency, type MergeAgencies, mergeAgenciesSchema } from '@motcua/contracts/org';
import { Alert, App, Divider, Form } from 'antd';
import { api } from '../api/client';
import { adminText } from '../i18n/vi/admin';
import { todayInVietnam } from '../staff/date-format';
import { FormDialog } from '../staff/form-dialog';
import { useFormSubmission } from '../staff/form-submission';
import { LocalDatePicker } from '../staff/local-date-picker';
import { AgencyIdentityFields } from './agency-identity-fields';
import { AgencySelect } from './agency-select';
import { useRefreshOrg } from './org-queries';

/** Several agencies become one new agency from an effective date (e.g. the 2025 commune mergers). */
export function AgencyMergeDialog({
  agencies,
  onClose,
}: {
  agencies: readonly Agency[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<MergeAgencies>();
  const refreshOrg = useRefreshOrg();
  const { message } = App.useApp();
  const submission = useFormSubmission({
    form,
    toRequest: (values: MergeAgencies) => ({
      ...values,
      sourceIds: values.sourceIds ?? [],
      target: { ...values.target, parentId: values.target?.parentId ?? null },
    }),
    schema: mergeAgenciesSchema,
    send: (request) => api.post('/api/org/mergers', request),
    onSuccess: async () => {
      void message.success(adminText.merged);
      await refreshOrg();
      onClose();
    },
  });

  return (
    <FormDialog
      title={adminText.mergeAgencies}
      form={form}
      submission={submission}
      onClose={onClose}
      okText={adminText.mergeAgencies}
      cancelText={adminText.cancel}
      width={640}
      initialValues={{ effectiveDate: todayInVietnam(), sourceIds: [] }}
    >
      <Alert type="info" showIcon title={adminText.mergeLead} style={{ marginBottom: 16 }} />
      <Form.Item label={adminText.mergeSources} name="sourceIds" required>
        <AgencySelect agencies={agencies} multiple />
      </Form.Item>
      <Form.Item label={adminText.effectiveDate} name="effectiveDate" required>
        <LocalDatePicker />
      </Form.Item>
      <Divider titlePlacement="start">{adminText.mergeTarget}</Divider>
      <AgencyIdentityFields prefix={['target']} parents={agencies} />
    </FormDialog>
  );
}
