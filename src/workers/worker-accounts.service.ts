import { ConflictException, Injectable } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { FormError } from '../common/errors/form-error';
import { isUniqueViolation, UnitOfWork } from '../database/unit-of-work';
import { AuthService } from '../auth/auth.service';
import { EnterpriseScopeService } from '../organisations/enterprise-scope';
import { User, UserStatus } from '../users/entities/user.entity';
import { UsersRepository } from '../users/users.repository';
import { ImportStatus } from '../imports/entities/import-run.entity';
import { Worker } from './entities/worker.entity';
import { RosterImportsService } from './roster-imports.service';
import { WorkersRepository } from './workers.repository';
import { WorkersService } from './workers.service';
import { todayInVietnam } from '../common/time/vietnam-time';

/** A one-time code just issued; shown (or printed) once and never stored in clear. */
export interface IssuedCode {
  workerId: number;
  fullName: string;
  employeeCode: string | null;
  username: string;
  code: string;
  expiresAt: Date | null;
}

/** Argon2 hashing runs on the thread pool; this many at a time keeps a bulk issue quick. */
const PARALLEL_CODES = 4;

class AccountRace extends Error {}

/**
 * Workers' logins. An officer hands a worker a one-time activation code; the first code creates
 * the login (user name "nld" + worker id, pending until activated, role WORKER over their own
 * record). The worker then signs in at /activate with their CCCD and the code. Once activated the
 * account is the worker's: AuthService.issueActivationCode refuses it (issue 9), and only the
 * worker or a federation or system admin (a reset, with a reason) changes its password.
 */
@Injectable()
export class WorkerAccountsService {
  constructor(
    private readonly workers: WorkersRepository,
    private readonly workersService: WorkersService,
    private readonly imports: RosterImportsService,
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
    private readonly scopes: EnterpriseScopeService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** A code for one worker who works, today, at an enterprise of the officer (or any, for the admin). */
  async issueCode(actor: Actor, workerId: number): Promise<IssuedCode> {
    const worker = await this.workersService.findInScope(actor, workerId);
    const where = await this.workersService.currentEnterpriseIds(worker.id);
    if (!(await this.mayIssueAt(actor, where))) throw FormError.field('worker', 'workers.code.notCurrent');
    return this.issue(worker, null);
  }

  /**
   * Codes for every worker of a completed import who has no active login and still works there,
   * yielded as they are issued so a printable sheet can stream out.
   */
  async prepareImportCodes(actor: Actor, importId: number): Promise<AsyncGenerator<IssuedCode>> {
    const imp = await this.imports.findInScope(actor, importId);
    if (imp.status !== ImportStatus.Completed) throw FormError.field('import', 'roster.codes.notCompleted');
    if (imp.fileDeletedAt) throw FormError.field('import', 'privacy.retention.codesUnavailable');
    if (!(await this.mayIssueAt(actor, [imp.targetId])))
      throw FormError.field('import', 'workers.code.notCurrent');
    return this.importCodes(imp);
  }

  private async *importCodes(
    imp: Parameters<RosterImportsService['importedWorkers']>[0],
  ): AsyncGenerator<IssuedCode> {
    const today = todayInVietnam();
    for await (const batch of this.imports.importedWorkers(imp)) {
      const statuses = await this.users.statuses(
        batch.map((b) => b.worker.userId).filter((id): id is number => id !== null),
      );
      const todo = batch.filter(({ worker, row }) => {
        const status = worker.userId ? statuses.get(worker.userId) : undefined;
        const left = !!row.endDate && row.endDate < today;
        return !left && status !== UserStatus.Active && status !== UserStatus.Disabled;
      });
      for (let i = 0; i < todo.length; i += PARALLEL_CODES) {
        const group = todo.slice(i, i + PARALLEL_CODES);
        const issued = await Promise.all(
          group.map(({ worker, row }) =>
            // An account activated meanwhile (or once before) takes no code: left off the sheet.
            this.issue(worker, row.employeeCode ?? null).catch((error: unknown) => {
              if (error instanceof FormError) return null;
              throw error;
            }),
          ),
        );
        yield* issued.filter((code): code is IssuedCode => code !== null);
      }
    }
  }

  private async mayIssueAt(actor: Actor, enterpriseIds: number[]): Promise<boolean> {
    if (actor.reachesAll(Role.FederationAdmin)) return true;
    const own = (await this.scopes.scopeOf(actor, Role.UnionOfficer)).enterpriseIds;
    return enterpriseIds.some((id) => own.includes(id));
  }

  private async issue(worker: Worker, employeeCode: string | null): Promise<IssuedCode> {
    const user = await this.ensureAccount(worker);
    if (user.status === UserStatus.Disabled) throw FormError.field('worker', 'workers.code.disabled');
    const code = await this.auth.issueActivationCode(user.id);
    const updated = await this.users.findById(user.id);
    return {
      workerId: worker.id,
      fullName: worker.fullName,
      employeeCode,
      username: user.username,
      code,
      expiresAt: updated?.activationExpiresAt ?? null,
    };
  }

  /** The worker's login, created on first use; two officers clicking at once end with one login. */
  private async ensureAccount(worker: Worker): Promise<User> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const current = attempt === 0 ? worker : await this.workers.findById(worker.id);
      if (current?.userId) {
        const user = await this.users.findById(current.userId);
        if (user) return user;
      }
      try {
        return await this.unitOfWork.run(async (manager) => {
          const user = await this.users.create(
            {
              username: `nld${worker.id}`,
              displayName: worker.fullName,
              email: null,
              status: UserStatus.Pending,
            },
            manager,
          );
          await this.users.assign(user.id, Role.Worker, ScopeType.Self, worker.id, manager);
          if (!(await this.workers.linkUser(worker.id, user.id, manager))) throw new AccountRace();
          return user;
        });
      } catch (error) {
        if (!(error instanceof AccountRace) && !isUniqueViolation(error)) throw error;
      }
    }
    throw new ConflictException();
  }
}
