import { ConflictException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { Role, ScopeType } from '../../common/access/roles';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { FormError } from '../../common/errors/form-error';
import { UnitOfWork } from '../../database/unit-of-work';
import { PrivacyRequest, PrivacyRequestKind, PrivacyRequestStatus } from '../entities/privacy-request.entity';
import { PersonalDataProviders } from '../../common/personal-data/personal-data-providers';
import { UsersRepository } from '../../users/users.repository';
import { WorkersService } from '../../workers/workers.service';
import { PrivacyRequestsRepository } from './privacy-requests.repository';
import { PrivacyRequestsService } from './privacy-requests.service';

describe(PrivacyRequestsService.name, () => {
  const worker = new Actor(20, 'An', [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: 7 }], 7);
  const admin = new Actor(1, 'LĐLĐ', [{ role: Role.FederationAdmin, scopeType: ScopeType.All, scopeId: 0 }]);
  const manager = {} as EntityManager;
  const request = (changes: Partial<PrivacyRequest> = {}): PrivacyRequest =>
    ({
      id: 3,
      userId: 20,
      workerId: 7,
      kind: PrivacyRequestKind.Deletion,
      status: PrivacyRequestStatus.Open,
      ...changes,
    }) as PrivacyRequest;

  let requests: Record<'create' | 'findById' | 'openOf' | 'close' | 'closeOthers' | 'listForUser', jest.Mock>;
  let provider: { tables: string[]; export: jest.Mock; anonymise: jest.Mock };
  let workers: { idOfUser: jest.Mock };
  let sut: PrivacyRequestsService;

  beforeEach(() => {
    requests = {
      create: jest.fn(async (r: PrivacyRequest) => ({ ...r, id: 4 })),
      findById: jest.fn(async () => request()),
      openOf: jest.fn(async () => null),
      close: jest.fn(async () => true),
      closeOthers: jest.fn(async () => undefined),
      listForUser: jest.fn(async () => []),
    };
    provider = { tables: ['t'], export: jest.fn(), anonymise: jest.fn(async () => undefined) };
    workers = { idOfUser: jest.fn(async () => null) };
    const providers = new PersonalDataProviders();
    providers.register(provider);
    const pii = { encrypt: (v: string) => `enc(${v})` } as PiiCipher;
    const unitOfWork = { run: (work: (m: EntityManager) => Promise<unknown>) => work(manager) } as UnitOfWork;
    sut = new PrivacyRequestsService(
      requests as unknown as PrivacyRequestsRepository,
      providers,
      workers as unknown as WorkersService,
      pii,
      unitOfWork,
      {} as UsersRepository,
    );
  });

  it('files a deletion request due in 15 days, and returns the open one when asked again', async () => {
    const filed = await sut.requestDeletion(worker, '  Tôi nghỉ việc. ');
    expect(filed).toMatchObject({
      userId: 20,
      workerId: 7,
      kind: PrivacyRequestKind.Deletion,
      status: PrivacyRequestStatus.Open,
      details: 'Tôi nghỉ việc.',
    });
    expect(
      Date.parse(filed.dueOn) - Date.parse(filed.requestedAt.toISOString().slice(0, 10)),
    ).toBeGreaterThanOrEqual(15 * 86_400_000);
    requests.openOf.mockResolvedValueOnce(request({ id: 2 }));
    await expect(sut.requestDeletion(worker)).resolves.toMatchObject({ id: 2 });
    expect(requests.create).toHaveBeenCalledTimes(1);
  });

  it('wants a correction described in at least 10 characters', async () => {
    await expect(sut.requestCorrection(worker, ' sai tên  ')).rejects.toBeInstanceOf(FormError);
    await expect(sut.requestCorrection(worker, 'x'.repeat(2001))).rejects.toBeInstanceOf(FormError);
    await expect(sut.requestCorrection(worker, 'Tên tôi là Hoà, không phải Hòa.')).resolves.toMatchObject({
      kind: PrivacyRequestKind.Correction,
    });
  });

  it('anonymises in one unit of work: claims the request, replaces the identity, answers the rest', async () => {
    await sut.anonymise(admin, 3);
    expect(requests.close).toHaveBeenCalledWith(
      manager,
      3,
      PrivacyRequestStatus.Done,
      1,
      expect.any(Date),
      null,
    );
    // Every registered domain forgets the person in the same transaction.
    expect(provider.anonymise).toHaveBeenCalledWith(
      manager,
      { workerId: 7, userId: 20 },
      { cccdPlaceholderEncrypted: 'enc(000000000000)', when: expect.any(Date) },
    );
    expect(requests.closeOthers).toHaveBeenCalledWith(manager, 20, 1, expect.any(Date), 'anonymised');
  });

  it('runs what a domain leaves for after commit (files’ bytes) only once the transaction has committed, once', async () => {
    const events: string[] = [];
    provider.anonymise.mockImplementation(async () => {
      events.push('anonymise');
      return async () => {
        events.push('delete bytes');
      };
    });
    // A deadlock on the first attempt: the unit of work runs the whole work again, then commits.
    const retrying = {
      run: async (work: (m: EntityManager) => Promise<unknown>) => {
        await work(manager);
        events.push('deadlock, retried');
        const result = await work(manager);
        events.push('commit');
        return result;
      },
    } as UnitOfWork;
    const providers = new PersonalDataProviders();
    providers.register(provider);
    const retried = new PrivacyRequestsService(
      requests as unknown as PrivacyRequestsRepository,
      providers,
      workers as unknown as WorkersService,
      { encrypt: (v: string) => `enc(${v})` } as PiiCipher,
      retrying,
      {} as UsersRepository,
    );
    await retried.anonymise(admin, 3);
    expect(events).toEqual(['anonymise', 'deadlock, retried', 'anonymise', 'commit', 'delete bytes']);

    // A transaction that fails runs none of it.
    events.length = 0;
    requests.closeOthers.mockRejectedValueOnce(new Error('rolled back'));
    await expect(sut.anonymise(admin, 3)).rejects.toThrow('rolled back');
    expect(events).toEqual(['anonymise']);
  });

  it('anonymises nothing for a closed request, a correction, or one another admin claimed first', async () => {
    requests.findById.mockResolvedValueOnce(request({ status: PrivacyRequestStatus.Done }));
    await expect(sut.anonymise(admin, 3)).rejects.toBeInstanceOf(FormError);
    requests.findById.mockResolvedValueOnce(request({ kind: PrivacyRequestKind.Correction }));
    await expect(sut.anonymise(admin, 3)).rejects.toThrow();
    requests.close.mockResolvedValueOnce(false);
    await expect(sut.anonymise(admin, 3)).rejects.toBeInstanceOf(ConflictException);
    expect(provider.anonymise).not.toHaveBeenCalled();
  });

  it('answers a deletion only by refusing it with a reason', async () => {
    await expect(sut.answer(admin, 3, true, 'Đã xoá')).rejects.toBeInstanceOf(FormError);
    await expect(sut.answer(admin, 3, false, '  ')).rejects.toBeInstanceOf(FormError);
    await sut.answer(admin, 3, false, 'Hồ sơ đang được xét danh hiệu năm nay.');
    expect(requests.close).toHaveBeenCalledWith(
      manager,
      3,
      PrivacyRequestStatus.Refused,
      1,
      expect.any(Date),
      'Hồ sơ đang được xét danh hiệu năm nay.',
    );
  });
});
