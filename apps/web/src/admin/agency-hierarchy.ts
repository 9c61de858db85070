import type { Agency } from '@motcua/contracts/org';

export interface AgencyNode extends Agency {
  children?: AgencyNode[];
}

const byName = (a: Agency, b: Agency) => a.name.localeCompare(b.name, 'vi');

/** The flat list the API answers, as a tree; an agency whose parent is not listed becomes a root. */
export function buildAgencyTree(agencies: readonly Agency[]): AgencyNode[] {
  const nodes = new Map<string, AgencyNode>(agencies.map((a) => [a.id, { ...a }]));
  const roots: AgencyNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  const sort = (list: AgencyNode[]) => {
    list.sort(byName);
    for (const node of list) if (node.children) sort(node.children);
  };
  sort(roots);
  return roots;
}

export type AgencyStatus = 'active' | 'not-yet' | 'ending' | 'merged' | 'dissolved';

/** `validTo` is the last day an agency exists (a merger ends its sources the day before it takes effect). */
export function agencyStatus(agency: Agency, asOf: string): AgencyStatus {
  if (agency.validFrom > asOf) return 'not-yet';
  if (agency.validTo !== null && agency.validTo < asOf) return agency.successorId ? 'merged' : 'dissolved';
  if (agency.validTo !== null) return 'ending';
  return 'active';
}

export function isEnded(status: AgencyStatus): boolean {
  return status === 'merged' || status === 'dissolved';
}
