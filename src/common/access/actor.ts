import { Role, ScopeType } from './roles';

export interface RoleGrant {
  role: Role;
  scopeType: ScopeType;
  scopeId: number;
}

/** The signed-in person (or API client) a request acts for, with every role they hold and where. */
export class Actor {
  constructor(
    readonly userId: number,
    readonly displayName: string,
    readonly grants: readonly RoleGrant[],
    readonly workerId: number | null = null,
    readonly via: 'session' | 'token' = 'session',
  ) {}

  has(...roles: Role[]): boolean {
    return this.grants.some((g) => roles.includes(g.role));
  }

  /** Ids of the organisations of one kind that the given roles reach. */
  scopeIds(scopeType: ScopeType, ...roles: Role[]): number[] {
    return [
      ...new Set(
        this.grants
          .filter((g) => g.scopeType === scopeType && (roles.length === 0 || roles.includes(g.role)))
          .map((g) => g.scopeId),
      ),
    ];
  }

  /** True when one of the roles reaches the whole deployment. */
  reachesAll(...roles: Role[]): boolean {
    return this.grants.some(
      (g) => g.scopeType === ScopeType.All && (roles.length === 0 || roles.includes(g.role)),
    );
  }

  get roles(): Role[] {
    return [...new Set(this.grants.map((g) => g.role))];
  }
}
