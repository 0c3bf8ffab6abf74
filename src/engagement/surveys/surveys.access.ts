import { Role } from '../../common/access/roles';

/** Who builds surveys: the federation, and a department for its subject (its own surveys only). */
export const SURVEY_AUTHORS: Role[] = [Role.FederationAdmin, Role.DepartmentViewer];

/** Who lists surveys: authors, and union officers (the surveys aimed at their enterprise, its rate only). */
export const SURVEY_READERS: Role[] = [...SURVEY_AUTHORS, Role.UnionOfficer];

/** Who hands out single-use codes for workers without an account. */
export const SURVEY_CODE_ISSUERS: Role[] = [Role.UnionOfficer];
