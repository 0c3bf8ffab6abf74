import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAppConfig } from './app.config';
import { parseDatabaseConfig } from './database.config';
import { ConfigError } from './env';
import { parseRedisConfig, usesRedis } from './redis.config';
import { parseSecurityConfig } from './security.config';
import { parseUploadsConfig } from './uploads.config';

/** The ConfigError a parse throws, so a test can say which variable it names. */
function configError(parse: () => unknown): ConfigError {
  try {
    parse();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError, but the value was accepted');
}

const key = () => randomBytes(32).toString('base64');

describe('configuration', () => {
  // Generated development secrets go to DATA_DIR: a temporary one keeps them out of the work tree.
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'hoctap-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  describe(parseAppConfig.name, () => {
    it('has working defaults with nothing set, and keeps a generated session secret across restarts', () => {
      const sut = parseAppConfig({ DATA_DIR: dataDir });
      expect(sut).toMatchObject({
        env: 'development',
        host: '0.0.0.0',
        port: 3000,
        publicUrl: 'http://localhost:3000',
        dataDir,
        trustProxy: 0,
        cookieSecure: false,
        sessionIdleMinutes: 30,
        sessionAbsoluteHours: 12,
        logLevel: 'info',
        seedDemoOnStart: true,
        apiDocsPublic: false,
        throttle: { loginFailuresPerAccount: 5, loginFailuresPerAddress: 30, lockMinutes: 15 },
      });
      expect(Buffer.from(sut.sessionSecret, 'base64')).toHaveLength(32);
      expect(JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')).SESSION_SECRET).toBe(
        sut.sessionSecret,
      );
      expect(parseAppConfig({ DATA_DIR: dataDir }).sessionSecret).toBe(sut.sessionSecret);
    });

    it('derives the public URL and Secure cookies from PUBLIC_URL, and turns demo seeding off on MySQL', () => {
      const sut = parseAppConfig({
        DATA_DIR: dataDir,
        PORT: '8080',
        PUBLIC_URL: 'https://hoctap.example.vn/',
        DATABASE_URL: 'mysql://u:p@db:3306/hoctap',
      });
      expect(sut).toMatchObject({ port: 8080, publicUrl: 'https://hoctap.example.vn', cookieSecure: true });
      expect(sut.seedDemoOnStart).toBe(false);
      expect(parseAppConfig({ DATA_DIR: dataDir, PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    });

    it.each(['abc', '0', '70000', '80.5'])('refuses PORT=%s and names PORT', (port) => {
      const error = configError(() => parseAppConfig({ DATA_DIR: dataDir, PORT: port }));
      expect(error.variable).toBe('PORT');
      expect(error.message).toMatch(/^Invalid configuration: PORT /);
    });

    it('refuses to start in production without SESSION_SECRET, and writes no generated one', () => {
      const error = configError(() => parseAppConfig({ DATA_DIR: dataDir, NODE_ENV: 'production' }));
      expect(error.variable).toBe('SESSION_SECRET');
      expect(error.message).toBe(
        'Invalid configuration: SESSION_SECRET is required when NODE_ENV=production',
      );
      expect(existsSync(join(dataDir, 'secrets.json'))).toBe(false);
      const sut = parseAppConfig({
        DATA_DIR: dataDir,
        NODE_ENV: 'production',
        SESSION_SECRET: 'from-the-vault',
      });
      expect(sut.sessionSecret).toBe('from-the-vault');
    });

    it('names the variable of a bad choice or flag', () => {
      expect(configError(() => parseAppConfig({ DATA_DIR: dataDir, NODE_ENV: 'staging' })).variable).toBe(
        'NODE_ENV',
      );
      expect(configError(() => parseAppConfig({ DATA_DIR: dataDir, COOKIE_SECURE: 'maybe' })).variable).toBe(
        'COOKIE_SECURE',
      );
      expect(configError(() => parseAppConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'ftp://x' })).variable).toBe(
        'PUBLIC_URL',
      );
      expect(configError(() => parseAppConfig({ DATA_DIR: dataDir, API_DOCS_PUBLIC: 'ja' })).variable).toBe(
        'API_DOCS_PUBLIC',
      );
    });

    it('serves the API docs to signed-in callers only unless API_DOCS_PUBLIC is on', () => {
      expect(parseAppConfig({ DATA_DIR: dataDir }).apiDocsPublic).toBe(false);
      expect(parseAppConfig({ DATA_DIR: dataDir, API_DOCS_PUBLIC: 'true' }).apiDocsPublic).toBe(true);
    });
  });

  describe(parseDatabaseConfig.name, () => {
    it('uses the embedded SQLite file under DATA_DIR with nothing set, migrating at start', () => {
      expect(parseDatabaseConfig({})).toEqual({
        type: 'sqlite',
        file: join(resolve('./data'), 'hoctap.sqlite'),
        migrateOnStart: true,
        logQueries: false,
      });
      expect(parseDatabaseConfig({ DATA_DIR: dataDir })).toMatchObject({
        file: join(dataDir, 'hoctap.sqlite'),
      });
    });

    it.each(['mysql', 'mariadb'])(
      'accepts a %s:// DATABASE_URL, with replicas, and leaves migrating to the CLI',
      (scheme) => {
        const sut = parseDatabaseConfig({
          DATABASE_URL: `${scheme}://hoctap:secret@db.internal:3306/hoctap`,
          DATABASE_REPLICA_URLS: `${scheme}://r1:3306/hoctap, ${scheme}://r2:3306/hoctap`,
          DATABASE_POOL_SIZE: '25',
        });
        expect(sut).toEqual({
          type: 'mysql',
          url: 'mysql://hoctap:secret@db.internal:3306/hoctap',
          replicaUrls: ['mysql://r1:3306/hoctap', 'mysql://r2:3306/hoctap'],
          primaryAfterWriteSeconds: 5,
          poolSize: 25,
          migrateOnStart: false,
          logQueries: false,
        });
      },
    );

    it('refuses a postgres:// DATABASE_URL and names DATABASE_URL', () => {
      const error = configError(() => parseDatabaseConfig({ DATABASE_URL: 'postgres://u:p@db:5432/hoctap' }));
      expect(error.variable).toBe('DATABASE_URL');
      expect(error.message).toBe(
        'Invalid configuration: DATABASE_URL must start with mysql:// or mariadb://',
      );
    });

    it('refuses a DATABASE_URL without a database name, a bad replica, a bad pool size and a negative stickiness', () => {
      expect(configError(() => parseDatabaseConfig({ DATABASE_URL: 'mysql://db:3306' })).variable).toBe(
        'DATABASE_URL',
      );
      expect(
        configError(() =>
          parseDatabaseConfig({ DATABASE_URL: 'mysql://db/h', DATABASE_REPLICA_URLS: 'redis://r1' }),
        ).variable,
      ).toBe('DATABASE_REPLICA_URLS[0]');
      expect(
        configError(() =>
          parseDatabaseConfig({ DATABASE_URL: 'mysql://db/h', DATABASE_PRIMARY_AFTER_WRITE_SECONDS: '-1' }),
        ).variable,
      ).toBe('DATABASE_PRIMARY_AFTER_WRITE_SECONDS');
      expect(
        parseDatabaseConfig({ DATABASE_URL: 'mysql://db/h', DATABASE_PRIMARY_AFTER_WRITE_SECONDS: '30' }),
      ).toMatchObject({ primaryAfterWriteSeconds: 30 });
      expect(
        configError(() => parseDatabaseConfig({ DATABASE_URL: 'mysql://db/h', DATABASE_POOL_SIZE: '0' }))
          .variable,
      ).toBe('DATABASE_POOL_SIZE');
    });
  });

  describe(parseRedisConfig.name, () => {
    it('has no Redis with nothing set: jobs in-process', () => {
      expect(parseRedisConfig({})).toEqual({
        url: undefined,
        queuePrefix: 'hoctap',
        jobConcurrency: 2,
        jobLockMs: 30_000,
        jobStalledCheckMs: 30_000,
        jobMaxStalled: 3,
        jobRunRetentionDays: 30,
      });
    });

    it('reads REDIS_URL (redis:// or rediss://), QUEUE_PREFIX and JOB_CONCURRENCY', () => {
      expect(
        parseRedisConfig({
          REDIS_URL: 'redis://:pw@cache:6380/2',
          QUEUE_PREFIX: 'tinh',
          JOB_CONCURRENCY: '8',
        }),
      ).toMatchObject({ url: 'redis://:pw@cache:6380/2', queuePrefix: 'tinh', jobConcurrency: 8 });
      expect(parseRedisConfig({ REDIS_URL: 'rediss://cache.example.vn:6379' }).url).toBe(
        'rediss://cache.example.vn:6379',
      );
    });

    it('names REDIS_URL when it is not a Redis URL, and JOB_CONCURRENCY when out of range', () => {
      expect(configError(() => parseRedisConfig({ REDIS_URL: 'http://cache:6379' })).variable).toBe(
        'REDIS_URL',
      );
      expect(configError(() => parseRedisConfig({ REDIS_URL: 'not a url' })).message).toBe(
        'Invalid configuration: REDIS_URL is not a valid URL',
      );
      expect(configError(() => parseRedisConfig({ JOB_CONCURRENCY: '100' })).variable).toBe(
        'JOB_CONCURRENCY',
      );
    });

    it('reads how jobs of a dead worker are handed out again, and names a value out of range', () => {
      expect(
        parseRedisConfig({ JOB_LOCK_MS: '4000', JOB_STALLED_CHECK_MS: '1000', JOB_MAX_STALLED: '25' }),
      ).toMatchObject({ jobLockMs: 4000, jobStalledCheckMs: 1000, jobMaxStalled: 25 });
      expect(configError(() => parseRedisConfig({ JOB_LOCK_MS: '10' })).variable).toBe('JOB_LOCK_MS');
      expect(configError(() => parseRedisConfig({ JOB_MAX_STALLED: '-1' })).variable).toBe('JOB_MAX_STALLED');
    });

    it('reads a Redis Cluster from REDIS_CLUSTER_NODES, with a hash-tagged queue prefix by default', () => {
      const sut = parseRedisConfig({
        REDIS_CLUSTER_NODES: '10.0.0.1:7001, redis-2.tinh.vn:7002,[::1]:7003',
        REDIS_CLUSTER_PASSWORD: 'pw',
      });
      expect(sut).toMatchObject({
        url: undefined,
        clusterNodes: [
          { host: '10.0.0.1', port: 7001 },
          { host: 'redis-2.tinh.vn', port: 7002 },
          { host: '::1', port: 7003 },
        ],
        clusterPassword: 'pw',
        queuePrefix: '{hoctap}',
      });
      expect(usesRedis(sut)).toBe(true);
      expect(usesRedis(parseRedisConfig({}))).toBe(false);
      expect(
        parseRedisConfig({ REDIS_CLUSTER_NODES: '127.0.0.1:7001', QUEUE_PREFIX: 'tinh-{hcm}' }).queuePrefix,
      ).toBe('tinh-{hcm}');
    });

    it('refuses a cluster whose queue prefix is not a hash tag, and says which prefix would do', () => {
      for (const prefix of ['hoctap', '{}hoctap', 'hoc}tap{']) {
        const error = configError(() =>
          parseRedisConfig({ REDIS_CLUSTER_NODES: '127.0.0.1:7001', QUEUE_PREFIX: prefix }),
        );
        expect(error.variable).toBe('QUEUE_PREFIX');
      }
      expect(
        configError(() => parseRedisConfig({ REDIS_CLUSTER_NODES: '127.0.0.1:7001', QUEUE_PREFIX: 'hoctap' }))
          .message,
      ).toBe(
        'Invalid configuration: QUEUE_PREFIX must be a hash tag such as {hoctap} when REDIS_CLUSTER_NODES is set ' +
          '(Bull needs every key of a queue in one hash slot of the cluster), got "hoctap"',
      );
      // One server needs no tag.
      expect(parseRedisConfig({ REDIS_URL: 'redis://cache:6379', QUEUE_PREFIX: 'hoctap' }).queuePrefix).toBe(
        'hoctap',
      );
    });

    it('names REDIS_CLUSTER_NODES when a node is not host:port, or when REDIS_URL is set too', () => {
      for (const nodes of ['127.0.0.1', '127.0.0.1:0', 'redis://a:7001', '127.0.0.1:7001,,127.0.0.1:7002']) {
        expect(configError(() => parseRedisConfig({ REDIS_CLUSTER_NODES: nodes })).variable).toBe(
          'REDIS_CLUSTER_NODES',
        );
      }
      expect(
        configError(() =>
          parseRedisConfig({ REDIS_CLUSTER_NODES: '127.0.0.1:7001', REDIS_URL: 'redis://127.0.0.1:6379' }),
        ).message,
      ).toMatch(/^Invalid configuration: REDIS_CLUSTER_NODES cannot be set together with REDIS_URL/);
    });

    it('reads JOB_RUN_RETENTION_DAYS and names it when below a day or not a number', () => {
      expect(parseRedisConfig({ JOB_RUN_RETENTION_DAYS: '90' }).jobRunRetentionDays).toBe(90);
      expect(configError(() => parseRedisConfig({ JOB_RUN_RETENTION_DAYS: '0' })).message).toBe(
        'Invalid configuration: JOB_RUN_RETENTION_DAYS must be between 1 and 3650, got 0',
      );
      expect(configError(() => parseRedisConfig({ JOB_RUN_RETENTION_DAYS: 'a month' })).variable).toBe(
        'JOB_RUN_RETENTION_DAYS',
      );
    });
  });

  describe(parseSecurityConfig.name, () => {
    it('generates and keeps development keys with nothing set', () => {
      const sut = parseSecurityConfig({ DATA_DIR: dataDir });
      expect(sut.piiKeys).toHaveLength(1);
      expect(sut.piiKeys[0].id).toBe('k1');
      expect(sut.piiKeys[0].key).toHaveLength(32);
      expect(sut.piiHmacKey).toHaveLength(32);
      expect(parseSecurityConfig({ DATA_DIR: dataDir }).piiHmacKey.equals(sut.piiHmacKey)).toBe(true);
    });

    it('reads rotated keys newest first', () => {
      const [k2, k1, hmac] = [key(), key(), key()];
      const sut = parseSecurityConfig({ PII_ENCRYPTION_KEYS: `k2:${k2},k1:${k1}`, PII_HMAC_KEY: hmac });
      expect(sut.piiKeys.map((k) => k.id)).toEqual(['k2', 'k1']);
      expect(sut.piiKeys[0].key.equals(Buffer.from(k2, 'base64'))).toBe(true);
    });

    it.each([
      ['a key of the wrong length', `k1:${randomBytes(16).toString('base64')}`],
      ['a malformed list', 'k1:,k2'],
      ['the same key id twice', `k1:${key()},k1:${key()}`],
    ])('names PII_ENCRYPTION_KEYS for %s', (_case, value) => {
      const error = configError(() =>
        parseSecurityConfig({ PII_ENCRYPTION_KEYS: value, PII_HMAC_KEY: key() }),
      );
      expect(error.variable).toBe('PII_ENCRYPTION_KEYS');
    });

    it('names PII_HMAC_KEY when it is not 32 bytes, and requires both keys in production', () => {
      expect(
        configError(() =>
          parseSecurityConfig({ PII_ENCRYPTION_KEYS: `k1:${key()}`, PII_HMAC_KEY: 'c2hvcnQ=' }),
        ).variable,
      ).toBe('PII_HMAC_KEY');
      expect(configError(() => parseSecurityConfig({ NODE_ENV: 'production' })).variable).toBe(
        'PII_ENCRYPTION_KEYS',
      );
      expect(
        configError(() => parseSecurityConfig({ NODE_ENV: 'production', PII_ENCRYPTION_KEYS: `k1:${key()}` }))
          .variable,
      ).toBe('PII_HMAC_KEY');
    });
  });

  describe(parseUploadsConfig.name, () => {
    it('keeps uploads under DATA_DIR, 50 MB each, import files 7 days, with nothing set', () => {
      expect(parseUploadsConfig({})).toEqual({
        dir: join(resolve('./data'), 'uploads'),
        maxFileBytes: 50 * 1024 * 1024,
        importFileRetentionDays: 7,
      });
    });

    it('reads IMPORT_FILE_RETENTION_DAYS (0 = at once) and names it when out of range', () => {
      expect(parseUploadsConfig({ IMPORT_FILE_RETENTION_DAYS: '0' }).importFileRetentionDays).toBe(0);
      expect(parseUploadsConfig({ IMPORT_FILE_RETENTION_DAYS: '30' }).importFileRetentionDays).toBe(30);
      for (const bad of ['-1', 'soon', '3651'])
        expect(configError(() => parseUploadsConfig({ IMPORT_FILE_RETENTION_DAYS: bad })).variable).toBe(
          'IMPORT_FILE_RETENTION_DAYS',
        );
    });

    it('reads UPLOAD_DIR and UPLOAD_MAX_MB, and names UPLOAD_MAX_MB when out of range', () => {
      expect(parseUploadsConfig({ UPLOAD_DIR: '/srv/hoctap/uploads', UPLOAD_MAX_MB: '5' })).toMatchObject({
        dir: '/srv/hoctap/uploads',
        maxFileBytes: 5 * 1024 * 1024,
      });
      expect(configError(() => parseUploadsConfig({ UPLOAD_MAX_MB: '0' })).variable).toBe('UPLOAD_MAX_MB');
    });
  });
});
