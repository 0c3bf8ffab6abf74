import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditActor, AuditLog } from '../audit/audit-log.service';
import { AuthService } from '../auth/auth.service';
import { PasswordHasher } from '../auth/password-hasher';
import { PASSWORD_MAX, passwordProblem } from '../auth/password-policy';
import { Actor } from '../common/access/actor';
import { Role, ROLE_SCOPES, ScopeType } from '../common/access/roles';
import { FormError } from '../common/errors/form-error';
import { pageOf, PageQuery, pageWindow } from '../common/http/pagination';
import { UnitOfWork } from '../database/unit-of-work';
import { CreateUserDto, RoleGrantDto } from './dto/user-admin.dto';
import { User, UserStatus } from '../users/entities/user.entity';
import { ScopeDirectory } from './scope-directory';
import { UsersRepository } from '../users/users.repository';
import { USERNAME_PATTERN } from '../users/username';

/** What `npm run admin:create` asks for. */
export interface NewSystemAdmin {
  username: string;
  displayName: string;
  password: string;
}

/** Roles an admin may hand out here; workers get theirs from the roster. */
export const GRANTABLE_ROLES = [
  Role.UnionOfficer,
  Role.InstitutionEditor,
  Role.AssociationReviewer,
  Role.DepartmentViewer,
  Role.FederationAdmin,
  Role.SystemAdmin,
];

