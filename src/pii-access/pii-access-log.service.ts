import { Transaction } from '../database/unit-of-work';
import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { Page, pageOf, PageQuery, pageWindow } from '../common/http/pagination';
import { PiiAccessAction } from './pii-access.entity';
import { PII_ACCESS_DIRECTORY, PiiAccessDirectory } from './pii-access-directory';
import { PiiAccessEntry, PiiAccessFilter, PiiAccessRepository, PiiAccessView } from './pii-access.repository';
import { viewerGrant } from './viewer-grant';

/**
 * The access log of full CCCD numbers. Whoever shows a full number calls record() before it
 * leaves the server, so a failed write means nothing is shown. Self-views (a worker's own data)
 * are not logged: the log answers "who else saw my number".
 */
@Injectable()
export class PiiAccessLog {
  constructor(
    private readonly log: PiiAccessRepository,
    @Inject(PII_ACCESS_DIRECTORY) private readonly directory: PiiAccessDirectory,
  ) {}

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
    const employments = await this.directory.employmentsAmong(others, officerAt);
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
    const [entries, total] = await this.log.page(filter, skip, size);
    return pageOf(await this.named(entries), total, page, size);
  }

  async allFor(workerId: number): Promise<PiiAccessView[]> {
    return this.named(await this.log.allFor(workerId));
  }

  /** The entries with their viewer's account and, for an officer, enterprise: one look-up of each. */
  private async named(entries: PiiAccessEntry[]): Promise<PiiAccessView[]> {
    const enterpriseOf = (e: Pick<PiiAccessEntry, 'viewerScopeType' | 'viewerScopeId'>) =>
      e.viewerScopeType === ScopeType.Enterprise ? e.viewerScopeId : null;
    const [organisations, viewers] = await Promise.all([
      this.directory.enterpriseNames(entries.map(enterpriseOf).filter((id): id is number => id !== null)),
      this.directory.accounts(entries.map((e) => e.viewerUserId)),
    ]);
    return entries.map(({ viewerUserId, viewerScopeId, ...entry }) => {
      const enterpriseId = enterpriseOf({ viewerScopeType: entry.viewerScopeType, viewerScopeId });
      const viewer = viewers.get(viewerUserId);
      return {
        ...entry,
        organisation: (enterpriseId === null ? undefined : organisations.get(enterpriseId)) ?? null,
        viewerUsername: viewer?.username ?? null,
        viewerName: viewer?.displayName ?? null,
      };
    });
  }
}
