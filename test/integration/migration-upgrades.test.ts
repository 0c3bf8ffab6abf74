import { createConnection } from 'mysql2/promise';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { parseDatabaseConfig } from '../../src/config/database.config';
import { dataSourceOptions } from '../../src/database/data-source';
import { migrations } from '../../src/database/migrations';
import { OnePersonManyEmployers1764000017000 } from '../../src/database/migrations/1764000017000-one-person-many-employers';
import { OneImportPipeline1764000018000 } from '../../src/database/migrations/1764000018000-one-import-pipeline';
import { BodiesInTime1764000020000 } from '../../src/database/migrations/1764000020000-bodies-in-time';
import { UnionsInTime1764000021000 } from '../../src/database/migrations/1764000021000-unions-in-time';
import { MaterialAuthorType1764000022000 } from '../../src/database/migrations/1764000022000-material-author-type';
import { HistoryImports1764000023000 } from '../../src/database/migrations/1764000023000-history-imports';
import { Assignments1764000024000 } from '../../src/database/migrations/1764000024000-assignments';
import { TerritoryAssignments1764000027000 } from '../../src/database/migrations/1764000027000-territory-assignments';
import { Campaigns1764000029000 } from '../../src/database/migrations/1764000029000-campaigns';
import { CommendationsAndSupport1764000031000 } from '../../src/database/migrations/1764000031000-commendations-and-support';
import { QuestionBanks1764000025000 } from '../../src/database/migrations/1764000025000-question-banks';
import { Contests1764000030000 } from '../../src/database/migrations/1764000030000-contests';
import { ContestCommunes1764000033000 } from '../../src/database/migrations/1764000033000-contest-communes';
import { ReportSections1764000032000 } from '../../src/database/migrations/1764000032000-report-sections';
import { Surveys1764000028000 } from '../../src/database/migrations/1764000028000-surveys';
import { EmploymentReach1764000035000 } from '../../src/database/migrations/1764000035000-employment-reach';
import { UnitOfWork } from '../../src/database/unit-of-work';
import { CountingWindow } from '../../src/indicators/entities/plan.entity';
import { EnterpriseQuery, RollupRepository } from '../../src/indicators/rollup.repository';
import { DomainCode } from '../../src/learning-records/learning-domains';
import { MYSQL_ROOT_URL, mysqlUrl } from '../support/services';

/**
 * Upgrades of databases made by the last landed version: each migration added since is run over
 * data written the way that version wrote it, on MySQL/MariaDB and on SQLite.
 */

type Env = { name: string; options: () => Promise<DataSourceOptions>; cleanup: () => Promise<void> };

