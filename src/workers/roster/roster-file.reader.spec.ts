import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRosterFile, RosterFileError, sniffDelimiter } from './roster-file.reader';
import { countXlsxRows } from './xlsx-rows';

describe('readRosterFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roster-reader-'));
  const collect = async (path: string, kind: 'xlsx' | 'csv', progress: number[] = []) => {
    const rows = [];
    for await (const row of readRosterFile(path, kind, (f) => progress.push(f))) rows.push(row);
    return rows;
  };

  it('reads an XLSX written by a streaming writer: dates, numbers, rich text and formulas flattened', async () => {
    const path = join(dir, 'stream.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useSharedStrings: true,
      useStyles: true,
    });
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(['Họ và tên', 'Ngày sinh', 'Số CCCD']).commit();
    const row = sheet.addRow([
      { richText: [{ text: 'Nguyễn ' }, { text: 'Văn An', font: { bold: true } }] },
      new Date(Date.UTC(1990, 2, 15)),
      67090012345,
    ]);
    row.getCell(2).numFmt = 'dd/mm/yyyy';
    row.commit();
    sheet.addRow([{ formula: 'CONCAT("Lê ","Hoa")', result: 'Lê Hoa' }]).commit();
    sheet.commit();
    await workbook.commit();

    const progress: number[] = [];
    const rows = await collect(path, 'xlsx', progress);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3]);
    expect(rows[1].cells).toEqual(['Nguyễn Văn An', new Date(Date.UTC(1990, 2, 15)), 67090012345]);
    expect(rows[2].cells).toEqual(['Lê Hoa']);
    expect(progress.at(-1)).toBe(1);
  });

  it('counts the rows of the first worksheet, with or without a dimension element', async () => {
    const path = join(dir, 'count.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('a');
    for (let i = 0; i < 1234; i++) sheet.addRow([`Người ${i}`, i]);
    workbook.addWorksheet('b').addRow(['x']);
    await workbook.xlsx.writeFile(path);
    await expect(countXlsxRows(path)).resolves.toBe(1234);
    writeFileSync(join(dir, 'not.xlsx'), 'PK\u0003\u0004 not really a zip');
    await expect(countXlsxRows(join(dir, 'not.xlsx'))).resolves.toBeNull();
  });

  it('reads a CSV saved by Excel with a byte-order mark and semicolons, keeping quoted separators', async () => {
    const path = join(dir, 'semi.csv');
    writeFileSync(path, '\uFEFFHọ và tên;Ghi chú\r\nNguyễn Văn An;"Tổ 1; ca sáng"\r\n\r\nLê Thị Hoa;\r\n');
    await expect(sniffDelimiter(path)).resolves.toBe(';');
    const rows = await collect(path, 'csv');
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['Họ và tên', 'Ghi chú'] },
      { rowNumber: 2, cells: ['Nguyễn Văn An', 'Tổ 1; ca sáng'] },
      { rowNumber: 3, cells: [null] },
      { rowNumber: 4, cells: ['Lê Thị Hoa', null] },
    ]);
  });

  it('turns a damaged file into a RosterFileError the officer can read', async () => {
    const path = join(dir, 'broken.xlsx');
    writeFileSync(path, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]));
    await expect(collect(path, 'xlsx')).rejects.toBeInstanceOf(RosterFileError);
  });
});
