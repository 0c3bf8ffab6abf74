import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xlsxOf } from '../../../test/support/sample-files';
import { xlsxBombWithoutDirectory, xlsxSheetBomb } from '../../../test/support/security-input-files';
import { countSheets, readSpreadsheet, SpreadsheetError, sniffDelimiter } from './spreadsheet-reader';

describe('readSpreadsheet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roster-reader-'));
  const collect = async (path: string, kind: 'xlsx' | 'csv', progress: number[] = []) => {
    const rows = [];
    for await (const row of readSpreadsheet(path, kind, (f) => progress.push(f))) rows.push(row);
    return rows;
  };

  it('reads the worksheet asked for by its position, and counts them', async () => {
    const path = join(dir, 'three-sheets.xlsx');
    const workbook = new ExcelJS.Workbook();
    ['Một', 'Hai', 'Ba'].forEach((name, i) => workbook.addWorksheet(name).addRow([name, i + 1]));
    await workbook.xlsx.writeFile(path);
    expect(await countSheets(path, 'xlsx')).toBe(3);
    const cells = async (index: number) => {
      const rows = [];
      for await (const row of readSpreadsheet(path, 'xlsx', undefined, index)) rows.push(row.cells);
      return rows;
    };
    expect(await cells(0)).toEqual([['Một', 1]]);
    expect(await cells(2)).toEqual([['Ba', 3]]);
    await expect(cells(3)).rejects.toMatchObject({ key: 'import.error.noSheet', params: { sheet: 4 } });
    const csv = join(dir, 'one.csv');
    writeFileSync(csv, 'a,b\n1,2\n');
    expect(await countSheets(csv, 'csv')).toBe(1);
  });

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

  it('reads only the first worksheet, with progress that grows to 1 as it goes', async () => {
    const path = join(dir, 'progress.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('a');
    for (let i = 0; i < 20_000; i++) sheet.addRow([`Người ${i}`, i]);
    workbook.addWorksheet('b').addRow(['ghi chú']);
    await workbook.xlsx.writeFile(path);
    const progress: number[] = [];
    const rows = await collect(path, 'xlsx', progress);
    expect(rows).toHaveLength(20_000);
    expect(rows.at(-1)!.cells).toEqual(['Người 19999', 19999]);
    expect(progress[0]).toBeLessThan(0.1);
    expect(new Set(progress).size).toBeGreaterThanOrEqual(10);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1])).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it('keeps Vietnamese letters whole where the inflated sheet is cut into chunks', async () => {
    // exceljs decodes each chunk on its own: a letter split between two became "��".
    const path = join(dir, 'names.xlsx');
    const names = Array.from({ length: 5000 }, (_, i) => [`Nguyễn Thị Ánh Tuyết ${i}`]);
    writeFileSync(path, xlsxOf([names]));
    const rows = await collect(path, 'xlsx');
    expect(rows.map((r) => r.cells[0])).toEqual(names.map((n) => n[0]));
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

  it('turns a damaged file into a SpreadsheetError the officer can read', async () => {
    const path = join(dir, 'broken.xlsx');
    writeFileSync(path, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]));
    await expect(collect(path, 'xlsx')).rejects.toBeInstanceOf(SpreadsheetError);
  });

  it('stops a worksheet that inflates past the limit as it inflates, whatever the ZIP declares', async () => {
    const path = join(dir, 'bomb.xlsx');
    writeFileSync(path, xlsxSheetBomb(300, true));
    const rss = process.memoryUsage().rss;
    const error = await collect(path, 'xlsx').catch((e: unknown) => e);
    const grew = process.memoryUsage().rss - rss;
    expect(error).toBeInstanceOf(SpreadsheetError);
    expect((error as SpreadsheetError).key).toBe('import.upload.bomb');
    expect(grew).toBeLessThan(200 * 1024 * 1024);
    // Without a central directory there is nothing to read it by: not even the sheet is inflated.
    writeFileSync(path, xlsxBombWithoutDirectory(300));
    await expect(collect(path, 'xlsx')).rejects.toMatchObject({ key: 'import.error.unreadableXlsx' });
  });
});

