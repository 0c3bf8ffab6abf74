import { DataSource, DataSourceOptions } from 'typeorm';
import { DatabaseConfig, prepareSqliteFile } from '../config';
import { migrations } from './migrations';
import { RoutedDataSource } from './read-routing';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * One description of the database for the web process, the job process and the CLI.
 * Schema changes go through migrations only; synchronize stays off everywhere.
 */
export function dataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  const common = {
    migrations,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: config.logQueries,
  } as const;
  if (config.type === 'sqlite') {
    // Owner-only before SQLite opens it; its -wal and -shm files take the same permissions.
    prepareSqliteFile(config.file);
    return {
      ...common,
      type: 'better-sqlite3',
      database: config.file,
      enableWAL: true,
      // Another process (the CLI, a test) may hold the write lock for a moment.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('busy_timeout = 5000');
      },
    };
  }
  const mysql = {
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: false,
  };
  if (config.replicaUrls.length > 0) {
    return {
      ...common,
      ...mysql,
      type: 'mysql',
      poolSize: config.poolSize,
      // Which reads go to a replica is decided by RoutedDataSource (read-routing.ts): by default none.
      replication: {
        master: { url: config.url },
        slaves: config.replicaUrls.map((url) => ({ url })),
      },
    };
  }
  return { ...common, ...mysql, type: 'mysql', url: config.url, poolSize: config.poolSize };
}

export function createDataSource(
  config: DatabaseConfig,
  entities: DataSourceOptions['entities'] = [],
): DataSource {
  return new RoutedDataSource({ ...dataSourceOptions(config), entities } as DataSourceOptions);
}
