import { ForbiddenException } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { FormError } from '../common/errors/form-error';
import { UnitOfWork } from '../database/unit-of-work';
import { UserStatus } from './entities/user.entity';
import { ScopeDirectory } from './scope-directory';
import { UsersRepository } from './users.repository';
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
  let auth: jest.Mocked<Pick<AuthService, 'replaceAccess'>>;
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
    auth = { replaceAccess: jest.fn() };
    const unitOfWork = { run: (work: (m: unknown) => Promise<unknown>) => work({}) } as unknown as UnitOfWork;
    sut = new UsersService(
      users as unknown as UsersRepository,
      scopes as unknown as ScopeDirectory,
      unitOfWork,
      auth as unknown as AuthService,
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
});
