import { HIDDEN_COLUMNS, Row } from './personal-data.repository';

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** A database value as it reads in an export: dates in ISO 8601, everything else as stored. */
export function exportValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return value;
}

/** One row for an export: camelCase keys, no keys or hashes, plain values. */
export function exportRow(row: Row): Row {
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) {
    if (HIDDEN_COLUMNS.has(column)) continue;
    out[camel(column)] = exportValue(value);
  }
  return out;
}

/** Rows of different shapes as one table: the union of their keys, in first-seen order. */
export function tableOf(rows: Row[]): { columns: string[]; cells: unknown[][] } {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  return { columns, cells: rows.map((row) => columns.map((c) => cellValue(row[c]))) };
}

/** What a spreadsheet cell can hold: objects become JSON, nothing becomes an empty cell. */
export function cellValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
