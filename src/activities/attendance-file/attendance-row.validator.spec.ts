import { AttendanceField, isHeader, matchAttendanceHeader } from './attendance-columns';
import { AttendanceRowValidator } from './attendance-row.validator';

const sut = new AttendanceRowValidator();
const an = { workerId: 11, fullName: 'Nguyễn Văn An' };
const binh = { workerId: 12, fullName: 'Trần Thị Bình' };

describe(AttendanceRowValidator.name, () => {
  describe('validate', () => {
    it('accepts a row with a CCCD, an employee code or both; a CCCD typed as a number keeps its zero', () => {
      expect(sut.validate(3, { cccd: '067090012345' }).row).toEqual({
        rowNumber: 3,
        cccd: '067090012345',
        employeeCode: null,
        fullName: null,
      });
      expect(sut.validate(4, { cccd: 67090012345 }).row?.cccd).toBe('067090012345');
      expect(sut.validate(5, { employeeCode: ' TP0001 ', fullName: 'Nguyễn  Văn An' }).row).toMatchObject({
        employeeCode: 'TP0001',
        fullName: 'Nguyễn Văn An',
      });
    });

    it('needs someone to be named, and a CCCD of the right form', () => {
      expect(sut.validate(6, { fullName: 'Nguyễn Văn An' }).problems).toEqual([
        { field: null, key: 'activities.import.error.identifierRequired' },
      ]);
      expect(sut.validate(7, { cccd: '12345' }).problems).toEqual([
        { field: AttendanceField.Cccd, key: 'roster.error.cccd' },
      ]);
      expect(sut.validate(8, { employeeCode: 'X'.repeat(51) }).problems[0]).toMatchObject({
        key: 'roster.error.tooLong',
        params: { max: 50 },
      });
    });

    it('treats a row of blank cells as empty', () => {
      expect(sut.isEmpty({ cccd: null, employeeCode: '  ', fullName: '' })).toBe(true);
      expect(sut.isEmpty({ employeeCode: 'TP1' })).toBe(false);
    });
  });

  describe('match', () => {
    const row = (changes: object) => ({
      rowNumber: 2,
      cccd: null,
      employeeCode: null,
      fullName: null,
      ...changes,
    });

    it('finds the worker by CCCD or by employee code; the name, when given, may differ in accents and case', () => {
      expect(sut.match(row({ cccd: '067090012345' }), an, undefined)).toEqual({ workerId: 11, problems: [] });
      expect(sut.match(row({ employeeCode: 'TP1' }), undefined, [binh])).toEqual({
        workerId: 12,
        problems: [],
      });
      expect(
        sut.match(row({ cccd: '067090012345', employeeCode: 'TP1', fullName: 'nguyen van an' }), an, [an]),
      ).toEqual({ workerId: 11, problems: [] });
    });

    it('says why a row names nobody on the roster of the day, or two different people', () => {
      const key = (result: ReturnType<AttendanceRowValidator['match']>) => result.problems[0]?.key;
      expect(key(sut.match(row({ cccd: '067090012345' }), undefined, undefined))).toBe(
        'activities.import.error.cccdNotFound',
      );
      expect(key(sut.match(row({ employeeCode: 'TP9' }), undefined, []))).toBe(
        'activities.import.error.codeNotFound',
      );
      expect(key(sut.match(row({ cccd: '067090012345', employeeCode: 'TP2' }), an, [binh]))).toBe(
        'activities.import.error.mismatch',
      );
      expect(key(sut.match(row({ employeeCode: 'TP1' }), undefined, [an, binh]))).toBe(
        'activities.import.error.codeAmbiguous',
      );
      expect(key(sut.match(row({ cccd: '067090012345', fullName: 'Trần Thị Bình' }), an, undefined))).toBe(
        'activities.import.error.nameMismatch',
      );
    });
  });

  it('recognises a header naming a CCCD or an employee code column, whatever else the sheet has', () => {
    const header = matchAttendanceHeader(['STT', 'Họ tên', 'Số căn cước công dân', 'Ký tên']);
    expect(isHeader(header)).toBe(true);
    expect([...header.columns.keys()]).toEqual([AttendanceField.FullName, AttendanceField.Cccd]);
    expect(isHeader(matchAttendanceHeader(['DANH SÁCH THAM DỰ', null]))).toBe(false);
    expect(isHeader(matchAttendanceHeader(['Họ và tên']))).toBe(false);
  });
});
