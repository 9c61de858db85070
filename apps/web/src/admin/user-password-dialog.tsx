import { resetPasswordSchema, type User } from '@motcua/contracts/identity';
import { App, Form, Input } from 'antd';
import { api } from '../api/client';
import { adminText } from '../i18n/vi/admin';
import { FormDialog } from '../staff/form-dialog';
import { useFormSubmission } from '../staff/form-submission';

interface PasswordValues {
  newPassword: string;
  confirmPassword: string;
}

export function UserPasswordDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<PasswordValues>();
  const { message } = App.useApp();
  const submission = useFormSubmission({
    form,
    toRequest: (values: PasswordValues) => ({ newPassword: values.newPassword ?? '' }),
    schema: resetPasswordSchema,
    send: (request) => api.post(`/api/identity/users/${encodeURIComponent(user.id)}/password`, request),
    onSuccess: () => {
      void message.success(adminText.passwordReset);
      onClose();
    },
  });

  return (
    <FormDialog
      title={`${adminText.resetPassword}: ${user.fullName}`}
      form={form}
      submission={submission}
      onClose={onClose}
      okText={adminText.save}
      cancelText={adminText.cancel}
    >
      <Form.Item label={adminText.newPassword} name="newPassword" extra={adminText.passwordHint} required>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={adminText.confirmPassword}
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(adminText.passwordMismatch)),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormDialog>
  );
}
