import { createConnection } from 'mysql2/promise';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, MigrationExecutor } from 'typeorm';
import { parseDatabaseConfig } from '../../src/config/database.config';
import { createDataSource } from '../../src/database/data-source';
import { isSqlite } from '../../src/database/dialect';
import { migrations } from '../../src/database/migrations';
import { MYSQL_ROOT_URL, mysqlUrl } from '../support/services';

/**
 * The one list of migrations builds the same schema on MySQL/MariaDB and on SQLite, and takes it
 * down again: up, down to nothing, and up once more, on databases of this test's own.
 */

/** Tables every later feature relies on, with their natural-key unique indexes. */
const KEY_TABLES: Record<string, { columns: string[]; unique: Record<string, string[]> }> = {
  users: {
    columns: ['id', 'username', 'display_name', 'password_hash', 'status', 'sessions_valid_after'],
    unique: { uq_users_username: ['username'] },
  },
  role_assignments: {
    columns: ['user_id', 'role', 'scope_type', 'scope_id'],
    unique: { uq_role_assignments: ['user_id', 'role', 'scope_type', 'scope_id'] },
  },
  api_tokens: {
    columns: ['token_hash', 'token_prefix', 'revoked_at'],
    unique: { uq_api_tokens_hash: ['token_hash'] },
  },
  sessions: { columns: ['id', 'expiredAt', 'json', 'destroyedAt'], unique: {} },
  job_runs: {
    columns: [
      'name',
      'business_key',
      'pending_key',
      'status',
      'progress',
      'payload',
      'result',
      'error',
      'attempts',
    ],
    unique: { uq_job_runs_pending: ['pending_key'] },
  },
  admin_units: { columns: ['code', 'name', 'parent_id', 'path', 'valid_from', 'valid_to'], unique: {} },
  enterprises: {
    columns: ['name', 'tax_code', 'unit_id'],
    unique: { uq_enterprises_tax_code: ['tax_code'] },
  },
  workers: {
    columns: ['full_name', 'cccd_encrypted', 'cccd_hash', 'user_id'],
    unique: { uq_workers_cccd: ['cccd_hash'], uq_workers_user: ['user_id'] },
  },
  employments: {
    columns: ['worker_id', 'enterprise_id', 'start_date', 'end_date'],
    unique: { uq_employments: ['worker_id', 'enterprise_id', 'start_date'] },
  },
  plan_targets: {
    columns: ['plan_indicator_id', 'milestone_year', 'target_percent'],
    unique: { uq_plan_targets: ['plan_indicator_id', 'milestone_year'] },
  },
};

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] = isSqlite(dataSource)
    ? await dataSource.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
    : await dataSource.query(
        'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()',
      );
  return rows.map((r) => r.name).sort();
}

async function expectKeyTables(dataSource: DataSource): Promise<void> {
  const queryRunner = dataSource.createQueryRunner();
  try {
    for (const [name, expected] of Object.entries(KEY_TABLES)) {
      const table = await queryRunner.getTable(name);
      expect({ name, found: !!table }).toEqual({ name, found: true });
      const columns = table!.columns.map((c) => c.name);
      expect(columns).toEqual(expect.arrayContaining(expected.columns));
      for (const [indexName, indexColumns] of Object.entries(expected.unique)) {
        const index = table!.indices.find((i) => i.name === indexName);
        expect({ index: indexName, unique: index?.isUnique, columns: index?.columnNames }).toEqual({
          index: indexName,
          unique: true,
          columns: indexColumns,
        });
      }
    }
  } finally {
    await queryRunner.release();
  }
}

async function revertAll(dataSource: DataSource): Promise<number> {
  let reverted = 0;
  while ((await new MigrationExecutor(dataSource).getExecutedMigrations()).length > 0) {
    await dataSource.undoLastMigration({ transaction: 'each' });
    reverted++;
  }
  return reverted;
}

/** Up, down to nothing, up again; `check` looks at the schema after each way up. */
async function roundTrip(dataSource: DataSource, check: () => Promise<void>): Promise<void> {
  expect(await dataSource.runMigrations({ transaction: 'each' })).toHaveLength(migrations.length);
  await check();

  expect(await revertAll(dataSource)).toBe(migrations.length);
  expect(await tableNames(dataSource)).toEqual(['migrations']);

  expect(await dataSource.runMigrations({ transaction: 'each' })).toHaveLength(migrations.length);
  await check();
  expect(await dataSource.runMigrations({ transaction: 'each' })).toHaveLength(0);
}

describe('migrations on MySQL/MariaDB (integration)', () => {
  const database = 'hoctap_migrations_test';
  let dataSource: DataSource;

  beforeAll(async () => {
    const connection = await createConnection(MYSQL_ROOT_URL);
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    // Created with a legacy character set on purpose: the first migration must switch it to utf8mb4.
    await connection.query(`CREATE DATABASE \`${database}\` CHARACTER SET latin1`);
    await connection.end();
    dataSource = await createDataSource(
      parseDatabaseConfig({ DATABASE_URL: mysqlUrl(database) }),
    ).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    const connection = await createConnection(MYSQL_ROOT_URL);
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await connection.end();
  });

  it('runs every migration up and down and up again, building utf8mb4 tables with their keys', async () => {
    await roundTrip(dataSource, async () => {
      await expectKeyTables(dataSource);
      const [schema] = await dataSource.query(
        'SELECT DEFAULT_CHARACTER_SET_NAME AS charset FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()',
      );
      expect(schema.charset).toBe('utf8mb4');
      const tables: { name: string; collation: string }[] = await dataSource.query(
        "SELECT TABLE_NAME AS name, TABLE_COLLATION AS collation FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'migrations'",
      );
      expect(tables.length).toBeGreaterThanOrEqual(Object.keys(KEY_TABLES).length);
      expect(tables.filter((t) => !t.collation.startsWith('utf8mb4_'))).toEqual([]);

      // Vietnamese with every diacritic survives, and so does a 4-byte character.
      const name = 'Nguyễn Thị Ánh Tuyết — Đắk R’Lấp 📚';
      await dataSource.query(
        "INSERT INTO users (username, display_name, status) VALUES ('utf8mb4.check', ?, 'ACTIVE')",
        [name],
      );
      const [row] = await dataSource.query(
        "SELECT display_name AS name FROM users WHERE username = 'utf8mb4.check'",
      );
      expect(row.name).toBe(name);
    });
  });
});

describe('migrations on SQLite (integration)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hoctap-migrations-'));
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await createDataSource(
      parseDatabaseConfig({ SQLITE_FILE: join(dir, 'migrations.sqlite') }),
    ).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs every migration up and down and up again on a temporary file', async () => {
    await roundTrip(dataSource, () => expectKeyTables(dataSource));
  });
});
