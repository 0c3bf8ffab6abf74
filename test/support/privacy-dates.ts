import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor } from '../../src/common/access/actor';
import { Role, ScopeType } from '../../src/common/access/roles';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import { PersonalDataService } from '../../src/privacy/personal-data/personal-data.service';

/**
 * A worker whose dates are known to the second, for the personal-data export: the same rows on
 * SQLite and MySQL (instants are written as UTC text, the way both keep them), and what the export
 * must say about them. Two instants fall on another Vietnam day than their UTC day.
 */
export async function workerWithDates(
  db: DataSource,
  pii: PiiCipher,
  enterpriseId: number,
): Promise<{ actor: Actor; workerId: number }> {
  const serial = randomInt(1e6).toString().padStart(6, '0');
  const cccd = `079095${serial}`;
  const username = `ngay.thang.${serial}.${randomInt(1e6)}`;
  await db.query(
    `INSERT INTO users (username, display_name, status, last_login_at, created_at, updated_at)
     VALUES (?, 'Lê Văn Ngày', 'ACTIVE', '2025-03-09 17:30:00.000', '2024-12-31 17:00:00', '2024-12-31 17:00:00')`,
    [username],
  );
  const [{ id: userId }] = await db.query('SELECT id FROM users WHERE username = ?', [username]);
  await db.query(
    `INSERT INTO workers (full_name, search_key, date_of_birth, gender, cccd_encrypted, cccd_hash, user_id)
     VALUES ('Lê Văn Ngày', 'le van ngay', '1995-04-03', 'MALE', ?, ?, ?)`,
    [pii.encrypt(cccd), pii.blindIndex(cccd), userId],
  );
  const [{ id: workerId }] = await db.query('SELECT id FROM workers WHERE user_id = ?', [userId]);
  await db.query(
    `INSERT INTO employments (worker_id, enterprise_id, employee_code, start_date, end_date)
     VALUES (?, ?, 'NT01', '2020-01-01', '2025-03-10')`,
    [workerId, enterpriseId],
  );
  await db.query(
    `INSERT INTO learning_records (worker_id, occurred_on, hours, source, source_ref, title)
     VALUES (?, '2025-03-10', 2, 'SESSION', 'ngay-thang', 'Pháp luật lao động')`,
    [workerId],
  );
  await db.query(
    `INSERT INTO privacy_requests (user_id, worker_id, kind, details, status, requested_at, due_on)
     VALUES (?, ?, 'CORRECTION', 'Ngày sinh của tôi là 2025-03-10 10:00, không phải như trên.', 'OPEN',
             '2025-03-09 17:30:00.000', '2025-03-24')`,
    [userId, workerId],
  );
  const actor = new Actor(
    Number(userId),
    'Lê Văn Ngày',
    [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: Number(workerId) }],
    Number(workerId),
  );
  return { actor, workerId: Number(workerId) };
}

/** What the JSON export says of those rows (exported at 2025-03-09 18:00 UTC). */
export const EXPORT_NOW = new Date('2025-03-09T18:00:00.000Z');
export const EXPECTED_JSON = {
  exportedAt: '2025-03-10T01:00:00+07:00',
  account: { lastLoginAt: '2025-03-10T00:30:00+07:00', createdAt: '2025-01-01T00:00:00+07:00' },
  profile: { dateOfBirth: '1995-04-03' },
  employment: { startDate: '2020-01-01', endDate: '2025-03-10' },
  learningRecord: { occurredOn: '2025-03-10' },
  request: {
    requestedAt: '2025-03-10T00:30:00+07:00',
    dueOn: '2025-03-24',
    // Free text that looks like a date is text: it stays as typed.
    details: 'Ngày sinh của tôi là 2025-03-10 10:00, không phải như trên.',
  },
};

/** And the workbook: dd/MM/yyyy, times dd/MM/yyyy HH:mm in Vietnam time, under Vietnamese headers. */
export const EXPECTED_XLSX = {
  exportedAt: '10/03/2025 01:00',
  lastLoginAt: '10/03/2025 00:30',
  createdAt: '01/01/2025 00:00',
  dateOfBirth: '03/04/1995',
  employment: { startDate: '01/01/2020', endDate: '10/03/2025' },
  request: { requestedAt: '10/03/2025 00:30', dueOn: '24/03/2025' },
};

/** Runs the export of that worker (JSON and workbook) and checks every date against the above. */
export async function expectExportDates(
  service: PersonalDataService,
  actor: Actor,
): Promise<Record<string, unknown>> {
  const doc = await service.export(actor, EXPORT_NOW);
  const employment = doc.sections.employments[0];
  const record = doc.sections.learningRecords[0];
  const request = doc.sections.requests[0];
  const json = {
    exportedAt: doc.exportedAt,
    account: { lastLoginAt: doc.account?.lastLoginAt, createdAt: doc.account?.createdAt },
    profile: { dateOfBirth: doc.profile?.dateOfBirth },
    employment: { startDate: employment.startDate, endDate: employment.endDate },
    learningRecord: { occurredOn: record.occurredOn },
    request: { requestedAt: request.requestedAt, dueOn: request.dueOn, details: request.details },
  };
  expect(json).toEqual(EXPECTED_JSON);

  const book = await service.workbook(actor, 'vi', EXPORT_NOW);
  // The first sheet: "Tài khoản" and "Hồ sơ người lao động" each head their fields.
  const profile = book.getWorksheet('Hồ sơ')!.getSheetValues() as unknown[][];
  const field = (name: string, part?: string) => {
    const from = part ? profile.findIndex((row) => row?.[1] === part) : 0;
    return profile.slice(from).find((row) => row?.[1] === name)?.[2];
  };
  const column = (sheet: string, header: string) => {
    const rows = book.getWorksheet(sheet)!.getSheetValues() as unknown[][];
    return rows[2]?.[rows[1].indexOf(header)];
  };
  const xlsx = {
    exportedAt: field('Thời điểm tải'),
    lastLoginAt: field('Đăng nhập gần nhất lúc', 'Tài khoản'),
    createdAt: field('Tạo lúc', 'Tài khoản'),
    dateOfBirth: field('Ngày sinh', 'Hồ sơ người lao động'),
    employment: {
      startDate: column('Nơi làm việc', 'Ngày bắt đầu làm việc'),
      endDate: column('Nơi làm việc', 'Ngày nghỉ việc'),
    },
    request: { requestedAt: column('Yêu cầu', 'Gửi lúc'), dueOn: column('Yêu cầu', 'Hạn trả lời') },
  };
  expect(xlsx).toEqual(EXPECTED_XLSX);
  return { json, xlsx };
}
