import { randomBytes } from 'node:crypto';
import { inMemoryWorkers, NO_MANAGER, personRegistry } from '../../../test/support/in-memory-workers';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { Gender } from '../entities/worker.entity';
import { ReconciliationSource } from '../reconciliation/entities/identity-reconciliation.entity';
import { PersonEntry, PersonRegistry, RegisterRequest } from './person-registry';

describe(PersonRegistry.name, () => {
  const pii = new PiiCipher({ piiKeys: [{ id: 'k1', key: randomBytes(32) }], piiHmacKey: randomBytes(32) });
  let fakes: ReturnType<typeof inMemoryWorkers>;
  let sut: PersonRegistry;
  beforeEach(() => {
    fakes = inMemoryWorkers();
    sut = personRegistry(fakes, pii);
  });

  const an = (
    overrides: Partial<PersonEntry> = {},
    employment: Partial<NonNullable<PersonEntry['employment']>> = {},
  ): PersonEntry => ({
    key: 2,
    cccd: '067090012345',
    cccdHash: pii.blindIndex('067090012345'),
    identity: { fullName: 'Nguyễn Văn An', dateOfBirth: '1990-03-15', gender: Gender.Male },
    employment: {
      startDate: '2015-06-01',
      endDate: null,
      employeeCode: 'NV1',
      unionMember: true,
      phone: '0912345678',
      email: null,
      ...employment,
    },
    ...overrides,
  });
  const at = (enterpriseId: number, entries: PersonEntry[], more: Partial<RegisterRequest> = {}) =>
    sut.register(NO_MANAGER, {
      enterpriseId,
      entries,
      requester: { userId: 50 },
      source: { kind: ReconciliationSource.RosterImport, importId: 9 },
      mode: 'merge',
      identityAuthority: false,
      ...more,
    });
  const actions = () => fakes.audit.steps.map((s) => s.action);

  it('creates the person, encrypting the CCCD, with the contact data on the employment', async () => {
    await expect(at(5, [an()])).resolves.toEqual([{ key: 2, result: 'created', workerId: 1 }]);
    const [person] = fakes.repo.workers;
    expect(pii.decrypt(person.cccdEncrypted)).toBe('067090012345');
    expect(person).not.toHaveProperty('phone');
    expect(fakes.repo.employments).toEqual([
      expect.objectContaining({ workerId: 1, enterpriseId: 5, employeeCode: 'NV1', phone: '0912345678' }),
    ]);
  });

  it('changes nothing when the same entries come again', async () => {
    await at(5, [an()]);
    fakes.repo.update.mockClear();
    await expect(at(5, [an()])).resolves.toEqual([{ key: 2, result: 'unchanged', workerId: 1 }]);
    expect(fakes.repo.update).not.toHaveBeenCalled();
    expect(fakes.repo.updateEmployment).not.toHaveBeenCalled();
    expect(fakes.repo.employments).toHaveLength(1);
  });

  it('lets a known person join another enterprise when the identity agrees, answering as for a new person', async () => {
    await at(5, [an()]);
    // Typed without diacritics and in capitals: the same person; their record keeps its spelling.
    const joined = await at(6, [
      an(
        { identity: { fullName: 'NGUYEN VAN  AN', dateOfBirth: '1990-03-15', gender: Gender.Male } },
        { phone: '0988000111' },
      ),
    ]);
    expect(joined).toEqual([{ key: 2, result: 'created', workerId: 1 }]);
    expect(fakes.repo.workers[0].fullName).toBe('Nguyễn Văn An');
    expect(fakes.repo.employments.map((e) => [e.enterpriseId, e.phone])).toEqual([
      [5, '0912345678'],
      [6, '0988000111'],
    ]);
    expect(fakes.audit.steps).toContainEqual(
      expect.objectContaining({
        action: 'worker.joined',
        subjectId: 1,
        details: { enterpriseId: 6, via: 'ROSTER_IMPORT', importId: 9 },
      }),
    );
  });

  it.each([
    ['another name', { fullName: 'Trần Văn An' }],
    ['another date of birth', { dateOfBirth: '1990-03-16' }],
    ['another gender', { gender: Gender.Other }],
  ])(
    'refuses to join with %s, changes nothing and opens a reconciliation request',
    async (_label, identity) => {
      await at(5, [an()]);
      const refused = await at(6, [an({ identity: { ...an().identity, ...identity } })]);
      expect(refused).toEqual([{ key: 2, result: 'refused', workerId: null, refusal: 'identityDiffers' }]);
      expect(fakes.repo.workers[0]).toMatchObject({
        fullName: 'Nguyễn Văn An',
        dateOfBirth: '1990-03-15',
        gender: Gender.Male,
      });
      expect(fakes.repo.employments.map((e) => e.enterpriseId)).toEqual([5]);
      expect(fakes.reconciliations.opened).toEqual([
        expect.objectContaining({
          workerId: 1,
          enterpriseId: 6,
          requestedBy: 50,
          rowNumber: 2,
          rosterImportId: 9,
          startDate: '2015-06-01',
          ...identity,
        }),
      ]);
      expect(actions()).toEqual(['reconciliation.opened']);
    },
  );

  it('lets the enterprise correct the identity of its own worker, audited with the field names only', async () => {
    await at(5, [an()]);
    await expect(at(5, [an({ identity: { ...an().identity, fullName: 'Nguyễn Văn Ân' } })])).resolves.toEqual(
      [{ key: 2, result: 'updated', workerId: 1 }],
    );
    expect(fakes.repo.workers[0].fullName).toBe('Nguyễn Văn Ân');
    expect(fakes.audit.steps).toEqual([
      expect.objectContaining({
        action: 'worker.identity.changed',
        subjectId: 1,
        details: { fields: 'fullName', enterpriseId: 5, via: 'ROSTER_IMPORT', importId: 9 },
      }),
    ]);
    expect(JSON.stringify(fakes.audit.steps)).not.toContain('Ân');
  });

  it.each([
    ['who activated their account', () => fakes.repo.activated.add(1)],
    ['who works elsewhere too', async () => void (await at(6, [an()]))],
    [
      'who worked elsewhere before',
      async () => void (await at(6, [an({}, { startDate: '2010-01-01', endDate: '2014-12-31' })])),
    ],
  ])('does not let the enterprise change the identity of a person %s', async (_label, arrange) => {
    await at(5, [an()]);
    await arrange();
    const refused = await at(5, [an({ identity: { ...an().identity, fullName: 'Tên Khác Hẳn' } })]);
    expect(refused[0]).toMatchObject({ result: 'refused', refusal: 'identityDiffers' });
    expect(fakes.repo.workers[0].fullName).toBe('Nguyễn Văn An');
    expect(fakes.reconciliations.opened).toHaveLength(1);
  });

  it('applies the identity given by the identity authority (the federation admin, an accepted reconciliation)', async () => {
    await at(5, [an()]);
    await at(6, [an()]);
    const outcome = await at(6, [an({ identity: { ...an().identity, fullName: 'Nguyễn Văn Ân' } })], {
      identityAuthority: true,
    });
    expect(outcome[0].result).toBe('updated');
    expect(fakes.repo.workers[0].fullName).toBe('Nguyễn Văn Ân');
  });

  it('corrects the start date of the open employment instead of adding a second one, audited', async () => {
    await at(5, [an()]);
    await expect(at(5, [an({}, { startDate: '2015-07-01' })])).resolves.toEqual([
      { key: 2, result: 'updated', workerId: 1 },
    ]);
    expect(fakes.repo.employments).toEqual([
      expect.objectContaining({ startDate: '2015-07-01', endDate: null }),
    ]);
    expect(fakes.audit.steps).toContainEqual(
      expect.objectContaining({
        action: 'employment.corrected',
        subjectId: 1,
        details: { startDate: ['2015-06-01', '2015-07-01'], via: 'ROSTER_IMPORT', importId: 9 },
      }),
    );
  });

  it('takes a re-hire as two rows of one file: the earlier employment ended, a later one open', async () => {
    await at(5, [an()]);
    const outcome = await at(5, [
      an({ key: 7 }, { startDate: '2021-03-01', endDate: null }),
      an({ key: 3 }, { startDate: '2015-06-01', endDate: '2019-12-31' }),
    ]);
    expect(outcome.map((o) => [o.key, o.result])).toEqual([
      [7, 'created'],
      [3, 'updated'],
    ]);
    expect(fakes.repo.employments.map((e) => [e.startDate, e.endDate])).toEqual([
      ['2015-06-01', '2019-12-31'],
      ['2021-03-01', null],
    ]);
  });

  it('refuses to reopen an ended employment while another one is open', async () => {
    await at(5, [
      an({ key: 2 }, { startDate: '2015-06-01', endDate: '2019-12-31' }),
      an({ key: 3 }, { startDate: '2021-03-01' }),
    ]);
    const outcome = await at(5, [an({}, { startDate: '2015-06-01', endDate: null })]);
    expect(outcome[0]).toMatchObject({ result: 'refused', refusal: 'secondOpen' });
    expect(fakes.repo.employments.map((e) => e.endDate)).toEqual(['2019-12-31', null]);
  });

  it('in add mode, refuses an employment already on the roster and changes nothing', async () => {
    await at(5, [an()]);
    const outcome = await at(5, [an({}, { startDate: '2016-01-01', employeeCode: 'X' })], {
      mode: 'add',
      source: { kind: ReconciliationSource.Form },
    });
    expect(outcome[0]).toMatchObject({ result: 'refused', refusal: 'alreadyOnRoster' });
    expect(fakes.repo.employments).toEqual([
      expect.objectContaining({ startDate: '2015-06-01', employeeCode: 'NV1' }),
    ]);
  });
});
