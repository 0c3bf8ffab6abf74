import { FiguresChanged } from '../common/events/figures-changed';
import { ForbiddenException, Injectable, Logger } from '@nestjs/common';
import { PiiAccessLog } from '../pii-access/pii-access-log.service';
import { PiiAccessAction } from '../pii-access/pii-access.entity';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { FormError } from '../common/errors/form-error';
import { Page, pageOf, PageQuery, pageWindow } from '../common/http/pagination';
import { foldVietnamese } from '../common/text/vietnamese';
import { cccdMatchesBirthYear, maskCccd, normaliseCccd, sexFromCccd } from '../common/validation/cccd';
import { Transaction, UnitOfWork } from '../database/unit-of-work';
import { AuditLog } from '../audit/audit-log.service';
import { EnterpriseScope, EnterpriseScopeService } from '../organisations/enterprise-scope';
import { Enterprise } from '../organisations/entities/enterprise.entity';
import { UserStatus } from '../users/entities/user.entity';
import { UsersRepository } from '../users/users.repository';
import { CreateWorkerDto, UpdateWorkerDto } from './dto/worker.dto';
import { Employment } from './entities/employment.entity';
import { Gender, Worker } from './entities/worker.entity';
import { identityBelongsElsewhere, identityChanges } from './identity/identity';
import { EntryRefusal, PersonRegistry } from './identity/person-registry';
import { ReconciliationSource } from './reconciliation/entities/identity-reconciliation.entity';
import { MIN_WORKING_AGE } from './roster/roster-row.validator';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { WORKER_SCOPE_ROLES } from './workers.access';
import { EmploymentState, EmploymentView, WorkerFilter, WorkersRepository } from './workers.repository';
import { addYears } from '../common/time/iso-date';
import { todayInVietnam } from '../common/time/vietnam-time';

/** A worker as lists, pages and the API show them: the CCCD masked, one employment in scope. */
export interface WorkerSummary {
  id: number;
  fullName: string;
  dateOfBirth: string;
  gender: Gender;
  cccdMasked: string;
  phone: string | null;
  email: string | null;
  accountStatus: UserStatus | null;
  /** The employment in scope that matters most: one not ended, else the latest. */
  employment: EmploymentView | null;
  /** Not ended (the list's "current" filter; a start date still to come counts as current). */
  current: boolean;
}

export interface WorkerDetail extends WorkerSummary {
  userId: number | null;
  /**
   * The caller may change name, date of birth and gender directly: the federation admin always;
   * an officer while the person's identity is still their enterprise's (identity.ts).
   */
  identityEditable: boolean;
  /** In scope only: an officer sees the worker's history at their own enterprises. */
  employments: (EmploymentView & { current: boolean })[];
}

export interface WorkerListFilter {
  q?: string;
  status?: EmploymentState;
}

const REFUSALS: Record<EntryRefusal, string> = {
  identityDiffers: 'workers.identityDiffers',
  alreadyOnRoster: 'workers.alreadyOnRoster',
  secondOpen: 'workers.alreadyOnRoster',
};

/** True when a search is a CCCD (12 digits once spaces and dots are dropped); it is matched by hash. */
export function isCccdQuery(q: string | undefined): boolean {
  return !!q && /^\d{12}$/.test(normaliseCccd(q.trim()));
}

/**
 * Worker profiles and employments, always within the caller's scope: a union officer reaches the
 * workers who have (or had) an employment at their enterprise; the federation and system admins
 * reach everyone. Anything outside answers 404. The CCCD leaves this service masked, except through
 * revealCccd, which only the officer of the worker's enterprise and the federation admin may use.
 */
