import { vietnamDateTime } from '../../common/time/vietnam-time';
import { dateTime } from '../../database/dialect';
import { HIDDEN_COLUMNS, Row } from './personal-data.repository';

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** What a date-like column holds: a calendar day (DATE) or an instant (DATETIME). */
export type DateKind = 'date' | 'instant';

/** Column name → what it holds; snake_case as in the database, camelCase as in the export. */
export type DateKinds = ReadonlyMap<string, DateKind>;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
/** An instant as SQLite keeps it: UTC text without a zone ('YYYY-MM-DD HH:MM:SS[.mmm]'). */
const SQLITE_INSTANT = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$/;

/**
 * A database value as it reads in an export, the same whichever database it came from. A DATE is
 * 'YYYY-MM-DD' (mysql2 hands it over as a Date at UTC midnight, the connection being in UTC;
 * better-sqlite3 as that text); an instant is Vietnam time with its offset (a Date from mysql2,
 * UTC text from SQLite). Everything else stays as stored.
 */
export function exportValue(value: unknown, kind?: DateKind): unknown {
  if (value === null || value === undefined) return value;
  if (kind === 'date') {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    const day = CALENDAR_DATE.exec(String(value));
    return day ? day[0] : value;
  }
  if (value instanceof Date) return vietnamDateTime(value);
  if (kind === 'instant' && typeof value === 'string' && SQLITE_INSTANT.test(value)) {
    const instant = dateTime(value);
    return Number.isNaN(instant.getTime()) ? value : vietnamDateTime(instant);
  }
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return value;
}

/** One row for an export: camelCase keys, no keys or hashes, plain values, dates as above. */
export function exportRow(row: Row, kinds: DateKinds = new Map()): Row {
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) {
    if (HIDDEN_COLUMNS.has(column)) continue;
    out[camel(column)] = exportValue(value, kinds.get(column));
  }
  return out;
}

/** The same kinds keyed by the export's camelCase names. */
export function camelKinds(kinds: DateKinds): DateKinds {
  return new Map([...kinds].map(([column, kind]) => [camel(column), kind]));
}

/** Rows of different shapes as one table: the union of their keys, in first-seen order. */
export function tableOf(
  rows: Row[],
  kinds: DateKinds = new Map(),
): { columns: string[]; cells: unknown[][] } {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  return { columns, cells: rows.map((row) => columns.map((c) => cellValue(row[c], kinds.get(c)))) };
}

/**
 * What a spreadsheet cell holds: dates as the app shows them — dd/MM/yyyy, and dd/MM/yyyy HH:mm in
 * Vietnam time for instants — objects as JSON, nothing as an empty cell.
 */
export function cellValue(value: unknown, kind?: DateKind): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (kind === 'date') {
      const day = CALENDAR_DATE.exec(value);
      if (day) return `${day[3]}/${day[2]}/${day[1]}`;
    }
    if (kind === 'instant') {
      const at = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}):\d{2}\+07:00$/.exec(value);
      if (at) return `${at[3]}/${at[2]}/${at[1]} ${at[4]}`;
    }
    return value;
  }
  return JSON.stringify(value);
}
