import { cellValue, DateKinds, exportRow, exportValue, tableOf } from './export-document';

describe('personal data export rows', () => {
  const kinds: DateKinds = new Map([
    ['created_at', 'instant'],
    ['first_law_on', 'date'],
    ['date_of_birth', 'date'],
  ]);

  it('keeps the data, drops keys and hashes, and names columns in camelCase', () => {
    expect(
      exportRow(
        {
          full_name: 'Nguyễn Thị Hoa',
          cccd_encrypted: 'k1:iv:tag:data',
          cccd_hash: 'ab12',
          search_key: 'nguyen thi hoa',
          password_hash: '$argon2id$',
          created_at: new Date('2026-02-03T04:05:06.000Z'),
          first_law_on: '2026-01-05',
        },
        kinds,
      ),
    ).toEqual({
      fullName: 'Nguyễn Thị Hoa',
      createdAt: '2026-02-03T11:05:06+07:00',
      firstLawOn: '2026-01-05',
    });
  });

  it('writes a DATE as YYYY-MM-DD and an instant in Vietnam time, from MySQL and from SQLite alike', () => {
    // mysql2 (connection in UTC) gives a Date at UTC midnight for a DATE; SQLite gives the text.
    expect(exportValue(new Date('1995-04-03T00:00:00.000Z'), 'date')).toBe('1995-04-03');
    expect(exportValue('1995-04-03', 'date')).toBe('1995-04-03');
    // An instant: a Date from mysql2, UTC text from SQLite; late evening UTC is the next day in Vietnam.
    expect(exportValue(new Date('2025-03-09T17:30:00.000Z'), 'instant')).toBe('2025-03-10T00:30:00+07:00');
    expect(exportValue('2025-03-09 17:30:00.000', 'instant')).toBe('2025-03-10T00:30:00+07:00');
    expect(exportValue('2025-03-09 17:30:00', 'instant')).toBe('2025-03-10T00:30:00+07:00');
    // Text in a column that holds no date stays as typed, whatever it looks like.
    expect(exportValue('2025-03-09 17:30:00')).toBe('2025-03-09 17:30:00');
    expect(exportValue(null, 'date')).toBeNull();
  });

  it('shows dates in a spreadsheet as the app does: dd/MM/yyyy, instants in Vietnam time', () => {
    expect(cellValue('1995-04-03', 'date')).toBe('03/04/1995');
    expect(cellValue('2025-03-10T00:30:59+07:00', 'instant')).toBe('10/03/2025 00:30');
    expect(cellValue('2025-03-10', undefined)).toBe('2025-03-10');
  });

  it('makes one table of rows of different shapes', () => {
    expect(tableOf([{ a: 1 }, { b: 'x', a: 2 }])).toEqual({
      columns: ['a', 'b'],
      cells: [
        [1, null],
        [2, 'x'],
      ],
    });
    expect(tableOf([{ dueOn: '2025-03-24' }], new Map([['dueOn', 'date']])).cells).toEqual([['24/03/2025']]);
    expect(cellValue({ k: 1 })).toBe('{"k":1}');
    expect(cellValue(undefined)).toBeNull();
  });
});
