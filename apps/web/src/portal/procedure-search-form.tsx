import { useId } from 'react';
import { useNavigate } from 'react-router-dom';
import { portalText } from '../i18n/vi/portal';

/** The search box of the catalogue; an empty search simply opens the catalogue. */
export function ProcedureSearchForm({
  initialQuery = '',
  autoFocus = false,
}: {
  initialQuery?: string;
  autoFocus?: boolean;
}) {
  const navigate = useNavigate();
  const inputId = useId();

  return (
    <search>
      <form
        className="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
          navigate(q === '' ? '/portal/procedures' : `/portal/procedures?q=${encodeURIComponent(q)}`);
        }}
      >
        <label htmlFor={inputId} className="search-label">
          {portalText.searchLabel}
        </label>
        <div className="search-row">
          <input
            id={inputId}
            name="q"
            type="search"
            defaultValue={initialQuery}
            placeholder={portalText.searchPlaceholder}
            autoComplete="off"
            // biome-ignore lint/a11y/noAutofocus: the search page exists to take this one input
            autoFocus={autoFocus}
          />
          <button type="submit" className="button button-primary">
            {portalText.searchButton}
          </button>
        </div>
      </form>
    </search>
  );
}
