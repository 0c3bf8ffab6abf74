import { requiredHeader } from './import-pipeline';
import { headerMatcher } from './spreadsheet/columns';

const match = headerMatcher([
  { field: 'name', header: 'Tên doanh nghiệp', required: true, aliases: ['Tên'] },
  { field: 'taxCode', header: 'Mã số thuế', required: true, aliases: ['MST'] },
  { field: 'sector', header: 'Ngành nghề', aliases: [] },
] as const);
const label = (field: string) =>
  ({ name: 'Tên doanh nghiệp', taxCode: 'Mã số thuế', sector: 'Ngành nghề' })[field]!;

describe(requiredHeader.name, () => {
  it('passes over a row naming fewer than two known columns (a title, a blank line)', () => {
    expect(requiredHeader(match(['DANH SÁCH DOANH NGHIỆP']), 1, label)).toBeNull();
    expect(requiredHeader(match(['STT', 'Tên']), 2, label)).toBeNull();
  });

  it('takes a row with every required column, whatever its spelling', () => {
    const found = requiredHeader(match(['STT', 'ten doanh nghiep', 'MST']), 3, label);
    expect(found && 'header' in found && [...found.header.columns.keys()]).toEqual(['name', 'taxCode']);
  });

  it('names each required column missing, as the template does, on the header row', () => {
    expect(requiredHeader(match(['Tên', 'Ngành nghề']), 4, label)).toEqual({
      problems: [
        {
          rowNumber: 4,
          columnName: 'Mã số thuế',
          messageKey: 'import.error.missingColumn',
          params: { column: 'Mã số thuế' },
        },
      ],
    });
  });
});
