import type { DraftFile } from '@motcua/contracts/portal';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, isApiRequestError, messageOf } from '../api/client';
import { dossierText as t, wizardText } from '../i18n/vi/portal-dossier';
import { commonText } from '../i18n/vi/shared-strings';
import { usePageTitle } from '../page-title';
import { CitizenGate } from './citizen-gate';
import { ComponentUpload, type UploadActivity } from './component-upload';
import { SupplementRequest } from './dossier-page';
import type { PortalDossier } from './dossier-types';
import { focusFirstInvalidIn } from './form-controls';
import { portalKeys, useDossier } from './portal-queries';

type Files = Record<string, DraftFile[]>;

/** What was uploaded survives a reload or a dropped connection until it is sent. */
const storageKey = (dossierId: string) => `motcua.supplement.${dossierId}`;
function readFiles(dossierId: string): Files {
  try {
    return JSON.parse(localStorage.getItem(storageKey(dossierId)) ?? '{}') as Files;
  } catch {
    return {};
  }
}
function writeFiles(dossierId: string, files: Files): void {
  try {
    localStorage.setItem(storageKey(dossierId), JSON.stringify(files));
  } catch {
    // storage unavailable: the files stay in this page only
  }
}

function SupplementForm({ dossier }: { dossier: PortalDossier }) {
  const id = dossier.summary.id;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [files, setFiles] = useState<Files>(() => readFiles(id));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const activity = useRef<Record<string, UploadActivity>>({});
  useEffect(() => writeFiles(id, files), [id, files]);

  const round = dossier.state.supplements.at(-1);
  const components = dossier.state.procedure?.components ?? [];
  const reasons = new Map((round?.items ?? []).map((item) => [item.name, item.reason] as const));
  const requested = components.filter((c) => reasons.has(c.name));
  const others = components.filter((c) => !reasons.has(c.name));
  const intake = dossier.summary.status === 'intake-supplement';

  const upload = (component: (typeof components)[number]) => (
    <ComponentUpload
      key={component.name}
      component={component}
      files={files[component.name] ?? []}
      error={errors[component.name]}
      highlight={
        reasons.has(component.name) ? `${t.supplementReason}: ${reasons.get(component.name)}` : undefined
      }
      onAdded={(file) => setFiles((f) => ({ ...f, [component.name]: [...(f[component.name] ?? []), file] }))}
      onRemoved={(fileId) =>
        setFiles((f) => ({
          ...f,
          [component.name]: (f[component.name] ?? []).filter((x) => x.id !== fileId),
        }))
      }
      onActivity={(a) => {
        activity.current = { ...activity.current, [component.name]: a };
      }}
    />
  );

  return (
    <form
      ref={formRef}
      noValidate
      aria-labelledby="supplement-upload-title"
      onSubmit={(event) => {
        event.preventDefault();
        const found: Record<string, string> = {};
        for (const [name, a] of Object.entries(activity.current)) {
          if (a.failed > 0) found[name] = wizardText.uploadsFailed;
          else if (a.uploading > 0) found[name] = wizardText.uploadsPending;
        }
        const needed = requested.length > 0 ? requested : components;
        const anyFile = needed.some((c) => (files[c.name] ?? []).length > 0);
        for (const c of requested)
          if ((files[c.name] ?? []).length === 0) found[c.name] ??= t.supplementNeedsFile;
        if (requested.length === 0 && !anyFile && components[0])
          found[components[0].name] = t.supplementNeedsFile;
        setErrors(found);
        if (Object.keys(found).length > 0) {
          focusFirstInvalidIn(formRef.current);
          return;
        }
        const sent = components
          .filter((c) => (files[c.name] ?? []).length > 0)
          .map((c) => ({
            name: c.name,
            originals: c.originals,
            copies: c.copies,
            digitised: true,
            fromDataStore: false,
            fileIds: (files[c.name] ?? []).map((f) => f.id),
          }));
        setSending(true);
        setFailure(null);
        api
          .post(`/api/dossiers/${encodeURIComponent(id)}/commands`, {
            version: dossier.summary.version,
            command: { type: intake ? 'receiveIntakeSupplement' : 'receiveSupplement', components: sent },
          })
          .then(async () => {
            localStorage.removeItem(storageKey(id));
            await queryClient.invalidateQueries({ queryKey: portalKeys.dossier(id) });
            void queryClient.invalidateQueries({ queryKey: ['portal', 'dossiers'] });
            navigate(`/portal/dossiers/${encodeURIComponent(id)}?supplemented=1`);
          })
          .catch((error: unknown) => {
            if (isApiRequestError(error) && error.code === 'VERSION_CONFLICT') {
              setFailure(t.dossierChanged);
              void queryClient.invalidateQueries({ queryKey: portalKeys.dossier(id) });
            } else setFailure(`${t.supplementFailed} ${messageOf(error)}`);
          })
          .finally(() => setSending(false));
      }}
    >
      <h2 id="supplement-upload-title">{t.supplementUploadTitle}</h2>
      {failure && (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      )}
      {(requested.length > 0 ? requested : components).map(upload)}
      {requested.length > 0 && others.length > 0 && (
        <details className="other-components">
          <summary>{t.supplementOtherComponents}</summary>
          {others.map(upload)}
        </details>
      )}
      <button type="submit" className="button button-primary" disabled={sending}>
        {sending ? t.supplementSending : t.supplementSubmit}
      </button>
    </form>
  );
}

function SupplementView({ id }: { id: string }) {
  const dossier = useDossier(id, true);
  if (dossier.isPending)
    return (
      <p className="page-loading" role="status">
        {commonText.loading}
      </p>
    );
  if (dossier.isError)
    return (
      <div className="notice notice-error" role="alert">
        <p>
          {isApiRequestError(dossier.error) && dossier.error.status === 404
            ? t.dossierNotFound
            : `${t.dossierLoadFailed} ${messageOf(dossier.error)}`}
        </p>
      </div>
    );
  const d = dossier.data;
  const open =
    d.allowedCommands.includes('receiveSupplement') || d.allowedCommands.includes('receiveIntakeSupplement');
  return (
    <>
      <p className="procedure-code break-anywhere">
        {t.code}: <strong>{d.summary.code}</strong> · {d.summary.procedureName}
      </p>
      {open ? (
        <>
          <SupplementRequest dossier={d} withAction={false} />
          <section className="portal-card">
            <SupplementForm dossier={d} />
          </section>
        </>
      ) : (
        <p className="notice" role="status">
          {t.supplementNotOpen}
        </p>
      )}
    </>
  );
}

/** `/portal/dossiers/:id/supplement`: the citizen answers a supplement request (Form 02). */
export function SupplementPage() {
  const { id = '' } = useParams();
  usePageTitle(t.supplementPageTitle);
  return (
    <>
      <p>
        <Link to={`/portal/dossiers/${encodeURIComponent(id)}`}>← {t.dossierTitle}</Link>
      </p>
      <h1>{t.supplementPageTitle}</h1>
      <CitizenGate>{() => <SupplementView id={id} />}</CitizenGate>
    </>
  );
}
