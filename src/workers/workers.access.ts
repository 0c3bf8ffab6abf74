import { Role } from '../common/access/roles';

/** Who uses the worker pages, the roster imports and /api/v1/workers. */
export const WORKER_MANAGERS: Role[] = [Role.UnionOfficer, Role.FederationAdmin];

/** Roles whose scope reaches workers: an officer's enterprises; the whole province for the admins. */
export const WORKER_SCOPE_ROLES: Role[] = [Role.UnionOfficer, Role.FederationAdmin, Role.SystemAdmin];
