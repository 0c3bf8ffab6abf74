import { Role } from '../../common/access/roles';

/** Who sees contests: workers (those open to them), officers, the federation, department viewers. */
export const CONTEST_READERS: Role[] = [
  Role.Worker,
  Role.UnionOfficer,
  Role.FederationAdmin,
  Role.DepartmentViewer,
];

/** Who sees registrations and rankings (in their scope); workers see only their own result. */
export const CONTEST_RESULT_READERS: Role[] = [
  Role.UnionOfficer,
  Role.FederationAdmin,
  Role.DepartmentViewer,
];

/** Who organises: the federation (province-wide) and union officers (for their enterprise). */
export const CONTEST_ORGANISERS: Role[] = [Role.UnionOfficer, Role.FederationAdmin];

/** Who registers workers other than themselves: union officers, their own enterprise's workers. */
export const CONTEST_REGISTRARS: Role[] = [Role.UnionOfficer];
