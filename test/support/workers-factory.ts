import ExcelJS from 'exceljs';
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Actor } from '../../src/common/access/actor';
import { Role, ScopeType } from '../../src/common/access/roles';
import { foldVietnamese } from '../../src/common/text/vietnamese';
import { TempUpload } from '../../src/files/file-upload';
import { IMPORT_UPLOAD_DIR } from '../../src/imports/import-upload';

/**
 * Fresh rows and files for worker tests on the shared integration database: every enterprise gets
 * its own administrative unit and a random tax code with a valid check digit, and CCCDs start at a
 * random serial, so tests never collide with each other or assume empty tables.
 */

const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

export function randomTaxCode(): string {
  for (;;) {
    const digits = Array.from({ length: 9 }, () => randomInt(10));
    const check = 10 - (TAX_WEIGHTS.reduce((sum, w, i) => sum + w * digits[i], 0) % 11);
    if (check < 10) return `${digits.join('')}${check}`;
  }
}

export async function createEnterprise(db: DataSource, name: string): Promise<number> {
  const code = `T${randomInt(1e8)}`;
  await db.query(
    'INSERT INTO admin_units (code, name, search_key, kind, parent_id, path, depth) VALUES (?, ?, ?, ?, NULL, ?, 0)',
    [code, `Xã thử nghiệm ${code}`, foldVietnamese(`Xã thử nghiệm ${code}`), 'COMMUNE', '/'],
  );
  const [{ id: unitId }] = await db.query('SELECT id FROM admin_units WHERE code = ?', [code]);
  await db.query('UPDATE admin_units SET path = ? WHERE id = ?', [`/${unitId}/`, unitId]);
  const taxCode = randomTaxCode();
  await db.query('INSERT INTO enterprises (name, search_key, tax_code, unit_id) VALUES (?, ?, ?, ?)', [
    name,
    foldVietnamese(name),
    taxCode,
    unitId,
  ]);
  const [{ id }] = await db.query('SELECT id FROM enterprises WHERE tax_code = ?', [taxCode]);
  return Number(id);
}

export const officerOf = (userId: number, ...enterpriseIds: number[]) =>
  new Actor(
    userId,
    `Cán bộ công đoàn ${userId}`,
    enterpriseIds.map((scopeId) => ({ role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId })),
  );

export const federationAdmin = (userId: number) =>
  new Actor(userId, 'Liên đoàn Lao động tỉnh', [
    { role: Role.FederationAdmin, scopeType: ScopeType.All, scopeId: 0 },
  ]);

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = { Nam: ['Văn', 'Hữu', 'Đức', 'Minh'], Nữ: ['Thị', 'Ngọc', 'Thu', 'Kim'] };
const GIVEN = {
  Nam: ['An', 'Bình', 'Cường', 'Dũng', 'Hùng', 'Long'],
  Nữ: ['Hoa', 'Lan', 'Mai', 'Hương', 'Trang', 'Yến'],
};

export interface RosterLine {
  'Họ và tên': string;
  'Ngày sinh': string | Date;
  'Giới tính': string;
  'Số CCCD': string;
  'Mã nhân viên': string;
  'Số điện thoại': string;
  'Ngày vào làm': string;
  'Đoàn viên công đoàn': string;
}

export const ROSTER_HEADERS: (keyof RosterLine)[] = [
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Số CCCD',
  'Mã nhân viên',
  'Số điện thoại',
  'Ngày vào làm',
  'Đoàn viên công đoàn',
];

/**
 * `count` valid roster lines with unique CCCDs (province 001, consistent with year and sex).
 * Dates of birth alternate between text (dd/mm/yyyy) and real Excel date cells.
 */
export function rosterLines(count: number, prefix = 'NV'): RosterLine[] {
  const serialBase = randomInt(1e6);
  return Array.from({ length: count }, (_, i) => {
    const gender = i % 2 === 0 ? 'Nam' : 'Nữ';
    const year = 1970 + (i % 35);
    const month = 1 + (i % 12);
    const day = 1 + (i % 28);
    const century = (year >= 2000 ? 2 : 0) + (gender === 'Nữ' ? 1 : 0);
    const serial = String((serialBase + i) % 1e6).padStart(6, '0');
    const pad = (n: number) => String(n).padStart(2, '0');
    return {
      'Họ và tên': `${FAMILY[i % FAMILY.length]} ${MIDDLE[gender][i % 4]} ${GIVEN[gender][i % 6]}`,
      'Ngày sinh':
        i % 2 === 0 ? `${pad(day)}/${pad(month)}/${year}` : new Date(Date.UTC(year, month - 1, day)),
      'Giới tính': gender,
      'Số CCCD': `001${century}${String(year % 100).padStart(2, '0')}${serial}`,
      'Mã nhân viên': `${prefix}${String(i + 1).padStart(5, '0')}`,
      'Số điện thoại': `09${String(10_000_000 + i).slice(-8)}`,
      'Ngày vào làm': `${pad(day)}/${pad(month)}/${Math.max(year + 18, 2010)}`,
      'Đoàn viên công đoàn': i % 3 === 0 ? 'Có' : 'Không',
    };
  });
}

/** Writes lines as a streamed XLSX (first row: headers), like a large roster from Excel. */
export async function writeRosterXlsx(path: string, lines: Partial<RosterLine>[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: true,
  });
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(['DANH SÁCH NGƯỜI LAO ĐỘNG']).commit();
  sheet.addRow(ROSTER_HEADERS).commit();
  for (const line of lines) {
    const row = sheet.addRow(ROSTER_HEADERS.map((h) => line[h] ?? null));
    row.getCell(2).numFmt = 'dd/mm/yyyy';
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** Puts a file where an upload would land (a random name under the upload directory) and describes it. */
export function storeUpload(uploadDir: string, source: string, originalName: string): TempUpload {
  mkdirSync(join(uploadDir, IMPORT_UPLOAD_DIR), { recursive: true });
  const storedName = `${IMPORT_UPLOAD_DIR}/${randomUUID()}.upload`;
  const path = join(uploadDir, storedName);
  copyFileSync(source, path);
  return {
    storedName,
    path,
    size: statSync(path).size,
    sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
    originalName,
  };
}

/** An open identity reconciliation request (another name for the person) from an enterprise. */
export async function createReconciliation(
  db: DataSource,
  workerId: number,
  enterpriseId: number,
  fullName = 'Tên Khác Trong Danh Sách',
): Promise<number> {
  await db.query(
    `INSERT INTO identity_reconciliations (worker_id, enterprise_id, source, full_name, date_of_birth, gender, status)
     VALUES (?, ?, 'FORM', ?, '1990-01-01', 'MALE', 'OPEN')`,
    [workerId, enterpriseId, fullName],
  );
  const [{ id }] = await db.query(
    'SELECT MAX(id) AS id FROM identity_reconciliations WHERE worker_id = ? AND enterprise_id = ?',
    [workerId, enterpriseId],
  );
  return Number(id);
}
