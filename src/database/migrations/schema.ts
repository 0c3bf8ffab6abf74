import { QueryRunner, Table, TableColumnOptions, TableForeignKeyOptions, TableIndexOptions } from 'typeorm';

/**
 * Small helpers so that one migration describes a table once and TypeORM's schema builder writes
 * the SQL for SQLite and for MySQL/MariaDB.
 */
export const id = (name = 'id'): TableColumnOptions => ({
  name,
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});

export const ref = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
});
export const varchar = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
export const text = (name: string, nullable = true): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});
export const int = (name: string, defaultValue?: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
  ...(defaultValue === undefined ? {} : { default: defaultValue }),
});
export const decimal = (
  name: string,
  precision: number,
  scale: number,
  nullable = false,
): TableColumnOptions => ({
  name,
  type: 'decimal',
  precision,
  scale,
  isNullable: nullable,
});
export const bool = (name: string, defaultValue: boolean): TableColumnOptions => ({
  name,
  type: 'boolean',
  default: defaultValue,
});
export const date = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'date',
  isNullable: nullable,
});
/** Milliseconds kept (datetime(3)): session and job timestamps are compared at that precision. */
export const datetime = (name: string, nullable = true): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  isNullable: nullable,
});
export const timestamps = (): TableColumnOptions[] => [
  { name: 'created_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
  { name: 'updated_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
];

export const fk = (
  column: string,
  table: string,
  onDelete: TableForeignKeyOptions['onDelete'] = 'RESTRICT',
): TableForeignKeyOptions => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
});

export const index = (name: string, columns: string[], isUnique = false): TableIndexOptions => ({
  name,
  columnNames: columns,
  isUnique,
});

export async function createTable(
  queryRunner: QueryRunner,
  name: string,
  columns: TableColumnOptions[],
  extras: { indices?: TableIndexOptions[]; foreignKeys?: TableForeignKeyOptions[] } = {},
): Promise<void> {
  await queryRunner.createTable(
    new Table({ name, columns, indices: extras.indices, foreignKeys: extras.foreignKeys, engine: 'InnoDB' }),
    false,
    true,
    true,
  );
}

/** Long rich text: MEDIUMTEXT (16 MB) on MySQL, TEXT on SQLite (which has no length limit). */
export const longText = (q: QueryRunner, name: string, nullable = true): TableColumnOptions => ({
  name,
  type: q.connection.driver.options.type === 'mysql' ? 'mediumtext' : 'text',
  isNullable: nullable,
});

/** A composite-key column (join tables), e.g. a domain code in course_domains. */
export const key = (name: string, type: 'integer' | 'varchar', length?: number): TableColumnOptions => ({
  name,
  type,
  isPrimary: true,
  ...(length ? { length: String(length) } : {}),
});

/** Primary key of tables that grow to hundreds of millions of rows: BIGINT on MySQL. */
export const bigId = (q: QueryRunner, name = 'id'): TableColumnOptions => ({
  ...id(name),
  type: q.connection.driver.options.type === 'mysql' ? 'bigint' : 'integer',
});
