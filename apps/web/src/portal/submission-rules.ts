/**
 * What the wizard checks before moving on, and the online submission it sends. The checks are the ones a
 * person can fix on the spot; the server checks everything again with the dossier contract.
 */
import type { DossierComponent, PublicProcedure } from '@motcua/contracts/catalog';
import type { SubmitDossierInput } from '@motcua/contracts/dossier';
import type { SubmissionDraftContent } from '@motcua/contracts/portal';
import { wizardText as t } from '../i18n/vi/portal-dossier';
import type { UploadActivity } from './component-upload';

export type ApplicantField = 'agencyId' | 'name' | 'idNumber' | 'address' | 'phone' | 'email';
export type ApplicantErrors = Partial<Record<ApplicantField, string>>;
export type DeliveryErrors = Partial<Record<'method' | 'address', string>>;

export const normalisePhone = (phone: string) =>
  phone
    .trim()
    .replace(/[\s.-]/g, '')
    .replace(/^\+84/, '0');
const phonePattern = /^0\d{9,10}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const idNumberPattern = /^(\d{9}|\d{12})$/;

export function applicantErrors(content: SubmissionDraftContent, agencyId: string | null): ApplicantErrors {
  const a = content.applicant;
  const errors: ApplicantErrors = {};
  if (agencyId === null) errors.agencyId = t.agencyRequired;
  if (a.name.trim() === '') errors.name = t.nameRequired;
  if (a.kind === 'citizen' && a.idNumber.trim() !== '' && !idNumberPattern.test(a.idNumber.trim()))
    errors.idNumber = t.idNumberInvalid;
  if (a.phone.trim() !== '' && !phonePattern.test(normalisePhone(a.phone))) errors.phone = t.phoneInvalid;
  if (a.email.trim() !== '' && !emailPattern.test(a.email.trim())) errors.email = t.emailInvalid;
  if (a.phone.trim() === '' && a.email.trim() === '') errors.phone = t.contactRequired;
  return errors;
}

/** Per component name: why the citizen cannot go on yet. */
export function componentErrors(
  content: SubmissionDraftContent,
  components: readonly DossierComponent[],
  activity: Readonly<Record<string, UploadActivity>>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const component of components) {
    const busy = activity[component.name];
    const files = content.components.find((c) => c.name === component.name)?.files ?? [];
    if (busy && busy.failed > 0) errors[component.name] = t.uploadsFailed;
    else if (busy && busy.uploading > 0) errors[component.name] = t.uploadsPending;
    else if (component.required && files.length === 0) errors[component.name] = t.componentRequired;
  }
  return errors;
}

export function deliveryErrors(content: SubmissionDraftContent): DeliveryErrors {
  const errors: DeliveryErrors = {};
  if (content.delivery.method === null) errors.method = t.deliveryRequired;
  else if (content.delivery.method === 'postal' && content.delivery.address.trim() === '')
    errors.address = t.postalAddressRequired;
  return errors;
}

const orUndefined = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The delivery choice and the citizen's note, as the dossier's summary the desk reads. */
export function submissionSummary(content: SubmissionDraftContent): string {
  const d = content.delivery;
  const delivery =
    d.method === 'postal'
      ? t.deliverySummary.postal(d.address.trim())
      : d.method === 'desk'
        ? t.deliverySummary.desk
        : t.deliverySummary.online;
  return [delivery, content.note.trim()].filter(Boolean).join('\n').slice(0, 2000);
}

/** POST /api/portal/dossiers: the components that have files, with the catalogue's quantities. */
export function submissionOf(
  content: SubmissionDraftContent,
  procedure: PublicProcedure,
  agencyId: string,
): SubmitDossierInput {
  const a = content.applicant;
  const components = procedure.content.components.flatMap((component) => {
    const files = content.components.find((c) => c.name === component.name)?.files ?? [];
    if (files.length === 0) return [];
    return [
      {
        name: component.name,
        originals: component.originals,
        copies: component.copies,
        digitised: true,
        fromDataStore: false,
        fileIds: files.map((f) => f.id),
      },
    ];
  });
  return {
    procedure: procedure.procedureId,
    agencyId,
    applicant: {
      kind: a.kind,
      name: a.name.trim(),
      idNumber: orUndefined(a.idNumber) ?? null,
      address:
        orUndefined(a.address) ??
        (content.delivery.method === 'postal' ? content.delivery.address.trim() : null),
      phone: orUndefined(a.phone) ? normalisePhone(a.phone) : null,
      email: orUndefined(a.email) ?? null,
    },
    components,
    summary: submissionSummary(content),
    ...(content.delivery.method === 'postal'
      ? { delivery: { method: 'postal' as const, address: content.delivery.address.trim() } }
      : content.delivery.method === 'desk'
        ? { delivery: { method: 'desk' as const } }
        : content.delivery.method === 'online'
          ? { delivery: { method: 'online' as const } }
          : {}),
  };
}
