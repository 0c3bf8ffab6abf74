import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { RosterField, ROSTER_COLUMNS } from './roster-columns';

const EXAMPLE: Record<RosterField, string> = {
  [RosterField.FullName]: 'Nguyễn Văn An',
  [RosterField.DateOfBirth]: '15/03/1990',
  [RosterField.Gender]: 'Nam',
  [RosterField.Cccd]: '067090012345',
  [RosterField.EmployeeCode]: 'NV0001',
  [RosterField.Phone]: '0912345678',
  [RosterField.Email]: 'an.nguyen@example.com',
  [RosterField.StartDate]: '01/06/2015',
  [RosterField.EndDate]: '',
  [RosterField.UnionMember]: 'Có',
};

const NOTES: Record<RosterField, string> = {
  [RosterField.FullName]: 'Bắt buộc. Viết đầy đủ, có dấu.',
  [RosterField.DateOfBirth]: 'Bắt buộc. Dạng dd/mm/yyyy, ví dụ 15/03/1990.',
  [RosterField.Gender]: 'Bắt buộc. Nam, Nữ hoặc Khác.',
  [RosterField.Cccd]: 'Bắt buộc. Đủ 12 chữ số, khớp với năm sinh và giới tính.',
  [RosterField.EmployeeCode]: 'Không bắt buộc. Tối đa 50 ký tự.',
  [RosterField.Phone]: 'Không bắt buộc. 10 chữ số, bắt đầu bằng 0.',
  [RosterField.Email]: 'Không bắt buộc.',
  [RosterField.StartDate]: 'Bắt buộc. Dạng dd/mm/yyyy.',
  [RosterField.EndDate]: 'Để trống nếu còn làm việc. Dạng dd/mm/yyyy.',
  [RosterField.UnionMember]: 'Có hoặc Không (có thể đánh dấu x).',
};

/**
 * The roster template: Vietnamese headers, one example row, every column stored as text so Excel
 * keeps the leading zero of a CCCD or phone number, and a second sheet explaining each column.
 */
export async function writeRosterTemplate(output: Writable): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'hoctap';
  const sheet = workbook.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ROSTER_COLUMNS.map((c) => ({
    header: c.header,
    key: c.field,
    width: Math.max(14, c.header.length + 4),
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.field, EXAMPLE[c.field]])));

  const help = workbook.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Cột', key: 'column', width: 24 },
    { header: 'Cách ghi', key: 'note', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of ROSTER_COLUMNS) help.addRow({ column: c.header, note: NOTES[c.field] });
  help.addRow({});
  help.addRow({
    column: 'Lưu ý',
    note: 'Chỉ trang đầu tiên được nhập. Có thể nhập lại cùng một tệp: dòng không thay đổi sẽ được bỏ qua.',
  });

  await workbook.xlsx.write(output);
}
