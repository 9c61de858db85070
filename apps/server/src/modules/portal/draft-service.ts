import type { Draft, SaveDraftInput } from '@motcua/contracts/portal';
import type { AccessContext, ServiceContext } from '../../platform/access-context';
import { conflict, forbidden } from '../../platform/app-error';
import { inTransaction } from '../../platform/database';
import * as store from './store';

/**
 * Drafts of online submissions. A citizen's own, nobody else's: they are not dossiers yet, so no staff
 * member has any business reading them. Saves are optimistic: the version last read must still be the
 * stored one, so two devices editing the same draft cannot silently overwrite each other.
 */

function citizenOf(access: AccessContext): string {
  if (access.kind !== 'citizen' || access.userId === null)
    throw forbidden('Chỉ công dân, tổ chức đăng nhập cổng dịch vụ công mới có bản nháp hồ sơ');
  return access.userId;
}

function view(row: store.DraftRow): Draft {
  return {
    procedureId: row.procedureId,
    agencyId: row.agencyId,
    content: row.content,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listDrafts(
  ctx: ServiceContext,
  access: AccessContext,
  procedureId: string | undefined,
): Promise<{ drafts: Draft[] }> {
  const rows = await store.draftsOf(ctx.db, citizenOf(access), procedureId);
  return { drafts: rows.map(view) };
}

/** Null when there is no draft under the key. */
export async function getDraft(
  ctx: ServiceContext,
  access: AccessContext,
  key: { procedureId: string; agencyId: string },
): Promise<Draft | null> {
  const row = await store.draftOf(ctx.db, { citizenId: citizenOf(access), ...key });
  return row ? view(row) : null;
}

/**
 * Creates (version 0) or saves over the version the caller last read. Anything else answers 409
 * DRAFT_VERSION_CONFLICT with the stored draft in `details.current` (null when it was deleted), so the
 * caller can choose which copy to keep.
 */
export async function saveDraft(
  ctx: ServiceContext,
  access: AccessContext,
  key: { procedureId: string; agencyId: string },
  input: SaveDraftInput,
): Promise<Draft> {
  const fullKey = { citizenId: citizenOf(access), ...key };
  const now = ctx.now();
  return inTransaction(ctx.db, async (tx) => {
    const saved =
      input.version === 0
        ? await store.insertDraft(tx, fullKey, input.content, now)
        : await store.updateDraft(tx, fullKey, input.version, input.content, now);
    if (saved) return view(saved);
    const current = await store.draftOf(tx, fullKey);
    throw conflict(
      'DRAFT_VERSION_CONFLICT',
      'Bản nháp đã được thay đổi trên một thiết bị khác. Hãy chọn giữ bản nào.',
      { current: current ? view(current) : null },
    );
  });
}

/** Idempotent: deleting a draft that is already gone is not an error (a retried request). */
export async function deleteDraft(
  ctx: ServiceContext,
  access: AccessContext,
  key: { procedureId: string; agencyId: string },
): Promise<void> {
  await store.deleteDraft(ctx.db, { citizenId: citizenOf(access), ...key });
}
