import { type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from 'react';

function describedBy(id: string, error: string | undefined, hint: string | undefined): string | undefined {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
}

function FieldMessages({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}

interface TextAreaFieldProps
  extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'aria-invalid'> {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/** A labelled multi-line input whose hint and error are announced with it. */
export function TextAreaField({ label, hint, error, ...textarea }: TextAreaFieldProps) {
  const id = useId();
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
      <textarea
        id={id}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...textarea}
      />
    </div>
  );
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'aria-invalid'> {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
}

export function SelectField({ label, hint, error, children, ...select }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

/** Radio buttons in a fieldset: the legend names the question, each option may have a hint. */
export function RadioGroup<V extends string | number>({
  legend,
  name,
  value,
  options,
  error,
  onChange,
  disabled,
}: {
  legend: string;
  name: string;
  value: V | null;
  options: { value: V; label: string; hint?: string }[];
  error?: string | undefined;
  onChange: (value: V) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <fieldset
      className={error ? 'radio-group field-invalid' : 'radio-group'}
      aria-describedby={error ? `${id}-error` : undefined}
      data-invalid={error ? 'true' : undefined}
    >
      <legend>{legend}</legend>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {options.map((option) => (
        <label key={String(option.value)} className="radio-option">
          <input
            type="radio"
            name={name}
            value={String(option.value)}
            checked={value === option.value}
            disabled={disabled}
            onChange={() => onChange(option.value)}
          />
          <span>
            {option.label}
            {option.hint && <span className="field-hint radio-hint">{option.hint}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** Moves the keyboard to the first field marked invalid inside `root`, so it is also read out. */
export function focusFirstInvalidIn(root: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const target = root?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"] input');
    target?.focus();
  });
}
