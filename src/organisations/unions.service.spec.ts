import { FormError } from '../common/errors/form-error';
import { EnterprisesRepository } from './enterprises.repository';
import { Enterprise } from './entities/enterprise.entity';
import { GrassrootsUnion } from './entities/grassroots-union.entity';
import { UnionsRepository } from './unions.repository';
import { UnionsService } from './unions.service';

function setup() {
  const existing = { id: 7, enterpriseId: 1, name: 'Công đoàn cơ sở Tâm Phát' } as GrassrootsUnion;
  const unions = {
    findById: jest.fn(async (id: number) => (id === existing.id ? existing : null)),
    findByEnterprise: jest.fn(async (enterpriseId: number) => (enterpriseId === 1 ? existing : null)),
    insert: jest.fn(async (fields: Partial<GrassrootsUnion>) => ({ id: 8, ...fields }) as GrassrootsUnion),
    update: jest.fn(async () => undefined),
  };
  const enterprises = { findById: jest.fn(async (id: number) => (id <= 2 ? ({ id } as Enterprise) : null)) };
  const sut = new UnionsService(
    unions as unknown as UnionsRepository,
    enterprises as unknown as EnterprisesRepository,
  );
  return { sut, unions };
}

describe(UnionsService.name, () => {
  it('gives an enterprise one grassroots union only', async () => {
    const { sut, unions } = setup();
    const error = await sut.create({ enterpriseId: 1, name: 'Công đoàn thứ hai' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormError);
    expect((error as FormError).fieldErrors.enterpriseId.key).toBe('org.union.enterpriseTaken');
    expect(unions.insert).not.toHaveBeenCalled();
  });

  it('creates a union with a folded search key, and lets a union keep its own enterprise', async () => {
    const { sut, unions } = setup();
    await sut.create({ enterpriseId: 2, name: 'Công đoàn Đắk Mil Xanh', establishedOn: '2012-09-05' });
    expect(unions.insert).toHaveBeenCalledWith({
      enterpriseId: 2,
      name: 'Công đoàn Đắk Mil Xanh',
      searchKey: 'cong doan dak mil xanh',
      chairName: null,
      establishedOn: '2012-09-05',
      dissolvedOn: null,
      successorId: null,
    });
    await sut.update(7, { enterpriseId: 1, name: 'Công đoàn cơ sở Tâm Phát', chairName: 'Phạm Thị Hoa' });
    expect(unions.update).toHaveBeenCalledWith(7, expect.objectContaining({ chairName: 'Phạm Thị Hoa' }));
  });

  it('refuses an unknown enterprise', async () => {
    const { sut } = setup();
    const error = (await sut.create({ enterpriseId: 9, name: 'X' }).catch((e: unknown) => e)) as FormError;
    expect(error.fieldErrors.enterpriseId.key).toBe('org.enterprise.notFound');
  });
});
