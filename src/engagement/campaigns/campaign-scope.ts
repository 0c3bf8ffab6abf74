import { EnterpriseScope } from '../../organisations/enterprise-scope';

/**
 * The part of a campaign's territory (its target units' subtrees) that a reader reaches through
 * units: a reader's subtree inside a target, or a target inside the reader's subtree. Enterprises
 * the reader reaches by id are checked against the campaign by the caller (they need the database).
 */
export function sharedUnitPaths(readerPaths: string[], campaignPaths: string[]): string[] {
  const shared = new Set<string>();
  for (const r of readerPaths)
    for (const c of campaignPaths) {
      if (r.startsWith(c)) shared.add(r);
      else if (c.startsWith(r)) shared.add(c);
    }
  return [...shared].sort();
}

/** A campaign's territory as an enterprise scope. */
export function campaignScope(unitPaths: string[]): EnterpriseScope {
  return { all: false, enterpriseIds: [], unitPaths };
}
