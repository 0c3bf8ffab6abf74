import { FiguresChanged } from '../common/events/figures-changed';
import { NotFoundException } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { FormError } from '../common/errors/form-error';
import { AdminUnitsService } from './admin-units.service';
import { EnterpriseDto } from './dto/enterprise.dto';
import { EnterpriseScopeService } from './enterprise-scope';
import { EnterprisesRepository } from './enterprises.repository';
import { EnterprisesService } from './enterprises.service';
import { AdminUnit, AdminUnitKind } from './entities/admin-unit.entity';
import { Enterprise } from './entities/enterprise.entity';
import { UnionsRepository } from './unions.repository';

const TAM_PHAT = { id: 1, name: 'Công ty TNHH Chế biến Nông sản Tâm Phát', taxCode: '6400123455', unitId: 4 };

const UNITS = [
  { id: 4, name: 'Xã Tâm Thắng', kind: AdminUnitKind.Commune, validFrom: null, validTo: '2025-06-30' },
  { id: 5, name: 'Huyện Cư Jút', kind: AdminUnitKind.District, validFrom: null, validTo: '2025-06-30' },
  { id: 6, name: 'Xã Cư Jút', kind: AdminUnitKind.Commune, validFrom: '2025-07-01', validTo: null },
] as AdminUnit[];

function setup() {
  const audit = { write: jest.fn(async () => undefined) };
  const enterprises = {
    findById: jest.fn(async (id: number) => (id === TAM_PHAT.id ? (TAM_PHAT as Enterprise) : null)),
    findByTaxCode: jest.fn(async (taxCode: string) =>
      taxCode === TAM_PHAT.taxCode ? (TAM_PHAT as Enterprise) : null,
    ),
    findInScope: jest.fn(async (id: number) => (id === 1 ? (TAM_PHAT as Enterprise) : null)),
    moveTo: jest.fn(async () => undefined),
    insert: jest.fn(async (fields: Partial<Enterprise>) => ({ id: 2, ...fields }) as Enterprise),
    update: jest.fn(async () => undefined),
    upsertHeadcount: jest.fn(async () => undefined),
    headcountsOf: jest.fn(async () => []),
  };
  const units = { findById: jest.fn(async (id: number) => UNITS.find((u) => u.id === id) ?? null) };
  const scopes = { scopeOf: jest.fn(async () => ({ all: false, enterpriseIds: [1], unitPaths: [] })) };
  const sut = new EnterprisesService(
    enterprises as unknown as EnterprisesRepository,
    {} as UnionsRepository,
    units as unknown as AdminUnitsService,
    scopes as unknown as EnterpriseScopeService,
    { run: jest.fn(async (work: (manager: unknown) => Promise<unknown>) => work('tx')) } as never,
    audit as unknown as AuditLog,
    new FiguresChanged(),
  );
  return { sut, enterprises, scopes, audit };
}

const dto = (fields: Partial<EnterpriseDto> = {}): EnterpriseDto => ({
  name: 'Công ty TNHH Điện tử Hòa Bình',
  taxCode: '6400567891',
  unitId: 4,
  ...fields,
});

async function formErrorOf(promise: Promise<unknown>): Promise<FormError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FormError);
  return error as FormError;
}

