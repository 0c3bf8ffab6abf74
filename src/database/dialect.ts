import { DataSource, EntityManager, InsertResult, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * What differs between the embedded SQLite (better-sqlite3) and MySQL/MariaDB (mysql2), in one
 * place: how raw query results and parameters hold dates, row locks, and upserts.
 */

/** The SQL a server takes where the three differ. */
export type Dialect = 'sqlite' | 'mariadb' | 'mysql';

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

/*
 * Upserts. SQLite says ON CONFLICT (key) DO UPDATE and names the new row `excluded`. MySQL and
 * MariaDB say ON DUPLICATE KEY UPDATE, but refer to the new row differently: MariaDB (10.11 too)
 * only has VALUES(col); MySQL deprecates that from 8.0.20 for a row alias, `VALUES (…) AS new`
 * (since 8.0.19), which MariaDB rejects. No one syntax serves both, so the server is asked.
 */

/** A single-row INSERT that updates the row already holding its key instead. */
export interface Upsert {
  table: string;
  /** The columns inserted, in the order of the parameters. */
  columns: string[];
  /** The columns of the unique key that may clash (SQLite names them; MySQL finds them). */
  key: string[];
  /** The assignments on a clash, written with `incoming(column)` for the value the INSERT brought. */
  set: (incoming: (column: string) => string) => string[];
}

export function upsertSql(dialect: Dialect, upsert: Upsert): string {
  const marks = upsert.columns.map(() => '?').join(', ');
  const insert = `INSERT INTO ${upsert.table} (${upsert.columns.join(', ')}) VALUES (${marks})`;
  switch (dialect) {
    case 'sqlite':
      return `${insert} ON CONFLICT (${upsert.key.join(', ')}) DO UPDATE SET ${upsert.set((c) => `excluded.${c}`).join(', ')}`;
    case 'mariadb':
      return `${insert} ON DUPLICATE KEY UPDATE ${upsert.set((c) => `VALUES(${c})`).join(', ')}`;
    case 'mysql':
      return `${insert} AS new ON DUPLICATE KEY UPDATE ${upsert.set((c) => `new.${c}`).join(', ')}`;
  }
}

/** Runs the upsert in the manager's transaction, in the server's syntax. */
export async function upsert(manager: EntityManager, upsert: Upsert, parameters: unknown[]): Promise<void> {
  await manager.query(upsertSql(await dialectOf(manager), upsert), parameters);
}

/**
 * The dialect of a server from SELECT VERSION(): 'mariadb' for MariaDB and for MySQL before 8.0.19,
 * which both want VALUES(col); 'mysql' from 8.0.19 on.
 */
export function dialectOfVersion(version: string): Exclude<Dialect, 'sqlite'> {
  if (/mariadb/i.test(version)) return 'mariadb';
  const [major = 0, minor = 0, patch = 0] = (/^(\d+)\.(\d+)\.(\d+)/.exec(version) ?? []).slice(1).map(Number);
  return major * 10_000 + minor * 100 + patch >= 80_019 ? 'mysql' : 'mariadb';
}

const dialects = new WeakMap<DataSource, Promise<Dialect>>();

/**
 * The dialect of the manager's database. The server is asked once per data source, on first use,
 * through the manager itself: inside a transaction another pooled connection could be a wait.
 */
export function dialectOf(manager: EntityManager): Promise<Dialect> {
  const dataSource = manager.connection;
  if (isSqlite(dataSource)) return Promise.resolve('sqlite');
  let dialect = dialects.get(dataSource);
  if (!dialect) {
    dialect = manager
      .query('SELECT VERSION() AS version')
      .then((rows: { version: string }[]) => dialectOfVersion(String(rows[0].version)));
    // A failed question (a broken connection) is asked again next time rather than remembered.
    dialect.catch(() => dialects.delete(dataSource));
    dialects.set(dataSource, dialect);
  }
  return dialect;
}

/** The new row's id from an insert into a table named by string or without reading the row back
 * (`updateEntity(false)`): the driver's own answer, MySQL's insertId or SQLite's last row id. */
export function insertedId(result: InsertResult): number {
  const raw = result.raw as { insertId?: number } | number | undefined;
  const id = result.identifiers[0]?.id ?? (typeof raw === 'number' ? raw : raw?.insertId);
  if (!id) throw new Error('Insert returned no id');
  return Number(id);
}
