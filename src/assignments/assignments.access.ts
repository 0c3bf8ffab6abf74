import { Role } from '../common/access/roles';

/** Who sees assignments and their progress: officers for their enterprises, the federation admin all of them. */
export const ASSIGNMENT_READERS: Role[] = [Role.UnionOfficer, Role.FederationAdmin];

/** Who gives courses to workers: union officers, to workers of their own enterprise(s). */
export const ASSIGNMENT_WRITERS: Role[] = [Role.UnionOfficer];

/** Who reads the federation's assignments to a territory: the federation, and officers for their enterprises in it. */
export const TERRITORY_ASSIGNMENT_READERS: Role[] = [Role.UnionOfficer, Role.FederationAdmin];

/** Who gives and withdraws them: the federation admin only. */
export const TERRITORY_ASSIGNMENT_WRITERS: Role[] = [Role.FederationAdmin];