@Injectable()
export class WorkersService {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly workers: WorkersRepository,
    private readonly scopes: EnterpriseScopeService,
    private readonly pii: PiiCipher,
    private readonly unitOfWork: UnitOfWork,
    private readonly accessLog: PiiAccessLog,
    private readonly registry: PersonRegistry,
    private readonly audit: AuditLog,
    private readonly users: UsersRepository,
    private readonly figures: FiguresChanged,
  ) {}

  /** The worker if the actor's scope reaches them (or it is the actor's own record), else 404. */
  async findInScope(actor: Actor, id: number): Promise<Worker> {
    const worker = await this.workers.findById(id);
    if (!worker) throw new OutOfScopeException();
    if (actor.workerId === id) return worker;
    if (!(await this.workers.isInScope(id, await this.scope(actor)))) throw new OutOfScopeException();
    return worker;
  }

  /** The worker record of a login, if the login is a worker's (for the privacy pages). */
  async idOfUser(userId: number): Promise<number | null> {
    return (await this.workers.findByUser(userId))?.id ?? null;
  }

  /** Names of some workers, by id, for other domains' lists (one query for a page). */
  namesOf(ids: number[]): Promise<Map<number, string>> {
    return this.workers.namesOf([...new Set(ids)]);
  }

  /** The login of a worker, if they have one (read in the caller's transaction when given one). */
  async userIdOf(workerId: number, manager?: Transaction): Promise<number | null> {
    return (await this.workers.findById(workerId, manager))?.userId ?? null;
  }

  /** The logins of those workers that have one, by worker id (one query per batch, for notices). */
  userIdsOf(workerIds: number[]): Promise<Map<number, number>> {
    return this.workers.userIdsOf([...new Set(workerIds)]);
  }

  /** The worker with this CCCD (matched by its keyed hash), or null. */
  async idByCccd(cccd: string): Promise<number | null> {
    return (await this.workers.findByHash(this.pii.blindIndex(normaliseCccd(cccd))))?.id ?? null;
  }

  /** Name and masked CCCD of a worker, for pages that name whom they are about (access log); null if none. */
  async label(workerId: number): Promise<{ id: number; fullName: string; cccdMasked: string } | null> {
    const worker = await this.workers.findById(workerId);
    return worker
      ? {
          id: worker.id,
          fullName: worker.fullName,
          cccdMasked: maskCccd(this.pii.decrypt(worker.cccdEncrypted)),
        }
      : null;
  }

  /** Enterprises the worker works at on a day (default today in Vietnam). */
  currentEnterpriseIds(workerId: number, date: string = todayInVietnam()): Promise<number[]> {
    return this.workers.currentEnterpriseIds(workerId, date);
  }

  async list(actor: Actor, query: PageQuery & WorkerListFilter): Promise<Page<WorkerSummary>> {
    const { page, size, skip } = pageWindow(query);
    const scope = await this.scope(actor);
    const [workers, total] = await this.workers.page(scope, this.filter(query), skip, size);
    return pageOf(await this.summaries(workers, scope), total, page, size);
  }

  /**
   * Every row of the list, for an export. With a reason: the union officer's own roster with full
   * CCCD numbers (the export is theirs to keep), logged per worker with the reason before the
   * numbers leave; anyone else, and any export without a reason, gets them masked.
   */
  async *exportRows(
    actor: Actor,
    filter: WorkerListFilter,
    fullCccdReason: string | null = null,
  ): AsyncGenerator<WorkerSummary & { cccd: string }> {
    const fullCccd = fullCccdReason !== null;
    if (fullCccd && !actor.has(Role.UnionOfficer)) throw new ForbiddenException();
    if (fullCccd) this.logger.log({ event: 'cccd_export', userId: actor.userId });
    const scope = fullCccd ? await this.scopes.scopeOf(actor, Role.UnionOfficer) : await this.scope(actor);
    for await (const batch of this.workers.stream(scope, this.filter(filter))) {
      const summaries = await this.summaries(batch, scope);
      if (fullCccd)
        await this.accessLog.record(
          actor,
          batch.map((w) => w.id),
          PiiAccessAction.Export,
          'POST /workers/export/:format/full',
          undefined,
          fullCccdReason,
        );
      const byId = new Map(batch.map((w) => [w.id, w]));
      for (const s of summaries)
        yield { ...s, cccd: fullCccd ? this.pii.decrypt(byId.get(s.id)!.cccdEncrypted) : s.cccdMasked };
    }
  }

  async detail(actor: Actor, id: number): Promise<WorkerDetail> {
    const worker = await this.findInScope(actor, id);
    const scope = await this.scope(actor);
    const [summary] = await this.summaries([worker], scope);
    const today = todayInVietnam();
    const employments = await this.workers.employmentsOf([id], scope.all ? undefined : scope);
    const ties = (await this.workers.ties([id])).get(id)!;
    return {
      ...summary,
      userId: worker.userId,
      identityEditable:
        actor.reachesAll(Role.FederationAdmin) ||
        (!!summary.employment && !identityBelongsElsewhere(ties, summary.employment.enterpriseId)),
      employments: employments.map((e) => Object.assign(e, { current: !e.isEndedBy(today) })),
    };
  }

  /**
   * The full CCCD, for the union officer of one of the worker's enterprises or the federation
   * admin, on an explicit request. Written to the access log (who, when, which worker, which
   * route) before it is returned.
   */
  async revealCccd(actor: Actor, id: number, route: string): Promise<string> {
    const worker = await this.findInScope(actor, id);
    const allowed =
      actor.reachesAll(Role.FederationAdmin) ||
      (await this.workers.isInScope(id, await this.scopes.scopeOf(actor, Role.UnionOfficer)));
    if (!allowed) throw new ForbiddenException();
    await this.accessLog.record(actor, [id], PiiAccessAction.Reveal, route);
    this.logger.log({ event: 'cccd_revealed', userId: actor.userId });
    return this.pii.decrypt(worker.cccdEncrypted);
  }

  /** Enterprises the actor may add workers to. */
  async enterprises(actor: Actor): Promise<Enterprise[]> {
    return this.workers.enterprisesInScope(await this.scope(actor));
  }

  /**
   * Adds a worker with their employment at an enterprise in scope (PersonRegistry's rules): a new
   * CCCD creates the person; a known person joins when name, date of birth and gender agree with
   * their record, answered exactly as a new person is. Other identity data is refused and goes to
   * the federation admin's reconciliation list, committed before the refusal is answered.
   */
  async create(actor: Actor, dto: CreateWorkerDto, via: 'FORM' | 'API' = 'FORM'): Promise<Worker> {
    this.checkPerson(dto.cccd, dto.dateOfBirth, dto.gender);
    if (dto.startDate < addYears(dto.dateOfBirth, MIN_WORKING_AGE))
      throw FormError.field('dateOfBirth', 'roster.error.tooYoung', { age: MIN_WORKING_AGE });
    const enterprise = await this.targetEnterprise(actor, dto.enterpriseId);
    const [outcome] = await this.unitOfWork.run((manager) =>
      this.registry.register(manager, {
        enterpriseId: enterprise.id,
        entries: [
          {
            key: 1,
            cccd: dto.cccd,
            cccdHash: this.pii.blindIndex(dto.cccd),
            identity: { fullName: dto.fullName, dateOfBirth: dto.dateOfBirth, gender: dto.gender },
            employment: {
              startDate: dto.startDate,
              endDate: null,
              employeeCode: dto.employeeCode ?? null,
              unionMember: dto.unionMember ?? false,
              phone: dto.phone ?? null,
              email: dto.email ?? null,
            },
          },
        ],
        requester: actor,
        source: { kind: via === 'API' ? ReconciliationSource.Api : ReconciliationSource.Form },
        mode: 'add',
        identityAuthority: false,
      }),
    );
    if (outcome.result === 'refused') throw FormError.field('cccd', REFUSALS[outcome.refusal!]);
    return (await this.workers.findById(outcome.workerId!))!;
  }

  /**
   * Changes the profile. Contact data (undefined stays, null clears) is the enterprise's own: it is
   * written on the employment in scope. Identity changes follow PersonRegistry's rules: a person
   * whose identity is no longer this enterprise's is not changed, and the request goes to
   * reconciliation; the federation admin changes it directly, audited. Only the federation admin
   * corrects a CCCD: an officer typing one could otherwise learn whether it is someone else's.
   */
  async update(
    actor: Actor,
    id: number,
    dto: UpdateWorkerDto,
    via: 'FORM' | 'API' = 'FORM',
  ): Promise<Worker> {
    const worker = await this.findInScope(actor, id);
    const authority = actor.reachesAll(Role.FederationAdmin);
    if (dto.cccd !== undefined && !authority) throw FormError.field('cccd', 'workers.cccdAdminOnly');
    const cccd = dto.cccd ?? this.pii.decrypt(worker.cccdEncrypted);
    const identity = {
      fullName: dto.fullName ?? worker.fullName,
      dateOfBirth: dto.dateOfBirth ?? worker.dateOfBirth,
      gender: dto.gender ?? worker.gender,
    };
    this.checkPerson(cccd, identity.dateOfBirth, identity.gender);
    const employment = await this.mainEmploymentInScope(actor, id);
    const refusal = await this.unitOfWork.run(async (manager) => {
      if (dto.cccd !== undefined) {
        const cccdHash = this.pii.blindIndex(dto.cccd);
        if (cccdHash !== worker.cccdHash) {
          const other = await this.workers.findByHash(cccdHash, manager);
          if (other && other.id !== id) throw FormError.field('cccd', 'workers.cccdTaken');
          await this.workers.update(id, { cccdHash, cccdEncrypted: this.pii.encrypt(dto.cccd) }, manager);
          await this.audit.write(
            actor,
            {
              action: 'worker.identity.changed',
              subjectType: 'worker',
              subjectId: id,
              details: { fields: 'cccd' },
            },
            manager,
          );
        }
      }
      if (identityChanges(worker, identity)) {
        const [outcome] = await this.registry.register(manager, {
          enterpriseId: employment?.enterpriseId ?? 0,
          entries: [{ key: 1, cccd, cccdHash: this.pii.blindIndex(cccd), identity }],
          requester: actor,
          source: { kind: via === 'API' ? ReconciliationSource.Api : ReconciliationSource.Form },
          mode: 'merge',
          identityAuthority: authority,
        });
        // A refused identity change keeps only its reconciliation request (committed with its audit
        // row for the federation); the contact change sent with it is not half-saved.
        if (outcome.refusal) return outcome.refusal;
      }
      const contact = {
        ...(dto.phone !== undefined ? { phone: dto.phone } : {}),
        ...(dto.email !== undefined ? { email: dto.email } : {}),
      };
      if (employment && Object.keys(contact).length > 0)
        await this.workers.updateEmployment(employment.id, contact, manager);
      return null;
    });
    if (refusal) throw FormError.field('fullName', REFUSALS[refusal]);
    return (await this.workers.findById(id))!;
  }

  /** Records that the worker left: the employment keeps its history with an end date. */
  async endEmployment(actor: Actor, workerId: number, employmentId: number, endDate: string): Promise<void> {
    const employment = await this.employmentInScope(actor, workerId, employmentId);
    if (endDate < employment.startDate) throw FormError.field('endDate', 'validation.dateOrder');
    await this.workers.updateEmployment(employment.id, { endDate });
    await this.figures.publish('employment-ended');
  }

  async setUnionMember(
    actor: Actor,
    workerId: number,
    employmentId: number,
    unionMember: boolean,
  ): Promise<void> {
    const employment = await this.employmentInScope(actor, workerId, employmentId);
    await this.workers.updateEmployment(employment.id, { unionMember });
  }

  /** The employment in scope that matters most (one not ended, else the latest), or null. */
  private async mainEmploymentInScope(actor: Actor, workerId: number): Promise<EmploymentView | null> {
    const scope = await this.scope(actor);
    const [summary] = await this.summaries([(await this.workers.findById(workerId))!], scope);
    return summary.employment;
  }

  /** An employment of this worker at an enterprise in scope, or 404. */
  private async employmentInScope(actor: Actor, workerId: number, employmentId: number): Promise<Employment> {
    await this.findInScope(actor, workerId);
    const employment = await this.workers.findEmployment(employmentId);
    const scope = await this.scope(actor);
    if (
      !employment ||
      employment.workerId !== workerId ||
      !(await this.workers.enterpriseInScope(employment.enterpriseId, scope))
    )
      throw new OutOfScopeException();
    return employment;
  }

  /** The CCCD must agree with the year of birth, and with the sex unless "other" was chosen. */
  private checkPerson(cccd: string, dateOfBirth: string, gender: Gender): void {
    if (!cccdMatchesBirthYear(cccd, Number(dateOfBirth.slice(0, 4))))
      throw FormError.field('cccd', 'validation.cccdBirth');
    if (gender !== Gender.Other && sexFromCccd(cccd) !== gender)
      throw FormError.field('gender', 'roster.error.cccdGender');
  }

  private async targetEnterprise(actor: Actor, enterpriseId: number | undefined): Promise<Enterprise> {
    const scope = await this.scope(actor);
    if (enterpriseId === undefined) {
      if (!scope.all && scope.enterpriseIds.length === 1 && scope.unitPaths.length === 0)
        enterpriseId = scope.enterpriseIds[0];
      else throw FormError.field('enterpriseId', 'validation.required');
    }
    const enterprise = await this.workers.enterpriseInScope(enterpriseId, scope);
    if (!enterprise) throw FormError.field('enterpriseId', 'roster.upload.enterpriseOutOfScope');
    return enterprise;
  }

  private filter(query: WorkerListFilter): WorkerFilter {
    const q = query.q?.trim();
    const filter: WorkerFilter = { state: query.status ?? 'current', today: todayInVietnam() };
    if (isCccdQuery(q)) filter.cccdHash = this.pii.blindIndex(normaliseCccd(q!));
    else if (q) filter.nameKey = foldVietnamese(q);
    return filter;
  }

  /** Masked CCCD, account status and the main employment in scope, for a batch of workers. */
  private async summaries(workers: Worker[], scope: EnterpriseScope): Promise<WorkerSummary[]> {
    const ids = workers.map((w) => w.id);
    const today = todayInVietnam();
    const [employments, accounts] = await Promise.all([
      this.workers.employmentsOf(ids, scope.all ? undefined : scope),
      this.users.statuses(workers.map((w) => w.userId).filter((u): u is number => u !== null)),
    ]);
    const main = new Map<number, EmploymentView>();
    for (const e of employments) {
      const best = main.get(e.workerId);
      // Ordered by start date, latest first: keep the first one not ended, else the latest.
      if (!best || (best.isEndedBy(today) && !e.isEndedBy(today))) main.set(e.workerId, e);
    }
    return workers.map((w) => {
      const employment = main.get(w.id) ?? null;
      return {
        id: w.id,
        fullName: w.fullName,
        dateOfBirth: w.dateOfBirth,
        gender: w.gender,
        cccdMasked: maskCccd(this.pii.decrypt(w.cccdEncrypted)),
        phone: employment?.phone ?? null,
        email: employment?.email ?? null,
        accountStatus: w.userId ? (accounts.get(w.userId) ?? null) : null,
        employment,
        current: !!employment && !employment.isEndedBy(today),
      };
    });
  }

  private scope(actor: Actor): Promise<EnterpriseScope> {
    return this.scopes.scopeOf(actor, ...WORKER_SCOPE_ROLES);
  }
}
