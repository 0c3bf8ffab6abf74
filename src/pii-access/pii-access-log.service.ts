import { Transaction } from '../database/unit-of-work';
import { Injectable } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { Page, pageOf, PageQuery, pageWindow } from '../common/http/pagination';
import { PiiAccessAction } from './pii-access.entity';
import { PiiAccessFilter, PiiAccessRepository, PiiAccessView } from './pii-access.repository';
import { viewerGrant } from './viewer-grant';

/**
 * The access log of full CCCD numbers. Whoever shows a full number calls record() before it
 * leaves the server, so a failed write means nothing is shown. Self-views (a worker's own data)
 * are not logged: the log answers "who else saw my number".
 */
@Injectable()
export class PiiAccessLog {
  constructor(private readonly log: PiiAccessRepository) {}

  async record(
    actor: Actor,
    workerIds: number[],
    action: PiiAccessAction,
    route: string,
    manager?: Transaction,
    reason: string | null = null,
  ): Promise<void> {
    const others = [...new Set(workerIds)].filter((id) => id !== actor.workerId);
    if (others.length === 0) return;
    const officerAt = actor.reachesAll(Role.FederationAdmin, Role.SystemAdmin)
      ? []
      : actor.scopeIds(ScopeType.Enterprise, Role.UnionOfficer);
    const employments = await this.log.employmentsAt(others, officerAt);
    const at = new Date();
    await this.log.insert(
      others.map((workerId) => {
        const grant = viewerGrant(actor, employments.get(workerId) ?? []);
        return {
          workerId,
          viewerUserId: actor.userId,
          viewerRole: grant.role,
          viewerScopeType: grant.scopeType,
          viewerScopeId: grant.scopeId,
          action,
          route: route.slice(0, 200),
          reason: reason?.slice(0, 500) ?? null,
          at,
        };
      }),
      manager,
    );
  }

  async page(filter: PiiAccessFilter, query: PageQuery): Promise<Page<PiiAccessView>> {
    const { page, size, skip } = pageWindow(query);
    const [items, total] = await this.log.page(filter, skip, size);
    return pageOf(items, total, page, size);
  }

  allFor(workerId: number): Promise<PiiAccessView[]> {
    return this.log.allFor(workerId);
  }
}
