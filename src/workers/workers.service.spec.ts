import { FiguresChanged } from '../common/events/figures-changed';
import { ForbiddenException, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { FormError } from '../common/errors/form-error';
import { UnitOfWork } from '../database/unit-of-work';
import { EnterpriseScope, EnterpriseScopeService } from '../organisations/enterprise-scope';
import { Gender, Worker } from './entities/worker.entity';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { UsersRepository } from '../users/users.repository';
import { WorkersRepository } from './workers.repository';
import { PiiAccessLog } from '../pii-access/pii-access-log.service';
import { PiiAccessAction } from '../pii-access/pii-access.entity';
import { isCccdQuery, WorkersService } from './workers.service';
import { PersonRegistry } from './identity/person-registry';
import { AuditLog } from '../audit/audit-log.service';

describe(WorkersService.name, () => {
  const pii = new PiiCipher({ piiKeys: [{ id: 'k1', key: randomBytes(32) }], piiHmacKey: randomBytes(32) });
  const officerA = new Actor(10, 'Cán bộ A', [
    { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: 1 },
  ]);
  const admin = new Actor(11, 'Liên đoàn', [
    { role: Role.FederationAdmin, scopeType: ScopeType.All, scopeId: 0 },
  ]);
  const viewer = new Actor(12, 'Sở', [{ role: Role.DepartmentViewer, scopeType: ScopeType.All, scopeId: 0 }]);
  const worker = Object.assign(new Worker(), {
    id: 7,
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '1990-03-15',
    gender: Gender.Male,
    cccdEncrypted: pii.encrypt('067090012345'),
    cccdHash: pii.blindIndex('067090012345'),
    userId: null,
  });
  const scopeOf = (actor: Actor, ...roles: Role[]): EnterpriseScope => {
    const grants = actor.grants.filter((g) => roles.length === 0 || roles.includes(g.role));
    if (grants.some((g) => g.scopeType === ScopeType.All))
      return { all: true, enterpriseIds: [], unitPaths: [] };
    return { all: false, enterpriseIds: grants.map((g) => g.scopeId), unitPaths: [] };
  };

  let repo: Record<'findById' | 'isInScope' | 'findByHash' | 'update' | 'employmentsOf', jest.Mock>;
  let sut: WorkersService;
  let accessLog: { record: jest.Mock };
  let registry: { register: jest.Mock };

  beforeEach(() => {
    accessLog = { record: jest.fn(async () => undefined) };
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    repo = {
      findById: jest.fn(async (id: number) => (id === worker.id ? worker : null)),
      // The worker is employed at enterprise 2 only.
      isInScope: jest.fn(
        async (_id: number, scope: EnterpriseScope) => scope.all || scope.enterpriseIds.includes(2),
      ),
      findByHash: jest.fn(async () => null),
      update: jest.fn(async () => undefined),
      employmentsOf: jest.fn(async () => []),
    };
    registry = { register: jest.fn(async () => [{ key: 1, result: 'updated', workerId: worker.id }]) };
    sut = new WorkersService(
      repo as unknown as WorkersRepository,
      {
        scopeOf: async (actor: Actor, ...roles: Role[]) => scopeOf(actor, ...roles),
      } as EnterpriseScopeService,
      pii,
      { run: (work: (m: unknown) => Promise<unknown>) => work({}) } as unknown as UnitOfWork,
      accessLog as unknown as PiiAccessLog,
      registry as unknown as PersonRegistry,
      { write: jest.fn(async () => undefined) } as unknown as AuditLog,
      { statuses: jest.fn(async () => new Map()) } as unknown as UsersRepository,
      new FiguresChanged(),
    );
  });

  it('answers 404 for a worker outside the officer’s enterprises, and for one that does not exist', async () => {
    await expect(sut.findInScope(officerA, worker.id)).rejects.toBeInstanceOf(OutOfScopeException);
    await expect(sut.findInScope(admin, 999)).rejects.toBeInstanceOf(OutOfScopeException);
  });

  it('lets the federation admin and the worker themself reach the record, but not a department viewer', async () => {
    await expect(sut.findInScope(admin, worker.id)).resolves.toBe(worker);
    const self = new Actor(20, 'An', [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: 7 }], 7);
    await expect(sut.findInScope(self, worker.id)).resolves.toBe(worker);
    await expect(sut.findInScope(viewer, worker.id)).rejects.toBeInstanceOf(OutOfScopeException);
  });

  it('reveals the full CCCD to the federation admin and the officer of the worker’s enterprise only', async () => {
    await expect(sut.revealCccd(admin, worker.id, 'POST /workers/:id/cccd')).resolves.toBe('067090012345');
    const officerB = new Actor(13, 'Cán bộ B', [
      { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: 2 },
    ]);
    await expect(sut.revealCccd(officerB, worker.id, 'POST /workers/:id/cccd')).resolves.toBe('067090012345');
    const systemAdmin = new Actor(14, 'Hệ thống', [
      { role: Role.SystemAdmin, scopeType: ScopeType.All, scopeId: 0 },
    ]);
    await expect(sut.revealCccd(systemAdmin, worker.id, 'POST /workers/:id/cccd')).rejects.toBeInstanceOf(
      ForbiddenException,
    );
    // Each reveal is in the access log (without the number); the refused one is not.
    expect(accessLog.record.mock.calls).toEqual([
      [admin, [worker.id], PiiAccessAction.Reveal, 'POST /workers/:id/cccd'],
      [officerB, [worker.id], PiiAccessAction.Reveal, 'POST /workers/:id/cccd'],
    ]);
  });

  it('does not reveal when the access log cannot be written', async () => {
    accessLog.record.mockRejectedValueOnce(new Error('database down'));
    await expect(sut.revealCccd(admin, worker.id, 'POST /workers/:id/cccd')).rejects.toThrow('database down');
  });

  it('refuses a full-CCCD export to anyone but a union officer', async () => {
    await expect(sut.exportRows(admin, {}, 'Kiểm tra').next()).rejects.toBeInstanceOf(ForbiddenException);
  });

  it('keeps the CCCD consistent with the date of birth and sex when editing', async () => {
    const officerB = new Actor(13, 'Cán bộ B', [
      { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: 2 },
    ]);
    await expect(sut.update(officerB, worker.id, { dateOfBirth: '1991-03-15' })).rejects.toMatchObject({
      fieldErrors: { cccd: { key: 'validation.cccdBirth' } },
    });
    await expect(sut.update(officerB, worker.id, { gender: Gender.Female })).rejects.toBeInstanceOf(
      FormError,
    );
    await expect(sut.update(officerB, worker.id, { gender: Gender.Other, phone: null })).resolves.toBe(
      worker,
    );
    // The identity change goes through the registry's rules, as the officer's (not the authority's).
    expect(registry.register).toHaveBeenCalledWith(
      {},
      expect.objectContaining({
        entries: [expect.objectContaining({ identity: expect.objectContaining({ gender: Gender.Other }) })],
        identityAuthority: false,
      }),
    );
  });

  it('tells the officer when an identity change went to reconciliation', async () => {
    registry.register.mockResolvedValueOnce([
      { key: 1, result: 'refused', workerId: null, refusal: 'identityDiffers' },
    ]);
    const officerB = new Actor(13, 'Cán bộ B', [
      { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: 2 },
    ]);
    await expect(sut.update(officerB, worker.id, { fullName: 'Tên Khác' })).rejects.toMatchObject({
      fieldErrors: { fullName: { key: 'workers.identityDiffers' } },
    });
  });

  it('lets only the federation admin correct a CCCD', async () => {
    const officerB = new Actor(13, 'Cán bộ B', [
      { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: 2 },
    ]);
    await expect(sut.update(officerB, worker.id, { cccd: '067090099999' })).rejects.toMatchObject({
      fieldErrors: { cccd: { key: 'workers.cccdAdminOnly' } },
    });
    expect(repo.findByHash).not.toHaveBeenCalled();
  });

  it('refuses a corrected CCCD that belongs to someone else', async () => {
    repo.findByHash.mockResolvedValueOnce(Object.assign(new Worker(), { id: 8 }));
    await expect(sut.update(admin, worker.id, { cccd: '067090099999' })).rejects.toMatchObject({
      fieldErrors: { cccd: { key: 'workers.cccdTaken' } },
    });
  });

  it('recognises a CCCD typed into the search box, with spaces or dots', () => {
    expect(isCccdQuery('067 090 012.345')).toBe(true);
    expect(isCccdQuery('Nguyễn')).toBe(false);
    expect(isCccdQuery('0670900')).toBe(false);
  });
});
