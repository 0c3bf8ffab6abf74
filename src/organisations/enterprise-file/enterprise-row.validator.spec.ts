import { EnterpriseField, matchEnterpriseHeader } from './enterprise-columns';
import { EnterpriseRowValidator } from './enterprise-row.validator';

const sut = new EnterpriseRowValidator();

describe(EnterpriseRowValidator.name, () => {
  it('reads a row: the tax code without the spaces and dots people paste, blank optional cells as null', () => {
    expect(
      sut.validate(2, {
        name: '  Công ty  TNHH Tâm Phát ',
        taxCode: '6400 123.455',
        communeCode: 24640,
        sector: 'Chế biến nông sản',
        address: '',
      }).row,
    ).toEqual({
      rowNumber: 2,
      name: 'Công ty TNHH Tâm Phát',
      taxCode: '6400123455',
      communeCode: '24640',
      industrialPark: null,
      sector: 'Chế biến nông sản',
      address: null,
    });
  });

  it('needs a name, a tax code with its check digit and a commune code, and keeps to the form’s lengths', () => {
    const keys = (cells: object) => sut.validate(3, cells).problems.map((p) => [p.field, p.key]);
    expect(keys({})).toEqual([
      [EnterpriseField.Name, 'org.import.error.required'],
      [EnterpriseField.TaxCode, 'org.import.error.required'],
      [EnterpriseField.CommuneCode, 'org.import.error.required'],
    ]);
    expect(keys({ name: 'A', taxCode: '6400123456', communeCode: '24640' })).toEqual([
      [EnterpriseField.TaxCode, 'org.import.error.taxCode'],
    ]);
    expect(sut.validate(4, { name: 'A', taxCode: '6400123455-001', communeCode: '1' }).problems).toEqual([]);
    expect(
      sut.validate(5, { name: 'A', taxCode: '6400123455', communeCode: '1', sector: 'x'.repeat(101) })
        .problems,
    ).toEqual([{ field: EnterpriseField.Sector, key: 'org.import.error.tooLong', params: { max: 100 } }]);
  });

  it('treats a row of blank cells as empty', () => {
    expect(sut.isEmpty({ name: ' ', taxCode: null })).toBe(true);
    expect(sut.isEmpty({ taxCode: '6400123455' })).toBe(false);
  });

  it('recognises the header by its Vietnamese or English names, and says which required column is missing', () => {
    const header = matchEnterpriseHeader(['STT', 'Tên công ty', 'MST', 'Mã xã, phường (*)', 'Ghi chú']);
    expect([...header.columns.keys()]).toEqual([
      EnterpriseField.Name,
      EnterpriseField.TaxCode,
      EnterpriseField.CommuneCode,
    ]);
    expect(header.missing).toEqual([]);
    expect(matchEnterpriseHeader(['Enterprise name', 'Tax code']).missing).toEqual([
      EnterpriseField.CommuneCode,
    ]);
  });
});
