import type { ChannelSpec, DossierComponent, PublicProcedure } from '@motcua/contracts/catalog';
import { Link, useParams } from 'react-router-dom';
import { isApiRequestError, messageOf } from '../api/client';
import {
  formatDate,
  formatFeeAmount,
  formatOfficeHours,
  formatProcessingTime,
  templateHref,
} from '../catalog/catalog-format';
import { catalogLabels, catalogText } from '../i18n/vi/catalog';
import { commonText } from '../i18n/vi/shared-strings';
import { usePageTitle } from '../page-title';
import { useDesk, usePublicProcedure } from './catalog-queries';

function SubmitOnline({ procedure }: { procedure: PublicProcedure }) {
  if (!procedure.onlineSubmission) {
    return <p className="notice">{catalogText.notOnline}</p>;
  }
  return (
    <div className="submit-online">
      <Link
        className="button button-primary button-large"
        to={`/portal/submit/${encodeURIComponent(procedure.procedureId)}`}
      >
        {catalogText.submitOnline}
      </Link>
      <p>{catalogText.submitOnlineHint}</p>
    </div>
  );
}

function ComponentItem({ component }: { component: DossierComponent }) {
  const href = component.formTemplate ? templateHref(component.formTemplate) : null;
  const quantities = [
    component.originals > 0 ? catalogText.originals(component.originals) : null,
    component.copies > 0 ? catalogText.copies(component.copies) : null,
  ].filter((q): q is string => q !== null);
  return (
    <li className="component-item">
      <p className="component-name">{component.name}</p>
      <p className="component-meta">
        <span className={component.required ? 'badge badge-required' : 'badge'}>
          {component.required ? catalogText.required : catalogText.conditional}
        </span>
        {quantities.length > 0 && (
          <span>
            {catalogText.quantity}: {quantities.join(', ')}
          </span>
        )}
      </p>
      {component.formTemplate &&
        (href ? (
          <p>
            <a href={href} download>
              {catalogText.downloadTemplate(href.split('/').pop() ?? href)}
            </a>
          </p>
        ) : (
          <p className="component-template">
            {catalogText.formTemplate}: {component.formTemplate}
          </p>
        ))}
      {component.fromDataStore && <p className="component-template">{catalogText.fromDataStore}</p>}
    </li>
  );
}

