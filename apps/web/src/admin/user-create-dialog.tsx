import { type CreateStaffUser, createStaffUserSchema, type User } from '@motcua/contracts/identity';
import type { Agency } from '@motcua/contracts/org';
import { App, Form, Input } from 'antd';
import { api } from '../api/client';
import { adminText } from '../i18n/vi/admin';
import { FormDialog } from '../staff/form-dialog';
import { useFormSubmission } from '../staff/form-submission';
import { useRefreshUsers } from './identity-queries';
import { RoleAssignmentFields } from './role-assignment-fields';
import { blankToUndefined } from './user-form-values';

export function UserCreateDialog({
  agencies,
  defaultAgencyId,
  onClose,
}: {
  agencies: readonly Agency[];
  defaultAgencyId?: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<CreateStaffUser>();
  const refreshUsers = useRefreshUsers();
  const { message } = App.useApp();
  const submission = useFormSubmission({
    form,
    toRequest: (values: CreateStaffUser) => ({
      ...values,
      email: blankToUndefined(values.email),
      phone: blankToUndefined(values.phone),
      roles: values.roles ?? [],
    }),
    schema: createStaffUserSchema,
    send: (request) => api.post<User>('/api/identity/users', request),
    onSuccess: async () => {
      void message.success(adminText.userCreated);
      await refreshUsers();
      onClose();
    },
  });

  return (
    <FormDialog
      title={adminText.addUser}
      form={form}
      submission={submission}
      onClose={onClose}
      okText={adminText.save}
      cancelText={adminText.cancel}
      width={720}
      initialValues={{ roles: [{ role: 'desk-officer', agencyId: defaultAgencyId ?? '' }] }}
    >
      <Form.Item label={adminText.username} name="username" required>
        <Input autoComplete="off" autoCapitalize="none" spellCheck={false} />
      </Form.Item>
      <Form.Item label={adminText.fullName} name="fullName" required>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label={adminText.email} name="email">
        <Input type="email" autoComplete="off" />
      </Form.Item>
      <Form.Item label={adminText.phone} name="phone">
        <Input type="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item label={adminText.password} name="password" extra={adminText.passwordHint} required>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <RoleAssignmentFields agencies={agencies} />
    </FormDialog>
  );
}
