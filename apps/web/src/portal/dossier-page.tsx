import type { Rating, RatingInput } from '@motcua/contracts/portal';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, isApiRequestError, messageOf } from '../api/client';
import { dossierText as t } from '../i18n/vi/portal-dossier';
import { commonText } from '../i18n/vi/shared-strings';
import { usePageTitle } from '../page-title';
import { CitizenGate } from './citizen-gate';
import { DeadlineChip } from './deadline-chip';
import { deadlineLabel, finishedStatuses, formatDateTime } from './dossier-format';
import { DossierTimeline } from './dossier-timeline';
import type { PortalDossier, PortalDossierEvent } from './dossier-types';
import { focusFirstInvalidIn, RadioGroup, TextAreaField } from './form-controls';
import { portalKeys, useDossier, useRating } from './portal-queries';

const formHref = (id: string, form: string) =>
  `/api/dossiers/${encodeURIComponent(id)}/forms/${encodeURIComponent(form)}`;
const fileHref = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`;

function lastEvent(events: PortalDossierEvent[], ...types: string[]): PortalDossierEvent | undefined {
  for (let i = events.length - 1; i >= 0; i--) if (types.includes(events[i]!.type)) return events[i];
  return undefined;
}

/** What is missing and why (Form 02), with the way back to the desk. */
export function SupplementRequest({ dossier, withAction }: { dossier: PortalDossier; withAction: boolean }) {
  const round = dossier.state.supplements.at(-1);
  const asked = lastEvent(dossier.events, 'SupplementRequested', 'IntakeSupplementRequested');
  if (!round) return null;
  const intake = round.stage === 'intake';
  return (
    <section className="portal-card supplement-card" aria-labelledby="supplement-title">
      <h2 id="supplement-title">{t.supplementTitle}</h2>
      <p>{t.supplementLead}</p>
      <ol className="supplement-items">
        {round.items.map((item) => (
          <li key={`${item.name}-${item.reason}`}>
            <p className="component-name">{item.name}</p>
            <p>
              <strong>{t.supplementReason}:</strong> {item.reason}
            </p>
          </li>
        ))}
      </ol>
      {typeof asked?.guidance === 'string' && asked.guidance !== '' && (
        <p>
          <strong>{t.supplementGuidance}:</strong> {asked.guidance}
        </p>
      )}
      <p className="fact-note">{intake ? t.supplementPausedIntake : t.supplementPausedProcessing}</p>
      <p>
        <a href={formHref(dossier.summary.id, 'supplement-request')} target="_blank" rel="noreferrer">
          {t.supplementForm}
        </a>
      </p>
      {withAction && (
        <Link
          className="button button-primary"
          to={`/portal/dossiers/${encodeURIComponent(dossier.summary.id)}/supplement`}
        >
          {t.supplementAction}
        </Link>
      )}
    </section>
  );
}

function ResultCard({ dossier }: { dossier: PortalDossier }) {
  const { result, returned, status, refusedReasons, closedReason } = dossier.state;
  if (status === 'refused-at-intake')
    return (
      <section className="portal-card" aria-labelledby="result-title">
        <h2 id="result-title">{t.resultTitle}</h2>
        <p>{t.refusedAtIntake}</p>
        <ul>
          {refusedReasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        <a href={formHref(dossier.summary.id, 'refusal')} target="_blank" rel="noreferrer">
          {t.refusalForm}
        </a>
      </section>
    );
  if ((status === 'withdrawn' || status === 'stopped') && closedReason)
    return (
      <section className="portal-card" aria-labelledby="result-title">
        <h2 id="result-title">{t.resultTitle}</h2>
        <p>{t.closedReason(closedReason)}</p>
      </section>
    );
  if (!result) return null;
  return (
    <section className="portal-card result-card" aria-labelledby="result-title">
      <h2 id="result-title">{t.resultTitle}</h2>
      {result.outcome === 'granted' ? (
        <>
          <p>{t.resultGranted}</p>
          <h3>{t.resultDocuments}</h3>
          <ul className="plain-list">
            {result.documents.map((doc) => (
              <li key={`${doc.name}-${doc.fileId ?? ''}`}>
                {doc.fileId ? (
                  <a
                    className="button button-primary"
                    href={fileHref(doc.fileId)}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {t.resultDownload(doc.name)}
                  </a>
                ) : (
                  <>
                    <span className="component-name">{doc.name}</span>
                    <span className="fact-note">{t.resultPaper}</span>
                  </>
                )}
                {doc.number && <span className="fact-note">{t.resultNumber(doc.number)}</span>}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p>{t.resultRefused}</p>
          <ul>
            {result.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      )}
      {returned && (
        <div className="returned">
          <p>
            {returned.method === 'online'
              ? t.returnedOnline(formatDateTime(returned.at))
              : returned.method === 'postal'
                ? t.returnedPostal(formatDateTime(returned.at))
                : t.returnedDesk(formatDateTime(returned.at))}
          </p>
          {returned.method === 'postal' && returned.trackingNumber && (
            <p>
              {t.trackingNumber}: <strong className="tracking-number">{returned.trackingNumber}</strong>
            </p>
          )}
        </div>
      )}
    </section>
  );
}

type RatingKey = 'time' | 'contacts' | 'agencies' | 'attitude';
const ratingKeys: RatingKey[] = ['time', 'contacts', 'agencies', 'attitude'];

function RatingSummary({ rating }: { rating: Rating }) {
  return (
    <dl className="details-list">
      {ratingKeys.map((key) => (
        <div key={key} className="rating-row">
          <dt>{t.ratingQuestions[key].legend}</dt>
          <dd>{t.ratingQuestions[key].options[rating[key]]}</dd>
        </div>
      ))}
      {rating.comment && (
        <div className="rating-row">
          <dt>{t.ratingComment}</dt>
          <dd>{rating.comment}</dd>
        </div>
      )}
    </dl>
  );
}

/** Circular 01 indices 1, 3, 4 and 7 in the applicant's words; once per dossier. */
function RatingCard({ dossierId }: { dossierId: string }) {
  const rating = useRating(dossierId, true);
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Partial<Record<RatingKey, 0 | 1 | 2>>>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Partial<Record<RatingKey, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  if (!rating.data) return null;
  const existing = rating.data.rating;
  return (
    <section className="portal-card rating-card" aria-labelledby="rating-title">
      <h2 id="rating-title">{existing ? t.ratingYours : t.ratingTitle}</h2>
      {existing ? (
        <>
          <p role="status">{t.ratingThanks}</p>
          <RatingSummary rating={existing} />
        </>
      ) : (
        <form
          ref={formRef}
          noValidate
          aria-labelledby="rating-title"
          onSubmit={(event) => {
            event.preventDefault();
            const missing = Object.fromEntries(
              ratingKeys.filter((k) => values[k] === undefined).map((k) => [k, t.ratingChoose]),
            );
            setErrors(missing);
            if (Object.keys(missing).length > 0) {
              focusFirstInvalidIn(formRef.current);
              return;
            }
            setSending(true);
            setFailure(null);
            const body: RatingInput = {
              time: values.time!,
              contacts: values.contacts!,
              agencies: values.agencies!,
              attitude: values.attitude!,
              comment: comment.trim() === '' ? null : comment,
            };
            api
              .post<Rating>(`/api/portal/dossiers/${encodeURIComponent(dossierId)}/rating`, body)
              .then((saved) => queryClient.setQueryData(portalKeys.rating(dossierId), { rating: saved }))
              .catch((error: unknown) => {
                if (isApiRequestError(error) && error.code === 'ALREADY_RATED') void rating.refetch();
                setFailure(`${t.ratingFailed} ${messageOf(error)}`);
              })
              .finally(() => setSending(false));
          }}
        >
          <p className="field-hint">{t.ratingLead}</p>
          {failure && (
            <p className="notice notice-error" role="alert">
              {failure}
            </p>
          )}
          {ratingKeys.map((key) => (
            <RadioGroup
              key={key}
              legend={t.ratingQuestions[key].legend}
              name={`rating-${key}`}
              value={values[key] ?? null}
              error={errors[key]}
              // Best first: 2, 1, 0 points.
              options={([2, 1, 0] as const).map((score) => ({
                value: score,
                label: t.ratingQuestions[key].options[score],
              }))}
              onChange={(score) => setValues((v) => ({ ...v, [key]: score }))}
            />
          ))}
          <TextAreaField
            name="rating-comment"
            label={t.ratingComment}
            maxLength={2000}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
          />
          <button type="submit" className="button button-primary" disabled={sending}>
            {sending ? t.ratingSending : t.ratingSubmit}
          </button>
        </form>
      )}
    </section>
  );
}

function WithdrawForm({ dossier }: { dossier: PortalDossier }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  return (
    <details className="portal-card withdraw">
      <summary>
        <h2>{t.withdrawTitle}</h2>
      </summary>
      <p>{t.withdrawLead}</p>
      <form
        noValidate
        aria-label={t.withdrawTitle}
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim() === '') {
            setError(t.withdrawReasonRequired);
            return;
          }
          setError(undefined);
          setSending(true);
          api
            .post(`/api/dossiers/${encodeURIComponent(dossier.summary.id)}/commands`, {
              version: dossier.summary.version,
              command: { type: 'withdraw', reason },
            })
            .then(() => queryClient.invalidateQueries({ queryKey: portalKeys.dossier(dossier.summary.id) }))
            .catch((e: unknown) => {
              setFailure(messageOf(e));
              void queryClient.invalidateQueries({ queryKey: portalKeys.dossier(dossier.summary.id) });
            })
            .finally(() => setSending(false));
        }}
      >
        {failure && (
          <p className="notice notice-error" role="alert">
            {failure}
          </p>
        )}
        <TextAreaField
          name="withdraw-reason"
          label={t.withdrawReason}
          value={reason}
          error={error}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <button type="submit" className="button" disabled={sending}>
          {sending ? t.withdrawing : t.withdrawSubmit}
        </button>
      </form>
    </details>
  );
}

function Papers({ dossier }: { dossier: PortalDossier }) {
  const { state, summary } = dossier;
  const apologised = state.extensions.length > 0;
  return (
    <section className="portal-card" aria-labelledby="papers-title">
      <h2 id="papers-title">{t.papersTitle}</h2>
      <ul className="plain-list">
        <li>
          {state.acceptedAt !== null ? (
            <a href={formHref(summary.id, 'receipt')} target="_blank" rel="noreferrer">
              {t.receipt}
            </a>
          ) : (
            <span className="fact-note">{t.receiptNotYet}</span>
          )}
        </li>
        {apologised && (
          <li>
            <a href={formHref(summary.id, 'apology')} target="_blank" rel="noreferrer">
              {t.apologyForm}
            </a>
          </li>
        )}
      </ul>
      <h3>{t.submittedComponents}</h3>
      <ul className="plain-list submitted-components">
        {state.components.map((component) => (
          <li key={component.name}>
            <span className="component-name">{component.name}</span>
            {component.fileIds.length === 0 ? (
              <span className="fact-note">{t.paperOnly}</span>
            ) : (
              <span className="file-links">
                {component.fileIds.map((fileId, i) => (
                  <a
                    key={fileId}
                    href={fileHref(fileId)}
                    target="_blank"
                    rel="noreferrer"
                    aria-label={t.fileLinkOf(i + 1, component.name)}
                  >
                    {t.fileLink(i + 1)}
                  </a>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function DossierView({ id }: { id: string }) {
  const dossier = useDossier(id, true);
  const [params] = useSearchParams();
  usePageTitle(dossier.data ? `${t.dossierTitle} ${dossier.data.summary.code}` : t.dossierTitle);

  if (dossier.isPending)
    return (
      <p className="page-loading" role="status">
        {commonText.loading}
      </p>
    );
  if (dossier.isError)
    return isApiRequestError(dossier.error) && dossier.error.status === 404 ? (
      <>
        <h1>{t.dossierTitle}</h1>
        <p className="notice notice-error" role="alert">
          {t.dossierNotFound}
        </p>
      </>
    ) : (
      <div className="notice notice-error" role="alert">
        <p>
          {t.dossierLoadFailed} {messageOf(dossier.error)}
        </p>
        <button type="button" className="button" onClick={() => void dossier.refetch()}>
          {commonText.retry}
        </button>
      </div>
    );

  const d = dossier.data;
  const { summary, progress, allowedCommands } = d;
  const now = Date.now();
  const finished = finishedStatuses.has(summary.status);
  const deadline =
    progress.kind === 'open'
      ? deadlineLabel(progress.status, progress.dueAt, now, progress.remainingWorkingMs)
      : null;
  const needsSupplement = summary.status === 'supplement-requested' || summary.status === 'intake-supplement';
  const canSupplement =
    allowedCommands.includes('receiveSupplement') || allowedCommands.includes('receiveIntakeSupplement');

  return (
    <article className="dossier-page" aria-labelledby="dossier-title">
      <p className="procedure-code break-anywhere">
        {t.code}: <strong>{summary.code}</strong>
      </p>
      <h1 id="dossier-title">{summary.procedureName}</h1>
      {params.get('submitted') === '1' && (
        <p className="notice notice-success" role="status">
          {t.submittedNotice(summary.code)}
        </p>
      )}
      {params.get('supplemented') === '1' && !needsSupplement && (
        <p className="notice notice-success" role="status">
          {t.supplementedNotice}
        </p>
      )}
      <section className="portal-card" aria-labelledby="status-title">
        <h2 id="status-title" className="visually-hidden">
          {t.status}
        </h2>
        <dl className="details-list">
          <dt>{t.status}</dt>
          <dd>
            <span className={`status status-${summary.status}`}>{summary.statusLabel}</span>
          </dd>
          <dt>{t.received}</dt>
          <dd>{formatDateTime(summary.receivedAt)}</dd>
          <dt>{t.appointment}</dt>
          <dd>
            {summary.appointmentAt ? formatDateTime(summary.appointmentAt) : t.noAppointmentYet}
            {deadline && !finished && summary.appointmentAt && (
              <>
                {' '}
                <DeadlineChip tone={deadline.tone} text={deadline.text} />
              </>
            )}
          </dd>
          {summary.finishedAt && (
            <>
              <dt>{t.finished}</dt>
              <dd>
                {formatDateTime(summary.finishedAt)}
                {progress.kind === 'finished' && progress.classification && (
                  <span className="fact-note">
                    {progress.classification === 'early'
                      ? t.finishedEarly
                      : progress.classification === 'on-time'
                        ? t.finishedOnTime
                        : t.finishedLate}
                  </span>
                )}
              </dd>
            </>
          )}
          {summary.returnedAt && (
            <>
              <dt>{t.returned}</dt>
              <dd>{formatDateTime(summary.returnedAt)}</dd>
            </>
          )}
        </dl>
      </section>

      <section className="portal-card next-card" aria-labelledby="next-title">
        <h2 id="next-title">{t.nextTitle}</h2>
        <p>{t.next[summary.status] ?? ''}</p>
      </section>

      {needsSupplement && <SupplementRequest dossier={d} withAction={canSupplement} />}
      <ResultCard dossier={d} />
      {(summary.status === 'done' || summary.status === 'returned') && <RatingCard dossierId={summary.id} />}
      <Papers dossier={d} />

      <section className="portal-card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t.timelineTitle}</h2>
        <DossierTimeline events={d.events} />
      </section>

      {allowedCommands.includes('withdraw') && <WithdrawForm dossier={d} />}
    </article>
  );
}

/** `/portal/dossiers/:id`: one of the citizen's dossiers, what happened and what happens next. */
export function DossierPage() {
  const { id = '' } = useParams();
  return (
    <>
      <p>
        <Link to="/portal/dossiers">← {t.backToList}</Link>
      </p>
      <CitizenGate>{() => <DossierView id={id} />}</CitizenGate>
    </>
  );
}