function ChannelCard({ channel }: { channel: ChannelSpec }) {
  return (
    <li className="portal-card channel-card">
      <h3>{catalogLabels.channels[channel.channel]}</h3>
      <dl className="details-list">
        <dt>{catalogText.processingTime}</dt>
        <dd>
          {formatProcessingTime(channel.processingTime)}
          {channel.processingTime?.note && <span className="fact-note">{channel.processingTime.note}</span>}
        </dd>
        <dt>{catalogText.fees}</dt>
        <dd>
          {channel.fees.length === 0 ? (
            catalogText.noFees
          ) : (
            <ul className="plain-list">
              {channel.fees.map((fee) => (
                <li key={`${fee.name}-${fee.amountVnd}-${fee.description}`}>
                  {fee.name}: <strong>{formatFeeAmount(fee)}</strong>
                  {fee.description && <span className="fact-note">{fee.description}</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </li>
  );
}

function DeskCard({ desk }: { desk: PublicProcedure['agencies'][number]['desks'][number] }) {
  const details = useDesk(desk.id).data;
  return (
    <li>
      <p className="desk-name">{desk.name}</p>
      <dl className="details-list">
        {desk.address && (
          <>
            <dt>{catalogText.address}</dt>
            <dd>{desk.address}</dd>
          </>
        )}
        {desk.phone && (
          <>
            <dt>{catalogText.phone}</dt>
            <dd>
              <a href={`tel:${desk.phone.replace(/\s/g, '')}`}>{desk.phone}</a>
            </dd>
          </>
        )}
        {details && (
          <>
            <dt>{catalogText.officeHours}</dt>
            <dd>{formatOfficeHours(details.officeHours)}</dd>
          </>
        )}
      </dl>
    </li>
  );
}

function ProcedureDetails({ procedure }: { procedure: PublicProcedure }) {
  const c = procedure.content;
  const firstResult = c.results[0]?.name ?? null;
  return (
    <article className="procedure-page" aria-labelledby="procedure-title">
      <p className="procedure-code">
        {catalogText.code}: {c.nationalCode} · {procedure.field.name}
      </p>
      <h1 id="procedure-title">{c.name}</h1>
      <SubmitOnline procedure={procedure} />

      <section className="portal-card" aria-labelledby="summary-title">
        <h2 id="summary-title">{catalogText.summary}</h2>
        <dl className="details-list">
          <dt>{catalogText.whatFor}</dt>
          <dd>{catalogText.whatForText(c.name, firstResult)}</dd>
          <dt>{catalogText.whoMayUse}</dt>
          <dd>{c.subjects.map((s) => catalogLabels.subjects[s]).join(', ')}</dd>
          <dt>{catalogText.level}</dt>
          <dd>{c.levels.map((l) => catalogLabels.levels[l]).join(', ')}</dd>
          {c.agencyDescription && (
            <>
              <dt>{catalogText.agencyDescription}</dt>
              <dd>{c.agencyDescription}</dd>
            </>
          )}
          <dt>{catalogText.onlineLevel}</dt>
          <dd>{c.onlineLevel ? catalogLabels.onlineLevels[c.onlineLevel] : catalogText.notOnlineShort}</dd>
          {procedure.decisionNumber && (
            <>
              <dt>{catalogText.decision}</dt>
              <dd>
                {catalogText.decisionText(procedure.decisionNumber, formatDate(procedure.decisionDate))}
              </dd>
            </>
          )}
        </dl>
        {c.resultImmediately && <p className="badge badge-online">{catalogText.resultImmediately}</p>}
      </section>

      {c.requirements && (
        <section className="portal-card" aria-labelledby="requirements-title">
          <h2 id="requirements-title">{catalogText.requirements}</h2>
          <p className="preserve-lines">{c.requirements}</p>
        </section>
      )}

      <section className="portal-card" aria-labelledby="components-title">
        <h2 id="components-title">{catalogText.components}</h2>
        {c.components.length === 0 ? (
          <p>{catalogText.noComponents}</p>
        ) : (
          <>
            <p className="fact-note">{catalogText.componentsCount(c.components.length)}</p>
            <ol className="component-list">
              {c.components.map((component, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: components have no id and never reorder here
                <ComponentItem key={i} component={component} />
              ))}
            </ol>
          </>
        )}
      </section>

      <section aria-labelledby="time-title">
        <h2 id="time-title">{catalogText.timeAndFees}</h2>
        <ul className="channel-list">
          {c.channels.map((channel) => (
            <ChannelCard key={channel.channel} channel={channel} />
          ))}
        </ul>
      </section>

      {c.steps.length > 0 && (
        <section className="portal-card" aria-labelledby="steps-title">
          <h2 id="steps-title">{catalogText.steps}</h2>
          <ol className="step-list">
            {c.steps.map((step, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps are plain text in a fixed order
              <li key={i}>{step}</li>
            ))}
          </ol>
        </section>
      )}

      {c.results.length > 0 && (
        <section className="portal-card" aria-labelledby="results-title">
          <h2 id="results-title">{catalogText.results}</h2>
          <ul className="plain-list">
            {c.results.map((result) => (
              <li key={result.name}>
                {result.name}
                {result.electronic && (
                  <span className="badge badge-online">{catalogText.electronicResult}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="portal-card" aria-labelledby="where-title">
        <h2 id="where-title">{catalogText.whereToSubmit}</h2>
        {procedure.agencies.length === 0 && <p>{c.agencyDescription ?? catalogText.noDesks}</p>}
        {procedure.agencies.map((agency) => (
          <div key={agency.id} className="agency-block">
            <h3>{agency.name}</h3>
            {agency.desks.length === 0 ? (
              <p>{catalogText.noDesks}</p>
            ) : (
              <ul className="desk-list">
                {agency.desks.map((desk) => (
                  <DeskCard key={desk.id} desk={desk} />
                ))}
              </ul>
            )}
          </div>
        ))}
      </section>

      {c.legalBasis.length > 0 && (
        <section className="portal-card" aria-labelledby="legal-title">
          <h2 id="legal-title">{catalogText.legalBasis}</h2>
          <ul className="plain-list">
            {c.legalBasis.map((law) => (
              <li key={law.number}>
                <strong>{law.number}</strong> — {law.title}
                {law.effectiveDate && ` (${catalogText.effectiveFrom(formatDate(law.effectiveDate))})`}
              </li>
            ))}
          </ul>
        </section>
      )}

      <SubmitOnline procedure={procedure} />
      <p className="fact-note">{catalogText.lastPublished(formatDate(procedure.inForceFrom))}</p>
    </article>
  );
}

/** `/portal/procedures/:id`: everything a citizen needs before applying. */
export function ProcedurePage() {
  const { id = '' } = useParams();
  const procedure = usePublicProcedure(id);
  usePageTitle(procedure.data?.content.name ?? catalogText.searchTitle);

  return (
    <>
      <p>
        <Link to="/portal/procedures">← {catalogText.backToSearch}</Link>
      </p>
      {procedure.isPending && (
        <p className="page-loading" role="status">
          {commonText.loading}
        </p>
      )}
      {procedure.isError &&
        (isApiRequestError(procedure.error) && procedure.error.status === 404 ? (
          <>
            <h1>{catalogText.procedureNotFound}</h1>
            <p>
              <Link to="/portal/procedures">{catalogText.backToSearch}</Link>
            </p>
          </>
        ) : (
          <div className="notice notice-error" role="alert">
            <p>{catalogText.procedureLoadFailed}</p>
            <p>{messageOf(procedure.error)}</p>
            <button type="button" className="button" onClick={() => void procedure.refetch()}>
              {commonText.retry}
            </button>
          </div>
        ))}
      {procedure.data && <ProcedureDetails procedure={procedure.data} />}
    </>
  );
}
