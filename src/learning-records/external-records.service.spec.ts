import { ForbiddenException, HttpStatus } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { UnitOfWork } from '../database/unit-of-work';
import { InstitutionsService } from '../organisations/institutions.service';
import { EnterpriseScopeService } from '../organisations/enterprise-scope';
import { Worker } from '../workers/entities/worker.entity';
import { WorkersRepository } from '../workers/workers.repository';
import { ExternalRecordDto } from './dto/external-record.dto';
import { RecordSource } from './entities/learning-record.entity';
import { ExternalRecordsRepository, StoredExternalRecord } from './external-records.repository';
import { ExternalRecordsService } from './external-records.service';
import { DomainCode } from './learning-domains';
import { LearningRecordsService } from './learning-records.service';
import { PartnershipsRepository } from './partnerships.repository';
import { RecordRefused } from './record-refused';

const CCCD = '067090012345';
const TODAY = '2025-07-01';
const editor = (...institutionIds: number[]) =>
  new Actor(
    50,
    'Cán bộ nhà trường',
    institutionIds.map((scopeId) => ({
      role: Role.InstitutionEditor,
      scopeType: ScopeType.Institution,
      scopeId,
    })),
  );

const dto = (changes: Partial<ExternalRecordDto> = {}): ExternalRecordDto => ({
  externalId: 'CD-0001',
  cccd: CCCD,
  dateOfBirth: '1990-03-15',
  title: 'Chứng chỉ sơ cấp nghề Điện',
  programme: 'Sơ cấp nghề',
  completedOn: '2025-06-30',
  hours: 120,
  domains: ['VOCATIONAL'],
  ...changes,
});

function setup(
  options: { partnerAt?: number | null; stored?: boolean; worker?: Partial<Worker> | null } = {},
) {
  const stored = new Map<string, StoredExternalRecord>();
  const person =
    options.worker === null
      ? null
      : ({
          id: 9,
          fullName: 'Nguyễn Văn An',
          dateOfBirth: '1990-03-15',
          cccdHash: `h(${CCCD})`,
          cccdEncrypted: `enc(${CCCD})`,
          ...options.worker,
        } as Worker);
  const toStored = (id: number, row: Partial<StoredExternalRecord>): StoredExternalRecord =>
    ({
      id,
      institutionId: 3,
      institutionName: 'Trường Cao đẳng Cộng đồng Đắk Nông',
      workerCccdHash: `h(${CCCD})`,
      workerDateOfBirth: '1990-03-15',
      workerName: 'Nguyễn Văn An',
      workerCccdEncrypted: `enc(${CCCD})`,
      certificateNo: null,
      createdAt: new Date(),
      ...row,
    }) as StoredExternalRecord;
  const records = {
    findByExternalId: jest.fn(async (_i: number, externalId: string) => stored.get(externalId) ?? null),
    findById: jest.fn(async (id: number) => [...stored.values()].find((r) => r.id === id) ?? null),
    insert: jest.fn(async (_m: unknown, row: Partial<StoredExternalRecord>) => {
      const id = stored.size + 1;
      stored.set(row.externalId!, toStored(id, { ...row, domains: [] }));
      return id;
    }),
  };
  if (options.stored) {
    stored.set(
      'CD-0001',
      toStored(1, {
        externalId: 'CD-0001',
        workerId: 9,
        title: 'Chứng chỉ sơ cấp nghề Điện',
        programme: 'Sơ cấp nghề',
        completedOn: '2025-06-30',
        hours: 120,
        domains: [DomainCode.Vocational],
      }),
    );
  }
  const learningRecords = {
    recordNewWithin: jest.fn(async (_m: unknown, input: { sourceRef: string; domains: DomainCode[] }) => {
      const record = [...stored.values()].find((r) => `external:${r.id}` === input.sourceRef);
      if (record) record.domains = input.domains;
      return 1;
    }),
    announce: jest.fn(async () => undefined),
  };
  const partnerships = {
    partnerEmployerOn: jest.fn(async () => (options.partnerAt === undefined ? 4 : options.partnerAt)),
  };
  const workers = {
    findByHash: jest.fn(async (hash: string) => (person && hash === person.cccdHash ? person : null)),
  };
  const pii = {
    blindIndex: (v: string) => `h(${v})`,
    decrypt: (v: string) => v.replace(/^enc\((.*)\)$/, '$1'),
  };
  const unitOfWork = { run: jest.fn((work: (m: unknown) => Promise<unknown>) => work({})) };
  const sut = new ExternalRecordsService(
    records as unknown as ExternalRecordsRepository,
    partnerships as unknown as PartnershipsRepository,
    workers as unknown as WorkersRepository,
    learningRecords as unknown as LearningRecordsService,
    unitOfWork as unknown as UnitOfWork,
    pii as unknown as PiiCipher,
    {} as EnterpriseScopeService,
    { nameOf: async () => 'Trường Cao đẳng Cộng đồng Đắk Nông' } as unknown as InstitutionsService,
  );
  return { sut, records, learningRecords, partnerships, unitOfWork };
}

async function refusal(promise: Promise<unknown>): Promise<RecordRefused> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RecordRefused);
  return error as RecordRefused;
}

