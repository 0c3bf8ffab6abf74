import { Gender } from '../entities/worker.entity';
import { RosterField } from './roster-columns';
import { RosterRowValidator, RowCells } from './roster-row.validator';

const valid: RowCells = {
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '15/03/1990',
  gender: 'Nam',
  cccd: '067090012345',
  employeeCode: 'NV0001',
  phone: '0912 345 678',
  email: 'An.Nguyen@Example.com',
  startDate: '01/06/2015',
  endDate: null,
  unionMember: 'Có',
};

describe(RosterRowValidator.name, () => {
  const sut = new RosterRowValidator();
  const problems = (cells: RowCells) =>
    sut.validate(7, cells).problems.map((p) => [p.field, p.key, p.params ?? null]);

  it('turns a valid row into normalised values', () => {
    const { row, problems: found } = sut.validate(7, valid);
    expect(found).toEqual([]);
    expect(row).toEqual({
      rowNumber: 7,
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '1990-03-15',
      gender: Gender.Male,
      cccd: '067090012345',
      employeeCode: 'NV0001',
      phone: '0912345678',
      email: 'an.nguyen@example.com',
      startDate: '2015-06-01',
      endDate: null,
      unionMember: true,
    });
  });

  it('leaves a value undefined when its column is absent, and null when its cell is empty', () => {
    const { row } = sut.validate(2, {
      fullName: 'Lê Thị Hoa',
      dateOfBirth: '1991-01-02',
      gender: 'nu',
      cccd: '067191000001',
      startDate: '2019-05-01',
      phone: '',
    });
    expect(row).toMatchObject({ phone: null, email: undefined, endDate: undefined, unionMember: undefined });
  });

  it('reports every missing required value', () => {
    expect(problems({ fullName: ' ', dateOfBirth: null, gender: null, cccd: null, startDate: null })).toEqual(
      [
        [RosterField.FullName, 'roster.error.required', null],
        [RosterField.DateOfBirth, 'roster.error.required', null],
        [RosterField.Gender, 'roster.error.required', null],
        [RosterField.Cccd, 'roster.error.required', null],
        [RosterField.StartDate, 'roster.error.required', null],
      ],
    );
  });

  it('refuses dates that are not dd/mm/yyyy, yyyy-mm-dd or real calendar days', () => {
    expect(problems({ ...valid, dateOfBirth: '31/02/1990' })).toContainEqual([
      RosterField.DateOfBirth,
      'roster.error.date',
      null,
    ]);
    expect(problems({ ...valid, startDate: '06-2015' })).toEqual([
      [RosterField.StartDate, 'roster.error.date', null],
    ]);
    expect(problems({ ...valid, endDate: 'đang làm' })).toEqual([
      [RosterField.EndDate, 'roster.error.date', null],
    ]);
  });

  it('checks the CCCD: format, year of birth, and sex against the gender', () => {
    expect(problems({ ...valid, cccd: '12345' })).toEqual([[RosterField.Cccd, 'roster.error.cccd', null]]);
    expect(problems({ ...valid, cccd: '003090012345' })).toEqual([
      [RosterField.Cccd, 'roster.error.cccd', null],
    ]);
    expect(problems({ ...valid, cccd: '067091012345' })).toEqual([
      [RosterField.Cccd, 'roster.error.cccdBirth', null],
    ]);
    expect(problems({ ...valid, gender: 'Nữ' })).toEqual([
      [RosterField.Gender, 'roster.error.cccdGender', null],
    ]);
    expect(problems({ ...valid, gender: 'Khác' })).toEqual([]);
  });

  it('gives a CCCD typed into a number cell its leading zero back', () => {
    expect(sut.validate(3, { ...valid, cccd: 67090012345 }).row?.cccd).toBe('067090012345');
  });

  it('reports an unknown gender, phone, email and union-member value', () => {
    expect(problems({ ...valid, gender: 'trai' })).toEqual([
      [RosterField.Gender, 'roster.error.gender', null],
    ]);
    expect(problems({ ...valid, phone: '0912' })).toEqual([[RosterField.Phone, 'roster.error.phone', null]]);
    expect(problems({ ...valid, email: 'an@' })).toEqual([[RosterField.Email, 'roster.error.email', null]]);
    expect(problems({ ...valid, unionMember: 'có lẽ' })).toEqual([
      [RosterField.UnionMember, 'roster.error.unionMember', null],
    ]);
  });

  it('refuses an end date before the start date and a worker under 15 on the start date', () => {
    expect(problems({ ...valid, endDate: '31/05/2015' })).toEqual([
      [RosterField.EndDate, 'roster.error.endBeforeStart', null],
    ]);
    expect(problems({ ...valid, startDate: '14/03/2005' })).toEqual([
      [RosterField.DateOfBirth, 'roster.error.tooYoung', { age: 15 }],
    ]);
  });

  it('limits the length of names and employee codes', () => {
    expect(problems({ ...valid, fullName: 'A'.repeat(201) })).toEqual([
      [RosterField.FullName, 'roster.error.tooLong', { max: 200 }],
    ]);
    expect(problems({ ...valid, employeeCode: 'X'.repeat(51) })).toEqual([
      [RosterField.EmployeeCode, 'roster.error.tooLong', { max: 50 }],
    ]);
  });

  it('tells an empty row from one with data', () => {
    expect(sut.isEmpty({ fullName: null, cccd: '  ' })).toBe(true);
    expect(sut.isEmpty({ fullName: null, cccd: '0' })).toBe(false);
  });
});
