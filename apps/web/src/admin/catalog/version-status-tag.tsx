import { type VersionStatus, versionStatusLabels } from '@motcua/contracts/catalog';
import { Tag } from 'antd';

// Preset colours of the staff theme only (success, processing, warning, error, default) keep AA contrast.
const colourOf: Record<VersionStatus, string | undefined> = {
  draft: undefined,
  submitted: 'processing',
  returned: 'error',
  approved: 'processing',
  announced: 'warning',
  published: 'success',
  superseded: undefined,
  abolished: undefined,
};

export function VersionStatusTag({ status }: { status: VersionStatus }) {
  return <Tag color={colourOf[status]}>{versionStatusLabels[status]}</Tag>;
}
