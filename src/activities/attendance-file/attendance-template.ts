import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { AttendanceField, ATTENDANCE_COLUMNS } from './attendance-columns';

const EXAMPLE: Record<AttendanceField, string> = {
  [AttendanceField.FullName]: 'Nguyễn Văn An',
  [AttendanceField.Cccd]: '067090012345',
  [AttendanceField.EmployeeCode]: 'NV0001',
};

const NOTES: Record<AttendanceField, string> = {
  [AttendanceField.FullName]: 'Không bắt buộc. Nếu ghi, phải khớp với họ tên trong danh sách người lao động.',
  [AttendanceField.Cccd]: 'Ghi số CCCD (12 chữ số) hoặc mã nhân viên, hoặc cả hai.',
  [AttendanceField.EmployeeCode]: 'Mã nhân viên tại doanh nghiệp, như trong danh sách người lao động.',
};

/** The attendance sheet template: Vietnamese headers, one example row, text cells, and a help sheet. */
export async function writeAttendanceTemplate(output: Writable): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'hoctap';
  const sheet = workbook.addWorksheet('Điểm danh', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'STT', key: 'no', width: 6 },
    ...ATTENDANCE_COLUMNS.map((c) => ({
      header: c.header,
      key: c.field,
      width: Math.max(16, c.header.length + 6),
      // Text, so Excel keeps the leading zero of a CCCD.
      style: { numFmt: '@' },
    })),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({ no: 1, ...EXAMPLE });

  const help = workbook.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Cột', key: 'column', width: 20 },
    { header: 'Cách ghi', key: 'note', width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of ATTENDANCE_COLUMNS) help.addRow({ column: c.header, note: NOTES[c.field] });
  help.addRow({});
  help.addRow({
    column: 'Lưu ý',
    note: 'Mỗi dòng là một người có mặt. Chỉ nhận người đang làm việc tại doanh nghiệp vào ngày diễn ra hoạt động. Nhập lại cùng một tệp không làm thay đổi dữ liệu.',
  });
  await workbook.xlsx.write(output);
}
