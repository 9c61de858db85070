import { type Agency, agencyKindLabels, agencyKinds } from '@motcua/contracts/org';
import { Form, Input, Select } from 'antd';
import { adminText } from '../i18n/vi/admin';
import { AgencySelect } from './agency-select';

const kindOptions = agencyKinds.map((kind) => ({ value: kind, label: agencyKindLabels[kind] }));

/**
 * Code, name, kind and parent of a new agency: the same fields when adding one and when naming the
 * agency a merger creates (then under `target`).
 */
export function AgencyIdentityFields({
  prefix = [],
  parents,
}: {
  prefix?: string[];
  parents: readonly Agency[];
}) {
  return (
    <>
      <Form.Item
        label={adminText.agencyCode}
        name={[...prefix, 'code']}
        extra={adminText.agencyCodeHint}
        required
      >
        <Input placeholder="000.00.00.H41" spellCheck={false} autoComplete="off" />
      </Form.Item>
      <Form.Item label={adminText.agencyName} name={[...prefix, 'name']} required>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label={adminText.agencyKind} name={[...prefix, 'kind']} required>
        <Select options={kindOptions} />
      </Form.Item>
      <Form.Item label={adminText.agencyParent} name={[...prefix, 'parentId']}>
        <AgencySelect agencies={parents} allowClear placeholder={adminText.noParent} />
      </Form.Item>
    </>
  );
}
