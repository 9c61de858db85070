import { Alert, Button } from 'antd';
import { messageOf } from '../api/client';
import { officeText } from '../i18n/vi/office';
import { commonText } from '../i18n/vi/shared-strings';

/** What a back-office view shows when its data failed to load: the reason and a retry button. */
export function LoadError({
  query,
}: {
  query: { isError: boolean; error: unknown; refetch: () => unknown };
}) {
  if (!query.isError) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={officeText.loadFailed}
      description={messageOf(query.error)}
      style={{ marginBottom: 16 }}
      action={<Button onClick={() => void query.refetch()}>{commonText.retry}</Button>}
    />
  );
}
