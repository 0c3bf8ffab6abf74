import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { parseDatabaseConfig } from '../../src/config/database.config';
import { createDataSource } from '../../src/database/data-source';
import { eventually, GiveUp } from './eventually';
import { ensureLearningDomains } from './learning-domains';

/**
 * Real processes for the fault tests (test/faults): a private MariaDB and a private Redis on free
 * ports, which a test may kill and restart at will (the shared services on 3306 and 6379 are never
 * touched), and the BUILT app's web (`dist/main.js`) and job (`dist/worker.js`) processes on them.
 * Everything started here is registered and stopped by `stopAll` (afterAll) or, failing that, when
 * the test process exits.
 */

const ROOT = join(__dirname, '..', '..');
/** Where the built app is taken from: this checkout, or FAULTS_APP_ROOT (a copy holding dist/, views/, public/). */
const APP_ROOT = process.env.FAULTS_APP_ROOT ?? ROOT;
const run = promisify(execFile);

interface Stoppable {
  stop(): Promise<void>;
  killNow(): void;
}
const running = new Set<Stoppable>();
process.once('exit', () => running.forEach((r) => r.killNow()));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A child process we own: its output is kept (the tail) for error messages. */
class OwnedProcess implements Stoppable {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  output = '';

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: () => string[],
    private readonly env: () => NodeJS.ProcessEnv = () => process.env,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  spawn(): void {
    if (this.alive) throw new Error(`${this.name} is already running`);
    const child = spawn(this.command, this.args(), {
      cwd: APP_ROOT,
      env: this.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    this.child = child;
    running.add(this);
  }

  /** SIGKILL, as a crash or the OOM killer would: no shutdown hooks run. */
  async kill9(): Promise<void> {
    if (this.alive) this.child!.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM and wait; SIGKILL after 15 s. */
  async stop(): Promise<void> {
    if (this.alive) {
      this.child!.kill('SIGTERM');
      const timer = setTimeout(() => this.killNow(), 15_000);
      await this.exited;
      clearTimeout(timer);
    }
    running.delete(this);
  }

  killNow(): void {
    if (this.alive) this.child!.kill('SIGKILL');
  }

  exitedEarly(): string | null {
    return this.child && !this.alive
      ? `${this.name} exited (${this.child.exitCode ?? this.child.signalCode}):\n${this.output}`
      : null;
  }
}

/** A MariaDB server of our own, run from a fresh data directory as the current user. */
export class PrivateMariaDb implements Stoppable {
  readonly dir = mkdtempSync(join(tmpdir(), 'hoctap-faults-mariadb-'));
  private readonly tmp = mkdtempSync(join(this.dir, 'tmp-'));
  private readonly process: OwnedProcess;

  constructor(readonly port: number) {
    this.process = new OwnedProcess('mariadbd', '/usr/sbin/mariadbd', () => [
      '--no-defaults',
      `--datadir=${join(this.dir, 'data')}`,
      // Its own temporary directory: a MariaDB starting up deletes the #sql* files it finds in its
      // tmpdir, which in /tmp would be the temporary tables of the shared server other suites use.
      `--tmpdir=${this.tmp}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${join(this.dir, 'mysqld.sock')}`,
      `--pid-file=${join(this.dir, 'mysqld.pid')}`,
      `--log-error=${join(this.dir, 'error.log')}`,
      ...(process.getuid?.() === 0 ? ['--user=root'] : []),
      '--skip-log-bin',
      '--skip-name-resolve',
      '--innodb-buffer-pool-size=256M',
      '--max-connections=500',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_unicode_ci',
    ]);
  }

  get rootUrl(): string {
    return `mysql://root@127.0.0.1:${this.port}`;
  }

  url(database: string): string {
    return `${this.rootUrl}/${database}`;
  }

  async init(): Promise<void> {
    const installer = ['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db'].find((p) => existsSync(p));
    if (!installer || !existsSync('/usr/sbin/mariadbd'))
      throw new Error(
        'The fault tests run a private MariaDB: install the server (apt-get install -y mariadb-server).',
      );
    await run(installer, [
      '--no-defaults',
      `--datadir=${join(this.dir, 'data')}`,
      '--auth-root-authentication-method=normal',
      `--tmpdir=${this.tmp}`,
      '--skip-test-db',
      ...(process.getuid?.() === 0 ? ['--user=root'] : []),
    ]);
    await this.start();
  }

  async start(): Promise<void> {
    this.process.spawn();
    running.add(this);
    await eventually(
      `MariaDB on port ${this.port}`,
      async () => {
        const early = this.process.exitedEarly();
        if (early) throw new GiveUp(early);
        const connection = await createConnection(this.rootUrl);
        await connection.query('SELECT 1');
        await connection.end();
        return true;
      },
      { timeoutMs: 60_000, retryErrors: true },
    );
  }

  /** A crash: SIGKILL, no clean shutdown; InnoDB recovers at the next start. */
  kill9(): Promise<void> {
    return this.process.kill9();
  }

  async createDatabase(name: string): Promise<void> {
    const connection = await createConnection(this.rootUrl);
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await connection.end();
  }

  async stop(): Promise<void> {
    await this.process.stop();
    running.delete(this);
    rmSync(this.dir, { recursive: true, force: true });
  }

  killNow(): void {
    this.process.killNow();
  }
}

/** A Redis of our own, without persistence: a restart starts it empty, as a lost cache node would. */
export class PrivateRedis implements Stoppable {
  readonly dir = mkdtempSync(join(tmpdir(), 'hoctap-faults-redis-'));
  private readonly process: OwnedProcess;

  constructor(readonly port: number) {
    this.process = new OwnedProcess('redis-server', 'redis-server', () => [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      this.dir,
    ]);
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  async start(): Promise<void> {
    this.process.spawn();
    running.add(this);
    await eventually(
      `Redis on port ${this.port}`,
      async () => {
        const early = this.process.exitedEarly();
        if (early) throw new GiveUp(early);
        const client = new Redis(this.url, {
          lazyConnect: true,
          maxRetriesPerRequest: 0,
          retryStrategy: () => null,
        });
        try {
          await client.connect();
          return (await client.ping()) === 'PONG';
        } finally {
          client.disconnect();
        }
      },
      { timeoutMs: 60_000, retryErrors: true },
    );
  }

  kill9(): Promise<void> {
    return this.process.kill9();
  }

  async stop(): Promise<void> {
    await this.process.stop();
    running.delete(this);
    rmSync(this.dir, { recursive: true, force: true });
  }

  killNow(): void {
    this.process.killNow();
  }
}

/** Settings every app process of one fault environment shares (one database, one Redis, one secret). */
export interface AppSettings {
  DATABASE_URL: string;
  REDIS_URL: string;
  [name: string]: string;
}

/** `node dist/main.js` (web) or `node dist/worker.js` (worker) with the environment's settings. */
export class AppProcess implements Stoppable {
  private readonly process: OwnedProcess;
  readonly baseUrl: string;
  starts = 0;

  constructor(
    readonly kind: 'web' | 'worker',
    readonly name: string,
    settings: AppSettings,
    readonly port = 0,
  ) {
    const entry = join(APP_ROOT, 'dist', kind === 'web' ? 'main.js' : 'worker.js');
    if (!existsSync(entry))
      throw new Error(`${entry} is missing: run \`npm run build\` first (npm test does).`);
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.process = new OwnedProcess(
      name,
      process.execPath,
      () => [entry],
      () => {
        const env: NodeJS.ProcessEnv = {};
        // Nothing from the shell's own hoctap settings: only PATH-like basics and ours.
        for (const name of ['PATH', 'HOME', 'LANG', 'TZ'])
          if (process.env[name]) env[name] = process.env[name];
        // The worker has no /health: it is ready when it logs "worker started" (at level info).
        return kind === 'web'
          ? { ...env, ...settings, PORT: String(port), PUBLIC_URL: this.baseUrl }
          : { ...env, ...settings, LOG_LEVEL: 'info' };
      },
    );
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  get output(): string {
    return this.process.output;
  }

  /** Starts the process and waits until it is ready: /health answers (web) or it logged "worker started". */
  async start(): Promise<void> {
    this.process.output = '';
    this.process.spawn();
    this.starts++;
    await eventually(
      `${this.name} to start`,
      async () => {
        const early = this.process.exitedEarly();
        if (early) throw new GiveUp(early);
        if (this.kind === 'worker') return this.process.output.includes('worker started');
        const res = await fetch(`${this.baseUrl}/health`);
        return res.ok;
      },
      { timeoutMs: 90_000, retryErrors: true },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n--- ${this.name} output ---\n${this.process.output}`);
    });
  }

  /** Starts the process without waiting for it to be ready. */
  spawn(): void {
    this.process.output = '';
    this.process.spawn();
    this.starts++;
  }

  kill9(): Promise<void> {
    return this.process.kill9();
  }

  stop(): Promise<void> {
    return this.process.stop();
  }

  killNow(): void {
    this.process.killNow();
  }
}

/**
 * One fault environment: a private MariaDB with a migrated database `hoctap`, a private Redis,
 * shared settings for the app processes, a DataSource on the database for the test itself.
 */
export class FaultEnvironment {
  readonly dir = mkdtempSync(join(tmpdir(), 'hoctap-faults-'));
  readonly settings: AppSettings;
  readonly apps: AppProcess[] = [];
  db!: DataSource;

  private constructor(
    readonly mariadb: PrivateMariaDb,
    readonly redis: PrivateRedis,
    extra: Record<string, string>,
  ) {
    mkdirSync(join(this.dir, 'uploads'), { recursive: true });
    this.settings = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      DATA_DIR: join(this.dir, 'data'),
      UPLOAD_DIR: join(this.dir, 'uploads'),
      DATABASE_URL: mariadb.url('hoctap'),
      DATABASE_POOL_SIZE: '10',
      MIGRATE_ON_START: 'false',
      SEED_DEMO: 'false',
      REDIS_URL: redis.url,
      QUEUE_PREFIX: 'hoctap-faults',
      SESSION_SECRET: randomBytes(32).toString('base64'),
      PII_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      PII_HMAC_KEY: randomBytes(32).toString('base64'),
      ...extra,
    };
  }

  /** Starts MariaDB and Redis, creates and migrates the database with the built CLI (dist/cli/migrate.js). */
  static async start(extra: Record<string, string> = {}): Promise<FaultEnvironment> {
    const mariadb = new PrivateMariaDb(await freePort());
    const redis = new PrivateRedis(await freePort());
    const env = new FaultEnvironment(mariadb, redis, extra);
    try {
      await Promise.all([mariadb.init(), redis.start()]);
      await mariadb.createDatabase('hoctap');
      await env.cli('migrate.js');
      env.db = createDataSource(parseDatabaseConfig({ DATABASE_URL: env.settings.DATABASE_URL }), [
        join(ROOT, 'src', '**', '*.entity.ts'),
      ]);
      await env.db.initialize();
      await ensureLearningDomains(env.db);
      return env;
    } catch (error) {
      await env.stop();
      throw error;
    }
  }

  /** Runs a built CLI (dist/cli/<name>) against this environment. */
  async cli(name: string, args: string[] = []): Promise<string> {
    const { stdout } = await run(process.execPath, [join(APP_ROOT, 'dist', 'cli', name), ...args], {
      cwd: APP_ROOT,
      env: { PATH: process.env.PATH, ...this.settings },
      maxBuffer: 10 * 1024 * 1024,
    });
    return stdout;
  }

  async web(name = 'web'): Promise<AppProcess> {
    const app = new AppProcess('web', name, this.settings, await freePort());
    this.apps.push(app);
    await app.start();
    return app;
  }

  async worker(name = 'worker', start = true): Promise<AppProcess> {
    const app = new AppProcess('worker', name, this.settings);
    this.apps.push(app);
    if (start) await app.start();
    return app;
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    return Number((await this.db.query(sql, params))[0].n);
  }

  /** Stops every app process, the DataSource, Redis and MariaDB, and removes their files. */
  async stop(): Promise<void> {
    await Promise.all(this.apps.map((a) => a.stop().catch(() => undefined)));
    if (this.db?.isInitialized) await this.db.destroy().catch(() => undefined);
    await Promise.all([this.redis.stop(), this.mariadb.stop()]);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
