import type { PublicProcedure } from '@motcua/contracts/catalog';
import type { DossierDetail } from '@motcua/contracts/dossier';
import type { DraftFile, SubmissionDraftContent } from '@motcua/contracts/portal';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { type ApiRequestError, isApiRequestError, messageOf } from '../api/client';
import { wizardText as t } from '../i18n/vi/portal-dossier';
import type { UploadActivity } from './component-upload';
import { formatDateTime } from './dossier-format';
import { portalDossierOf } from './dossier-types';
import { focusFirstInvalidIn } from './form-controls';
import { portalKeys } from './portal-queries';
import { postJson } from './portal-requests';
import {
  type ApplicantErrors,
  applicantErrors,
  componentErrors,
  type DeliveryErrors,
  deliveryErrors,
  submissionOf,
} from './submission-rules';
import { type SaveState, useDraftAutosave } from './use-draft-autosave';
import { ApplicantStep, ComponentsStep, DeliveryStep, ReviewStep } from './wizard-steps';

export interface WizardStart {
  agencyId: string | null;
  content: SubmissionDraftContent;
  /** The server copy under `agencyId`, if any. */
  server: { agencyId: string | null; version: number; savedJson: string | null; updatedAt: string | null };
  /** When the draft was last changed, if one was reopened. */
  restoredAt: string | null;
}

type Submit =
  | { kind: 'idle' }
  /** `lost`: an earlier attempt's answer did not arrive (the notice stays while sending again). */
  | { kind: 'sending'; lost: string | null }
  | { kind: 'retrying'; message: string }
  | { kind: 'failed'; message: string };

const RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 15_000, 30_000];
const LAST_STEP = 3;

function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saving'
      ? t.saveState.saving
      : state.kind === 'saved'
        ? t.saveState.saved(formatDateTime(state.at))
        : state.kind === 'offline'
          ? t.saveState.offline
          : state.kind === 'error'
            ? t.saveState.error(state.message)
            : state.kind === 'waiting-agency'
              ? t.saveState.waitingAgency
              : state.kind === 'local'
                ? t.saveState.local
                : null;
  if (text === null) return null;
  return (
    <p
      className={
        state.kind === 'offline' || state.kind === 'error' ? 'save-status save-status-warning' : 'save-status'
      }
    >
      {text}
    </p>
  );
}