const dir = mkdtempSync(join(tmpdir(), 'hoctap-upgrades-'));
const database = 'hoctap_upgrades_test';
const ENVS: Env[] = [
  {
    name: 'SQLite',
    options: async () =>
      dataSourceOptions(parseDatabaseConfig({ SQLITE_FILE: join(dir, `up-${Date.now()}.sqlite`) })),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  },
  {
    name: 'MySQL/MariaDB',
    options: async () => {
      const connection = await createConnection(MYSQL_ROOT_URL);
      await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await connection.query(
        `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      );
      await connection.end();
      return dataSourceOptions(parseDatabaseConfig({ DATABASE_URL: mysqlUrl(database) }));
    },
    cleanup: async () => {
      const connection = await createConnection(MYSQL_ROOT_URL);
      await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await connection.end();
    },
  },
];

/** Runs the migrations before `migration` (the database as the last version left it), then `seed`, then the rest. */
async function upgrade(
  options: DataSourceOptions,
  migration: { name: string },
  seed: (db: DataSource) => Promise<void>,
): Promise<DataSource> {
  const at = migrations.findIndex((m) => m.name === migration.name);
  const before = await new DataSource({
    ...options,
    migrations: migrations.slice(0, at),
  } as DataSourceOptions).initialize();
  await before.runMigrations({ transaction: 'each' });
  await seed(before);
  await before.destroy();
  const after = await new DataSource(options).initialize();
  await after.runMigrations({ transaction: 'each' });
  return after;
}

describe.each(ENVS)('upgrading a database of the last version ($name)', (env) => {
  let db: DataSource;
  afterEach(async () => {
    await db?.destroy();
  });
  afterAll(async () => {
    await env.cleanup();
  });

  it('1764000017000: contacts move to the first employment, duplicate open employments merge, the database refuses a second', async () => {
    db = await upgrade(await env.options(), OnePersonManyEmployers1764000017000, async (old) => {
      await old.query(
        "INSERT INTO admin_units (id, code, name, search_key, kind, path, valid_from) VALUES (900, '900', 'Tỉnh Thử', 'tinh thu', 'PROVINCE', '/900/', '2000-01-01')",
      );
      for (const [id, tax] of [
        [901, '0100000901'],
        [902, '0100000902'],
      ])
        await old.query(
          'INSERT INTO enterprises (id, name, search_key, tax_code, unit_id) VALUES (?, ?, ?, ?, 900)',
          [id, `DN ${id}`, `dn ${id}`, tax],
        );
      await old.query(
        `INSERT INTO workers (id, full_name, search_key, date_of_birth, gender, cccd_encrypted, cccd_hash, phone, email)
         VALUES (7, 'Nguyễn Thị Hoa', 'nguyen thi hoa', '1990-05-17', 'FEMALE', 'x', 'h7', '0912345678', 'hoa@example.vn'),
                (8, 'Trần Văn Nam', 'tran van nam', '1988-01-02', 'MALE', 'y', 'h8', NULL, NULL)`,
      );
      // Worker 7 first at 901 (its contacts were entered there), then at 902. Worker 8 at 901 twice
      // open: the second row is a re-import that corrected the start date (the bug of issue 9).
      await old.query(
        `INSERT INTO employments (id, worker_id, enterprise_id, employee_code, start_date, end_date, union_member) VALUES
           (70, 7, 901, 'A1', '2019-01-01', '2022-12-31', 1),
           (71, 7, 902, 'B1', '2023-01-01', NULL, 0),
           (80, 8, 901, 'A2', '2020-01-01', NULL, 1),
           (81, 8, 901, NULL, '2020-02-01', NULL, 1)`,
      );
    });
    const rows = async (sql: string, params: unknown[] = []) =>
      (await db.query(sql, params)) as Record<string, unknown>[];
    expect(await rows('SELECT id, phone, email FROM employments WHERE worker_id = 7 ORDER BY id')).toEqual([
      { id: 70, phone: '0912345678', email: 'hoa@example.vn' },
      { id: 71, phone: null, email: null },
    ]);
    const workerColumns = (await db.createQueryRunner().getTable('workers'))!.columns.map((c) => c.name);
    expect(workerColumns).not.toContain('phone');
    expect(workerColumns).not.toContain('email');

    const eight = await rows('SELECT id, employee_code, start_date FROM employments WHERE worker_id = 8');
    expect(
      eight.map((e) => [
        Number(e.id),
        e.employee_code,
        String(e.start_date instanceof Date ? e.start_date.toISOString().slice(0, 10) : e.start_date),
      ]),
    ).toEqual([[81, 'A2', '2020-02-01']]);
    const [audit] = await rows(
      "SELECT action, subject_type, subject_id, details FROM audit_log WHERE subject_type = 'employment'",
    );
    expect(audit).toMatchObject({ action: 'employment.corrected', subject_id: 81 });
    expect(JSON.parse(String(audit.details))).toEqual({ merged: '80' });

    // A second open employment of the same worker at the same enterprise is refused by the database;
    // an ended one is not.
    await expect(
      db.query(
        "INSERT INTO employments (worker_id, enterprise_id, start_date, union_member) VALUES (8, 901, '2021-01-01', 0)",
      ),
    ).rejects.toThrow(/UNIQUE|Duplicate/i);
    await db.query(
      "INSERT INTO employments (worker_id, enterprise_id, start_date, end_date, union_member) VALUES (8, 901, '2015-01-01', '2016-01-01', 0)",
    );
    await db.query(
      "INSERT INTO employments (worker_id, enterprise_id, start_date, union_member) VALUES (8, 902, '2021-01-01', 0)",
    );
  });

  it('1764000018000: roster and attendance imports become runs of one pipeline, their errors with them', async () => {
    db = await upgrade(await env.options(), OneImportPipeline1764000018000, async (old) => {
      await old.query(
        "INSERT INTO admin_units (id, code, name, search_key, kind, path, valid_from) VALUES (900, '900', 'Tỉnh Thử', 'tinh thu', 'PROVINCE', '/900/', '2000-01-01')",
      );
      await old.query(
        "INSERT INTO enterprises (id, name, search_key, tax_code, unit_id) VALUES (901, 'DN 901', 'dn 901', '0100000901', 900)",
      );
      await old.query(
        `INSERT INTO learning_sessions (id, enterprise_id, kind, title, search_key, starts_at, ends_at, place, organiser, hours, checkin_token)
         VALUES (31, 901, 'LAW_TALK', 'Buổi học', 'buoi hoc', '2026-03-01 08:00:00', '2026-03-01 10:00:00', 'Hội trường', 'Công đoàn', 2, 'tok')`,
      );
      await old.query(
        `INSERT INTO roster_imports (id, enterprise_id, uploaded_by, original_name, stored_name, sha256, status, total_rows, created_count, updated_count, unchanged_count, error_count)
         VALUES (1, 901, 5, 'a.xlsx', 'roster/a.xlsx', 'x', 'COMPLETED', 10, 7, 1, 0, 2),
                (4, 901, 5, 'b.csv', 'roster/b.csv', 'y', 'FAILED', 0, 0, 0, 0, 1)`,
      );
      await old.query(
        `INSERT INTO roster_import_errors (import_id, \`row_number\`, column_name, message_key, params) VALUES
           (1, 5, 'Số CCCD', 'roster.error.cccd', NULL), (1, 8, 'Số CCCD', 'roster.error.overlap', '{"row":3}'),
           (4, 0, NULL, 'roster.error.unreadableXlsx', NULL)`,
      );
      await old.query(
        `INSERT INTO attendance_imports (id, session_id, uploaded_by, original_name, stored_name, sha256, status, total_rows, recorded_count, unchanged_count, error_count)
         VALUES (2, 31, 5, 'dd.csv', 'attendance/dd.csv', 'z', 'COMPLETED', 4, 3, 0, 1)`,
      );
      await old.query(
        "INSERT INTO attendance_import_errors (import_id, `row_number`, column_name, message_key, params) VALUES (2, 6, NULL, 'activities.import.error.duplicate', '{\"row\":4}')",
      );
    });
    const runs = await db.query(
      'SELECT id, kind, target_id, stored_name, status, total_rows, created_count, updated_count, error_count FROM import_runs ORDER BY id',
    );
    expect(
      runs.map((r: Record<string, unknown>) =>
        Object.values(r).map((v) => (typeof v === 'string' ? v : Number(v))),
      ),
    ).toEqual([
      [1, 'ROSTER', 901, 'roster/a.xlsx', 'COMPLETED', 10, 7, 1, 2],
      [4, 'ROSTER', 901, 'roster/b.csv', 'FAILED', 0, 0, 0, 1],
      // Attendance imports follow the roster imports' ids.
      [6, 'ATTENDANCE', 31, 'attendance/dd.csv', 'COMPLETED', 4, 3, 0, 1],
    ]);
    const errors = await db.query(
      'SELECT import_id, `row_number`, message_key, params FROM import_row_errors ORDER BY id',
    );
    expect(
      errors.map((e: Record<string, unknown>) => [
        Number(e.import_id),
        Number(e.row_number),
        e.message_key,
        e.params,
      ]),
    ).toEqual([
      [1, 5, 'roster.error.cccd', null],
      [1, 8, 'roster.error.overlap', '{"row":3}'],
      [4, 0, 'import.error.unreadableXlsx', null],
      [6, 6, 'activities.import.error.duplicate', '{"row":4}'],
    ]);
    const tables = (await db.createQueryRunner().getTables()).map((t) => t.name);
    for (const gone of [
      'roster_imports',
      'roster_import_errors',
      'attendance_imports',
      'attendance_import_errors',
    ])
      expect(tables).not.toContain(gone);
  });

  it('1764000020000: reporting bodies get validity and successors; ended units end their committees, merged departments pass on', async () => {
    db = await upgrade(await env.options(), BodiesInTime1764000020000, async (old) => {
      await old.query(
        `INSERT INTO admin_units (id, code, name, search_key, kind, path, valid_from, valid_to) VALUES
           (910, '910', 'Tỉnh Cũ', 'tinh cu', 'PROVINCE', '/910/', '2004-01-01', '2025-06-30'),
           (911, '911', 'Huyện Cũ', 'huyen cu', 'DISTRICT', '/910/911/', '2004-01-01', '2025-06-30'),
           (912, '912', 'Tỉnh Mới', 'tinh moi', 'PROVINCE', '/912/', '2025-07-01', NULL)`,
      );
      await old.query(
        `INSERT INTO plans (id, code, title, issuing_body, unit_id, start_date, end_date)
         VALUES (7, 'P7', 'Kế hoạch', 'UBND', 910, '2023-01-01', '2030-12-31')`,
      );
      await old.query(
        `INSERT INTO reporting_bodies (id, plan_id, kind, name, unit_id, due_month_day, position) VALUES
           (71, 7, 'UNIT', 'Ủy ban nhân dân huyện Cũ', 911, '12-01', 1),
           (72, 7, 'UNIT', 'Ủy ban nhân dân tỉnh Mới', 912, '12-01', 2),
           (73, 7, 'DEPARTMENT', 'Sở Lao động – Thương binh và Xã hội', NULL, '12-01', 3),
           (74, 7, 'DEPARTMENT', 'Sở Thông tin và Truyền thông', NULL, '12-01', 4),
           (75, 7, 'DEPARTMENT', 'Sở Khoa học và Công nghệ', NULL, '12-01', 5),
           (76, 7, 'ENTERPRISE_ASSOCIATION', 'Ban Quản lý các Khu công nghiệp tỉnh', NULL, '12-01', 6),
           (77, 7, 'ENTERPRISE_ASSOCIATION', 'Hiệp hội Doanh nghiệp tỉnh', NULL, '12-01', 7)`,
      );
      await old.query(
        "INSERT INTO association_branches (id, name, search_key, unit_id) VALUES (81, 'Hội Khuyến học huyện Cũ', 'hoi khuyen hoc huyen cu', 911)",
      );
    });
    // Which branch ended when is the association's fact: branches stay open for the admin to date.
    expect(await db.query('SELECT id, valid_from, valid_to, successor_id FROM association_branches')).toEqual(
      [{ id: 81, valid_from: null, valid_to: null, successor_id: null }],
    );
    const bodies: {
      id: number;
      kind: string;
      name: string;
      valid_from: unknown;
      valid_to: unknown;
      successor_id: number | null;
    }[] = await db.query(
      'SELECT id, kind, name, valid_from, valid_to, successor_id FROM reporting_bodies ORDER BY id',
    );
    const day = (value: unknown) =>
      value === null ? null : new Date(String(value)).toISOString().slice(0, 10);
    const byName = new Map(
      bodies.map((b) => [b.name, { ...b, valid_from: day(b.valid_from), valid_to: day(b.valid_to) }]),
    );
    expect(byName.get('Ủy ban nhân dân huyện Cũ')).toMatchObject({
      valid_to: '2025-06-30',
      successor_id: null,
    });
    expect(byName.get('Ủy ban nhân dân tỉnh Mới')).toMatchObject({ valid_to: null });
    // The home affairs department did not exist: added from 01/03/2025; science and technology did: reused.
    const home = byName.get('Sở Nội vụ')!;
    expect(home).toMatchObject({ kind: 'DEPARTMENT', valid_from: '2025-03-01', valid_to: null });
    expect(byName.get('Sở Lao động – Thương binh và Xã hội')).toMatchObject({
      valid_to: '2025-02-28',
      successor_id: home.id,
    });
    expect(byName.get('Sở Thông tin và Truyền thông')).toMatchObject({
      valid_to: '2025-02-28',
      successor_id: 75,
    });
    expect(byName.get('Sở Khoa học và Công nghệ')).toMatchObject({ valid_from: null, valid_to: null });
    expect(byName.get('Ban Quản lý các Khu công nghiệp tỉnh')?.kind).toBe('DEPARTMENT');
    expect(byName.get('Hiệp hội Doanh nghiệp tỉnh')?.kind).toBe('ENTERPRISE_ASSOCIATION');
    expect(bodies).toHaveLength(8);
  });

  it('1764000021000: grassroots unions get a dissolution day and a successor, existing ones left open', async () => {
    db = await upgrade(await env.options(), UnionsInTime1764000021000, async (old) => {
      await old.query(
        `INSERT INTO admin_units (id, code, name, search_key, kind, path) VALUES (920, '920', 'Tỉnh', 'tinh', 'PROVINCE', '/920/')`,
      );
      await old.query(
        `INSERT INTO enterprises (id, name, search_key, tax_code, unit_id) VALUES (921, 'Công ty A', 'cong ty a', '6400000921', 920)`,
      );
      await old.query(
        `INSERT INTO grassroots_unions (id, enterprise_id, name, search_key, established_on)
         VALUES (922, 921, 'Công đoàn cơ sở Công ty A', 'cong doan co so cong ty a', '2010-05-01')`,
      );
    });
    const [union] = await db.query(
      'SELECT id, name, established_on, dissolved_on, successor_id FROM grassroots_unions',
    );
    expect(union).toMatchObject({
      id: 922,
      name: 'Công đoàn cơ sở Công ty A',
      dissolved_on: null,
      successor_id: null,
    });
    expect(union.established_on).not.toBeNull();
  });

  it('1764000022000: materials get an author type, existing ones keeping the Person they were published as', async () => {
    db = await upgrade(await env.options(), MaterialAuthorType1764000022000, async (old) => {
      await old.query(
        `INSERT INTO training_institutions (id, name, search_key, kind) VALUES (930, 'Trường A', 'truong a', 'COLLEGE')`,
      );
      await old.query(
        `INSERT INTO learning_materials (id, institution_id, title, search_key, kind, url, licence, author, language, status, download_count)
         VALUES (931, 930, 'Sổ tay', 'so tay', 'LINK', 'https://a.vn', 'CC-BY-4.0', 'Khoa Kỹ thuật', 'vi', 'PUBLISHED', 0)`,
      );
    });
    expect(await db.query('SELECT id, author, author_type FROM learning_materials')).toEqual([
      { id: 931, author: 'Khoa Kỹ thuật', author_type: 'PERSON' },
    ]);
    await db.query(
      `INSERT INTO learning_materials (id, institution_id, title, search_key, kind, url, licence, author, author_type, language, status, download_count)
       VALUES (932, 930, 'Cẩm nang', 'cam nang', 'LINK', 'https://b.vn', 'CC-BY-4.0', 'Bộ Y tế', 'ORGANIZATION', 'vi', 'DRAFT', 0)`,
    );
    expect((await db.query('SELECT author_type FROM learning_materials WHERE id = 932'))[0].author_type).toBe(
      'ORGANIZATION',
    );
  });
  it('1764000023000: imports may be dry runs, titles recognised in hoctap keep their application and certificate, past titles need neither', async () => {
    db = await upgrade(await env.options(), HistoryImports1764000023000, async (old) => {
      await old.query(
        `INSERT INTO admin_units (id, code, name, search_key, kind, path) VALUES (940, '940', 'Tỉnh', 'tinh', 'PROVINCE', '/940/')`,
      );
      await old.query(
        "INSERT INTO association_branches (id, name, search_key, unit_id) VALUES (941, 'Hội Khuyến học tỉnh', 'hoi khuyen hoc tinh', 940)",
      );
      await old.query(
        `INSERT INTO workers (id, full_name, search_key, date_of_birth, gender, cccd_encrypted, cccd_hash)
         VALUES (942, 'Lê Thị Mai', 'le thi mai', '1991-02-03', 'FEMALE', 'x', 'h942'),
                (943, 'Võ Văn Tư', 'vo van tu', '1985-07-08', 'MALE', 'y', 'h943')`,
      );
      await old.query(
        "INSERT INTO criteria_sets (id, code, version, title, pass_mark, status) VALUES (944, 'QD324', 1, 'Bộ tiêu chí', 50, 'ACTIVE')",
      );
      await old.query(
        "INSERT INTO citizenship_applications (id, worker_id, year, criteria_set_id, status) VALUES (945, 942, 2025, 944, 'RECOGNISED')",
      );
      await old.query(
        `INSERT INTO recognitions (id, application_id, worker_id, year, branch_id, criteria_set_id, total_points, certificate_no,
           verify_code, status, recognised_by, recognised_at) VALUES (946, 945, 942, 2025, 941, 944, 80, 'CDHT-2025-1', 'v946', 'VALID', 1, '2025-11-02 03:00:00')`,
      );
      await old.query(
        `INSERT INTO import_runs (id, kind, target_id, uploaded_by, original_name, stored_name, sha256, status, total_rows,
           created_count, updated_count, unchanged_count, error_count) VALUES (947, 'ROSTER', 1, 1, 'a.xlsx', 'imports/a.xlsx', 'x', 'COMPLETED', 1, 1, 0, 0, 0)`,
      );
    });
    const [run] = await db.query(
      'SELECT dry_run AS dryRun, preview_of_id AS previewOfId, sheet_index AS sheetIndex FROM import_runs WHERE id = 947',
    );
    expect({ ...run, dryRun: Number(run.dryRun), sheetIndex: Number(run.sheetIndex) }).toEqual({
      dryRun: 0,
      previewOfId: null,
      sheetIndex: 0,
    });
    expect(
      await db.query(
        'SELECT application_id AS app, total_points AS points, certificate_no AS cert, decision_no AS decision FROM recognitions',
      ),
    ).toEqual([{ app: 945, points: 80, cert: 'CDHT-2025-1', decision: null }]);
    // A past year's title: no application, criteria set, score or certificate.
    await db.query(
      `INSERT INTO recognitions (worker_id, year, branch_id, verify_code, status, recognised_by, recognised_at, decision_no, decision_date)
       VALUES (943, 2023, 941, 'v-past', 'VALID', 1, '2023-12-14 17:00:00', '12/QĐ-KH', '2023-12-15')`,
    );
    await db.query(
      `INSERT INTO history_trainings (held_on, title, organiser, training_key, hours, domains) VALUES ('2023-05-15', 'Luật', 'LĐLĐ', 'luat|ldld', 3, 'LAW')`,
    );
    expect(
      Number((await db.query('SELECT COUNT(*) AS n FROM recognitions WHERE application_id IS NULL'))[0].n),
    ).toBe(1);
  });
  it('1764000024000: assignments come empty beside existing enrolments; a worker holds a course once per enterprise', async () => {
    db = await upgrade(await env.options(), Assignments1764000024000, async (old) => {
      await old.query(
        `INSERT INTO admin_units (id, code, name, search_key, kind, path) VALUES (950, '950', 'Tỉnh', 'tinh', 'PROVINCE', '/950/')`,
      );
      await old.query(
        `INSERT INTO enterprises (id, name, search_key, tax_code, unit_id) VALUES (951, 'Công ty A', 'cong ty a', '6400000001', 950)`,
      );
      await old.query(
        `INSERT INTO training_institutions (id, name, search_key, kind) VALUES (952, 'Trường A', 'truong a', 'COLLEGE')`,
      );
      await old.query(
        `INSERT INTO courses (id, institution_id, title, search_key, level, estimated_hours, language, licence, status)
         VALUES (953, 952, 'Luật Lao động', 'luat lao dong', 'BEGINNER', 2, 'vi', 'CC-BY-4.0', 'PUBLISHED')`,
      );
      await old.query(
        `INSERT INTO workers (id, full_name, search_key, date_of_birth, gender, cccd_encrypted, cccd_hash)
         VALUES (954, 'Lê Thị Mai', 'le thi mai', '1991-02-03', 'FEMALE', 'x', 'h954')`,
      );
      await old.query(
        `INSERT INTO enrolments (id, worker_id, course_id, progress_percent, enrolled_at) VALUES (955, 954, 953, 40, '2026-11-01 02:00:00')`,
      );
    });
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM assignments'))[0].n)).toBe(0);
    await db.query(
      `INSERT INTO assignments (id, enterprise_id, course_id, due_on, created_by) VALUES (956, 951, 953, '2026-12-31', 1)`,
    );
    const [row] = await db.query('SELECT remind_days_before AS days, whole_roster AS whole FROM assignments');
    expect({ days: Number(row.days), whole: Number(row.whole) }).toEqual({ days: 3, whole: 0 });
    await db.query(
      `INSERT INTO assignment_workers (assignment_id, enterprise_id, course_id, worker_id) VALUES (956, 951, 953, 954)`,
    );
    await expect(
      db.query(
        `INSERT INTO assignment_workers (assignment_id, enterprise_id, course_id, worker_id) VALUES (956, 951, 953, 954)`,
      ),
    ).rejects.toThrow();
    await expect(
      db.query(
        `INSERT INTO assignments (enterprise_id, course_id, due_on, created_by) VALUES (951, 953, '2026-12-31', 1)`,
      ),
    ).rejects.toThrow();
    expect(await db.query('SELECT progress_percent AS p FROM enrolments WHERE id = 955')).toEqual([
      { p: 40 },
    ]);
  });

  it('1764000027000: territory assignments come empty beside officers’ assignments; one per unit, course and due day', async () => {
    db = await upgrade(await env.options(), TerritoryAssignments1764000027000, async (old) => {
      await old.query(
        `INSERT INTO admin_units (id, code, name, search_key, kind, path) VALUES (970, '970', 'Tỉnh', 'tinh', 'PROVINCE', '/970/')`,
      );
      await old.query(
        `INSERT INTO enterprises (id, name, search_key, tax_code, unit_id) VALUES (971, 'Công ty B', 'cong ty b', '6400000002', 970)`,
      );
      await old.query(
        `INSERT INTO training_institutions (id, name, search_key, kind) VALUES (972, 'Trường B', 'truong b', 'COLLEGE')`,
      );
      await old.query(
        `INSERT INTO courses (id, institution_id, title, search_key, level, estimated_hours, language, licence, status)
         VALUES (973, 972, 'An toàn lao động', 'an toan lao dong', 'BEGINNER', 2, 'vi', 'CC-BY-4.0', 'PUBLISHED')`,
      );
      await old.query(
        `INSERT INTO assignments (id, enterprise_id, course_id, due_on, created_by) VALUES (974, 971, 973, '2026-12-31', 1)`,
      );
    });
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM territory_assignments'))[0].n)).toBe(0);
    await db.query(
      `INSERT INTO territory_assignments (unit_id, course_id, due_on, created_by) VALUES (970, 973, '2026-12-31', 1)`,
    );
    const [row] = await db.query('SELECT remind_days_before AS days FROM territory_assignments');
    expect(Number(row.days)).toBe(3);
    await expect(
      db.query(
        `INSERT INTO territory_assignments (unit_id, course_id, due_on, created_by) VALUES (970, 973, '2026-12-31', 1)`,
      ),
    ).rejects.toThrow();
    expect(await db.query('SELECT id FROM assignments')).toEqual([{ id: 974 }]);
  });

  it('1764000032000: submitted annual reports keep their figures and get no sections; new ones freeze theirs', async () => {
    db = await upgrade(await env.options(), ReportSections1764000032000, async (old) => {
      await old.query(
        `INSERT INTO admin_units (id, code, name, search_key, kind, path) VALUES (960, '960', 'Tỉnh', 'tinh', 'PROVINCE', '/960/')`,
      );
      await old.query(
        `INSERT INTO plans (id, code, title, issuing_body, unit_id, start_date, end_date)
         VALUES (961, 'P961', 'Kế hoạch', 'UBND', 960, '2023-01-01', '2030-12-31')`,
      );
      await old.query(
        `INSERT INTO reporting_bodies (id, plan_id, kind, name, unit_id, due_month_day, position)
         VALUES (962, 961, 'FEDERATION', 'Liên đoàn Lao động tỉnh', NULL, '12-15', 1)`,
      );
      await old.query(
        `INSERT INTO annual_reports (id, plan_id, body_id, year, version, status, figures, activities)
         VALUES (963, 961, 962, 2025, 1, 'SUBMITTED', '[{"name":"Tỉnh"}]', 'Tổng hợp')`,
      );
    });
    expect(await db.query('SELECT figures, sections, activities FROM annual_reports WHERE id = 963')).toEqual(
      [{ figures: '[{"name":"Tỉnh"}]', sections: null, activities: 'Tổng hợp' }],
    );
    const sections = JSON.stringify([{ key: 'surveys', title: 't', tables: [] }]);
    await db.query('UPDATE annual_reports SET sections = ? WHERE id = 963', [sections]);
    expect(await db.query('SELECT sections FROM annual_reports WHERE id = 963')).toEqual([{ sections }]);
  });

  it('1764000028000: surveys come empty beside existing enterprises and workers; a worker answers a survey once, codes any number of times', async () => {
    db = await upgrade(await env.options(), Surveys1764000028000, async (old) => {
      await old.query(
        `INSERT INTO admin_units (id, code, name, search_key, kind, path) VALUES (960, '960', 'Xã A', 'xa a', 'COMMUNE', '/960/')`,
      );
      await old.query(
        `INSERT INTO enterprises (id, name, search_key, tax_code, unit_id) VALUES (961, 'Công ty B', 'cong ty b', '6400000002', 960)`,
      );
      await old.query(
        `INSERT INTO workers (id, full_name, search_key, date_of_birth, gender, cccd_encrypted, cccd_hash)
         VALUES (962, 'Trần Văn Nam', 'tran van nam', '1990-05-06', 'MALE', 'x', 'h962')`,
      );
    });
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM surveys'))[0].n)).toBe(0);
    await db.query(
      `INSERT INTO surveys (id, title, opens_on, closes_on, status, owner_role, created_by)
       VALUES (963, 'Khảo sát', '2026-01-01', '2026-01-31', 'PUBLISHED', 'FEDERATION_ADMIN', 1)`,
    );
    await db.query(
      `INSERT INTO survey_questions (id, survey_id, kind, text, options) VALUES (964, 963, 'SINGLE', 'Hỏi?', '["Có","Không"]')`,
    );
    const [question] = await db.query('SELECT position, required FROM survey_questions WHERE id = 964');
    expect({ position: Number(question.position), required: Number(question.required) }).toEqual({
      position: 0,
      required: 1,
    });
    await db.query(
      `INSERT INTO survey_enterprises (survey_id, enterprise_id, unit_id) VALUES (963, 961, 960)`,
    );
    const respond = (workerId: number | null, codeId: number | null) =>
      db.query(
        `INSERT INTO survey_responses (survey_id, enterprise_id, unit_id, worker_id, code_id, submitted_at)
         VALUES (963, 961, 960, ?, ?, '2026-01-02 03:00:00')`,
        [workerId, codeId],
      );
    await respond(962, null);
    await expect(respond(962, null)).rejects.toThrow();
    await respond(null, 1);
    await respond(null, 2);
    await expect(respond(null, 2)).rejects.toThrow();
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM survey_responses'))[0].n)).toBe(3);
  });

  it('1764000029000: campaigns and book logs come empty beside existing learning records; a log keeps its worker and enterprise', async () => {
    db = await upgrade(await env.options(), Campaigns1764000029000, async (old) => {
      await old.query(
        `INSERT INTO admin_units (id, code, name, search_key, kind, path) VALUES (960, '960', 'Tỉnh', 'tinh', 'PROVINCE', '/960/')`,
      );
      await old.query(
        `INSERT INTO enterprises (id, name, search_key, tax_code, unit_id) VALUES (961, 'Công ty B', 'cong ty b', '6400000002', 960)`,
      );
      await old.query(
        `INSERT INTO workers (id, full_name, search_key, date_of_birth, gender, cccd_encrypted, cccd_hash)
         VALUES (962, 'Trần Văn Nam', 'tran van nam', '1990-05-06', 'MALE', 'x', 'h962')`,
      );
      await old.query(
        `INSERT INTO learning_records (id, worker_id, occurred_on, hours, source, source_ref, title)
         VALUES (963, 962, '2026-04-21', 2, 'SESSION', 'session:1', 'Ngày Sách')`,
      );
    });
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM campaigns'))[0].n)).toBe(0);
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM book_logs'))[0].n)).toBe(0);
    await db.query(
      `INSERT INTO campaigns (id, title, theme, starts_on, ends_on, created_by) VALUES (964, 'Ngày Sách', 'Đọc sách', '2026-04-01', '2026-04-30', 1)`,
    );
    const [campaign] = await db.query('SELECT reading FROM campaigns WHERE id = 964');
    expect(Number(campaign.reading)).toBe(0);
    await db.query('INSERT INTO campaign_units (campaign_id, unit_id) VALUES (964, 960)');
    await expect(
      db.query('INSERT INTO campaign_units (campaign_id, unit_id) VALUES (964, 960)'),
    ).rejects.toThrow();
    await db.query(
      `INSERT INTO book_logs (worker_id, enterprise_id, campaign_id, title, author, read_on, reflection, status)
       VALUES (962, 961, 964, 'Đắc nhân tâm', 'Dale Carnegie', '2026-04-21', 'Hay.', 'PENDING')`,
    );
    const [log] = await db.query('SELECT hours, reason, decided_at AS decidedAt FROM book_logs');
    expect(log).toEqual({ hours: null, reason: null, decidedAt: null });
    // A book log names a real worker.
    await expect(
      db.query(
        `INSERT INTO book_logs (worker_id, enterprise_id, title, author, read_on, reflection, status)
         VALUES (99999, 961, 'X', 'Y', '2026-04-21', 'Z', 'PENDING')`,
      ),
    ).rejects.toThrow();
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM learning_records WHERE id = 963'))[0].n)).toBe(
      1,
    );
  });

  it('1764000031000: commendations and support come empty beside existing workers; one support row per enterprise and year', async () => {
    db = await upgrade(await env.options(), CommendationsAndSupport1764000031000, async (old) => {
      await old.query(
        `INSERT INTO admin_units (id, code, name, search_key, kind, path) VALUES (960, '960', 'Tỉnh', 'tinh', 'PROVINCE', '/960/')`,
      );
      await old.query(
        `INSERT INTO enterprises (id, name, search_key, tax_code, unit_id) VALUES (961, 'Công ty B', 'cong ty b', '6400000002', 960)`,
      );
      await old.query(
        `INSERT INTO workers (id, full_name, search_key, date_of_birth, gender, cccd_encrypted, cccd_hash)
         VALUES (962, 'Trần Văn Nam', 'tran van nam', '1990-05-06', 'MALE', 'x', 'h962')`,
      );
    });
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM commendations'))[0].n)).toBe(0);
    await db.query(
      `INSERT INTO commendations (year, kind, enterprise_id, worker_id, child_name, achievement, status, nominated_by)
       VALUES (2026, 'CHILD', 961, 962, 'Trần Minh An', 'Học sinh giỏi cấp tỉnh', 'PENDING', 1)`,
    );
    const [nomination] = await db.query(
      'SELECT decision_reason AS reason, decided_at AS decidedAt FROM commendations',
    );
    expect(nomination).toEqual({ reason: null, decidedAt: null });
    await db.query(
      `INSERT INTO enterprise_support (enterprise_id, year, funds_committed, updated_by) VALUES (961, 2026, 3000000000, 1)`,
    );
    const [support] = await db.query(
      'SELECT funds_committed AS committed, funds_spent AS spent, agreement_has_learning AS agreement FROM enterprise_support',
    );
    expect({
      committed: Number(support.committed),
      spent: Number(support.spent),
      agreement: Number(support.agreement),
    }).toEqual({
      committed: 3000000000,
      spent: 0,
      agreement: 0,
    });
    await expect(
      db.query(`INSERT INTO enterprise_support (enterprise_id, year, updated_by) VALUES (961, 2026, 1)`),
    ).rejects.toThrow();
    await expect(
      db.query(
        `INSERT INTO commendations (year, kind, enterprise_id, worker_id, achievement, status, nominated_by)
         VALUES (2026, 'WORKER', 961, 999999, 'x', 'PENDING', 1)`,
      ),
    ).rejects.toThrow();
  });

  it('1764000025000: quiz questions may belong to a course bank, options and attempts are kept, past answers are counted per question', async () => {
    db = await upgrade(await env.options(), QuestionBanks1764000025000, async (old) => {
      await old.query(
        `INSERT INTO training_institutions (id, name, search_key, kind) VALUES (960, 'Trường B', 'truong b', 'COLLEGE')`,
      );
      await old.query(
        `INSERT INTO courses (id, institution_id, title, search_key, level, estimated_hours, language, licence, status)
         VALUES (961, 960, 'An toàn điện', 'an toan dien', 'BEGINNER', 2, 'vi', 'CC-BY-4.0', 'PUBLISHED')`,
      );
      await old.query(
        `INSERT INTO workers (id, full_name, search_key, date_of_birth, gender, cccd_encrypted, cccd_hash)
         VALUES (962, 'Trần Văn Nam', 'tran van nam', '1990-01-01', 'MALE', 'x', 'h962')`,
      );
      await old.query(
        `INSERT INTO enrolments (id, worker_id, course_id, progress_percent, enrolled_at) VALUES (963, 962, 961, 0, '2026-11-01 02:00:00')`,
      );
      await old.query(
        `INSERT INTO quizzes (id, course_id, lesson_id, title, pass_percent, max_attempts, shuffle) VALUES (964, 961, NULL, 'Cuối khoá', 50, 0, 0)`,
      );
      await old.query(
        `INSERT INTO quiz_questions (id, quiz_id, position, kind, prompt, status) VALUES (965, 964, 1, 'SINGLE', 'Câu 1', 'ACTIVE'), (966, 964, 2, 'MULTIPLE', 'Câu 2', 'ACTIVE')`,
      );
      await old.query(
        `INSERT INTO quiz_options (id, question_id, position, label, correct) VALUES
         (971, 965, 1, 'Đúng', 1), (972, 965, 2, 'Sai', 0), (973, 966, 1, 'A', 1), (974, 966, 2, 'B', 1), (975, 966, 3, 'C', 0)`,
      );
      await old.query(
        `INSERT INTO quiz_attempts (id, enrolment_id, quiz_id, attempt_no, submission_key, answers, score_percent, passed, submitted_at)
         VALUES (980, 963, 964, 1, 'key-980-aaaaaaaaaaaa', '{"965":[971],"966":[973,975]}', 50, 1, '2026-11-02 02:00:00')`,
      );
    });
    expect(
      (await db.query('SELECT id FROM quiz_options WHERE question_id IN (965, 966) ORDER BY id')).map(
        (r: { id: number }) => Number(r.id),
      ),
    ).toEqual([971, 972, 973, 974, 975]);
    const answers = await db.query(
      'SELECT question_id AS q, option_id AS o, correct AS c FROM quiz_attempt_answers WHERE attempt_id = 980 ORDER BY question_id, option_id',
    );
    expect(
      answers.map((r: { q: number; o: number; c: unknown }) => [Number(r.q), Number(r.o), Number(r.c)]),
    ).toEqual([
      [965, 971, 1],
      [966, 973, 0],
      [966, 975, 0],
    ]);
    const [attempt] = await db.query('SELECT question_ids AS ids FROM quiz_attempts WHERE id = 980');
    expect(attempt.ids).toBeNull();
    const [quiz] = await db.query('SELECT draw_count AS n FROM quizzes WHERE id = 964');
    expect(quiz.n).toBeNull();
    // A bank question: no quiz, a course.
    await db.query(
      `INSERT INTO quiz_questions (id, quiz_id, course_id, position, kind, prompt, status) VALUES (967, NULL, 961, 1, 'SHORT_ANSWER', 'Câu 3', 'ACTIVE')`,
    );
    await db.query(
      `INSERT INTO quiz_options (question_id, position, label, match_label, correct) VALUES (967, 1, 'Cầu dao', NULL, 1)`,
    );
    await db.query(
      `INSERT INTO quiz_draws (worker_id, quiz_id, submission_key, question_ids) VALUES (962, 964, 'draw-key-aaaaaaaaaaaa', '[967]')`,
    );
    await expect(
      db.query(
        `INSERT INTO quiz_draws (worker_id, quiz_id, submission_key, question_ids) VALUES (962, 964, 'draw-key-aaaaaaaaaaaa', '[967]')`,
      ),
    ).rejects.toThrow();
  });

  it('1764000030000: contests come empty beside existing learning records; one registration per contest, one entry per round', async () => {
    db = await upgrade(await env.options(), Contests1764000030000, async (old) => {
      await old.query(
        `INSERT INTO admin_units (id, code, name, search_key, kind, path) VALUES (960, '960', 'Tỉnh', 'tinh', 'PROVINCE', '/960/')`,
      );
      await old.query(
        `INSERT INTO enterprises (id, name, search_key, tax_code, unit_id) VALUES (961, 'Công ty B', 'cong ty b', '6400000002', 960)`,
      );
      await old.query(
        `INSERT INTO workers (id, full_name, search_key, date_of_birth, gender, cccd_encrypted, cccd_hash)
         VALUES (962, 'Trần Văn Nam', 'tran van nam', '1990-04-05', 'MALE', 'x', 'h962')`,
      );
      await old.query(
        `INSERT INTO learning_records (id, worker_id, occurred_on, hours, source, source_ref, title, enterprise_id)
         VALUES (963, 962, '2026-05-01', 2, 'SESSION', 'session:1', 'Tuyên truyền pháp luật', 961)`,
      );
    });
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM contests'))[0].n)).toBe(0);
    await db.query(
      `INSERT INTO contests (id, kind, title, year, enterprise_id, hours, created_by) VALUES (964, 'LAW_QUIZ', 'Thi pháp luật', 2026, NULL, 1.5, 1)`,
    );
    await db.query(
      `INSERT INTO contest_rounds (id, contest_id, name, opens_at, closes_at, time_limit_minutes) VALUES (965, 964, 'Vòng 1', '2026-04-21 01:00:00', '2026-04-28 10:00:00', 15)`,
    );
    await db.query(
      `INSERT INTO contest_registrations (contest_id, worker_id, registered_by) VALUES (964, 962, 1)`,
    );
    await expect(
      db.query(
        `INSERT INTO contest_registrations (contest_id, worker_id, registered_by) VALUES (964, 962, 1)`,
      ),
    ).rejects.toThrow();
    await db.query(`INSERT INTO contest_entries (contest_id, round_id, worker_id) VALUES (964, 965, 962)`);
    await expect(
      db.query(`INSERT INTO contest_entries (contest_id, round_id, worker_id) VALUES (964, 965, 962)`),
    ).rejects.toThrow();
    const [entry] = await db.query('SELECT late, score, submitted_at AS submittedAt FROM contest_entries');
    expect({ late: Number(entry.late), score: entry.score, submittedAt: entry.submittedAt }).toEqual({
      late: 0,
      score: null,
      submittedAt: null,
    });
    expect(Number((await db.query('SELECT hours FROM contests WHERE id = 964'))[0].hours)).toBe(1.5);
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM learning_records WHERE id = 963'))[0].n)).toBe(
      1,
    );
  });

  it('1764000033000: existing contests keep no communes (province-wide or one enterprise’s); a contest names each commune once', async () => {
    db = await upgrade(await env.options(), ContestCommunes1764000033000, async (old) => {
      await old.query(
        `INSERT INTO admin_units (id, code, name, search_key, kind, path) VALUES (970, '970', 'Tỉnh', 'tinh', 'PROVINCE', '/970/')`,
      );
      await old.query(
        `INSERT INTO admin_units (id, code, name, search_key, kind, parent_id, path) VALUES (971, '971', 'Xã A', 'xa a', 'COMMUNE', 970, '/970/971/')`,
      );
      await old.query(
        `INSERT INTO enterprises (id, name, search_key, tax_code, unit_id) VALUES (972, 'Công ty C', 'cong ty c', '6400000003', 971)`,
      );
      await old.query(
        `INSERT INTO contests (id, kind, title, year, enterprise_id, hours, created_by) VALUES (973, 'LAW_QUIZ', 'Thi toàn tỉnh', 2026, NULL, 1, 1)`,
      );
      await old.query(
        `INSERT INTO contests (id, kind, title, year, enterprise_id, hours, created_by) VALUES (974, 'SKILLS_CONTEST', 'Thi tay nghề', 2026, 972, 2, 1)`,
      );
    });
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM contest_units'))[0].n)).toBe(0);
    const kept = await db.query('SELECT id, enterprise_id AS enterpriseId FROM contests ORDER BY id');
    expect(
      kept.map((c: { id: number; enterpriseId: number | null }) => [Number(c.id), c.enterpriseId]),
    ).toEqual([
      [973, null],
      [974, 972],
    ]);
    await db.query(`INSERT INTO contest_units (contest_id, unit_id) VALUES (973, 971)`);
    await expect(
      db.query(`INSERT INTO contest_units (contest_id, unit_id) VALUES (973, 971)`),
    ).rejects.toThrow();
    await db.query('DELETE FROM contests WHERE id = 973');
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM contest_units'))[0].n)).toBe(0);
  });

  it('1764000035000: each employment gets its reach row from the data already there, and the triggers keep it from then on', async () => {
    db = await upgrade(await env.options(), EmploymentReach1764000035000, async (old) => {
      await old.query(
        `INSERT INTO admin_units (id, code, name, search_key, kind, path) VALUES (970, '970', 'Tỉnh', 'tinh', 'PROVINCE', '/970/')`,
      );
      await old.query(
        "INSERT INTO association_branches (id, name, search_key, unit_id) VALUES (971, 'Hội Khuyến học tỉnh', 'hoi khuyen hoc tinh', 970)",
      );
      await old.query(
        `INSERT INTO enterprises (id, name, search_key, tax_code, unit_id) VALUES
           (972, 'Công ty A', 'cong ty a', '6400000972', 970), (973, 'Công ty B', 'cong ty b', '6400000973', 970)`,
      );
      await old.query(
        `INSERT INTO workers (id, full_name, search_key, date_of_birth, gender, cccd_encrypted, cccd_hash)
         VALUES (974, 'Lê Thị Mai', 'le thi mai', '1991-02-03', 'FEMALE', 'x', 'h974'),
                (975, 'Võ Văn Tư', 'vo van tu', '1985-07-08', 'MALE', 'y', 'h975')`,
      );
      // Mai: two overlapping employments at A (a corrected start kept beside the old one), then B.
      // Tư: at A until mid-2025.
      await old.query(
        `INSERT INTO employments (id, worker_id, enterprise_id, start_date, end_date, union_member) VALUES
           (976, 974, 972, '2022-01-01', '2025-03-31', 0), (977, 974, 972, '2022-02-01', '2025-06-30', 0),
           (978, 974, 973, '2025-07-01', NULL, 0), (979, 975, 972, '2020-01-01', '2025-06-30', 0)`,
      );
      // The summaries as the store left them (the records themselves are not read).
      await old.query(
        `INSERT INTO worker_learning_summary (worker_id, first_law_on, latest_law_on, first_digital_on, latest_digital_on, hours, records) VALUES
           (974, '2024-05-01', '2024-05-01', '2026-02-01', '2026-02-01', 4, 2), (975, '2025-04-01', '2025-04-01', NULL, NULL, 2, 1)`,
      );
      await old.query(
        `INSERT INTO worker_learning_years (worker_id, year, first_law_on, first_digital_on, hours, records) VALUES
           (974, 2024, '2024-05-01', NULL, 2, 1), (974, 2026, NULL, '2026-02-01', 2, 1), (975, 2025, '2025-04-01', NULL, 2, 1)`,
      );
      await old.query(
        `INSERT INTO recognitions (worker_id, year, branch_id, verify_code, status, recognised_by, recognised_at, revoked_at) VALUES
           (974, 2025, 971, 'v974', 'VALID', 1, '2025-03-02 03:00:00', NULL),
           (975, 2025, 971, 'v975', 'REVOKED', 1, '2025-03-02 03:00:00', '2025-05-10 03:00:00')`,
      );
    });
    const rollups = new RollupRepository(db, new UnitOfWork(db));
    const query = (asOf: string, window: CountingWindow): EnterpriseQuery => ({
      asOf,
      planStart: '2024-01-01',
      windows: Object.fromEntries(Object.values(DomainCode).map((d) => [d, window])) as Record<
        DomainCode,
        CountingWindow
      >,
      enterpriseIds: null,
    });
    const same = async (asOf: string) => {
      for (const window of Object.values(CountingWindow)) {
        const reach = await rollups.enterpriseCountsByReach(query(asOf, window));
        expect(reach).toEqual(await rollups.enterpriseCountsByJoin(query(asOf, window)));
      }
      return rollups.enterpriseCountsByReach(query(asOf, CountingWindow.PlanToDate));
    };
    const none = { vocational: 0, lifeSkills: 0 };

    expect(Number((await db.query('SELECT COUNT(*) AS n FROM employment_reach'))[0].n)).toBe(4);
    // Mai once at A however her two employments overlap; Tư's title still held before 10/05.
    expect(await same('2025-04-15')).toEqual([
      { enterpriseId: 972, population: 2, law: 2, digital: 0, learningCitizen: 2, ...none },
    ]);
    expect(await same('2025-05-15')).toEqual([
      { enterpriseId: 972, population: 2, law: 2, digital: 0, learningCitizen: 1, ...none },
    ]);
    expect(await same('2026-03-01')).toEqual([
      { enterpriseId: 973, population: 1, law: 1, digital: 1, learningCitizen: 0, ...none },
    ]);

    // From now on the triggers: Tư comes back to B, learns (the summary rows change), is recognised.
    await db.query(
      `INSERT INTO employments (id, worker_id, enterprise_id, start_date, end_date, union_member) VALUES (983, 975, 973, '2026-01-01', NULL, 0)`,
    );
    await db.query(
      "UPDATE worker_learning_summary SET first_digital_on = '2026-02-10', latest_digital_on = '2026-02-10' WHERE worker_id = 975",
    );
    await db.query(
      `INSERT INTO worker_learning_years (worker_id, year, first_digital_on, hours, records) VALUES (975, 2026, '2026-02-10', 1, 1)`,
    );
    await db.query(
      `INSERT INTO recognitions (worker_id, year, branch_id, verify_code, status, recognised_by, recognised_at) VALUES
         (975, 2026, 971, 'v975b', 'VALID', 1, '2026-02-20 03:00:00')`,
    );
    // Mai's first employment at A goes (deleted, as by a correction): the rows of the pair are rebuilt.
    await db.query('DELETE FROM employments WHERE id = 976');
    expect(await same('2026-03-01')).toEqual([
      { enterpriseId: 973, population: 2, law: 2, digital: 2, learningCitizen: 1, ...none },
    ]);
    expect(await same('2025-04-15')).toEqual([
      { enterpriseId: 972, population: 2, law: 2, digital: 0, learningCitizen: 2, ...none },
    ]);
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM employment_reach'))[0].n)).toBe(4);
  });
});
