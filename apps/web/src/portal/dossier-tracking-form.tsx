import { useId, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { portalText } from '../i18n/vi/portal';

export function DossierTrackingForm({ initialCode = '' }: { initialCode?: string }) {
  const navigate = useNavigate();
  const inputId = useId();
  const [error, setError] = useState<string | null>(null);

  return (
    <form
      className="tracking-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
        if (code === '') {
          setError(portalText.trackingCodeRequired);
          return;
        }
        setError(null);
        navigate(`/portal/track/${encodeURIComponent(code)}`);
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
