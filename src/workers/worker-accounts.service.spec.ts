import { AuthService } from '../auth/auth.service';
import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { FormError } from '../common/errors/form-error';
import { UnitOfWork } from '../database/unit-of-work';
import { EnterpriseScopeService } from '../organisations/enterprise-scope';
import { UserStatus } from '../users/entities/user.entity';
import { UsersRepository } from '../users/users.repository';
import { ImportStatus } from '../imports/entities/import-run.entity';
import { RosterImportsService } from './roster-imports.service';
import { WorkerAccountsService } from './worker-accounts.service';
import { WorkersRepository } from './workers.repository';
import { WorkersService } from './workers.service';

describe(WorkerAccountsService.name, () => {
  const admin = new Actor(1, 'Admin', [{ role: Role.FederationAdmin, scopeType: ScopeType.All, scopeId: 0 }]);
  const people = [
    { worker: { id: 11, userId: 101, fullName: 'Đinh Thị Oanh' }, row: { employeeCode: 'A1' } },
    { worker: { id: 12, userId: 102, fullName: 'Hà Thị Mơ' }, row: { employeeCode: 'A2' } },
  ];
  let auth: jest.Mocked<Pick<AuthService, 'issueActivationCode'>>;
  let sut: WorkerAccountsService;

  beforeEach(() => {
    auth = { issueActivationCode: jest.fn() };
    const imports = {
      findInScope: jest.fn().mockResolvedValue({ id: 5, targetId: 3, status: ImportStatus.Completed }),
      importedWorkers: async function* () {
        yield people;
      },
    };
    const users = {
      statuses: jest.fn().mockResolvedValue(
        new Map([
          [101, UserStatus.Pending],
          [102, UserStatus.Pending],
        ]),
      ),
      findById: jest
        .fn()
        .mockImplementation(async (id: number) => ({ id, username: `nld${id}`, status: UserStatus.Pending })),
    };
    sut = new WorkerAccountsService(
      {} as WorkersRepository,
      {} as WorkersService,
      imports as unknown as RosterImportsService,
      users as unknown as UsersRepository,
      auth as unknown as AuthService,
      {} as EnterpriseScopeService,
      {} as UnitOfWork,
    );
  });

  async function sheet() {
    const out = [];
    for await (const code of await sut.prepareImportCodes(admin, 5)) out.push(code);
    return out;
  }

  it('leaves off the sheet an account that turns out to have been activated, and issues the rest', async () => {
    auth.issueActivationCode.mockImplementation(async (userId: number) => {
      if (userId === 102) throw FormError.field('account', 'auth.code.accountActivated');
      return 'ABCD2345';
    });
    expect((await sheet()).map((c) => [c.fullName, c.code])).toEqual([['Đinh Thị Oanh', 'ABCD2345']]);
  });

  it('still fails on anything else', async () => {
    auth.issueActivationCode.mockRejectedValue(new Error('database gone'));
    await expect(sheet()).rejects.toThrow('database gone');
  });
});
