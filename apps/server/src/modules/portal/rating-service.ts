import type { Rating, RatingInput } from '@motcua/contracts/portal';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { conflict, forbidden, notFound } from '../../platform/app-error';
import { recordAudit } from '../../platform/audit-log';
import { inTransaction } from '../../platform/database';
import { requireVisibleDossier } from '../dossiers/command-service';
import * as store from './store';

/**
 * The applicant's rating of how their dossier was handled (Circular 01/2018 Art. 13–15): the indices that
 * depend on what the applicant lived through — 1 time, 3 contacts with the desk, 4 agencies contacted,
 * 7 officers' attitude — each 2 / 1 / 0, plus a comment. Once per dossier, by its applicant, after the
 * result; kept for the evaluation reports.
 */

/** A result exists: issued (done) or handed over (returned). */
const ratableStatuses = new Set(['done', 'returned']);

interface DossierFacts {
  receivingAgencyId: string;
  code: string;
  status: string;
  applicantAccountId: string | null;
  procedureId: string | null;
}

/**
 * The few facts of the dossier a rating needs, from its row: 404 when it is not the caller's to read (the
 * dossiers module decides). Not its full detail: that reads the events and the calendar and is itself
 * an audited read of the dossier.
 */
async function dossierFacts(
  ctx: ServiceContext,
  access: AccessContext,
  dossierId: string,
): Promise<DossierFacts> {
  const row = await requireVisibleDossier(ctx, access, dossierId);
  return {
    receivingAgencyId: row.receivingAgencyId,
    code: row.code,
    status: row.status,
    applicantAccountId: row.applicantAccountId,
    procedureId: row.procedureId,
  };
}

function view(row: store.RatingRow): Rating {
  return {
    dossierId: row.dossierId,
    time: row.timeScore,
    contacts: row.contactsScore,
    agencies: row.agenciesScore,
    attitude: row.attitudeScore,
    comment: row.comment,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The dossier's rating, or null: its applicant and the staff who may read the dossier. */
export async function getRating(
  ctx: ServiceContext,
  access: AccessContext,
  dossierId: string,
): Promise<{ rating: Rating | null }> {
  const facts = await dossierFacts(ctx, access, dossierId);
  const row = await store.ratingOf(ctx.db, facts.receivingAgencyId, dossierId);
  if (!row) return { rating: null };
  // The applicant's comment and scores are theirs: reading them is audited.
  await inTransaction(ctx.db, (tx) =>
    recordAudit(
      tx,
      access.actor,
      {
        action: 'portal.rating.read',
        targetType: 'dossier',
        targetId: dossierId,
        agencyId: facts.receivingAgencyId,
        details: { code: facts.code },
      },
      ctx.now(),
    ),
  );
  return { rating: view(row) };
}

export async function rateDossier(
  ctx: ServiceContext,
  access: AccessContext,
  dossierId: string,
  input: RatingInput,
): Promise<Rating> {
  if (access.kind !== 'citizen') throw forbidden('Chỉ người nộp hồ sơ được đánh giá việc giải quyết hồ sơ');
  const facts = await dossierFacts(ctx, access, dossierId);
  // A citizen reads only their own dossiers; this holds should that rule ever widen.
  if (facts.applicantAccountId !== access.userId) throw notFound('hồ sơ', 'DOSSIER_NOT_FOUND');
  if (!ratableStatuses.has(facts.status))
    throw conflict('RATING_NOT_OPEN', 'Chỉ đánh giá được khi hồ sơ đã có kết quả giải quyết', {
      status: facts.status,
    });
  const now = ctx.now();
  return inTransaction(ctx.db, async (tx) => {
    const row = await store.insertRating(tx, {
      receivingAgencyId: facts.receivingAgencyId,
      dossierId,
      dossierCode: facts.code,
      procedureId: facts.procedureId,
      applicantAccountId: access.userId!,
      timeScore: input.time,
      contactsScore: input.contacts,
      agenciesScore: input.agencies,
      attitudeScore: input.attitude,
      comment: input.comment ?? null,
      createdAt: now,
    });
    if (!row) throw conflict('ALREADY_RATED', 'Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần');
    await recordAudit(
      tx,
      access.actor,
      {
        action: 'portal.rating.create',
        targetType: 'dossier',
        targetId: dossierId,
        agencyId: facts.receivingAgencyId,
        details: {
          code: facts.code,
          time: input.time,
          contacts: input.contacts,
          agencies: input.agencies,
          attitude: input.attitude,
        },
      },
      now,
    );
    return view(row);
  });
}
