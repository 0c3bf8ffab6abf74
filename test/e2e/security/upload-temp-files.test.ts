import { INestApplication } from '@nestjs/common';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { DataSource } from 'typeorm';
import { uploadsConfig, UploadsConfig } from '../../../src/config';
import { centralEntries, inflateEntry, InflateBudget } from '../../../src/files/zip-entries';
import { InProcessJobQueue } from '../../../src/jobs/adapters/in-process-job.queue';
import { JobQueue } from '../../../src/jobs/job-queue';
import { UsersRepository } from '../../../src/users/users.repository';
import { xlsxOf } from '../../support/sample-files';
import { Browser, createTestApp } from '../../support/test-app';

/**
 * Issue 9, item 1: roster and attendance spreadsheets hold full CCCD numbers, and reading them must
 * write nothing outside the upload store nor leave anything behind. exceljs's streaming reader
 * copied a worksheet that comes before the shared strings (as Excel saves it) to os.tmpdir(),
 * inflated, and deleted the copy only if the sheet was read to its end. Each import here stops
 * reading its file in its own way; afterwards os.tmpdir() (a fresh directory for this test) holds
 * nothing, and the upload store holds exactly the uploads kept, byte for byte.
 */

const KB = 1024;

/** What the first worksheet of an XLSX inflates to: the copy exceljs's reader wrote to os.tmpdir(). */
async function inflatedSheetBytes(path: string): Promise<number> {
  const sheet = (await centralEntries(path))!.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
  let bytes = 0;
  for await (const chunk of inflateEntry(path, sheet, new InflateBudget())) bytes += (chunk as Buffer).length;
  return bytes;
}

/** Files under a directory, relative to it, with their sizes. */
function listFiles(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(relative(dir, path), statSync(path).size);
    }
  };
  walk(dir);
  return out;
}

const ROSTER_HEADER = [
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Số CCCD',
  'Mã nhân viên',
  'Số điện thoại',
  'Email',
  'Ngày vào làm',
  'Ngày nghỉ việc',
  'Đoàn viên công đoàn',
];
const ROSTER_ROWS = [
  [
    'Đinh Thị Kiều Oanh',
    '12/07/1995',
    'Nữ',
    '001195001111',
    'TPX001',
    '0987654321',
    null,
    '01/03/2020',
    null,
    'Có',
  ],
  ['Lương Văn Khải', '03/11/1988', 'Nam', '001088002222', 'TPX002', null, null, '15/05/2019', null, 'Không'],
  ['Hà Thị Mơ', '22/01/2000', 'Nữ', '001300003333', 'TPX003', null, null, '01/08/2022', null, 'Không'],
];
/** Many rows of names and CCCD numbers under no header: the import gives up after ten rows. */
const NO_HEADER = Array.from({ length: 50_000 }, (_, i) => [
  `Nguyễn Văn ${i}`,
  '15/03/1990',
  'Nam',
  `0010900${String(i).padStart(5, '0')}`,
]);