describe(ExternalRecordsService.name, () => {
  it('stores a new result with one learning record from the institution, at the partner enterprise', async () => {
    const { sut, records, learningRecords } = setup();
    const { record, created } = await sut.submit(
      editor(3),
      dto({ domains: ['vocational', 'VOCATIONAL'] }),
      TODAY,
    );
    expect(created).toBe(true);
    expect(records.insert).toHaveBeenCalledWith(
      {},
      expect.objectContaining({
        institutionId: 3,
        externalId: 'CD-0001',
        workerId: 9,
        hours: 120,
        submittedBy: 50,
      }),
    );
    expect(learningRecords.recordNewWithin).toHaveBeenCalledWith(
      {},
      expect.objectContaining({
        workerId: 9,
        source: RecordSource.External,
        sourceRef: 'external:1',
        occurredOn: '2025-06-30',
        domains: [DomainCode.Vocational],
        institutionId: 3,
        enterpriseId: 4,
      }),
    );
    expect(record.worker).toEqual({ id: 9, fullName: 'Nguyễn Văn An', cccdMasked: '067*******45' });
    expect(record.institutionName).toBe('Trường Cao đẳng Cộng đồng Đắk Nông');
    expect(learningRecords.announce).toHaveBeenCalledWith([9], '2025-06-30');
  });

  it('returns the stored result for the same post, and writes nothing', async () => {
    const { sut, records, learningRecords } = setup({ stored: true });
    const { record, created } = await sut.submit(
      editor(3),
      dto({ title: '  Chứng chỉ sơ cấp nghề Điện ' }),
      TODAY,
    );
    expect(created).toBe(false);
    expect(record.id).toBe(1);
    expect(records.insert).not.toHaveBeenCalled();
    expect(learningRecords.recordNewWithin).not.toHaveBeenCalled();
  });

  it.each([
    ['hours', { hours: 121 }],
    ['date', { completedOn: '2025-06-29' }],
    ['domains', { domains: ['VOCATIONAL', 'DIGITAL'] }],
    ['title', { title: 'Chứng chỉ khác' }],
    ['certificate', { certificateNo: 'SC-1' }],
    ['worker', { cccd: '067090099999' }],
    ['date of birth', { dateOfBirth: '1990-03-16' }],
  ])('refuses a different %s under a stored externalId with 409', async (_what, changes) => {
    const { sut, records } = setup({ stored: true });
    const error = await refusal(sut.submit(editor(3), dto(changes), TODAY));
    expect(error.getStatus()).toBe(HttpStatus.CONFLICT);
    expect(error.formMessage).toEqual({ key: 'external.error.conflict', params: { externalId: 'CD-0001' } });
    expect(records.insert).not.toHaveBeenCalled();
  });

  it('compares with the result a parallel request stored first, when this one lost the race', async () => {
    const { sut, records, unitOfWork } = setup();
    // The other request's row is stored while this one checks the worker; this one's insert then
    // hits the unique key, and the stored row is compared as for a repeat.
    unitOfWork.run.mockImplementationOnce(async () => {
      await records.insert(
        {},
        {
          externalId: 'CD-0001',
          workerId: 9,
          title: 'Chứng chỉ sơ cấp nghề Điện',
          programme: 'Sơ cấp nghề',
          completedOn: '2025-06-30',
          hours: 120,
        },
      );
      (await records.findByExternalId(3, 'CD-0001'))!.domains = [DomainCode.Vocational];
      throw Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY' });
    });
    const { created, record } = await sut.submit(editor(3), dto(), TODAY);
    expect(created).toBe(false);
    expect(record.id).toBe(1);
  });

  it('answers the same 404 whether the CCCD is unknown, the birth date wrong or the worker not at a partner', async () => {
    const unknown = await refusal(setup({ worker: null }).sut.submit(editor(3), dto(), TODAY));
    const birth = await refusal(setup().sut.submit(editor(3), dto({ dateOfBirth: '1991-01-01' }), TODAY));
    const elsewhere = await refusal(setup({ partnerAt: null }).sut.submit(editor(3), dto(), TODAY));
    for (const error of [unknown, birth, elsewhere]) {
      expect(error.getStatus()).toBe(HttpStatus.NOT_FOUND);
      expect(error.formMessage.key).toBe('external.error.workerNotFound');
    }
  });

  it('accepts a worker who has since left the partner enterprise, if they worked there on completedOn', async () => {
    const { sut, partnerships } = setup();
    partnerships.partnerEmployerOn.mockImplementation((async (_i: number, _w: number, day: string) =>
      day === '2025-06-30' ? 4 : null) as () => Promise<number | null>);
    await expect(sut.submit(editor(3), dto(), TODAY)).resolves.toMatchObject({ created: true });
  });

  it('names the first unknown domain, refuses a future date, and checks nothing else first', async () => {
    const { sut, records } = setup();
    const domain = await refusal(sut.submit(editor(3), dto({ domains: ['LAW', 'HOA_HOC'] }), TODAY));
    expect(domain.getStatus()).toBe(HttpStatus.BAD_REQUEST);
    expect(domain.fieldErrors.domains).toEqual({
      key: 'external.error.unknownDomain',
      params: { domain: 'HOA_HOC', known: 'LAW, VOCATIONAL, LIFE_SKILLS, DIGITAL' },
    });
    const future = await refusal(sut.submit(editor(3), dto({ completedOn: '2025-07-02' }), TODAY));
    expect(future.fieldErrors.completedOn.key).toBe('external.error.future');
    expect(records.findByExternalId).not.toHaveBeenCalled();
  });

  it('needs the institution named when the editor works for several, and only one of theirs', async () => {
    const { sut } = setup();
    const several = await refusal(sut.submit(editor(3, 8), dto(), TODAY));
    expect(several.fieldErrors.institutionId.key).toBe('external.error.institution');
    const foreign = await refusal(sut.submit(editor(3), dto({ institutionId: 8 }), TODAY));
    expect(foreign.fieldErrors.institutionId.key).toBe('external.error.institution');
    await expect(sut.submit(editor(3, 8), dto({ institutionId: 3 }), TODAY)).resolves.toMatchObject({
      created: true,
    });
    await expect(sut.submit(editor(), dto(), TODAY)).rejects.toBeInstanceOf(ForbiddenException);
  });
});
