import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * What differs between the embedded SQLite (better-sqlite3) and MySQL/MariaDB (mysql2), in one
 * place: how raw query results and parameters hold dates, and row locks.
 */

export function isSqlite(dataSource: DataSource): boolean {
  return dataSource.options.type === 'better-sqlite3';
}

/**
 * A DATE column read raw: 'YYYY-MM-DD' from SQLite, a Date at UTC midnight from mysql2 (the
 * connection's time zone is 'Z').
 */
export function dateOnly(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

/**
 * A DATETIME column read raw: a Date from mysql2; from SQLite the UTC text TypeORM wrote,
 * 'YYYY-MM-DD HH:MM:SS[.mmm]' without a zone. Text that names its zone is read as it says.
 */
export function dateTime(value: Date | string): Date;
export function dateTime(value: null | undefined): null;
export function dateTime(value: unknown): Date | null;
export function dateTime(value: unknown): Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/**
 * A Date as a raw query parameter: mysql2 converts it itself; better-sqlite3 cannot bind a Date
 * and gets the UTC text TypeORM writes for entities, so both compare with stored values.
 */
export function dateTimeParam(dataSource: DataSource, value: Date): Date | string {
  return isSqlite(dataSource) ? value.toISOString().replace('T', ' ').replace('Z', '') : value;
}

/*
 * Locks. SQLite runs one write transaction at a time, so it neither needs nor has row locks;
 * MySQL/MariaDB take them where two transactions could otherwise read the same row and race.
 */

/** The query's rows locked for update until the transaction ends (MySQL/MariaDB). */
export function lockForUpdate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  if (!isSqlite(query.connection)) query.setLock('pessimistic_write');
  return query;
}

/** Locks one row by id until the transaction ends (MySQL/MariaDB), to serialise work under it. */
export async function lockRow(manager: EntityManager, table: string, id: number): Promise<void> {
  if (!isSqlite(manager.connection))
    await manager.query(`SELECT id FROM ${table} WHERE id = ? FOR UPDATE`, [id]);
}

/**
 * The end of a raw SELECT that reads the latest committed rows and keeps them from changing until
 * the transaction ends (MySQL/MariaDB). LOCK IN SHARE MODE, not FOR SHARE: MariaDB lacks the latter.
 */
export function inShareMode(dataSource: DataSource): string {
  return isSqlite(dataSource) ? '' : ' LOCK IN SHARE MODE';
}
