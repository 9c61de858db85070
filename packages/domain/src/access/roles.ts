/**
 * Roles and the permissions they grant (DOMAIN.md §1.1). A staff member holds a role *at an agency*
 * and may use its permissions on that agency's subtree only; the subtree itself is resolved by the
 * org module, this file only says which role may do what.
 */
export const staffRoles = [
  'desk-officer',
  'specialist',
  'unit-leader',
  'agency-head',
  'procedure-control-officer',
  'procedure-reviewer',
  'administrator',
] as const;
export type StaffRole = (typeof staffRoles)[number];
export type Role = StaffRole | 'applicant';

export const permissions = [
  'org.read',
  'org.manage',
  'identity.read',
  'identity.manage',
  'audit.read',
  'calendar.manage',
  'catalog.edit',
  'catalog.review',
  'dossier.read',
  'dossier.receive',
  'dossier.process',
  'dossier.assign',
  'dossier.approve',
  'dossier.sign',
  'petition.handle',
  'reports.read',
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<StaffRole, readonly Permission[]> = {
  'desk-officer': ['org.read', 'dossier.read', 'dossier.receive', 'reports.read'],
  specialist: ['org.read', 'dossier.read', 'dossier.process'],
  'unit-leader': [
    'org.read',
    'dossier.read',
    'dossier.process',
    'dossier.assign',
    'dossier.approve',
    'reports.read',
  ],
  'agency-head': [
    'org.read',
    'dossier.read',
    'dossier.assign',
    'dossier.approve',
    'dossier.sign',
    'reports.read',
    'identity.read',
  ],
  'procedure-control-officer': ['org.read', 'catalog.edit', 'petition.handle', 'reports.read'],
  // The Department of Justice's quality control (kiểm soát chất lượng) of the catalogue: it approves or
  // returns what the procedure-control officers submit, and does not edit or publish it itself.
  'procedure-reviewer': ['org.read', 'catalog.review', 'reports.read'],
  administrator: [
    'org.read',
    'org.manage',
    'identity.read',
    'identity.manage',
    'audit.read',
    'calendar.manage',
    'reports.read',
  ],
};

/**
 * The permission a workflow step's role stands for when someone acts at that step (the step names a role,
 * the caller holds permissions over units): desk → receive, specialist → process, unit leader →
 * approve, agency head → sign.
 */
export const stepRolePermissions: Readonly<Record<string, Permission>> = {
  'desk-officer': 'dossier.receive',
  specialist: 'dossier.process',
  'unit-leader': 'dossier.approve',
  'agency-head': 'dossier.sign',
};

export function permissionsOf(role: StaffRole): readonly Permission[] {
  return grants[role];
}

export function roleGrants(role: StaffRole, permission: Permission): boolean {
  return grants[role].includes(permission);
}

export interface RoleAssignment {
  role: StaffRole;
  agencyId: string;
}

/**
 * The agencies at which the holder of `assignments` may use `permission`: the roots of the subtrees
 * the caller must then expand. An empty list means "nowhere".
 */
export function scopeRootsFor(assignments: readonly RoleAssignment[], permission: Permission): string[] {
  const roots = new Set<string>();
  for (const a of assignments) if (roleGrants(a.role, permission)) roots.add(a.agencyId);
  return [...roots];
}
