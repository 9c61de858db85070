/**
 * The publication lifecycle of a procedure version (issue 7): draft → submitted for quality control →
 * approved or returned (with a reason) → announced (the province's decision) → published (an instant)
 * → superseded by an amendment from its effective date, or abolished. Versions are never edited once
 * submitted; a published one is amended by a new draft version.
 */
export type VersionStatus =
  | 'draft'
  | 'submitted'
  | 'returned'
  | 'approved'
  | 'announced'
  | 'published'
  | 'superseded'
  | 'abolished';

export type LifecycleAction =
  | 'edit'
  | 'submit'
  | 'approve'
  | 'return'
  | 'announce'
  | 'publish'
  | 'amend'
  | 'abolish';

export type CatalogPermission = 'catalog.edit' | 'catalog.review';

/** Who may do what: the reviewer (Department of Justice) approves and returns, officers do the rest. */
export const actionPermission: Readonly<Record<LifecycleAction, CatalogPermission>> = Object.freeze({
  edit: 'catalog.edit',
  submit: 'catalog.edit',
  approve: 'catalog.review',
  return: 'catalog.review',
  announce: 'catalog.edit',
  publish: 'catalog.edit',
  amend: 'catalog.edit',
  abolish: 'catalog.edit',
});

const allowedFrom: Readonly<Record<LifecycleAction, readonly VersionStatus[]>> = Object.freeze({
  edit: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
  announce: ['approved'],
  publish: ['announced'],
  amend: ['published'],
  abolish: ['published'],
});

const resulting: Readonly<Record<Exclude<LifecycleAction, 'amend'>, VersionStatus>> = Object.freeze({
  edit: 'draft',
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
  announce: 'announced',
  publish: 'published',
  abolish: 'abolished',
});

export interface LifecycleRefusal {
  readonly code: 'VERSION_PUBLISHED' | 'VERSION_LOCKED' | 'INVALID_TRANSITION';
  readonly message: string;
}

const publishedLike: readonly VersionStatus[] = ['published', 'superseded', 'abolished'];

/** Whether `action` may be applied to a version in `status`; `null` when allowed. */
export function refusal(status: VersionStatus, action: LifecycleAction): LifecycleRefusal | null {
  if (allowedFrom[action].includes(status)) return null;
  if (action === 'edit' && publishedLike.includes(status)) {
    return {
      code: 'VERSION_PUBLISHED',
      message: 'Không thể sửa phiên bản đã công khai: hãy tạo phiên bản sửa đổi (sửa đổi, bổ sung)',
    };
  }
  if (action === 'edit') {
    return {
      code: 'VERSION_LOCKED',
      message: 'Phiên bản đang được kiểm soát chất lượng hoặc chờ công bố, không thể sửa',
    };
  }
  return {
    code: 'INVALID_TRANSITION',
    message: `Không thể thực hiện thao tác "${action}" với phiên bản ở trạng thái "${status}"`,
  };
}

/** The status after `action` (amend leaves the version as it is and creates a new draft). */
export function statusAfter(status: VersionStatus, action: LifecycleAction): VersionStatus {
  if (action === 'amend') return status;
  return resulting[action];
}

/** The actions a caller holding `permissions` may apply to a version now. */
export function allowedActions(
  status: VersionStatus,
  permissions: ReadonlySet<CatalogPermission>,
  options: { isLatest: boolean; inForce: boolean },
): LifecycleAction[] {
  const actions: LifecycleAction[] = [];
  for (const action of Object.keys(allowedFrom) as LifecycleAction[]) {
    if (!permissions.has(actionPermission[action])) continue;
    if (refusal(status, action) !== null) continue;
    if ((action === 'amend' || action === 'abolish') && !(options.isLatest && options.inForce)) continue;
    actions.push(action);
  }
  return actions;
}
