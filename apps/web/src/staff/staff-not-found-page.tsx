import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { staffText } from '../i18n/vi/staff';
import { usePageTitle } from '../page-title';

export function StaffNotFoundPage() {
  usePageTitle(staffText.notFoundTitle);
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{staffText.notFoundTitle}</h1>}
      extra={
        <Link to="/office">
          <Button type="primary" tabIndex={-1}>
            {staffText.backToOffice}
          </Button>
        </Link>
      }
    />
  );
}

export function StaffForbiddenPage() {
  usePageTitle(staffText.forbiddenTitle);
  return (
    <Result
      status="403"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{staffText.forbiddenTitle}</h1>}
      subTitle={staffText.forbiddenText}
    />
  );
}
