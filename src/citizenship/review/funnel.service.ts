import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/roles';
import { thisYearInVietnam } from '../../common/time/vietnam-time';
import { EnterpriseScopeService } from '../../organisations/enterprise-scope';
import { FunnelCounts, FunnelGroupRow, FunnelLevel, ReviewRepository } from './review.repository';
import { FUNNEL_STAGES } from './review.rules';

/** Who reads the funnel: officers (their enterprise), reviewers (their branch), the federation and departments. */
export const FUNNEL_READERS: Role[] = [
  Role.UnionOfficer,
  Role.AssociationReviewer,
  Role.FederationAdmin,
  Role.DepartmentViewer,
];

export interface FunnelReport {
  year: number;
  level: FunnelLevel;
  rows: FunnelGroupRow[];
  total: FunnelCounts;
}

/**
 * registered → submitted → eligible → confirmed → recognised per enterprise or per administrative
 * unit for one year, in the caller's scope: one GROUP BY query, and the total is the sum of its rows.
 * The page, the XLSX and the CSV are all drawn from this one report.
 */
@Injectable()
export class FunnelService {
  constructor(
    private readonly scopes: EnterpriseScopeService,
    private readonly repository: ReviewRepository,
  ) {}

  async report(
    actor: Actor,
    year = thisYearInVietnam(),
    level: FunnelLevel = 'enterprise',
  ): Promise<FunnelReport> {
    const scope = await this.scopes.scopeOf(actor, ...FUNNEL_READERS);
    const rows = (await this.repository.funnel(year, level, scope)).sort(byName);
    return { year, level, rows, total: totalOf(rows) };
  }
}

export function totalOf(rows: readonly FunnelCounts[]): FunnelCounts {
  const total = { registered: 0, submitted: 0, eligible: 0, confirmed: 0, recognised: 0 };
  for (const row of rows) for (const stage of FUNNEL_STAGES) total[stage] += row[stage];
  return total;
}

/** By name as Vietnamese sorts it; rows without a name (no enterprise recorded) last. */
function byName(a: FunnelGroupRow, b: FunnelGroupRow): number {
  if (a.name === null || b.name === null) return a.name === null ? (b.name === null ? 0 : 1) : -1;
  return a.name.localeCompare(b.name, 'vi') || (a.id ?? 0) - (b.id ?? 0);
}
