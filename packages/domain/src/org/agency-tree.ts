/**
 * The administrative tree with effective dating: agencies have validity periods, and a merger ends
 * its sources and names a successor, so "as of" questions and scope questions are answered from the
 * same facts without rewriting history.
 */
export interface AgencyNode {
  id: string;
  parentId: string | null;
  validFrom: string; // YYYY-MM-DD, inclusive
  validTo: string | null; // YYYY-MM-DD, exclusive; null = still in force
  successorId: string | null; // set when the agency was merged into another
}

export function isInForce(node: Pick<AgencyNode, 'validFrom' | 'validTo'>, date: string): boolean {
  return node.validFrom <= date && (node.validTo === null || date < node.validTo);
}

/** Would making `parentId` the parent of `childId` create a cycle? */
export function wouldCreateCycle(
  nodes: ReadonlyMap<string, Pick<AgencyNode, 'parentId'>>,
  childId: string,
  parentId: string | null,
): boolean {
  let current = parentId;
  const seen = new Set<string>();
  while (current !== null) {
    if (current === childId) return true;
    if (seen.has(current)) return true; // an existing cycle: refuse to build on it
    seen.add(current);
    current = nodes.get(current)?.parentId ?? null;
  }
  return false;
}

/**
 * Every agency a holder of a role at `rootIds` acts on: the roots, their descendants, and — because a
 * merged unit's dossiers pass to its successor — every agency merged into any of those, with its own
 * subtree, transitively.
 */
export function scopeOf(nodes: readonly AgencyNode[], rootIds: readonly string[]): Set<string> {
  const children = new Map<string, string[]>();
  const predecessors = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.parentId !== null) push(children, n.parentId, n.id);
    if (n.successorId !== null) push(predecessors, n.successorId, n.id);
  }
  const scope = new Set<string>();
  const queue = [...rootIds];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (scope.has(id)) continue;
    scope.add(id);
    for (const c of children.get(id) ?? []) queue.push(c);
    for (const p of predecessors.get(id) ?? []) queue.push(p);
  }
  return scope;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
