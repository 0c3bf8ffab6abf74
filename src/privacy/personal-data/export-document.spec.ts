import { cellValue, exportRow, tableOf } from './export-document';

describe('personal data export rows', () => {
  it('keeps the data, drops keys and hashes, and names columns in camelCase', () => {
    expect(
      exportRow({
        full_name: 'Nguyễn Thị Hoa',
        cccd_encrypted: 'k1:iv:tag:data',
        cccd_hash: 'ab12',
        search_key: 'nguyen thi hoa',
        password_hash: '$argon2id$',
        created_at: new Date('2026-02-03T04:05:06.000Z'),
        first_law_on: '2026-01-05',
      }),
    ).toEqual({
      fullName: 'Nguyễn Thị Hoa',
      createdAt: '2026-02-03T04:05:06.000Z',
      firstLawOn: '2026-01-05',
    });
  });

  it('makes one table of rows of different shapes', () => {
    expect(tableOf([{ a: 1 }, { b: 'x', a: 2 }])).toEqual({
      columns: ['a', 'b'],
      cells: [
        [1, null],
        [2, 'x'],
      ],
    });
    expect(cellValue({ k: 1 })).toBe('{"k":1}');
    expect(cellValue(undefined)).toBeNull();
  });
});
