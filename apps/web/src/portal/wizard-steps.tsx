import type { PublicProcedure } from '@motcua/contracts/catalog';
import type { DeliveryMethod, DraftFile, SubmissionDraftContent } from '@motcua/contracts/portal';
import { wizardText as t } from '../i18n/vi/portal-dossier';
import { ComponentUpload, type UploadActivity } from './component-upload';
import { RadioGroup, SelectField, TextAreaField } from './form-controls';
import type { ApplicantErrors, DeliveryErrors } from './submission-rules';
import { TextField } from './text-field';

type Applicant = SubmissionDraftContent['applicant'];

export function ApplicantStep({
  procedure,
  agencyId,
  applicant,
  errors,
  onAgency,
  onApplicant,
}: {
  procedure: PublicProcedure;
  agencyId: string | null;
  applicant: Applicant;
  errors: ApplicantErrors;
  onAgency: (agencyId: string | null) => void;
  onApplicant: (change: Partial<Applicant>) => void;
}) {
  const organisation = applicant.kind === 'organisation';
  return (
    <>
      {procedure.agencies.length === 1 ? (
        <p>
          <strong>{t.agency}:</strong> {procedure.agencies[0]!.name}
        </p>
      ) : (
        <SelectField
          label={t.agency}
          hint={t.agencyHint}
          error={errors.agencyId}
          value={agencyId ?? ''}
          onChange={(event) => onAgency(event.currentTarget.value || null)}
        >
          <option value="">{t.agencyChoose}</option>
          {procedure.agencies.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </SelectField>
      )}
      <h3>{t.applicantTitle}</h3>
      <p className="field-hint">{t.applicantLead}</p>
      <RadioGroup
        legend={t.kind}
        name="applicant-kind"
        value={applicant.kind}
        options={[
          { value: 'citizen', label: t.kindCitizen },
          { value: 'organisation', label: t.kindOrganisation },
        ]}
        onChange={(kind) => onApplicant({ kind })}
      />
      <TextField
        name="applicant-name"
        maxLength={300}
        label={organisation ? t.nameOrganisation : t.name}
        autoComplete={organisation ? 'organization' : 'name'}
        value={applicant.name}
        error={errors.name}
        onChange={(event) => onApplicant({ name: event.currentTarget.value })}
      />
      <TextField
        name="applicant-id-number"
        maxLength={30}
        label={organisation ? t.idNumberOrganisation : t.idNumber}
        hint={organisation ? undefined : t.idNumberHint}
        inputMode="numeric"
        autoComplete="off"
        value={applicant.idNumber}
        error={errors.idNumber}
        onChange={(event) => onApplicant({ idNumber: event.currentTarget.value })}
      />
      <TextField
        name="applicant-address"
        maxLength={500}
        label={t.address}
        hint={t.addressHint}
        autoComplete="street-address"
        value={applicant.address}
        error={errors.address}
        onChange={(event) => onApplicant({ address: event.currentTarget.value })}
      />
      <TextField
        name="applicant-phone"
        maxLength={30}
        type="tel"
        label={t.phone}
        autoComplete="tel"
        inputMode="tel"
        value={applicant.phone}
        error={errors.phone}
        onChange={(event) => onApplicant({ phone: event.currentTarget.value })}
      />
      <TextField
        name="applicant-email"
        maxLength={254}
        type="email"
        label={t.email}
        autoComplete="email"
        inputMode="email"
        value={applicant.email}
        error={errors.email}
        onChange={(event) => onApplicant({ email: event.currentTarget.value })}
      />
    </>
  );
}

export function ComponentsStep({
  procedure,
  content,
  errors,
  onAdded,
  onRemoved,
  onActivity,
}: {
  procedure: PublicProcedure;
  content: SubmissionDraftContent;
  errors: Record<string, string>;
  onAdded: (component: string, file: DraftFile) => void;
  onRemoved: (component: string, fileId: string) => void;
  onActivity: (component: string, activity: UploadActivity) => void;
}) {
  return (
    <>
      <p>{t.componentsLead}</p>
      {procedure.content.components.map((component) => (
        <ComponentUpload
          key={component.name}
          component={component}
          files={content.components.find((c) => c.name === component.name)?.files ?? []}
          error={errors[component.name]}
          onAdded={(file) => onAdded(component.name, file)}
          onRemoved={(fileId) => onRemoved(component.name, fileId)}
          onActivity={(activity) => onActivity(component.name, activity)}
        />
      ))}
    </>
  );
}

export function DeliveryStep({
  delivery,
  note,
  errors,
  onDelivery,
  onNote,
}: {
  delivery: SubmissionDraftContent['delivery'];
  note: string;
  errors: DeliveryErrors;
  onDelivery: (change: Partial<SubmissionDraftContent['delivery']>) => void;
  onNote: (note: string) => void;
}) {
  const methods: DeliveryMethod[] = ['online', 'postal', 'desk'];
  return (
    <>
      <RadioGroup
        legend={t.deliveryTitle}
        name="delivery"
        value={delivery.method}
        error={errors.method}
        options={methods.map((method) => ({
          value: method,
          label: t.deliveryLabels[method],
          hint: t.deliveryHints[method],
        }))}
        onChange={(method) => onDelivery({ method })}
      />
      {delivery.method === 'postal' && (
        <TextAreaField
          name="postal-address"
          maxLength={500}
          label={t.postalAddress}
          autoComplete="street-address"
          rows={2}
          value={delivery.address}
          error={errors.address}
          onChange={(event) => onDelivery({ address: event.currentTarget.value })}
        />
      )}
      <TextAreaField
        name="note"
        label={t.note}
        maxLength={1500}
        value={note}
        onChange={(event) => onNote(event.currentTarget.value)}
      />
    </>
  );
}

function EditButton({
  step,
  what,
  disabled,
  onEdit,
}: {
  step: number;
  what: string;
  disabled: boolean;
  onEdit: (step: number) => void;
}) {
  return (
    <button
      type="button"
      className="link-button"
      disabled={disabled}
      aria-label={`${t.edit}: ${what}`}
      onClick={() => onEdit(step)}
    >
      {t.edit}
    </button>
  );
}

export function ReviewStep({
  procedure,
  agencyId,
  content,
  onEdit,
  editDisabled,
}: {
  procedure: PublicProcedure;
  agencyId: string | null;
  content: SubmissionDraftContent;
  onEdit: (step: number) => void;
  editDisabled: boolean;
}) {
  const a = content.applicant;
  const agency = procedure.agencies.find((x) => x.id === agencyId);
  const value = (v: string) => (v.trim() === '' ? t.notProvided : v.trim());
  return (
    <>
      <p>{t.reviewLead}</p>
      <section className="review-block" aria-labelledby="review-applicant">
        <div className="review-heading">
          <h3 id="review-applicant">{t.reviewApplicant}</h3>
          <EditButton step={0} what={t.reviewApplicant} disabled={editDisabled} onEdit={onEdit} />
        </div>
        <dl className="details-list">
          <dt>{t.reviewAgency}</dt>
          <dd>{agency?.name ?? t.notProvided}</dd>
          <dt>{a.kind === 'organisation' ? t.nameOrganisation : t.name}</dt>
          <dd>{value(a.name)}</dd>
          <dt>{a.kind === 'organisation' ? t.idNumberOrganisation : t.idNumber}</dt>
          <dd>{value(a.idNumber)}</dd>
          <dt>{t.address}</dt>
          <dd>{value(a.address)}</dd>
          <dt>{t.phone}</dt>
          <dd>{value(a.phone)}</dd>
          <dt>{t.email}</dt>
          <dd>{value(a.email)}</dd>
        </dl>
      </section>
      <section className="review-block" aria-labelledby="review-components">
        <div className="review-heading">
          <h3 id="review-components">{t.reviewComponents}</h3>
          <EditButton step={1} what={t.reviewComponents} disabled={editDisabled} onEdit={onEdit} />
        </div>
        <ul className="plain-list review-components">
          {procedure.content.components.map((component) => {
            const files = content.components.find((c) => c.name === component.name)?.files ?? [];
            return (
              <li key={component.name}>
                <span className="component-name">{component.name}</span>
                <span className="fact-note">
                  {files.length === 0
                    ? t.noFiles
                    : `${t.filesCount(files.length)}: ${files.map((f) => f.name).join(', ')}`}
                </span>
              </li>
            );
          })}
        </ul>
      </section>
      <section className="review-block" aria-labelledby="review-delivery">
        <div className="review-heading">
          <h3 id="review-delivery">{t.reviewDelivery}</h3>
          <EditButton step={2} what={t.reviewDelivery} disabled={editDisabled} onEdit={onEdit} />
        </div>
        <p>
          {content.delivery.method ? t.deliveryLabels[content.delivery.method] : t.notProvided}
          {content.delivery.method === 'postal' && (
            <span className="fact-note">{value(content.delivery.address)}</span>
          )}
        </p>
        {content.note.trim() !== '' && <p className="preserve-lines">{content.note.trim()}</p>}
      </section>
    </>
  );
}
