import { type User, updateUserSchema } from '@motcua/contracts/identity';
import { App, Checkbox, Form, Input, Select } from 'antd';
import { api } from '../api/client';
import { adminText } from '../i18n/vi/admin';
import { FormDialog } from '../staff/form-dialog';
import { useFormSubmission } from '../staff/form-submission';
import { useRefreshUsers } from './identity-queries';
import { blankToNull, blankToUndefined } from './user-form-values';

interface EditValues {
  fullName: string;
  email: string | null;
  phone: string | null;
  status: 'active' | 'disabled';
  unlock?: boolean;
  note?: string;
}

export function isLocked(user: User, now = new Date()): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil) > now;
}

/** Contact details, status and unlocking of one account (PATCH /api/identity/users/:id). */
export function UserEditDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<EditValues>();
  const refreshUsers = useRefreshUsers();
  const { message } = App.useApp();
  const submission = useFormSubmission({
    form,
    toRequest: (values: EditValues) => ({
      fullName: values.fullName,
      email: blankToNull(values.email),
      phone: blankToNull(values.phone),
      status: values.status,
      unlock: values.unlock ? true : undefined,
      note: blankToUndefined(values.note),
    }),
    schema: updateUserSchema,
    send: (request) => api.patch<User>(`/api/identity/users/${encodeURIComponent(user.id)}`, request),
    onSuccess: async () => {
      void message.success(adminText.userSaved);
      await refreshUsers();
      onClose();
    },
  });

  return (
    <FormDialog
      title={`${adminText.editUser}: ${user.fullName}`}
      form={form}
      submission={submission}
      onClose={onClose}
      okText={adminText.save}
      cancelText={adminText.cancel}
      initialValues={{ fullName: user.fullName, email: user.email, phone: user.phone, status: user.status }}
    >
      <Form.Item label={adminText.fullName} name="fullName" required>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label={adminText.email} name="email">
        <Input type="email" autoComplete="off" />
      </Form.Item>
      <Form.Item label={adminText.phone} name="phone">
        <Input type="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item label={adminText.userStatus} name="status">
        <Select
          options={[
            { value: 'active', label: adminText.statusUserActive },
            { value: 'disabled', label: adminText.statusUserDisabled },
          ]}
        />
      </Form.Item>
      {isLocked(user) && (
        <Form.Item name="unlock" valuePropName="checked">
          <Checkbox>{adminText.unlock}</Checkbox>
        </Form.Item>
      )}
      <Form.Item label={adminText.note} name="note">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormDialog>
  );
}