/**
 * exceljs's own reader copied a worksheet that comes before the shared strings (Excel's order) to
 * os.tmpdir(), and deleted the copy only when the sheet was read to its end. Here os.tmpdir() is a
 * fresh directory and the roster is stopped in every way the imports stop it.
 */
describe('readSpreadsheet writes nothing', () => {
  const root = mkdtempSync(join(tmpdir(), 'roster-reader-tmp-'));
  const scratch = join(root, 'tmp');
  const uploads = join(root, 'uploads');
  const header = ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD'];
  const rows = Array.from({ length: 30_000 }, (_, i) => [
    `Nguyễn Văn ${i}`,
    '15/03/1990',
    'Nam',
    `0010900${String(i).padStart(5, '0')}`,
  ]);
  const roster = join(uploads, 'roster.xlsx');
  const damaged = join(uploads, 'damaged.xlsx');

  beforeAll(() => {
    mkdirSync(scratch);
    mkdirSync(uploads);
    writeFileSync(roster, xlsxOf([[header, ...rows], [['Ghi chú']]]));
    writeFileSync(damaged, xlsxOf([[header, ...rows]], { brokenAfter: 20_000 }));
    // Jest gives each test file its own copy of process.env, which os.tmpdir() never reads; the os
    // module itself is shared, and the tmp package asks it for the directory at every file.
    jest.spyOn(os, 'tmpdir').mockReturnValue(scratch);
  });
  afterAll(() => {
    jest.restoreAllMocks();
    rmSync(root, { recursive: true, force: true });
  });

  const readAll = async (path: string) => {
    for await (const row of readSpreadsheet(path, 'xlsx')) void row;
  };
  /** Each way an import stops reading, the file it reads, and how the reading ends. */
  const stops: [string, string, (path: string) => Promise<unknown>, string][] = [
    ['read to the end (the first worksheet only)', roster, readAll, 'done'],
    [
      'a break after the first row',
      roster,
      async (path) => {
        for await (const row of readSpreadsheet(path, 'xlsx')) if (row) break;
      },
      'done',
    ],
    [
      'a return from the consumer (a header error)',
      roster,
      async (path) => {
        const consume = async function* () {
          for await (const row of readSpreadsheet(path, 'xlsx')) {
            if (row.rowNumber === 10) return;
            yield row;
          }
        };
        for await (const row of consume()) void row;
      },
      'done',
    ],
    [
      'an exception in the consumer',
      roster,
      async (path) => {
        for await (const row of readSpreadsheet(path, 'xlsx'))
          if (row.rowNumber === 100) throw new Error('database gone');
      },
      'database gone',
    ],
    ['a damaged sheet', damaged, readAll, 'import.error.unreadableXlsx'],
    [
      'two readings abandoned at once (import and activation codes)',
      roster,
      async (path) => {
        const a = readSpreadsheet(path, 'xlsx');
        const b = readSpreadsheet(path, 'xlsx');
        await Promise.all([a.next(), b.next()]);
        await Promise.all([a.return(undefined), b.return(undefined)]);
      },
      'done',
    ],
  ];

  it.each(stops)(
    'leaves os.tmpdir() and the upload directory as they were after %s',
    async (_name, path, stop, outcome) => {
      const ended = await stop(path).then(
        () => 'done',
        (error: Error) => error.message,
      );
      expect(ended).toBe(outcome);
      const written = readdirSync(scratch).map((f) => `${f}: ${statSync(join(scratch, f)).size} bytes`);
      expect(written).toEqual([]);
      expect(readdirSync(uploads).sort()).toEqual(['damaged.xlsx', 'roster.xlsx']);
    },
  );
});