describe(EnterprisesService.name, () => {
  it('creates an enterprise with a normalised tax code and a folded search key', async () => {
    const { sut, enterprises } = setup();
    await sut.create(dto({ taxCode: '6400 567 891', industrialPark: 'Khu công nghiệp Tâm Thắng' }));
    expect(enterprises.insert).toHaveBeenCalledWith({
      name: 'Công ty TNHH Điện tử Hòa Bình',
      searchKey: 'cong ty tnhh dien tu hoa binh',
      taxCode: '6400567891',
      unitId: 4,
      industrialPark: 'Khu công nghiệp Tâm Thắng',
      sector: null,
      address: null,
    });
  });

  it('refuses a tax code another enterprise has, as a field error on taxCode', async () => {
    const { sut, enterprises } = setup();
    const error = await formErrorOf(sut.create(dto({ taxCode: '6400.123.455' })));
    expect(error.fieldErrors).toEqual({ taxCode: { key: 'org.enterprise.taxCodeTaken' } });
    expect(enterprises.insert).not.toHaveBeenCalled();
  });

  it('turns a unique-key violation from a concurrent insert into the same field error', async () => {
    const { sut, enterprises } = setup();
    enterprises.insert.mockRejectedValueOnce(
      Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }),
    );
    const error = await formErrorOf(sut.create(dto()));
    expect(error.fieldErrors.taxCode.key).toBe('org.enterprise.taxCodeTaken');
  });

  it('lets an enterprise keep its own tax code, but not take another’s', async () => {
    const { sut, enterprises } = setup();
    await sut.update(1, dto({ taxCode: TAM_PHAT.taxCode, name: 'Tâm Phát mới' }));
    expect(enterprises.update).toHaveBeenCalledWith(
      1,
      expect.objectContaining({ taxCode: TAM_PHAT.taxCode }),
    );
    enterprises.findById.mockResolvedValueOnce({ id: 3 } as Enterprise);
    const error = await formErrorOf(sut.update(3, dto({ taxCode: TAM_PHAT.taxCode })));
    expect(error.fieldErrors.taxCode.key).toBe('org.enterprise.taxCodeTaken');
  });

  it('refuses an unknown unit', async () => {
    const { sut } = setup();
    const error = await formErrorOf(sut.create(dto({ unitId: 404 })));
    expect(error.fieldErrors.unitId.key).toBe('org.unit.notFound');
  });

  it('answers 404 for an enterprise outside the caller’s scope', async () => {
    const { sut, enterprises, scopes } = setup();
    const officer = new Actor(7, 'Phạm Thị Hoa', [
      { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: 1 },
    ]);
    await expect(sut.findInScope(officer, 2)).rejects.toBeInstanceOf(NotFoundException);
    expect(scopes.scopeOf).toHaveBeenCalledWith(officer);
    expect(enterprises.findInScope).toHaveBeenCalledWith(2, {
      all: false,
      enterpriseIds: [1],
      unitPaths: [],
    });
  });

  it('refuses a headcount year out of range', async () => {
    const { sut, enterprises } = setup();
    const error = await formErrorOf(sut.setHeadcount(1, 1999, 10));
    expect(error.fieldErrors.year.key).toBe('validation.year');
    await sut.setHeadcount(1, 2025, 160);
    expect(enterprises.upsertHeadcount).toHaveBeenCalledWith(1, 2025, 160);
  });

  describe('setCommune', () => {
    const officer = new Actor(7, 'Phạm Thị Hoa', [
      { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: 1 },
    ]);

    it('moves the enterprise to a commune in force and keeps the step, in one transaction', async () => {
      const { sut, enterprises, audit } = setup();
      const moved = await sut.setCommune(officer, 1, 6, '2026-12-05');
      expect(moved.unitId).toBe(6);
      expect(enterprises.moveTo).toHaveBeenCalledWith(1, 6, 'tx');
      expect(audit.write).toHaveBeenCalledWith(
        officer,
        expect.objectContaining({
          action: 'enterprise.commune.set',
          subjectId: 1,
          details: { commune: ['Xã Tâm Thắng', 'Xã Cư Jút'] },
        }),
        'tx',
      );
    });

    it('refuses a district, a lapsed commune and another enterprise, moving nothing', async () => {
      const { sut, enterprises, audit } = setup();
      expect((await formErrorOf(sut.setCommune(officer, 1, 5, '2026-12-05'))).fieldErrors.unitId.key).toBe(
        'org.enterprise.communeRequired',
      );
      expect((await formErrorOf(sut.setCommune(officer, 1, 4, '2026-12-05'))).fieldErrors.unitId.key).toBe(
        'org.enterprise.communeLapsed',
      );
      await expect(sut.setCommune(officer, 2, 6, '2026-12-05')).rejects.toBeInstanceOf(NotFoundException);
      expect(enterprises.moveTo).not.toHaveBeenCalled();
      expect(audit.write).not.toHaveBeenCalled();
    });
  });
});
