import { Alert, Button } from 'antd';
import { messageOf } from '../api/client';
import { commonText } from '../i18n/vi/shared-strings';

/** What a staff page (office or admin) shows when its data failed to load: the reason and a retry button. */
export function LoadErrorAlert({
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
      title={commonText.loadFailed}
      description={messageOf(query.error)}
      style={{ marginBottom: 16 }}
      action={<Button onClick={() => void query.refetch()}>{commonText.retry}</Button>}
    />
  );
}
