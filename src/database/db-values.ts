import { EntityManager } from 'typeorm';

/** A Date as a raw query parameter: mysql2 converts it; better-sqlite3 needs TypeORM's UTC text. */
export function dbDateTime(manager: EntityManager, value: Date): Date | string {
  return manager.connection.driver.options.type === 'mysql'
    ? value
    : value.toISOString().replace('T', ' ').replace('Z', '');
}
