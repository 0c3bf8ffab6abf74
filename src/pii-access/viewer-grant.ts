import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';

/** The role and scope under which someone saw a worker's full CCCD, as the worker is told. */
export interface ViewerGrant {
  role: Role;
  scopeType: ScopeType;
  scopeId: number | null;
}

/**
 * Which of the actor's grants let them see this worker: the province-wide admin grant first, else
 * the union officer's grant for an enterprise the worker works (or worked) at.
 */
export function viewerGrant(actor: Actor, workerEnterpriseIds: readonly number[]): ViewerGrant {
  for (const role of [Role.FederationAdmin, Role.SystemAdmin])
    if (actor.reachesAll(role)) return { role, scopeType: ScopeType.All, scopeId: null };
  const officerAt = actor.scopeIds(ScopeType.Enterprise, Role.UnionOfficer);
  const shared = officerAt.find((id) => workerEnterpriseIds.includes(id));
  if (shared !== undefined)
    return { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: shared };
  // Not expected (the services only reveal in scope), but the log must still say who it was.
  const grant = actor.grants[0];
  return grant
    ? {
        role: grant.role,
        scopeType: grant.scopeType,
        scopeId: grant.scopeType === ScopeType.All ? null : grant.scopeId,
      }
    : { role: Role.Worker, scopeType: ScopeType.Self, scopeId: null };
}
