import { setRolesSchema, type User } from '@motcua/contracts/identity';
import type { Agency } from '@motcua/contracts/org';
import { App, Form } from 'antd';
import { api } from '../api/client';
import { adminText } from '../i18n/vi/admin';
import { FormDialog } from '../staff/form-dialog';
import { useFormSubmission } from '../staff/form-submission';
import { useRefreshUsers } from './identity-queries';
import { RoleAssignmentFields } from './role-assignment-fields';

interface RolesValues {
  roles: { role: string; agencyId: string }[];
}

/** Replaces the whole set of an account's roles (PUT /api/identity/users/:id/roles). */
export function UserRolesDialog({
  user,
  agencies,
  onClose,
}: {
  user: User;
  agencies: readonly Agency[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<RolesValues>();
  const refreshUsers = useRefreshUsers();
  const { message } = App.useApp();
  const submission = useFormSubmission({
    form,
    toRequest: (values: RolesValues) => ({ roles: values.roles ?? [] }),
    schema: setRolesSchema,
    send: (request) => api.put(`/api/identity/users/${encodeURIComponent(user.id)}/roles`, request),
    onSuccess: async () => {
      void message.success(adminText.rolesSaved);
      await refreshUsers();
      onClose();
    },
  });

  return (
    <FormDialog
      title={`${adminText.editRoles}: ${user.fullName}`}
      form={form}
      submission={submission}
      onClose={onClose}
      okText={adminText.save}
      cancelText={adminText.cancel}
      width={720}
      initialValues={{ roles: user.roles.map((r) => ({ role: r.role, agencyId: r.agencyId })) }}
    >
      <RoleAssignmentFields agencies={agencies} />
    </FormDialog>
  );
}
