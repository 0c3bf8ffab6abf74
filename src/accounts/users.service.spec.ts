import { ForbiddenException } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { AuthService } from '../auth/auth.service';
import { PasswordHasher } from '../auth/password-hasher';
import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { FormError } from '../common/errors/form-error';
import { UnitOfWork } from '../database/unit-of-work';
import { UserStatus } from '../users/entities/user.entity';
import { ScopeDirectory } from './scope-directory';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from './users.service';

describe(UsersService.name, () => {
  const federationAdmin = new Actor(1, 'Admin', [
    { role: Role.FederationAdmin, scopeType: ScopeType.All, scopeId: 0 },
  ]);
  const systemAdmin = new Actor(2, 'Root', [
    { role: Role.SystemAdmin, scopeType: ScopeType.All, scopeId: 0 },
  ]);
  let users: jest.Mocked<
    Pick<
      UsersRepository,
      'usernameTaken' | 'create' | 'assign' | 'findById' | 'assignments' | 'update' | 'findForLogin'
    >
  >;
  let scopes: jest.Mocked<Pick<ScopeDirectory, 'exists' | 'name'>>;
  let auth: jest.Mocked<Pick<AuthService, 'replaceAccess' | 'wasActivated' | 'issueResetCode'>>;
  let audit: jest.Mocked<Pick<AuditLog, 'write'>>;
  let hasher: jest.Mocked<Pick<PasswordHasher, 'hash'>>;
  let sut: UsersService;

  beforeEach(() => {
    users = {
      usernameTaken: jest.fn().mockResolvedValue(false),
      create: jest.fn().mockImplementation(async (data) => ({ id: 10, ...data })),
      assign: jest.fn(),
      findById: jest.fn(),
      assignments: jest.fn().mockResolvedValue([]),
      update: jest.fn(),
      findForLogin: jest.fn(),
    };
    scopes = { exists: jest.fn().mockResolvedValue(true), name: jest.fn() };
    auth = {
      replaceAccess: jest.fn(),
      wasActivated: jest.fn().mockResolvedValue(true),
      issueResetCode: jest.fn().mockImplementation(async (_id, record) => {
        await record({});
        return { code: 'ABCD2345', expiresAt: new Date() };
      }),
    };
    audit = { write: jest.fn() };
    hasher = { hash: jest.fn().mockResolvedValue('argon2-hash') };
    const unitOfWork = { run: (work: (m: unknown) => Promise<unknown>) => work({}) } as unknown as UnitOfWork;
    sut = new UsersService(
      users as unknown as UsersRepository,
      scopes as unknown as ScopeDirectory,
      unitOfWork,
      auth as unknown as AuthService,
      audit as unknown as AuditLog,
      hasher as unknown as PasswordHasher,
    );
  });

  const base = { username: 'congdoan.a', displayName: 'Cán bộ A' };

  it('creates a pending account scoped to the chosen enterprise', async () => {
    await sut.create(federationAdmin, { ...base, role: Role.UnionOfficer, scope: 'ENTERPRISE:7' });
    expect(users.create).toHaveBeenCalledWith(expect.objectContaining({ status: UserStatus.Pending }), {});
    expect(users.assign).toHaveBeenCalledWith(10, Role.UnionOfficer, ScopeType.Enterprise, 7, {});
  });

  it('refuses a scope of the wrong kind, a missing scope and an unknown organisation', async () => {
    await expect(
      sut.create(federationAdmin, { ...base, role: Role.UnionOfficer, scope: 'BRANCH:1' }),
    ).rejects.toBeInstanceOf(FormError);
    await expect(sut.create(federationAdmin, { ...base, role: Role.UnionOfficer })).rejects.toBeInstanceOf(
      FormError,
    );
    scopes.exists.mockResolvedValue(false);
    await expect(
      sut.create(federationAdmin, { ...base, role: Role.UnionOfficer, scope: 'ENTERPRISE:99' }),
    ).rejects.toBeInstanceOf(FormError);
    expect(users.create).not.toHaveBeenCalled();
  });

  it('lets department viewers be province-wide or scoped to a unit', async () => {
    await sut.create(federationAdmin, { ...base, role: Role.DepartmentViewer });
    expect(users.assign).toHaveBeenLastCalledWith(10, Role.DepartmentViewer, ScopeType.All, 0, {});
    await sut.create(federationAdmin, { ...base, role: Role.DepartmentViewer, scope: 'UNIT:3' });
    expect(users.assign).toHaveBeenLastCalledWith(10, Role.DepartmentViewer, ScopeType.Unit, 3, {});
  });

  it('refuses a taken user name with a field error', async () => {
    users.usernameTaken.mockResolvedValue(true);
    await expect(sut.create(federationAdmin, { ...base, role: Role.FederationAdmin })).rejects.toMatchObject({
      fieldErrors: { username: { key: 'users.usernameTaken' } },
    });
  });

  it('only lets a system admin hand out the system admin role', async () => {
    await expect(sut.create(federationAdmin, { ...base, role: Role.SystemAdmin })).rejects.toBeInstanceOf(
      ForbiddenException,
    );
    await expect(sut.create(systemAdmin, { ...base, role: Role.SystemAdmin })).resolves.toBeDefined();
  });

  it('never hands out the worker role here', async () => {
    await expect(
      sut.create(systemAdmin, { ...base, role: Role.Worker, scope: 'ALL' }),
    ).rejects.toBeInstanceOf(FormError);
  });

  it('does not let an admin disable their own account', async () => {
    users.findById.mockResolvedValue({ id: 1, status: UserStatus.Active } as never);
    await expect(sut.setStatus(federationAdmin, 1, UserStatus.Disabled)).rejects.toBeInstanceOf(FormError);
    expect(users.update).not.toHaveBeenCalled();
  });

  describe('resetPassword', () => {
    const officer = { id: 7, username: 'congdoan.x', status: UserStatus.Active };

    beforeEach(() => {
      users.findById.mockResolvedValue(officer as never);
      users.assignments.mockResolvedValue([
        { id: 1, userId: 7, role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: 3 },
      ] as never);
    });

    it('issues a reset code and writes the reason to the audit trail in the same unit', async () => {
      const result = await sut.resetPassword(federationAdmin, 7, '  Quên mật khẩu, gọi điện xác nhận  ');
      expect(result.code).toBe('ABCD2345');
      expect(audit.write).toHaveBeenCalledWith(
        federationAdmin,
        {
          action: 'user.password.reset',
          subjectType: 'user',
          subjectId: 7,
          reason: 'Quên mật khẩu, gọi điện xác nhận',
        },
        {},
      );
    });

    it.each([
      ['a blank reason', 7, '   ', 'users.reset.reasonRequired'],
      ['their own account', 1, 'Tự đặt lại', 'users.reset.notSelf'],
    ])('refuses %s', async (_what, id, reason, key) => {
      users.findById.mockResolvedValue({ ...officer, id } as never);
      const error = await sut.resetPassword(federationAdmin, id, reason).catch((e: FormError) => e);
      expect((error as FormError).fieldErrors.reason.key).toBe(key);
      expect(auth.issueResetCode).not.toHaveBeenCalled();
    });

    it('refuses a disabled account, and a system admin’s to a federation admin', async () => {
      users.findById.mockResolvedValue({ ...officer, status: UserStatus.Disabled } as never);
      await expect(sut.resetPassword(federationAdmin, 7, 'Lý do')).rejects.toBeInstanceOf(FormError);
      users.findById.mockResolvedValue(officer as never);
      users.assignments.mockResolvedValue([
        { id: 2, userId: 7, role: Role.SystemAdmin, scopeType: ScopeType.All, scopeId: 0 },
      ] as never);
      await expect(sut.resetPassword(federationAdmin, 7, 'Lý do')).rejects.toBeInstanceOf(ForbiddenException);
      await expect(sut.resetPassword(systemAdmin, 7, 'Lý do')).resolves.toMatchObject({ code: 'ABCD2345' });
      expect(audit.write).toHaveBeenCalledTimes(1);
    });
  });

  describe('createSystemAdmin', () => {
    const commandLine = { userId: null, displayName: 'Dòng lệnh (npm run admin:create)' };
    const admin = {
      username: ' Lan.Nguyen ',
      displayName: 'Quản trị hệ thống',
      password: 'Sông Đà mùa nước lũ',
    };

    it('makes an active system admin with the hashed password, and audits it in the same unit', async () => {
      await sut.createSystemAdmin(admin, commandLine);
      expect(users.create).toHaveBeenCalledWith(
        { username: 'lan.nguyen', displayName: 'Quản trị hệ thống', email: null, status: UserStatus.Active },
        {},
      );
      expect(hasher.hash).toHaveBeenCalledWith('Sông Đà mùa nước lũ');
      expect(users.update).toHaveBeenCalledWith(10, { passwordHash: 'argon2-hash' }, {});
      expect(users.assign).toHaveBeenCalledWith(10, Role.SystemAdmin, ScopeType.All, 0, {});
      expect(audit.write).toHaveBeenCalledWith(
        commandLine,
        {
          action: 'user.admin.created',
          subjectType: 'user',
          subjectId: 10,
          details: { username: 'lan.nguyen', role: Role.SystemAdmin },
        },
        {},
      );
    });

    it.each([
      ['a user name against the rule', { username: 'Quản trị' }, 'username', 'validation.username'],
      ['a short password', { password: 'ngắn' }, 'password', 'validation.password.short'],
      ['a common password', { password: 'password123' }, 'password', 'validation.password.common'],
      [
        'a password built on the user name',
        { password: 'lan.nguyen2030' },
        'password',
        'validation.password.personal',
      ],
      ['a password too long', { password: 'Sông Đà '.repeat(30) }, 'password', 'validation.maxLength'],
    ])('refuses %s and makes nothing', async (_what, change, field, key) => {
      const error = await sut
        .createSystemAdmin({ ...admin, ...change }, commandLine)
        .catch((e: FormError) => e);
      expect((error as FormError).fieldErrors[field].key).toBe(key);
      expect(users.create).not.toHaveBeenCalled();
      expect(audit.write).not.toHaveBeenCalled();
    });

    it('refuses a user name that is taken', async () => {
      users.usernameTaken.mockResolvedValue(true);
      const error = await sut.createSystemAdmin(admin, commandLine).catch((e: FormError) => e);
      expect((error as FormError).fieldErrors.username.key).toBe('users.usernameTaken');
      expect(users.usernameTaken).toHaveBeenCalledWith('lan.nguyen');
      expect(users.create).not.toHaveBeenCalled();
    });
  });
});
