/**
 * Organisations form a tree stored as materialised paths of ids, e.g.
 * '/1/4/12/' for 市总工会(1) → 区总工会(4) → 基层工会(12). A node's subtree is
 * every path that starts with the node's path. The trailing slash is what keeps
 * '/1/4/' from matching '/1/45/', so paths are checked for it, not repaired.
 */
const ORG_PATH = /^\/(?:\d+\/)+$/;

export function isValidOrgPath(path: string): boolean {
  return ORG_PATH.test(path);
}

/** True when `path` is `ancestorPath` itself or lies below it. */
export function isInOrgSubtree(path: string, ancestorPath: string): boolean {
  if (!isValidOrgPath(ancestorPath)) throw new RangeError(`Invalid organisation path: ${JSON.stringify(ancestorPath)}`);
  return isValidOrgPath(path) && path.startsWith(ancestorPath);
}
