/** The people of DESIGN.md §2. Names are English in code, Vietnamese on screen (see access.messages). */
export enum Role {
  Worker = 'WORKER',
  UnionOfficer = 'UNION_OFFICER',
  InstitutionEditor = 'INSTITUTION_EDITOR',
  AssociationReviewer = 'ASSOCIATION_REVIEWER',
  FederationAdmin = 'FEDERATION_ADMIN',
  DepartmentViewer = 'DEPARTMENT_VIEWER',
  SystemAdmin = 'SYSTEM_ADMIN',
}

export const ALL_ROLES = Object.values(Role);

/**
 * What a role assignment reaches. ALL is the whole deployment (a province); UNIT a subtree of the
 * administrative tree; the others one organisation, or the worker's own record.
 */
export enum ScopeType {
  All = 'ALL',
  Unit = 'UNIT',
  Enterprise = 'ENTERPRISE',
  Institution = 'INSTITUTION',
  Branch = 'BRANCH',
  Self = 'SELF',
}

/** Which scopes make sense for each role; role assignments are validated against this. */
export const ROLE_SCOPES: Record<Role, ScopeType[]> = {
  [Role.Worker]: [ScopeType.Self],
  [Role.UnionOfficer]: [ScopeType.Enterprise],
  [Role.InstitutionEditor]: [ScopeType.Institution],
  [Role.AssociationReviewer]: [ScopeType.Branch],
  [Role.FederationAdmin]: [ScopeType.All],
  [Role.DepartmentViewer]: [ScopeType.All, ScopeType.Unit],
  [Role.SystemAdmin]: [ScopeType.All],
};

/** Roles that run integrations against /api/v1 with personal API tokens; workers have no use for them. */
export const INTEGRATION_ROLES: Role[] = [
  Role.InstitutionEditor,
  Role.UnionOfficer,
  Role.AssociationReviewer,
  Role.FederationAdmin,
  Role.DepartmentViewer,
  Role.SystemAdmin,
];
