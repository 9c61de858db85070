import { useId, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { portalText } from '../i18n/vi/portal';
import { trackingText } from '../i18n/vi/portal-dossier';
import { isDossierCode, normaliseDossierCode } from './dossier-code';

export function DossierTrackingForm({
  initialCode = '',
  initialError = null,
}: {
  initialCode?: string;
  initialError?: string | null;
}) {
  const navigate = useNavigate();
  const inputId = useId();
  const [error, setError] = useState<string | null>(initialError);

  return (
    <form
      className="tracking-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const code = normaliseDossierCode(String(new FormData(event.currentTarget).get('code') ?? ''));
        if (code === '') {
          setError(portalText.trackingCodeRequired);
          return;
        }
        if (!isDossierCode(code)) {
          setError(trackingText.codeInvalid);
          return;
        }
        setError(null);
        navigate(`/tra-cuu/${encodeURIComponent(code)}`);
      }}
    >
      <label htmlFor={inputId}>{portalText.trackingLabel}</label>
      <p id={`${inputId}-hint`} className="field-hint">
        {portalText.trackingHint}
      </p>
      {error && (
        <p id={`${inputId}-error`} className="field-error">
          {error}
        </p>
      )}
      <div className="search-row">
        <input
          id={inputId}
          name="code"
          defaultValue={initialCode}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error ${inputId}-hint` : `${inputId}-hint`}
        />
        <button type="submit" className="button">
          {portalText.trackingButton}
        </button>
      </div>
    </form>
  );
}
