import type { PublicProcedure } from '@motcua/contracts/catalog';
import type { ApplicantProfile, Draft, SubmissionDraftContent } from '@motcua/contracts/portal';
import type { SessionUser } from '@motcua/contracts/session';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiRequestError, messageOf } from '../api/client';
import { catalogText } from '../i18n/vi/catalog';
import { wizardText as t } from '../i18n/vi/portal-dossier';
import { commonText } from '../i18n/vi/shared-strings';
import { usePageTitle } from '../page-title';
import { usePublicProcedure } from './catalog-queries';
import { CitizenGate } from './citizen-gate';
import { useApplicantProfile, useDrafts } from './portal-queries';
import { newIdempotencyKey } from './portal-requests';
import { SubmissionWizard, type WizardStart } from './submission-wizard';
import { localDraftKey, readLocalDraft } from './use-draft-autosave';

function freshContent(procedure: PublicProcedure, profile: ApplicantProfile): SubmissionDraftContent {
  return {
    title: procedure.content.name,
    step: 0,
    idempotencyKey: newIdempotencyKey(),
    applicant: {
      kind: 'citizen',
      name: profile.fullName,
      idNumber: profile.idNumber ?? '',
      address: '',
      phone: profile.phone ?? '',
      email: profile.email ?? '',
    },
    components: [],
    delivery: { method: null, address: '' },
    note: '',
    editedAt: new Date().toISOString(),
  };
}

/**
 * Where the wizard starts: the newest of the server's drafts for this procedure and this device's copy
 * (which may hold what was typed while the connection was down), or a fresh draft prefilled from the
 * citizen's account.
 */
export function wizardStart(
  procedure: PublicProcedure,
  profile: ApplicantProfile,
  drafts: Draft[],
  localKey: string,
): WizardStart {
  const onlyAgency = procedure.agencies.length === 1 ? procedure.agencies[0]!.id : null;
  const server = [...drafts].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null;
  const local = readLocalDraft(localKey);
  const serverState = (d: Draft | null) =>
    d
      ? {
          agencyId: d.agencyId,
          version: d.version,
          savedJson: JSON.stringify(d.content),
          updatedAt: d.updatedAt,
        }
      : { agencyId: null, version: 0, savedJson: null, updatedAt: null };
  if (local && (!server || local.content.editedAt > server.content.editedAt)) {
    const sameKey = server && server.agencyId === local.agencyId ? server : null;
    const base =
      sameKey ?? (local.agencyId ? (drafts.find((d) => d.agencyId === local.agencyId) ?? null) : null);
    return {
      agencyId: local.agencyId ?? onlyAgency,
      content: local.content,
      server: base ? { ...serverState(base), savedJson: JSON.stringify(base.content) } : serverState(null),
      restoredAt: local.content.editedAt,
    };
  }
  if (server)
    return {
      agencyId: server.agencyId,
      content: server.content,
      server: serverState(server),
      restoredAt: server.updatedAt,
    };
  return {
    agencyId: onlyAgency,
    content: freshContent(procedure, profile),
    server: serverState(null),
    restoredAt: null,
  };
}

function WizardLoader({ procedure, user }: { procedure: PublicProcedure; user: SessionUser }) {
  const profile = useApplicantProfile(true);
  const drafts = useDrafts(true, procedure.procedureId);
  if (profile.isError || drafts.isError) {
    return (
      <div className="notice notice-error" role="alert">
        <p>
          {t.loadFailed} {messageOf(profile.error ?? drafts.error)}
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            void profile.refetch();
            void drafts.refetch();
          }}
        >
          {commonText.retry}
        </button>
      </div>
    );
  }
  if (!profile.data || !drafts.data)
    return (
      <p className="page-loading" role="status">
        {commonText.loading}
      </p>
    );
  return (
    <WizardSession
      procedure={procedure}
      profile={profile.data}
      drafts={drafts.data}
      localKey={localDraftKey(user.id, procedure.procedureId)}
    />
  );
}

function WizardSession({
  procedure,
  profile,
  drafts,
  localKey,
}: {
  procedure: PublicProcedure;
  profile: ApplicantProfile;
  drafts: Draft[];
  localKey: string;
}) {
  // Decided once when the page opens: later saves must not restart the wizard.
  const [start, setStart] = useState(() => wizardStart(procedure, profile, drafts, localKey));
  const [run, setRun] = useState(0);
  return (
    <SubmissionWizard
      key={run}
      procedure={procedure}
      start={start}
      localKey={localKey}
      onStartOver={() => {
        setStart({
          agencyId: procedure.agencies.length === 1 ? procedure.agencies[0]!.id : null,
          content: freshContent(procedure, profile),
          server: { agencyId: null, version: 0, savedJson: null, updatedAt: null },
          restoredAt: null,
        });
        setRun((r) => r + 1);
      }}
    />
  );
}

/** `/portal/submit/:procedureId`: the online submission wizard of one procedure. */
export function OnlineSubmissionPage() {
  const { procedureId = '' } = useParams();
  const procedure = usePublicProcedure(procedureId);
  usePageTitle(procedure.data ? `${t.title}: ${procedure.data.content.name}` : t.title);
  return (
    <>
      <p>
        <Link to={`/portal/procedures/${encodeURIComponent(procedureId)}`}>← {t.backToProcedure}</Link>
      </p>
      <h1>{t.title}</h1>
      {procedure.data && <p className="procedure-code wizard-procedure">{procedure.data.content.name}</p>}
      {procedure.isPending && (
        <p className="page-loading" role="status">
          {commonText.loading}
        </p>
      )}
      {procedure.isError && (
        <div className="notice notice-error" role="alert">
          <p>
            {isApiRequestError(procedure.error) && procedure.error.status === 404
              ? catalogText.procedureNotFound
              : `${catalogText.procedureLoadFailed} ${messageOf(procedure.error)}`}
          </p>
        </div>
      )}
      {procedure.data &&
        (procedure.data.onlineSubmission ? (
          <CitizenGate>{(user) => <WizardLoader procedure={procedure.data} user={user} />}</CitizenGate>
        ) : (
          <p className="notice">{t.notOnline}</p>
        ))}
    </>
  );
}
