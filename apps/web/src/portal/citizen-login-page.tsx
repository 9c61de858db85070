import { useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { pathWithQuery } from '../api/client';
import { useCitizenLogin, useSession } from '../api/session-queries';
import { portalText } from '../i18n/vi/portal';
import { usePageTitle } from '../page-title';
import { safeReturnTo } from '../return-to';
import { type FormErrors, focusFirstInvalid, formErrorsFrom } from './field-errors';
import { TextField } from './text-field';

type Field = 'identifier' | 'password';
const fields: readonly Field[] = ['identifier', 'password'];

export function CitizenLoginPage() {
  usePageTitle(portalText.loginTitle);
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'), '/portal/account');
  const session = useSession();
  const login = useCitizenLogin();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {}, form: null });

  if (session.data?.user?.kind === 'citizen' && !login.isPending) return <Navigate to={returnTo} replace />;

  // VNeID login leaves the app: the server redirects to the identity provider and back to returnTo.
  const oidcEnabled = session.data?.oidc.enabled !== false;
  const oidcStart = pathWithQuery('/api/auth/oidc/start', { returnTo });

  return (
    <div className="narrow-page">
      <h1>{portalText.loginTitle}</h1>
      {params.get('registered') === '1' && (
        <p className="notice notice-success" role="status">
          {portalText.registeredPleaseLogin}
        </p>
      )}

      <div className="oidc-login">
        {oidcEnabled ? (
          <a className="button button-primary button-block" href={oidcStart}>
            {portalText.loginVneid}
          </a>
        ) : (
          <button type="button" className="button button-block" disabled aria-describedby="oidc-disabled">
            {portalText.loginVneid}
          </button>
        )}
        <p id="oidc-disabled" className="field-hint">
          {oidcEnabled ? portalText.loginVneidHint : portalText.loginVneidDisabled}
        </p>
      </div>

      <p className="divider">
        <span>{portalText.loginOr}</span>
      </p>

      <form
        ref={formRef}
        noValidate
        aria-labelledby="password-login-title"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const identifier = String(data.get('identifier') ?? '').trim();
          const password = String(data.get('password') ?? '');
          const missing: FormErrors<Field>['fields'] = {};
          if (identifier === '') missing.identifier = portalText.identifierRequired;
          if (password === '') missing.password = portalText.passwordRequired;
          if (Object.keys(missing).length > 0) {
            setErrors({ fields: missing, form: null });
            focusFirstInvalid(formRef.current);
            return;
          }
          setErrors({ fields: {}, form: null });
          login.mutate(
            { identifier, password },
            {
              onSuccess: () => navigate(returnTo, { replace: true }),
              onError: (error) => {
                setErrors(formErrorsFrom(error, fields, portalText.formHasErrors));
                focusFirstInvalid(formRef.current);
              },
            },
          );
        }}
      >
        <h2 id="password-login-title" className="visually-hidden">
          {portalText.loginTitle}
        </h2>
        {errors.form && (
          <p className="notice notice-error" role="alert">
            {errors.form}
          </p>
        )}
        <TextField
          name="identifier"
          label={portalText.identifier}
          autoComplete="username"
          inputMode="email"
          error={errors.fields.identifier}
        />
        <TextField
          name="password"
          type="password"
          label={portalText.password}
          autoComplete="current-password"
          error={errors.fields.password}
        />
        <button type="submit" className="button button-primary button-block" disabled={login.isPending}>
          {login.isPending ? portalText.loggingIn : portalText.loginSubmit}
        </button>
      </form>

      <p>
        {portalText.noAccount}{' '}
        <Link to={pathWithQuery('/portal/register', { returnTo: params.get('returnTo') })}>
          {portalText.registerNow}
        </Link>
      </p>
    </div>
  );
}
