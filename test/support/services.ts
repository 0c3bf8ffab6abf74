/** The real services tests run against (DEVELOPERS.md): MariaDB and Redis on this machine. */
export const MYSQL_ROOT_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const TEST_DATABASE = process.env.TEST_DATABASE ?? 'hoctap_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

export function mysqlUrl(database = TEST_DATABASE): string {
  return `${MYSQL_ROOT_URL}/${database}`;
}
