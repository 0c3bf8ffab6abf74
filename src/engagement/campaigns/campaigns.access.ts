import { Role } from '../../common/access/roles';

/** Who sees campaigns: the workers and officers they target, the federation and department viewers. */
export const CAMPAIGN_READERS: Role[] = [
  Role.Worker,
  Role.UnionOfficer,
  Role.FederationAdmin,
  Role.DepartmentViewer,
];

/** Who sees a campaign's participation: officers (their enterprises), the federation, department viewers (their scope). */
export const PARTICIPATION_READERS: Role[] = [Role.UnionOfficer, Role.FederationAdmin, Role.DepartmentViewer];

/** Who creates and changes campaigns: the federation. */
export const CAMPAIGN_WRITERS: Role[] = [Role.FederationAdmin];

/** Who decides book logs: union officers, for workers of their own enterprise(s). */
export const BOOK_LOG_DECIDERS: Role[] = [Role.UnionOfficer];
