import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { parseDatabaseConfig } from '../../src/config/database.config';
import { createDataSource } from '../../src/database/data-source';
import { MYSQL_ROOT_URL, mysqlUrl, TEST_DATABASE, TEST_REDIS_URL } from './services';

/** Integration tests: a fresh MariaDB database, migrated once, shared by every test file. */
export default async function globalSetup(): Promise<void> {
  const connection = await createConnection(MYSQL_ROOT_URL);
  await connection.query(`DROP DATABASE IF EXISTS \`${TEST_DATABASE}\``);
  await connection.query(
    `CREATE DATABASE \`${TEST_DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await connection.end();
  const dataSource = createDataSource(parseDatabaseConfig({ DATABASE_URL: mysqlUrl() }));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  await removeOldTestQueues();
}

/** Bull keys left by earlier test runs (test-app.ts: TEST_QUEUE_PREFIX); nothing else in Redis is touched. */
async function removeOldTestQueues(): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 3 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', 'hoctap-test-*', 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
