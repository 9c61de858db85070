import type { StaffLogin } from '@motcua/contracts/session';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { isApiRequestError, messageOf } from '../api/client';
import { useSession, useStaffLogin } from '../api/session-queries';
import { commonText } from '../i18n/vi/shared-strings';
import { staffText } from '../i18n/vi/staff';
import { usePageTitle } from '../page-title';
import { safeReturnTo } from '../return-to';
import { showIssuesOnForm } from './form-issues';
import './staff-layout.css';

interface LoginValues {
  username: string;
  password: string;
  totpCode?: string;
}

/**
 * Staff login. Accounts with two-factor authentication get `TOTP_REQUIRED` on the first try; the code
 * field then appears and the same username and password are sent again with it.
 */
export function StaffLoginPage() {
  usePageTitle(staffText.loginTitle);
  const [form] = Form.useForm<LoginValues>();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'), '/office');
  const navigate = useNavigate();
  const session = useSession();
  const login = useStaffLogin();
  const [totpRequired, setTotpRequired] = useState(false);
  const [notice, setNotice] = useState<{ type: 'error' | 'info'; text: string } | null>(null);
  const totpInput = useRef<HTMLInputElement>(null);

  if (session.data?.user?.kind === 'staff' && !login.isPending) return <Navigate to={returnTo} replace />;

  const submit = (values: LoginValues) => {
    setNotice(null);
    const request: StaffLogin = { username: values.username.trim(), password: values.password };
    if (totpRequired && values.totpCode) request.totpCode = values.totpCode.trim();
    login.mutate(request, {
      onSuccess: () => navigate(returnTo, { replace: true }),
      onError: (error) => {
        if (isApiRequestError(error) && error.code === 'TOTP_REQUIRED') {
          setTotpRequired(true);
          setNotice({ type: 'info', text: error.message });
          setTimeout(() => totpInput.current?.focus(), 0);
          return;
        }
        const unplaced = isApiRequestError(error) ? showIssuesOnForm(form, error.issues) : [];
        const placed = isApiRequestError(error) && error.issues.length > unplaced.length;
        if (!placed || unplaced.length > 0) {
          setNotice({ type: 'error', text: unplaced.map((i) => i.message).join(' ') || messageOf(error) });
        }
      },
    });
  };

  return (
    <main className="staff-login">
      <div className="staff-login-brand">
        {commonText.productName} — {commonText.productTagline}
      </div>
      <Card
        className="staff-login-card"
        title={<h1 style={{ margin: 0, fontSize: 20 }}>{staffText.loginTitle}</h1>}
      >
        <p>{staffText.loginLead}</p>
        {session.isError && (
          <Alert type="warning" showIcon title={messageOf(session.error)} style={{ marginBottom: 16 }} />
        )}
        {session.data?.user?.kind === 'citizen' && (
          <Alert type="info" showIcon title={staffText.citizenSignedIn} style={{ marginBottom: 16 }} />
        )}
        <Form<LoginValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={submit}
          name="staff-login"
        >
          <Form.Item
            label={staffText.username}
            name="username"
            rules={[{ required: true, whitespace: true, message: staffText.usernameRequired }]}
          >
            <Input autoComplete="username" autoCapitalize="none" spellCheck={false} />
          </Form.Item>
          <Form.Item
            label={staffText.password}
            name="password"
            rules={[{ required: true, message: staffText.passwordRequired }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {totpRequired && (
            <Form.Item
              label={staffText.totpCode}
              name="totpCode"
              extra={staffText.totpHint}
              rules={[{ required: true, pattern: /^\d{6}$/, message: staffText.totpInvalid }]}
            >
              <Input
                ref={(input) => {
                  totpInput.current = input?.input ?? null;
                }}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
              />
            </Form.Item>
          )}
          {notice && (
            <Alert
              type={notice.type}
              showIcon
              title={notice.text}
              style={{ marginBottom: 16 }}
              role="alert"
            />
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {staffText.loginSubmit}
          </Button>
        </Form>
      </Card>
      <p style={{ marginTop: 16 }}>
        <Link to="/">{staffText.toPortal}</Link>
      </p>
    </main>
  );
}
