import { Role } from '../../common/access/roles';

/** Who reads enterprises' support: officers their enterprise's, the federation and department viewers their territory's. */
export const SUPPORT_READERS: Role[] = [Role.UnionOfficer, Role.FederationAdmin, Role.DepartmentViewer];

/** Who declares it: union officers, for their own enterprise(s). */
export const SUPPORT_WRITERS: Role[] = [Role.UnionOfficer];
