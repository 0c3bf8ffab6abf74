import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { Actor } from '../../../common/access/actor';
import { Role } from '../../../common/access/roles';
import { FormError } from '../../../common/errors/form-error';
import { JobQueue } from '../../../jobs/job-queue';
import { JobRunsService, JobRunView } from '../../../jobs/job-runs.service';
import { AdminUnitsService, isInForce } from '../../../organisations/admin-units.service';
import { EnterpriseScope, EnterpriseScopeService } from '../../../organisations/enterprise-scope';
import { AdminUnit } from '../../../organisations/entities/admin-unit.entity';
import { StartBatchDto } from './dto/batch.dto';
import { BatchScope, BatchScopeKind } from './evaluation.service';
import { EvaluationsRepository } from './evaluations.repository';
import { todayInVietnam } from '../../../common/time/vietnam-time';

/** Who may start a batch evaluation: the association's staff, the federation, union officers (own enterprise). */
export const BATCH_ROLES: Role[] = [Role.AssociationReviewer, Role.FederationAdmin, Role.UnionOfficer];

export const BATCH_JOB = 'citizenship.evaluate-batch';
const ENTERPRISE_CHOICES = 1000;

export interface BatchChoices {
  kinds: BatchScopeKind[];
  enterprises: { id: number; name: string }[];
  units: { id: number; name: string; depth: number; inForce: boolean; validTo: string | null }[];
  years: number[];
}

/** A root unit's path ("/12/"): a branch there covers the province. */
const ROOT_PATH = /^\/\d+\/$/;

/**
 * Starting batch evaluations within the caller's reach: the federation admin anywhere; an
 * association reviewer in their branch's subtree (the province when the branch is the provincial
 * one); a union officer for their own enterprise only.
 */
@Injectable()
export class BatchEvaluationService {
  constructor(
    private readonly scopes: EnterpriseScopeService,
    private readonly units: AdminUnitsService,
    private readonly repository: EvaluationsRepository,
    private readonly queue: JobQueue,
    private readonly runs: JobRunsService,
  ) {}

  async choices(actor: Actor, today = todayInVietnam()): Promise<BatchChoices> {
    const scope = await this.scopeOf(actor);
    const year = Number(today.slice(0, 4));
    const units = (await this.units.listAll()).filter((u) => unitInScope(u, scope));
    const kinds: BatchScopeKind[] = ['ENTERPRISE'];
    if (units.length > 0) kinds.push('UNIT');
    if (reachesProvince(scope)) kinds.push('PROVINCE');
    return {
      kinds,
      enterprises: await this.repository.enterprisesIn(scope, ENTERPRISE_CHOICES),
      units: units.map((u) => ({
        id: u.id,
        name: u.name,
        depth: u.depth,
        inForce: isInForce(u, today),
        validTo: u.validTo,
      })),
      years: [year, year - 1, year - 2],
    };
  }

  /** Queues the batch; a batch of the same year and scope still waiting is joined, not doubled. */
  async start(actor: Actor, dto: StartBatchDto): Promise<{ runId: number; joined: boolean }> {
    const scope = await this.scopeOf(actor);
    let batch: BatchScope;
    switch (dto.kind) {
      case 'ENTERPRISE':
        if (!dto.enterpriseId) throw FormError.field('enterpriseId', 'validation.required');
        if (!(await this.repository.enterpriseInScope(dto.enterpriseId, scope)))
          throw FormError.field('enterpriseId', 'citizenship.batch.error.outOfScope');
        batch = { kind: 'ENTERPRISE', id: dto.enterpriseId };
        break;
      case 'UNIT': {
        if (!dto.unitId) throw FormError.field('unitId', 'validation.required');
        const unit = await this.units.findById(dto.unitId);
        if (!unit || !unitInScope(unit, scope))
          throw FormError.field('unitId', 'citizenship.batch.error.outOfScope');
        batch = { kind: 'UNIT', id: dto.unitId };
        break;
      }
      case 'PROVINCE':
        if (!reachesProvince(scope)) throw FormError.field('kind', 'citizenship.batch.error.outOfScope');
        batch = { kind: 'PROVINCE' };
        break;
    }
    const run = await this.queue.enqueue(
      BATCH_JOB,
      { year: dto.year, scope: batch },
      { key: `${dto.year}:${batch.kind}:${batch.id ?? 'all'}`, requestedBy: actor.userId },
    );
    return { runId: run.id, joined: run.requestedBy !== actor.userId };
  }

  /** A batch run the caller started (or any, for the admins), or 404. */
  async run(actor: Actor, id: number): Promise<JobRunView> {
    const run = await this.runs.getForActor(actor, id);
    if (run.name !== BATCH_JOB) throw new NotFoundException();
    return run;
  }

  private async scopeOf(actor: Actor): Promise<EnterpriseScope> {
    if (!actor.has(...BATCH_ROLES)) throw new ForbiddenException();
    return this.scopes.scopeOf(actor, ...BATCH_ROLES);
  }
}

function reachesProvince(scope: EnterpriseScope): boolean {
  return scope.all || scope.unitPaths.some((p) => ROOT_PATH.test(p));
}

function unitInScope(unit: Pick<AdminUnit, 'path'>, scope: EnterpriseScope): boolean {
  return scope.all || scope.unitPaths.some((p) => unit.path.startsWith(p));
}
