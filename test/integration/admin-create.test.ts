import { INestApplication } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { parseDatabaseConfig } from '../../src/config/database.config';
import { createDataSource } from '../../src/database/data-source';
import { MYSQL_ROOT_URL, mysqlUrl } from '../support/services';
import { Browser, createTestApp } from '../support/test-app';

/**
 * `npm run admin:create`, the built command run as an operator runs it, on a database of its own:
 * the embedded SQLite file and MariaDB. The password goes in on standard input and must never
 * come out again.
 */
const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli');
const PASSWORD = 'Gió Tây Nguyên thổi qua đồi thông';
const WEAK = 'hoctap2030';
const MARIADB_DATABASE = 'hoctap_test_admin_cli';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a built CLI with only the given settings (nothing of the shell's), feeding `stdin`. */
function cli(name: string, args: string[], env: Record<string, string>, stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(CLI, name), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe.each([
  ['SQLite', 'sqlite'],
  ['MariaDB', 'mysql'],
] as const)('npm run admin:create on %s (integration)', (_label, database) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hoctap-admin-create-'));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    ...(database === 'mysql' ? { DATABASE_URL: mysqlUrl(MARIADB_DATABASE) } : {}),
  };
  const runs: Run[] = [];
  let db: DataSource;

  const adminCreate = async (args: string[], stdin: string) => {
    const run = await cli('admin-create.js', args, env, stdin);
    runs.push(run);
    return run;
  };
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].n);

  beforeAll(async () => {
    if (!existsSync(join(CLI, 'admin-create.js')))
      throw new Error(`${CLI}/admin-create.js is missing: run \`npm run build\` first (npm test does).`);
    if (database === 'mysql') {
      const connection = await createConnection(MYSQL_ROOT_URL);
      await connection.query(`DROP DATABASE IF EXISTS \`${MARIADB_DATABASE}\``);
      await connection.query(
        `CREATE DATABASE \`${MARIADB_DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      );
      await connection.end();
    }
  });

  afterAll(async () => {
    if (db?.isInitialized) await db.destroy();
    if (database === 'mysql') {
      const connection = await createConnection(MYSQL_ROOT_URL);
      await connection.query(`DROP DATABASE IF EXISTS \`${MARIADB_DATABASE}\``);
      await connection.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a database that was not migrated, naming npm run migrate', async () => {
    const run = await adminCreate(['--username', 'admin'], `${PASSWORD}\n`);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('run `npm run migrate` first');
    // It leaves no database file behind for a wrong DATA_DIR.
    if (database === 'sqlite') expect(existsSync(join(dataDir, 'hoctap.sqlite'))).toBe(false);

    const migrate = await cli('migrate.js', [], env);
    expect(migrate.code).toBe(0);
    db = createDataSource(parseDatabaseConfig(env));
    await db.initialize();
  });

  it('refuses a weak password in Vietnamese and creates nothing', async () => {
    const run = await adminCreate(['--username', 'admin'], `${WEAK}\n`);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'The password was refused: Mật khẩu này nằm trong danh sách mật khẩu phổ biến',
    );
    expect(await count('SELECT COUNT(*) AS n FROM users')).toBe(0);
  });

  it('refuses a user name against the app’s rule and creates nothing', async () => {
    const run = await adminCreate(['--username', 'quản trị'], `${PASSWORD}\n`);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Tên đăng nhập chỉ gồm chữ thường không dấu');
    expect(await count('SELECT COUNT(*) AS n FROM users')).toBe(0);
  });

  it('creates an active system admin, audited as the command line', async () => {
    const run = await adminCreate(['--username', 'Admin'], `${PASSWORD}\n`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Created the system admin "admin"');
    const [user] = await db.query(
      "SELECT u.id, u.status, u.display_name AS name FROM users u WHERE u.username = 'admin'",
    );
    expect(user).toMatchObject({ status: 'ACTIVE', name: 'Quản trị hệ thống' });
    const roles = await db.query('SELECT role, scope_type AS scope FROM role_assignments WHERE user_id = ?', [
      user.id,
    ]);
    expect(roles).toEqual([{ role: 'SYSTEM_ADMIN', scope: 'ALL' }]);
    const audit = await db.query(
      'SELECT action, actor_user_id AS actorId, actor_name AS actor, subject_id AS subjectId FROM audit_log',
    );
    expect(audit).toEqual([
      {
        action: 'user.admin.created',
        actorId: null,
        actor: 'Dòng lệnh (npm run admin:create)',
        subjectId: user.id,
      },
    ]);
  });

  it('refuses a user name that exists, in one line', async () => {
    const run = await adminCreate(['--username', 'admin'], `${PASSWORD}\n`);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      'The user name was refused: Tên đăng nhập này đã có người dùng. Nothing was created.',
    );
    expect(await count('SELECT COUNT(*) AS n FROM users')).toBe(1);
  });

  it('never shows the password, nor takes it from the command line', async () => {
    const run = await adminCreate(['--username', 'other', `--password=${PASSWORD}`], '');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('never taken from the command line');
    expect(runs.length).toBeGreaterThanOrEqual(6);
    for (const { stdout, stderr } of runs) {
      expect(stdout + stderr).not.toContain(PASSWORD);
      expect(stdout + stderr).not.toContain(WEAK);
    }
  });

  describe('the new admin', () => {
    let app: INestApplication;

    beforeAll(async () => {
      app = await createTestApp({
        database,
        env: {
          DATA_DIR: dataDir,
          SEED_DEMO: 'false',
          ...(env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : {}),
        },
      });
    });

    afterAll(() => app?.close());

    it('signs in at /login, accepts the privacy notice and reaches the system admin’s pages', async () => {
      const browser = new Browser(app);
      await browser.login('admin', PASSWORD);
      const jobs = await browser.get('/admin/jobs');
      expect(jobs.status).toBe(200);
      const users = await browser.get('/admin/users');
      expect(users.status).toBe(200);
      expect(users.text).toContain('admin');
    });
  });
});
