import { describe, expect, it } from 'vitest';
import { permissionsOf, roleGrants, scopeRootsFor, staffRoles } from '../../src/access/roles';

describe('roles (DOMAIN.md §1.1)', () => {
  it('gives each role the powers the law gives it, and no more', () => {
    expect(roleGrants('desk-officer', 'dossier.receive')).toBe(true);
    expect(roleGrants('desk-officer', 'dossier.approve')).toBe(false);
    expect(roleGrants('agency-head', 'dossier.sign')).toBe(true);
    expect(roleGrants('specialist', 'dossier.sign')).toBe(false);
    expect(roleGrants('procedure-control-officer', 'catalog.edit')).toBe(true);
    expect(roleGrants('administrator', 'org.manage')).toBe(true);
    expect(roleGrants('administrator', 'dossier.process')).toBe(false);
  });

  it('only administrators manage the tree, accounts and the audit trail', () => {
    for (const role of staffRoles) {
      const admin = role === 'administrator';
      expect(permissionsOf(role).includes('org.manage')).toBe(admin);
      expect(permissionsOf(role).includes('identity.manage')).toBe(admin);
      expect(permissionsOf(role).includes('audit.read')).toBe(admin);
    }
  });

  it('scope roots are the agencies where a role grants the permission', () => {
    const roles = [
      { role: 'desk-officer' as const, agencyId: 'a' },
      { role: 'administrator' as const, agencyId: 'b' },
      { role: 'specialist' as const, agencyId: 'c' },
    ];
    expect(scopeRootsFor(roles, 'dossier.read').sort()).toEqual(['a', 'c']);
    expect(scopeRootsFor(roles, 'org.manage')).toEqual(['b']);
    expect(scopeRootsFor(roles, 'catalog.edit')).toEqual([]);
  });
});
