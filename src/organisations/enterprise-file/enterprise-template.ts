import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { ENTERPRISE_COLUMNS, EnterpriseField } from './enterprise-columns';

const EXAMPLE: Record<EnterpriseField, string> = {
  [EnterpriseField.Name]: 'Công ty TNHH Nông sản Cư Jút',
  [EnterpriseField.TaxCode]: '0300588569',
  [EnterpriseField.CommuneCode]: '24640',
  [EnterpriseField.IndustrialPark]: '',
  [EnterpriseField.Sector]: 'Chế biến nông sản',
  [EnterpriseField.Address]: 'Thôn 1, xã Cư Jút',
};

const NOTES: Record<EnterpriseField, string> = {
  [EnterpriseField.Name]: 'Bắt buộc. Tên đầy đủ của doanh nghiệp.',
  [EnterpriseField.TaxCode]:
    'Bắt buộc. 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số đối với chi nhánh. Doanh nghiệp đã có mã số thuế này được cập nhật, chưa có thì được thêm mới.',
  [EnterpriseField.CommuneCode]:
    'Bắt buộc. Mã thống kê của xã, phường, thị trấn hoặc đặc khu đang có hiệu lực hôm nay (không dùng mã huyện, không dùng mã xã cũ trước sắp xếp).',
  [EnterpriseField.IndustrialPark]: 'Không bắt buộc. Để trống thì giữ nguyên thông tin đang có.',
  [EnterpriseField.Sector]: 'Không bắt buộc. Để trống thì giữ nguyên thông tin đang có.',
  [EnterpriseField.Address]: 'Không bắt buộc. Để trống thì giữ nguyên thông tin đang có.',
};

/** The sheet of enterprises: Vietnamese headers, one example row, text cells, and a help sheet. */
export async function writeEnterpriseTemplate(output: Writable): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'hoctap';
  const sheet = workbook.addWorksheet('Doanh nghiệp', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'STT', key: 'no', width: 6 },
    ...ENTERPRISE_COLUMNS.map((c) => ({
      header: c.header,
      key: c.field,
      width: Math.max(16, c.header.length + 6),
      // Text, so Excel keeps the leading zero of a tax code.
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
  for (const c of ENTERPRISE_COLUMNS) help.addRow({ column: c.header, note: NOTES[c.field] });
  help.addRow({});
  help.addRow({
    column: 'Lưu ý',
    note: 'Mỗi dòng là một doanh nghiệp, nhận diện theo mã số thuế. Một mã số thuế chỉ ghi một lần trong tệp. Nhập lại cùng một tệp không làm thay đổi dữ liệu.',
  });
  await workbook.xlsx.write(output);
}
