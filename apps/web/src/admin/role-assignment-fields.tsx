import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { staffRoleLabels } from '@motcua/contracts/identity';
import type { Agency } from '@motcua/contracts/org';
import { Button, Form, Select, Space } from 'antd';
import { adminText } from '../i18n/vi/admin';
import { AgencySelect } from './agency-select';

const roleOptions = Object.entries(staffRoleLabels).map(([value, label]) => ({ value, label }));

/** Roles held at agencies: each row is one role × one agency (`roles[i].role`, `roles[i].agencyId`). */
export function RoleAssignmentFields({ agencies }: { agencies: readonly Agency[] }) {
  return (
    <Form.Item label={adminText.roles} required>
      <Form.List name="roles">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
                <Form.Item name={[field.name, 'role']} style={{ minWidth: 200 }}>
                  <Select
                    options={roleOptions}
                    placeholder={adminText.chooseRole}
                    aria-label={`${adminText.roleNumber(index + 1)}: ${adminText.role}`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'agencyId']} style={{ minWidth: 260 }}>
                  <AgencySelect
                    agencies={agencies}
                    placeholder={adminText.chooseAgency}
                    aria-label={`${adminText.roleNumber(index + 1)}: ${adminText.roleAgency}`}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined aria-hidden />}
                  onClick={() => remove(field.name)}
                  aria-label={adminText.removeRole(index + 1)}
                />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
              {adminText.addRole}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
