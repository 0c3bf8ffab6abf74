import { normaliseHeader } from '../../imports/spreadsheet/columns';
import { matchRosterHeader, RosterField, ROSTER_COLUMNS } from './roster-columns';

describe('matchRosterHeader', () => {
  it('recognises the template headers in any order, ignoring unknown columns', () => {
    const headers = ['STT', ...ROSTER_COLUMNS.map((c) => c.header).reverse(), 'Ghi chú'];
    const { columns, missing } = matchRosterHeader(headers);
    expect(missing).toEqual([]);
    expect(columns.size).toBe(ROSTER_COLUMNS.length);
    expect(columns.get(RosterField.FullName)).toEqual({
      index: headers.indexOf('Họ và tên'),
      label: 'Họ và tên',
    });
  });

  it('matches without diacritics, in any case, with hints in brackets and English names', () => {
    const { columns } = matchRosterHeader([
      'HO VA TEN',
      'ngày sinh (dd/mm/yyyy)',
      'Sex',
      'Số CCCD/CMND',
      'Employee code',
      'SĐT',
      'E-mail',
      'Start date*',
      'Ngày thôi việc',
      'Union member',
    ]);
    expect([...columns.keys()]).toEqual([
      RosterField.FullName,
      RosterField.DateOfBirth,
      RosterField.Gender,
      RosterField.Cccd,
      RosterField.EmployeeCode,
      RosterField.Phone,
      RosterField.Email,
      RosterField.StartDate,
      RosterField.EndDate,
      RosterField.UnionMember,
    ]);
  });

  it('lists the required columns that are missing', () => {
    const { missing } = matchRosterHeader(['Họ và tên', 'Giới tính', 'Số điện thoại']);
    expect(missing).toEqual([RosterField.DateOfBirth, RosterField.Cccd, RosterField.StartDate]);
  });

  it('keeps the first of two columns with the same meaning', () => {
    const { columns } = matchRosterHeader(['Họ tên', 'Họ và tên']);
    expect(columns.get(RosterField.FullName)?.index).toBe(0);
  });

  it('folds headers to plain words', () => {
    expect(normaliseHeader('  Đoàn viên  Công đoàn (Có/Không) ')).toBe('doan vien cong doan');
  });
});
