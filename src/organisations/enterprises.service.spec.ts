import { NotFoundException } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { FormError } from '../common/errors/form-error';
import { AdminUnitsService } from './admin-units.service';
import { EnterpriseDto } from './dto/enterprise.dto';
import { EnterpriseScopeService } from './enterprise-scope';
import { EnterprisesRepository } from './enterprises.repository';
import { EnterprisesService } from './enterprises.service';
import { AdminUnit } from './entities/admin-unit.entity';
import { Enterprise } from './entities/enterprise.entity';
import { UnionsRepository } from './unions.repository';

const TAM_PHAT = { id: 1, name: 'Công ty TNHH Chế biến Nông sản Tâm Phát', taxCode: '6400123455', unitId: 4 };

function setup() {
  const enterprises = {
    findById: jest.fn(async (id: number) => (id === TAM_PHAT.id ? (TAM_PHAT as Enterprise) : null)),
    findByTaxCode: jest.fn(async (taxCode: string) =>
      taxCode === TAM_PHAT.taxCode ? (TAM_PHAT as Enterprise) : null,
    ),
    findInScope: jest.fn(async () => null as Enterprise | null),
    insert: jest.fn(async (fields: Partial<Enterprise>) => ({ id: 2, ...fields }) as Enterprise),
    update: jest.fn(async () => undefined),
    upsertHeadcount: jest.fn(async () => undefined),
    headcountsOf: jest.fn(async () => []),
  };
  const units = { findById: jest.fn(async (id: number) => (id === 4 ? ({ id: 4 } as AdminUnit) : null)) };
  const scopes = { scopeOf: jest.fn(async () => ({ all: false, enterpriseIds: [1], unitPaths: [] })) };
  const sut = new EnterprisesService(
    enterprises as unknown as EnterprisesRepository,
    {} as UnionsRepository,
    units as unknown as AdminUnitsService,
    scopes as unknown as EnterpriseScopeService,
  );
  return { sut, enterprises, scopes };
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
});
