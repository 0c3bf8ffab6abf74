import { Injectable } from '@nestjs/common';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { AdminUnitsRepository } from './admin-units.repository';
import { BranchesRepository } from './branches.repository';

/**
 * Which enterprises a caller reaches: all of them, some by id (a union officer's enterprise), or
 * those located in some administrative subtrees (a department viewer's unit, a reviewer's branch).
 * Every query of scoped data goes through `whereEnterpriseInScope`.
 */
export interface EnterpriseScope {
  all: boolean;
  enterpriseIds: number[];
  /** Materialised paths ("/1/5/") of the subtrees reached, including units mapped into them. */
  unitPaths: string[];
}

export const NO_SCOPE: EnterpriseScope = { all: false, enterpriseIds: [], unitPaths: [] };

export function isEmptyScope(scope: EnterpriseScope): boolean {
  return !scope.all && scope.enterpriseIds.length === 0 && scope.unitPaths.length === 0;
}

@Injectable()
export class EnterpriseScopeService {
  constructor(
    private readonly units: AdminUnitsRepository,
    private readonly branches: BranchesRepository,
  ) {}

  /** The enterprises reached through the given roles (all of the actor's roles when none are given). */
  async scopeOf(actor: Actor, ...roles: Role[]): Promise<EnterpriseScope> {
    const grants = actor.grants.filter((g) => roles.length === 0 || roles.includes(g.role));
    if (grants.some((g) => g.scopeType === ScopeType.All && g.role !== Role.Worker)) {
      return { all: true, enterpriseIds: [], unitPaths: [] };
    }
    const enterpriseIds = grants.filter((g) => g.scopeType === ScopeType.Enterprise).map((g) => g.scopeId);
    const unitIds = grants.filter((g) => g.scopeType === ScopeType.Unit).map((g) => g.scopeId);
    const branchIds = grants.filter((g) => g.scopeType === ScopeType.Branch).map((g) => g.scopeId);
    if (branchIds.length > 0) {
      const branches = await this.branches.findByIds(branchIds);
      unitIds.push(...branches.map((b) => b.unitId));
    }
    return {
      all: false,
      enterpriseIds: [...new Set(enterpriseIds)],
      unitPaths: await this.subtreePaths(unitIds),
    };
  }

  /**
   * Paths of the given units' subtrees, plus the subtrees of units whose territory was mapped into
   * them (so the new Lâm Đồng province reaches enterprises still registered under Đắk Nông's districts).
   */
  async subtreePaths(unitIds: number[]): Promise<string[]> {
    if (unitIds.length === 0) return [];
    const mappings = await this.units.allMappings();
    const pathOf = await this.units.pathsByIds([
      ...new Set([...unitIds, ...mappings.flatMap((m) => [m.fromUnitId, m.toUnitId])]),
    ]);
    const reached = new Set(unitIds.map((id) => pathOf.get(id)).filter((p): p is string => !!p));
    for (let changed = true; changed;) {
      changed = false;
      for (const m of mappings) {
        const to = pathOf.get(m.toUnitId);
        const from = pathOf.get(m.fromUnitId);
        if (!to || !from || reached.has(from)) continue;
        if ([...reached].some((p) => to.startsWith(p))) {
          reached.add(from);
          changed = true;
        }
      }
    }
    // Drop paths already inside another reached path.
    const paths = [...reached].sort();
    return paths.filter((p, i) => !paths.slice(0, i).some((q) => p.startsWith(q)));
  }
}

/**
 * Limits a query to rows whose enterprise is in scope. `enterpriseColumn` is the column holding
 * the enterprise id in the query (e.g. "e.id" or "emp.enterprise_id").
 */
export function whereEnterpriseInScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  enterpriseColumn: string,
  scope: EnterpriseScope,
): SelectQueryBuilder<T> {
  if (scope.all) return query;
  if (isEmptyScope(scope)) return query.andWhere('1 = 0');
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  if (scope.enterpriseIds.length > 0) {
    conditions.push(`${enterpriseColumn} IN (:...scopeEnterpriseIds)`);
    params.scopeEnterpriseIds = scope.enterpriseIds;
  }
  if (scope.unitPaths.length > 0) {
    const likes = scope.unitPaths.map((_, i) => `scope_u.path LIKE :scopePath${i}`);
    scope.unitPaths.forEach((p, i) => (params[`scopePath${i}`] = `${p}%`));
    conditions.push(
      `${enterpriseColumn} IN (SELECT scope_e.id FROM enterprises scope_e JOIN admin_units scope_u ON scope_u.id = scope_e.unit_id WHERE ${likes.join(' OR ')})`,
    );
  }
  return query.andWhere(`(${conditions.join(' OR ')})`, params);
}
