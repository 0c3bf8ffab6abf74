import { Role } from '../common/access/roles';

/** Who uses the activity pages and /api/v1/activities: officers for their enterprises, the federation admin read-only. */
export const ACTIVITY_READERS: Role[] = [Role.UnionOfficer, Role.FederationAdmin];

/** Roles whose enterprise scope lets them record sessions and attendance. */
export const ACTIVITY_WRITERS: Role[] = [Role.UnionOfficer];
