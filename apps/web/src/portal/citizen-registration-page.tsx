import { useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { pathWithQuery } from '../api/client';
import { useCitizenRegistration } from '../api/session-queries';
import { portalText } from '../i18n/vi/portal';
import { usePageTitle } from '../page-title';
import { safeReturnTo } from '../return-to';
import { type FormErrors, focusFirstInvalid, formErrorsFrom } from './field-errors';
import { TextField } from './text-field';

type Field = 'fullName' | 'email' | 'phone' | 'password' | 'passwordConfirm';
const fields: readonly Field[] = ['fullName', 'email', 'phone', 'password', 'passwordConfirm'];

/** Checks only what the person can fix before sending; the server checks formats with the contract. */
function missingFields(values: Record<Field, string>): FormErrors<Field>['fields'] {
  const errors: FormErrors<Field>['fields'] = {};
  if (values.fullName === '') errors.fullName = portalText.fullNameRequired;
  if (values.email === '' && values.phone === '') errors.email = portalText.contactRequired;
  if (values.password.length < 8) errors.password = portalText.passwordTooShort;
  else if (values.password !== values.passwordConfirm) errors.passwordConfirm = portalText.passwordMismatch;
  return errors;
}

export function CitizenRegistrationPage() {
  usePageTitle(portalText.registerTitle);
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'), '/portal/account');
  const registration = useCitizenRegistration();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {}, form: null });

  return (
    <div className="narrow-page">
      <h1>{portalText.registerTitle}</h1>
      <p>{portalText.registerLead}</p>
      <form
        ref={formRef}
        noValidate
        aria-label={portalText.registerTitle}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const value = (field: Field) => String(data.get(field) ?? '').trim();
          const values = {
            fullName: value('fullName'),
            email: value('email'),
            phone: value('phone'),
            password: String(data.get('password') ?? ''),
            passwordConfirm: String(data.get('passwordConfirm') ?? ''),
          };
          const missing = missingFields(values);
          if (Object.keys(missing).length > 0) {
            setErrors({ fields: missing, form: null });
            focusFirstInvalid(formRef.current);
            return;
          }
          setErrors({ fields: {}, form: null });
          registration.mutate(
            {
              fullName: values.fullName,
              email: values.email || undefined,
              phone: values.phone || undefined,
              password: values.password,
            },
            {
              onSuccess: (session) =>
                session.user
                  ? navigate(returnTo, { replace: true })
                  : navigate(
                      pathWithQuery('/portal/login', { registered: 1, returnTo: params.get('returnTo') }),
                    ),
              onError: (error) => {
                setErrors(formErrorsFrom(error, fields, portalText.formHasErrors));
                focusFirstInvalid(formRef.current);
              },
            },
          );
        }}
      >
        {errors.form && (
          <p className="notice notice-error" role="alert">
            {errors.form}
          </p>
        )}
        <TextField
          name="fullName"
          label={portalText.fullName}
          autoComplete="name"
          error={errors.fields.fullName}
        />
        <TextField
          name="email"
          type="email"
          label={portalText.email}
          autoComplete="email"
          error={errors.fields.email}
        />
        <TextField
          name="phone"
          type="tel"
          label={portalText.phone}
          autoComplete="tel"
          error={errors.fields.phone}
        />
        <TextField
          name="password"
          type="password"
          label={portalText.password}
          hint={portalText.passwordHint}
          autoComplete="new-password"
          error={errors.fields.password}
        />
        <TextField
          name="passwordConfirm"
          type="password"
          label={portalText.passwordConfirm}
          autoComplete="new-password"
          error={errors.fields.passwordConfirm}
        />
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={registration.isPending}
        >
          {registration.isPending ? portalText.registering : portalText.registerSubmit}
        </button>
      </form>
      <p>
        {portalText.haveAccount}{' '}
        <Link to={pathWithQuery('/portal/login', { returnTo: params.get('returnTo') })}>
          {portalText.login}
        </Link>
      </p>
    </div>
  );
}