describe('temporary files of roster and attendance imports (e2e)', () => {
  let app: INestApplication;
  let uploadDir: string;
  let scratch: string;
  let jobs: InProcessJobQueue;
  let db: DataSource;
  let officer: Browser;
  let sessionId: number;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    uploadDir = app.get<UploadsConfig>(uploadsConfig.KEY).dir;
    jobs = app.get(JobQueue) as InProcessJobQueue;
    db = app.get(DataSource);
    officer = new Browser(app);
    await officer.login('congdoan.tamphat');
    await officer.get('/account');
    const user = await app.get(UsersRepository).findForLogin({ username: 'congdoan.tamphat' });
    const enterprise = (await app.get(UsersRepository).grants(user!.id))[0].scopeId;
    [{ id: sessionId }] = (await db.query(
      `SELECT id FROM learning_sessions WHERE enterprise_id = ? AND starts_at <= ? ORDER BY starts_at DESC LIMIT 1`,
      [enterprise, new Date().toISOString()],
    )) as { id: number }[];
    // Jest gives each test file its own copy of process.env, which os.tmpdir() never reads; the os
    // module itself is shared, and the tmp package (exceljs) asks it for the directory at every file.
    scratch = mkdtempSync(join(os.tmpdir(), 'hoctap-os-tmp-'));
    jest.spyOn(os, 'tmpdir').mockReturnValue(scratch);
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await app?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  /** Uploads a file to a form and waits for its import job; the import's row. */
  async function importFile(path: string, table: string, filename: string, bytes: Buffer) {
    await officer.get(path);
    const res = await officer.agent
      .post(`${path}`)
      .field('_csrf', officer.csrf)
      .attach('file', bytes, { filename, contentType: 'application/octet-stream' });
    expect(res.status).toBe(303);
    await jobs.whenIdle();
    const id = Number(/\/(\d+)$/.exec(res.headers.location)?.[1]);
    const [row] = (await db.query(`SELECT id, status, stored_name FROM ${table} WHERE id = ?`, [id])) as {
      id: number;
      status: string;
      stored_name: string;
    }[];
    const page = await officer.get(res.headers.location);
    return { ...row, path: res.headers.location as string, page: page.text, size: bytes.length };
  }

  it('leaves nothing in os.tmpdir() and only the uploads in the store, however reading stops', async () => {
    const before = listFiles(uploadDir);
    const kept: { stored_name: string; size: number }[] = [];
    const roster = (filename: string, bytes: Buffer) =>
      importFile('/workers/imports', 'import_runs', filename, bytes);
    const attendance = (filename: string, bytes: Buffer) =>
      importFile(`/activities/${sessionId}/imports`, 'import_runs', filename, bytes);

    // The header is not found within ten rows: the import returns from the middle of the sheet.
    const noHeader = await roster('khong-tieu-de.xlsx', xlsxOf([NO_HEADER]));
    // Read to the end of the first worksheet; the second (notes) is never read.
    const complete = await roster(
      'danh-sach.xlsx',
      xlsxOf([
        [ROSTER_HEADER, ...ROSTER_ROWS],
        [['Ghi chú'], ['Số CCCD 001195001111']],
      ]),
    );
    // The sheet breaks off: the reader throws.
    const damaged = await roster('hong.xlsx', xlsxOf([[ROSTER_HEADER, ...ROSTER_ROWS]], { brokenAfter: 2 }));
    // Activation codes read the completed roster again.
    await officer.get(complete.path);
    const codes = await officer.agent
      .post(`${complete.path}/activation-codes`)
      .type('form')
      .send(`_csrf=${officer.csrf}`);
    const attendanceNoHeader = await attendance('diem-danh-loi.xlsx', xlsxOf([NO_HEADER]));
    const attendanceDone = await attendance(
      'diem-danh.xlsx',
      xlsxOf([
        [
          ['STT', 'Họ và tên', 'Số CCCD', 'Mã nhân viên'],
          [1, 'Người Không Khớp', null, 'KHONG-CO-MA'],
        ],
        [['Ghi chú']],
      ]),
    );
    kept.push(noHeader, complete, damaged, attendanceNoHeader, attendanceDone);

    const inTmp = listFiles(scratch);
    const after = listFiles(uploadDir);
    const added = [...after].filter(([name]) => !before.has(name));
    const uploaded = kept.reduce((n, k) => n + k.size, 0);
    const written = [...inTmp.values()].reduce((n, s) => n + s, 0);
    const sheet = await inflatedSheetBytes(join(uploadDir, noHeader.stored_name));
    console.log(
      `temp files: the roster without a header is ${Math.round(noHeader.size / KB)} kB, its sheet inflates to ` +
        `${Math.round(sheet / KB)} kB; ${kept.length} imports of ${Math.round(uploaded / KB)} kB read (3 stopped early, 1 read again); ` +
        `os.tmpdir() gained ${inTmp.size} files (${Math.round(written / KB)} kB); ` +
        `the upload store gained ${added.length} files (${Math.round(added.reduce((n, [, s]) => n + s, 0) / KB)} kB)`,
    );
    expect([...inTmp]).toEqual([]);
    // The store holds the kept uploads and nothing else, each exactly as sent.
    expect(new Map(added)).toEqual(new Map(kept.map((k) => [k.stored_name, k.size])));
    // And each import ended the way it should have.
    expect({
      noHeader: [noHeader.status, noHeader.page.includes('Không tìm thấy dòng tiêu đề')],
      complete: complete.status,
      damaged: [damaged.status, damaged.page.includes('Không đọc được tệp Excel')],
      codes: codes.status,
      attendanceNoHeader: attendanceNoHeader.status,
      attendanceDone: attendanceDone.status,
    }).toEqual({
      noHeader: ['FAILED', true],
      complete: 'COMPLETED',
      damaged: ['FAILED', true],
      codes: 200,
      attendanceNoHeader: 'FAILED',
      attendanceDone: 'COMPLETED',
    });
  });
});