/** The wizard: applicant, components, delivery, review and submit; the draft saves itself throughout. */
export function SubmissionWizard({
  procedure,
  start,
  localKey,
  onStartOver,
}: {
  procedure: PublicProcedure;
  start: WizardStart;
  localKey: string;
  onStartOver: () => void;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [agencyId, setAgencyId] = useState<string | null>(start.agencyId);
  const [content, setContent] = useState<SubmissionDraftContent>(start.content);
  const [submit, setSubmit] = useState<Submit>({ kind: 'idle' });
  const [submitted, setSubmitted] = useState(false);
  const [commitment, setCommitment] = useState(false);
  const [shown, setShown] = useState<{
    applicant: ApplicantErrors;
    components: Record<string, string>;
    delivery: DeliveryErrors;
    commitment: string | null;
  }>({ applicant: {}, components: {}, delivery: {}, commitment: null });
  const activity = useRef<Record<string, UploadActivity>>({});
  const stepRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const attempts = useRef(0);
  const frozenBody = useRef<unknown>(null);

  const autosave = useDraftAutosave({
    localKey,
    procedureId: procedure.procedureId,
    agencyId,
    content,
    initial: start.server,
    enabled: !submitted,
  });

  const step = Math.min(Math.max(content.step, 0), LAST_STEP);
  const busy = submit.kind === 'sending' || submit.kind === 'retrying';

  /** Every change the citizen makes goes through here, stamped for "newest copy wins". */
  const change = useCallback((update: (c: SubmissionDraftContent) => SubmissionDraftContent) => {
    setContent((c) => ({ ...update(c), editedAt: new Date().toISOString() }));
  }, []);

  const goTo = (next: number) => {
    change((c) => ({ ...c, step: next }));
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const validateStep = (which: number): boolean => {
    if (which === 0) {
      const errors = applicantErrors(content, agencyId);
      setShown((s) => ({ ...s, applicant: errors }));
      return Object.keys(errors).length === 0;
    }
    if (which === 1) {
      const errors = componentErrors(content, procedure.content.components, activity.current);
      setShown((s) => ({ ...s, components: errors }));
      return Object.keys(errors).length === 0;
    }
    if (which === 2) {
      const errors = deliveryErrors(content);
      setShown((s) => ({ ...s, delivery: errors }));
      return Object.keys(errors).length === 0;
    }
    return true;
  };

  const next = () => {
    if (!validateStep(step)) {
      focusFirstInvalidIn(stepRef.current);
      return;
    }
    goTo(step + 1);
  };

  const onSubmitted = (detail: DossierDetail) => {
    clearTimeout(retryTimer.current);
    setSubmitted(true);
    // The draft is gone once the dossier exists; lists of drafts are refreshed after it is deleted.
    void autosave.discard().then(() => queryClient.invalidateQueries({ queryKey: ['portal', 'drafts'] }));
    queryClient.setQueryData(portalKeys.dossier(detail.summary.id), portalDossierOf(detail));
    void queryClient.invalidateQueries({ queryKey: ['portal', 'dossiers'] });
    navigate(`/portal/dossiers/${encodeURIComponent(detail.summary.id)}?submitted=1`);
  };

  const onRefused = (error: ApiRequestError) => {
    if (error.code === 'REQUIRED_COMPONENTS_MISSING') {
      const missing = (error.details as { missing?: string[] } | undefined)?.missing ?? [];
      setShown((s) => ({
        ...s,
        components: Object.fromEntries(missing.map((name) => [name, t.componentMissingOnServer])),
      }));
      setSubmit({ kind: 'failed', message: error.message });
      goTo(1);
      focusFirstInvalidIn(stepRef.current);
      return;
    }
    const applicant: ApplicantErrors = {};
    const rest: string[] = [];
    for (const issue of error.issues) {
      const [first, second] = issue.path.map(String);
      if (first === 'agencyId') applicant.agencyId = issue.message;
      else if (
        first === 'applicant' &&
        second &&
        ['name', 'idNumber', 'address', 'phone', 'email'].includes(second)
      )
        applicant[second as keyof ApplicantErrors] = issue.message;
      else rest.push(issue.message);
    }
    if (Object.keys(applicant).length > 0) {
      setShown((s) => ({ ...s, applicant }));
      setSubmit({ kind: 'failed', message: t.fixBelow });
      goTo(0);
      focusFirstInvalidIn(stepRef.current);
      return;
    }
    setSubmit({ kind: 'failed', message: rest.length > 0 ? rest.join(' ') : error.message });
  };

  const handlers = useRef({ onSubmitted, onRefused });
  handlers.current = { onSubmitted, onRefused };

  const send = useCallback(async () => {
    clearTimeout(retryTimer.current);
    setSubmit((current) => ({
      kind: 'sending',
      lost: current.kind === 'retrying' ? current.message : current.kind === 'sending' ? current.lost : null,
    }));
    try {
      const detail = await postJson<DossierDetail>('/api/portal/dossiers', frozenBody.current, {
        'idempotency-key': content.idempotencyKey,
      });
      handlers.current.onSubmitted(detail);
    } catch (error) {
      const lost = !isApiRequestError(error) || error.status === 0 || error.status >= 500;
      if (lost) {
        // The same key makes every retry safe: the server answers a repeat with the dossier it made.
        const delay = RETRY_DELAYS_MS[Math.min(attempts.current, RETRY_DELAYS_MS.length - 1)]!;
        attempts.current++;
        setSubmit({ kind: 'retrying', message: messageOf(error) });
        retryTimer.current = setTimeout(() => void send(), delay);
      } else handlers.current.onRefused(error);
    }
  }, [content.idempotencyKey]);

  useEffect(() => {
    if (submit.kind !== 'retrying') return;
    const online = () => {
      attempts.current = 0;
      void send();
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [submit.kind, send]);
  useEffect(() => () => clearTimeout(retryTimer.current), []);

  const submitNow = () => {
    if (busy) return;
    const invalid = [0, 1, 2].find((s) => !validateStep(s));
    if (invalid !== undefined) {
      setSubmit({ kind: 'failed', message: t.fixBelow });
      goTo(invalid);
      focusFirstInvalidIn(stepRef.current);
      return;
    }
    if (!commitment) {
      setShown((s) => ({ ...s, commitment: t.commitmentRequired }));
      focusFirstInvalidIn(stepRef.current);
      return;
    }
    setShown((s) => ({ ...s, commitment: null }));
    frozenBody.current = submissionOf(content, procedure, agencyId!);
    attempts.current = 0;
    void send();
  };

  const addFile = (component: string, file: DraftFile) =>
    change((c) => {
      const exists = c.components.some((x) => x.name === component);
      const components = exists
        ? c.components.map((x) => (x.name === component ? { ...x, files: [...x.files, file] } : x))
        : [...c.components, { name: component, files: [file] }];
      return { ...c, components };
    });
  const removeFile = (component: string, fileId: string) =>
    change((c) => ({
      ...c,
      components: c.components.map((x) =>
        x.name === component ? { ...x, files: x.files.filter((f) => f.id !== fileId) } : x,
      ),
    }));
  const setActivity = (component: string, value: UploadActivity) => {
    activity.current = { ...activity.current, [component]: value };
    if (value.uploading === 0 && value.failed === 0 && shown.components[component] !== undefined) {
      const files = content.components.find((c) => c.name === component)?.files.length ?? 0;
      if (files > 0) setShown((s) => ({ ...s, components: { ...s.components, [component]: '' } }));
    }
  };

  const conflict = autosave.state.kind === 'conflict' ? autosave.state.current : undefined;

  return (
    <div className="wizard">
      {start.restoredAt && (
        <div className="notice" role="status">
          <p>{t.restored(formatDateTime(start.restoredAt))}</p>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              if (!window.confirm(t.startOverConfirm)) return;
              void autosave.discard().then(onStartOver);
            }}
          >
            {t.startOver}
          </button>
        </div>
      )}
      {conflict !== undefined && (
        <div className="notice notice-error" role="alert">
          <p>{t.conflict}</p>
          <p className="button-row">
            {conflict && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  autosave.takeServerCopy(conflict);
                  setAgencyId(conflict.agencyId);
                  setContent(conflict.content);
                }}
              >
                {t.conflictUseServer}
              </button>
            )}
            <button type="button" className="button" onClick={() => autosave.keepMine(conflict)}>
              {t.conflictKeepMine}
            </button>
          </p>
        </div>
      )}

      <ol className="wizard-steps" aria-label={t.stepsLabel}>
        {t.steps.map((name, i) => (
          <li
            key={name}
            aria-current={i === step ? 'step' : undefined}
            className={i < step ? 'done' : undefined}
          >
            <span className="wizard-step-number" aria-hidden="true">
              {i + 1}
            </span>
            <span>{name}</span>
          </li>
        ))}
      </ol>

      <section className="portal-card wizard-step" aria-labelledby="wizard-step-title">
        <p className="fact-note">{t.stepOf(step + 1, LAST_STEP + 1)}</p>
        <h2 id="wizard-step-title" ref={headingRef} tabIndex={-1}>
          {step === 0
            ? t.steps[0]
            : step === 1
              ? t.componentsTitle
              : step === 2
                ? t.deliveryTitle
                : t.reviewTitle}
        </h2>
        <div ref={stepRef}>
          {step === 0 && (
            <ApplicantStep
              procedure={procedure}
              agencyId={agencyId}
              applicant={content.applicant}
              errors={shown.applicant}
              onAgency={(id) => {
                setAgencyId(id);
                change((c) => c);
              }}
              onApplicant={(update) => change((c) => ({ ...c, applicant: { ...c.applicant, ...update } }))}
            />
          )}
          {step === 1 && (
            <ComponentsStep
              procedure={procedure}
              content={content}
              errors={shown.components}
              onAdded={addFile}
              onRemoved={removeFile}
              onActivity={setActivity}
            />
          )}
          {step === 2 && (
            <DeliveryStep
              delivery={content.delivery}
              note={content.note}
              errors={shown.delivery}
              onDelivery={(update) =>
                change((c) => {
                  const delivery = { ...c.delivery, ...update };
                  // Postal: start from the applicant's address.
                  if (update.method === 'postal' && delivery.address.trim() === '')
                    delivery.address = c.applicant.address;
                  return { ...c, delivery };
                })
              }
              onNote={(note) => change((c) => ({ ...c, note }))}
            />
          )}
          {step === 3 && (
            <>
              <ReviewStep
                procedure={procedure}
                agencyId={agencyId}
                content={content}
                editDisabled={busy}
                onEdit={(s) => goTo(s)}
              />
              <div className={shown.commitment ? 'field field-invalid' : 'field'}>
                {shown.commitment && (
                  <p id="commitment-error" className="field-error">
                    {shown.commitment}
                  </p>
                )}
                <label className="checkbox-option">
                  <input
                    type="checkbox"
                    checked={commitment}
                    disabled={busy}
                    aria-invalid={shown.commitment ? true : undefined}
                    aria-describedby={shown.commitment ? 'commitment-error' : undefined}
                    onChange={(event) => setCommitment(event.currentTarget.checked)}
                  />
                  <span>{t.commitment}</span>
                </label>
              </div>
            </>
          )}
        </div>

        {(submit.kind === 'retrying' || (submit.kind === 'sending' && submit.lost !== null)) && (
          <div className="notice notice-error" role="alert">
            <p>{t.submitRetrying}</p>
            <p className="fact-note">{submit.kind === 'retrying' ? submit.message : submit.lost}</p>
            <button
              type="button"
              className="button"
              disabled={submit.kind === 'sending'}
              onClick={() => void send()}
            >
              {t.submitRetryNow}
            </button>
          </div>
        )}
        {submit.kind === 'failed' && (
          <div className="notice notice-error" role="alert">
            <p>
              {t.submitFailed} {submit.message}
            </p>
          </div>
        )}

        <div className="wizard-actions">
          {step > 0 && (
            <button type="button" className="button" disabled={busy} onClick={() => goTo(step - 1)}>
              {t.back}
            </button>
          )}
          {step < LAST_STEP ? (
            <button type="button" className="button button-primary" onClick={next}>
              {t.next}
            </button>
          ) : (
            <button type="button" className="button button-primary" disabled={busy} onClick={submitNow}>
              {busy ? t.submitting : t.submit}
            </button>
          )}
        </div>
      </section>
      <SaveStatus state={autosave.state} />
      <p>
        <Link to={`/portal/procedures/${encodeURIComponent(procedure.procedureId)}`}>
          {t.backToProcedure}
        </Link>
      </p>
    </div>
  );
}
