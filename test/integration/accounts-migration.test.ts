import { createConnection } from 'mysql2/promise';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { DatabaseConfig, parseDatabaseConfig } from '../../src/config/database.config';
import { dataSourceOptions } from '../../src/database/data-source';
import { migrations } from '../../src/database/migrations';
import { AccountsAndSignIn1764000016000 } from '../../src/database/migrations/1764000016000-accounts-and-sign-in';
import { MYSQL_ROOT_URL, mysqlUrl } from '../support/services';

/**
 * Issue 9, item 7: upgrading a database made by the migrations before 1764000016000. Accounts that
 * were ever activated (active, or holding a password though disabled since) get `activated_at`, and
 * a code still waiting on them is withdrawn; accounts never activated keep theirs. On MariaDB (a
 * database of this test's own) and on SQLite.
 */

const previous = migrations.filter((m) => m !== AccountsAndSignIn1764000016000);

function dataSource(config: DatabaseConfig, list: DataSourceOptions['migrations']): DataSource {
  return new DataSource({ ...dataSourceOptions(config), migrations: list } as DataSourceOptions);
}

async function upgrade(config: DatabaseConfig): Promise<void> {
  const before = await dataSource(config, previous).initialize();
  try {
    await before.runMigrations({ transaction: 'each' });
    const insert = (username: string, status: string, extra: Record<string, string | null>) =>
      before.query(
        `INSERT INTO users (username, display_name, status, password_hash, activation_code_hash,
                            activation_expires_at, last_login_at, created_at, updated_at)
         VALUES (?, 'Người dùng', ?, ?, ?, ?, ?, '2026-01-02 03:04:05', '2026-02-03 04:05:06')`,
        [
          username,
          status,
          extra.password ?? null,
          extra.code ?? null,
          extra.code ? '2027-01-01 00:00:00' : null,
          extra.lastLogin ?? null,
        ],
      );
    await insert('active.signed.in', 'ACTIVE', { password: '$argon2id$x', lastLogin: '2026-03-04 05:06:07' });
    // The defect: an officer issued a new code on an account already active.
    await insert('active.with.code', 'ACTIVE', { password: '$argon2id$x', code: '$argon2id$code' });
    await insert('disabled.after.use', 'DISABLED', { password: '$argon2id$x' });
    await insert('pending.with.code', 'PENDING', { code: '$argon2id$code' });
    await insert('disabled.never.used', 'DISABLED', {});
    await before.query(
      "INSERT INTO login_failures (throttle_key, failures, window_started_at) VALUES ('k', 2, '2026-01-01 00:00:00')",
    );
  } finally {
    await before.destroy();
  }

  const after = await dataSource(config, migrations).initialize();
  try {
    const ran = await after.runMigrations({ transaction: 'each' });
    expect(ran.map((m) => m.name)).toEqual(['AccountsAndSignIn1764000016000']);
    const rows: Record<string, unknown>[] = await after.query(
      `SELECT username, activated_at, activation_code_hash, activation_expires_at, activation_code_reset
       FROM users ORDER BY id`,
    );
    const text = (v: unknown) =>
      v === null
        ? null
        : v instanceof Date
          ? v.toISOString().slice(0, 19).replace('T', ' ')
          : String(v).slice(0, 19);
    const seen = rows.map((r) => [
      r.username,
      text(r.activated_at),
      r.activation_code_hash,
      Number(r.activation_code_reset),
    ]);
    console.log(`accounts migration (${config.type}):`, seen);
    expect(seen).toEqual([
      ['active.signed.in', '2026-03-04 05:06:07', null, 0],
      ['active.with.code', '2026-02-03 04:05:06', null, 0],
      ['disabled.after.use', '2026-02-03 04:05:06', null, 0],
      ['pending.with.code', null, '$argon2id$code', 0],
      ['disabled.never.used', null, null, 0],
    ]);
    expect(rows.find((r) => r.username === 'pending.with.code')?.activation_expires_at).not.toBeNull();
    expect(rows.find((r) => r.username === 'active.with.code')?.activation_expires_at).toBeNull();
    const [failure] = await after.query('SELECT failures, in_flight FROM login_failures');
    expect([Number(failure.failures), Number(failure.in_flight)]).toEqual([2, 0]);

    // And back down, and up again.
    await after.undoLastMigration({ transaction: 'each' });
    const columns = async () =>
      (await after.createQueryRunner().getTable('users'))!.columns.map((c) => c.name);
    expect(await columns()).not.toContain('activated_at');
    expect(await after.runMigrations({ transaction: 'each' })).toHaveLength(1);
    expect(await columns()).toEqual(expect.arrayContaining(['activated_at', 'activation_code_reset']));
  } finally {
    await after.destroy();
  }
}

describe('migration 1764000016000 upgrades existing accounts', () => {
  it('on MySQL/MariaDB', async () => {
    const database = `${process.env.TEST_DATABASE ?? 'hoctap_test'}_accounts_upgrade`;
    const connection = await createConnection(MYSQL_ROOT_URL);
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await connection.query(
      `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    try {
      await upgrade(parseDatabaseConfig({ DATABASE_URL: mysqlUrl(database) }));
    } finally {
      await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await connection.end();
    }
  });

  it('on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoctap-accounts-upgrade-'));
    try {
      await upgrade(parseDatabaseConfig({ SQLITE_FILE: join(dir, 'upgrade.sqlite') }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
