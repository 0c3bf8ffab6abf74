import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/access/actor';
import { OutOfScopeException } from '../../common/access/out-of-scope';
import { Role, ScopeType } from '../../common/access/roles';
import { todayInVietnam } from '../../common/time/vietnam-time';
import { isInForce } from '../../organisations/admin-units.service';
import { BranchesService } from '../../organisations/branches.service';
import { EnterpriseScope, EnterpriseScopeService, NO_SCOPE } from '../../organisations/enterprise-scope';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { CitizenshipApplication } from '../entities/application.entity';
import { ReviewRefused } from './review-refused';
import { ReviewRepository } from './review.repository';
import { OFFICER_VISIBLE, REVIEWER_VISIBLE } from './review.rules';

/** How the actor reaches an application: as its enterprise's officer, as a reviewer of a branch covering it, or both. */
export interface ApplicationAccess {
  application: CitizenshipApplication;
  asOfficer: boolean;
  asReviewer: boolean;
}

/** A branch of the reviewer's that has ended, and the branch its work passed to (when recorded). */
export interface EndedBranch {
  name: string;
  validTo: string;
  successorName: string | null;
}

/**
 * Who reaches which application. A union officer: the applications of their enterprise(s) once
 * submitted. An association reviewer: those of enterprises located in their branch's subtree, once
 * confirmed. Anything else answers 404 (logged as a refusal), by page and by API alike.
 */
@Injectable()
export class ReviewAccess {
  constructor(
    private readonly scopes: EnterpriseScopeService,
    private readonly branches: BranchesService,
    private readonly repository: ReviewRepository,
    private readonly enterprises: EnterprisesService,
  ) {}

  officerScope(actor: Actor): Promise<EnterpriseScope> {
    return actor.has(Role.UnionOfficer)
      ? this.scopes.scopeOf(actor, Role.UnionOfficer)
      : Promise.resolve(NO_SCOPE);
  }

  reviewerScope(actor: Actor): Promise<EnterpriseScope> {
    return actor.has(Role.AssociationReviewer)
      ? this.scopes.scopeOf(actor, Role.AssociationReviewer)
      : Promise.resolve(NO_SCOPE);
  }

  async forOfficer(actor: Actor, id: number): Promise<CitizenshipApplication> {
    const application = await this.repository.findInScope(
      id,
      await this.officerScope(actor),
      OFFICER_VISIBLE,
    );
    if (!application) throw new OutOfScopeException();
    return application;
  }

  async forReviewer(actor: Actor, id: number): Promise<CitizenshipApplication> {
    const application = await this.repository.findInScope(
      id,
      await this.reviewerScope(actor),
      REVIEWER_VISIBLE,
    );
    if (!application) throw new OutOfScopeException();
    return application;
  }

  /** For the application page: whichever role reaches it. */
  async access(actor: Actor, id: number): Promise<ApplicationAccess> {
    const [asOfficer, asReviewer] = await Promise.all([
      this.repository.findInScope(id, await this.officerScope(actor), OFFICER_VISIBLE),
      this.repository.findInScope(id, await this.reviewerScope(actor), REVIEWER_VISIBLE),
    ]);
    const application = asOfficer ?? asReviewer;
    if (!application) throw new OutOfScopeException();
    return { application, asOfficer: !!asOfficer, asReviewer: !!asReviewer };
  }

  /**
   * The reviewer's branches that have ended, each with the branch its work passed to: shown above
   * the queue and on each application, since such a branch no longer recognises titles.
   */
  async endedBranches(actor: Actor, today = todayInVietnam()): Promise<EndedBranch[]> {
    if (!actor.has(Role.AssociationReviewer)) return [];
    const branches = await this.branches.findByIds(
      actor.scopeIds(ScopeType.Branch, Role.AssociationReviewer),
    );
    const ended: EndedBranch[] = [];
    for (const branch of branches) {
      if (isInForce(branch, today) || !branch.validTo || branch.validTo >= today) continue;
      const successor = branch.successorId ? await this.branches.findById(branch.successorId) : null;
      ended.push({ name: branch.name, validTo: branch.validTo, successorName: successor?.name ?? null });
    }
    return ended;
  }

  /**
   * The branch that issues the title: among the reviewer's branches in force today covering the
   * enterprise, the most local one (the deepest unit). Null when none covers it; refused when only
   * branches that have ended do (their successor recognises now, and the title bears its name).
   */
  async issuingBranch(
    actor: Actor,
    enterpriseId: number | null,
    today = todayInVietnam(),
  ): Promise<{ id: number; name: string } | null> {
    if (enterpriseId === null) return null;
    let best: { id: number; name: string; depth: number } | null = null;
    let ended = false;
    for (const branchId of actor.scopeIds(ScopeType.Branch, Role.AssociationReviewer)) {
      const branch = await this.branches.findById(branchId);
      if (!branch) continue;
      const unitPaths = await this.scopes.subtreePaths([branch.unitId]);
      if (!(await this.enterprises.isInScope(enterpriseId, { all: false, enterpriseIds: [], unitPaths })))
        continue;
      if (!isInForce(branch, today)) {
        ended = true;
        continue;
      }
      const depth = Math.min(...unitPaths.map((p) => p.split('/').length));
      if (!best || depth > best.depth) best = { id: branch.id, name: branch.name, depth };
    }
    if (!best && ended) throw new ReviewRefused('branchEnded');
    return best && { id: best.id, name: best.name };
  }
}