/** User accounts and their role assignments, managed by federation and system admins. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly scopes: ScopeDirectory,
    private readonly unitOfWork: UnitOfWork,
    private readonly auth: AuthService,
    private readonly audit: AuditLog,
    private readonly hasher: PasswordHasher,
  ) {}

  async page(query: PageQuery) {
    const { page, size, skip } = pageWindow(query);
    const [items, total] = await this.users.page(query.q, skip, size);
    return pageOf(items, total, page, size);
  }

  async get(id: number): Promise<{
    user: User;
    grants: { id: number; role: Role; scopeType: ScopeType; scopeName: string | null }[];
  }> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundException();
    const assignments = await this.users.assignments(id);
    const grants = await Promise.all(
      assignments.map(async (a) => ({
        id: a.id,
        role: a.role,
        scopeType: a.scopeType,
        scopeName: await this.scopes.name(a.scopeType, a.scopeId),
      })),
    );
    return { user, grants };
  }

  /** Creates a pending account with one role; the person sets a password with a one-time code. */
  async create(actor: Actor, dto: CreateUserDto): Promise<User> {
    const grant = await this.checkGrant(actor, dto);
    if (await this.users.usernameTaken(dto.username))
      throw FormError.field('username', 'users.usernameTaken');
    return this.unitOfWork.run(async (manager) => {
      const user = await this.users.create(
        {
          username: dto.username,
          displayName: dto.displayName,
          email: dto.email ?? null,
          status: UserStatus.Pending,
        },
        manager,
      );
      await this.users.assign(user.id, grant.role, grant.scopeType, grant.scopeId, manager);
      return user;
    });
  }

  /**
   * A user name a new account may take, as stored (lower case), or a FormError saying why not: the
   * rule of the admin pages, and not taken. The command line asks before it asks for a password.
   */
  async availableUsername(typed: string): Promise<string> {
    const username = typed.trim().toLowerCase();
    if (!USERNAME_PATTERN.test(username)) throw FormError.field('username', 'validation.username');
    if (await this.users.usernameTaken(username)) throw FormError.field('username', 'users.usernameTaken');
    return username;
  }

  /**
   * A system admin made from the command line (`npm run admin:create`), for a database that has no
   * account yet or whose admins are locked out. Unlike an account made on the admin pages it is
   * active at once, with the password the operator typed, checked by the same policy as any chosen
   * password; the person accepts the privacy notice at their first sign-in, like everyone. The
   * account, its role and the audit entry are stored together or not at all.
   */
  async createSystemAdmin(input: NewSystemAdmin, by: AuditActor): Promise<User> {
    const username = await this.availableUsername(input.username);
    const displayName = input.displayName.trim();
    if (!displayName) throw FormError.field('displayName', 'validation.required');
    if (input.password.length > PASSWORD_MAX)
      throw FormError.field('password', 'validation.maxLength', { max: PASSWORD_MAX });
    const problem = passwordProblem(input.password, { username, displayName });
    if (problem) throw FormError.field('password', problem);
    const passwordHash = await this.hasher.hash(input.password);
    return this.unitOfWork.run(async (manager) => {
      const user = await this.users.create(
        { username, displayName, email: null, status: UserStatus.Active },
        manager,
      );
      await this.users.update(user.id, { passwordHash }, manager);
      await this.users.assign(user.id, Role.SystemAdmin, ScopeType.All, 0, manager);
      await this.audit.write(
        by,
        {
          action: 'user.admin.created',
          subjectType: 'user',
          subjectId: user.id,
          details: { username, role: Role.SystemAdmin },
        },
        manager,
      );
      return user;
    });
  }

  async addRole(actor: Actor, userId: number, dto: RoleGrantDto): Promise<void> {
    await this.get(userId);
    const grant = await this.checkGrant(actor, dto);
    await this.users.assign(userId, grant.role, grant.scopeType, grant.scopeId);
  }

  async removeRole(actor: Actor, userId: number, assignmentId: number): Promise<void> {
    const assignment = (await this.users.assignments(userId)).find((a) => a.id === assignmentId);
    if (!assignment) throw new NotFoundException();
    this.checkMayGrant(actor, assignment.role);
    if (userId === actor.userId && [Role.SystemAdmin, Role.FederationAdmin].includes(assignment.role)) {
      throw FormError.field('role', 'users.cannotDemoteSelf');
    }
    await this.users.unassign(userId, assignmentId);
  }

  /** Disabling ends the person's sessions at once and revokes their API tokens. */
  async setStatus(
    actor: Actor,
    userId: number,
    status: UserStatus.Active | UserStatus.Disabled,
  ): Promise<void> {
    const { user, grants } = await this.get(userId);
    if (user.id === actor.userId) throw FormError.field('status', 'users.cannotDisableSelf');
    grants.forEach((g) => this.checkMayGrant(actor, g.role));
    if (status === UserStatus.Disabled) return this.auth.replaceAccess(userId, { status });
    // Enabled again: waiting for activation only if it never was activated.
    const next = (await this.auth.wasActivated(user.id)) ? status : UserStatus.Pending;
    await this.users.update(userId, { status: next });
  }

  async mayIssueCode(actor: Actor, userId: number): Promise<void> {
    const { user, grants } = await this.get(userId);
    if (user.status === UserStatus.Disabled) throw FormError.field('status', 'users.disabledNoCode');
    grants.forEach((g) => this.checkMayGrant(actor, g.role));
  }

  /**
   * A federation or system admin resets someone's password, with a reason kept in the audit trail:
   * the old password, sessions and API tokens stop at once and a one-time code (shown once) lets
   * the person choose a new password. Not one's own (that is /account/password), not a disabled
   * account, and a system admin's only by a system admin.
   */
  async resetPassword(
    actor: Actor,
    userId: number,
    reason: string | undefined,
  ): Promise<{ user: User; code: string; expiresAt: Date }> {
    const { user, grants } = await this.get(userId);
    const text = (reason ?? '').trim();
    if (!text) throw FormError.field('reason', 'users.reset.reasonRequired');
    if (user.id === actor.userId) throw FormError.field('reason', 'users.reset.notSelf');
    if (user.status === UserStatus.Disabled) throw FormError.field('reason', 'users.reset.disabled');
    grants.forEach((g) => this.checkMayGrant(actor, g.role));
    const issued = await this.auth.issueResetCode(userId, (manager) =>
      this.audit.write(
        actor,
        { action: 'user.password.reset', subjectType: 'user', subjectId: userId, reason: text },
        manager,
      ),
    );
    return { user, ...issued };
  }

  /** Whether the account was activated once: the page then offers a reset, not an activation code. */
  wasActivated(userId: number): Promise<boolean> {
    return this.auth.wasActivated(userId);
  }

  /** A federation admin cannot hand out (or take away) the system admin role. */
  private checkMayGrant(actor: Actor, role: Role): void {
    if (role === Role.SystemAdmin && !actor.has(Role.SystemAdmin)) throw new ForbiddenException();
  }

  private async checkGrant(
    actor: Actor,
    dto: RoleGrantDto,
  ): Promise<{ role: Role; scopeType: ScopeType; scopeId: number }> {
    if (!GRANTABLE_ROLES.includes(dto.role)) throw FormError.field('role', 'validation.oneOf');
    this.checkMayGrant(actor, dto.role);
    const allowed = ROLE_SCOPES[dto.role];
    const [type, id] = (dto.scope ?? (allowed[0] === ScopeType.All ? 'ALL' : '')).split(':');
    if (!type) throw FormError.field('scope', 'users.scopeRequired');
    const scopeType = type as ScopeType;
    if (!allowed.includes(scopeType)) throw FormError.field('scope', 'users.scopeWrongKind');
    if (scopeType === ScopeType.All) return { role: dto.role, scopeType, scopeId: 0 };
    const scopeId = Number(id);
    if (!(await this.scopes.exists(scopeType, scopeId))) throw FormError.field('scope', 'users.scopeUnknown');
    return { role: dto.role, scopeType, scopeId };
  }
}
