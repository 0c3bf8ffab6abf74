import { join } from 'node:path';
import { registerAs } from '@nestjs/config';
import { bool, ConfigError, dataDir, Env, int, optionalStr, readEnv, url } from './env';

export type DatabaseConfig =
  | { type: 'sqlite'; file: string; migrateOnStart: boolean; logQueries: boolean }
  | {
      type: 'mysql';
      url: string;
      replicaUrls: string[];
      /** After a write, the same browser's reads go to the primary this long (DATABASE_PRIMARY_AFTER_WRITE_SECONDS). */
      primaryAfterWriteSeconds: number;
      poolSize: number;
      migrateOnStart: boolean;
      logQueries: boolean;
    };

export function parseDatabaseConfig(env: Env): DatabaseConfig {
  const logQueries = bool(env, 'DATABASE_LOG_QUERIES', false);
  const mysqlUrl = url(env, 'DATABASE_URL', ['mysql', 'mariadb']);
  if (!mysqlUrl) {
    const file = optionalStr(env, 'SQLITE_FILE') ?? join(dataDir(env), 'hoctap.sqlite');
    return { type: 'sqlite', file, migrateOnStart: bool(env, 'MIGRATE_ON_START', true), logQueries };
  }
  if (!mysqlUrl.pathname || mysqlUrl.pathname === '/') {
    throw new ConfigError('DATABASE_URL', 'must name a database, e.g. mysql://user:pass@host:3306/hoctap');
  }
  const replicaUrls = (optionalStr(env, 'DATABASE_REPLICA_URLS') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  replicaUrls.forEach((replica, i) =>
    url({ [`DATABASE_REPLICA_URLS[${i}]`]: replica }, `DATABASE_REPLICA_URLS[${i}]`, ['mysql', 'mariadb']),
  );
  return {
    type: 'mysql',
    url: mysqlUrl.toString().replace(/^mariadb:/, 'mysql:'),
    replicaUrls: replicaUrls.map((r) => r.replace(/^mariadb:/, 'mysql:')),
    primaryAfterWriteSeconds: int(env, 'DATABASE_PRIMARY_AFTER_WRITE_SECONDS', 5, { min: 0, max: 3600 }),
    poolSize: int(env, 'DATABASE_POOL_SIZE', 10, { min: 1, max: 500 }),
    migrateOnStart: bool(env, 'MIGRATE_ON_START', false),
    logQueries,
  };
}

export const databaseConfig = registerAs('database', (): DatabaseConfig => parseDatabaseConfig(readEnv()));
