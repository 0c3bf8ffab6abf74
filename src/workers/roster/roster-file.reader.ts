import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline, Transform } from 'node:stream';
import { RosterFileKind } from '../entities/roster-import.entity';
import { CellValue } from './roster-values';
import { countXlsxRows } from './xlsx-rows';

export interface SheetRow {
  /** As the spreadsheet numbers it (the header is usually row 1). */
  rowNumber: number;
  cells: CellValue[];
}

/** The file as a whole cannot be read; `key` says why, in a message the officer can act on. */
export class RosterFileError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'RosterFileError';
  }
}

/** How far through the file the reader is, from 0 to 1. */
export type ProgressListener = (fraction: number) => void;

/**
 * Streams the rows of a roster file (the first worksheet of an XLSX, or a UTF-8 CSV) without
 * loading it whole, saying how far it has got so a progress bar can follow: by rows for XLSX
 * (counted beforehand, see countXlsxRows), by bytes for CSV.
 */
export async function* readRosterFile(
  path: string,
  kind: RosterFileKind,
  onProgress: ProgressListener = () => undefined,
): AsyncGenerator<SheetRow> {
  // A missing file is the server's problem (e.g. an upload directory not shared with the job
  // process), not the officer's: it fails as is, so the job is retried.
  await stat(path);
  if (kind === 'xlsx') yield* readXlsx(path, onProgress);
  else yield* readCsv(path, onProgress);
}

async function* readXlsx(path: string, onProgress: ProgressListener): AsyncGenerator<SheetRow> {
  const rowCount = await countXlsxRows(path);
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell date cells from number cells.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const worksheet of iterate<AsyncIterable<ExcelJS.Row>>(reader)) {
      sheets++;
      for await (const row of iterate<ExcelJS.Row>(worksheet)) {
        const values = row.values as unknown[];
        const cells: CellValue[] = [];
        for (let i = 1; i < values.length; i++) cells.push(flatten(values[i]));
        if (rowCount) onProgress(Math.min(1, row.number / rowCount));
        yield { rowNumber: row.number, cells };
      }
      break; // the first worksheet is the roster; others may hold notes
    }
  } catch (error) {
    throw error instanceof RosterFileError ? error : new RosterFileError('roster.error.unreadableXlsx');
  } finally {
    stream.destroy();
  }
  if (sheets === 0) throw new RosterFileError('roster.error.unreadableXlsx');
}

async function* readCsv(path: string, onProgress: ProgressListener): AsyncGenerator<SheetRow> {
  const delimiter = await sniffDelimiter(path);
  const { size } = await stat(path);
  const stream = countingStream(path, (bytes) => onProgress(bytes / Math.max(1, size)));
  const parser = stream.pipe(
    parse({ bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
  );
  let rowNumber = 0;
  try {
    for await (const record of iterate<string[]>(parser)) {
      rowNumber++;
      yield { rowNumber, cells: record.map((v) => (v === '' ? null : v)) };
    }
  } catch (error) {
    if (error instanceof RosterFileError) throw error;
    throw new RosterFileError('roster.error.unreadableCsv', { row: rowNumber + 1 });
  } finally {
    stream.destroy();
  }
}

/**
 * Excel saves CSV with ";" where the system list separator is ";" (common with Vietnamese regional
 * settings), "," elsewhere. The first line decides: the separator it holds most of, outside quotes.
 */
export async function sniffDelimiter(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
    let quoted = false;
    for (const ch of text) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && (ch === '\n' || ch === '\r')) {
        if (Object.values(counts).some((n) => n > 0)) break;
      } else if (!quoted && ch in counts) counts[ch]++;
    }
    const [best, count] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
    return count > 0 ? best : ',';
  } finally {
    await handle.close();
  }
}

function countingStream(path: string, onBytes: (n: number) => void): Transform {
  let total = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      onBytes(total);
      callback(null, chunk);
    },
  });
  pipeline(createReadStream(path, { highWaterMark: 256 * 1024 }), counter, () => undefined);
  return counter;
}

function iterate<T>(source: unknown): AsyncIterable<T> {
  return source as AsyncIterable<T>;
}

/** exceljs cell values: rich text, formulas, hyperlinks and errors become plain values. */
function flatten(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text: string }[];
      result?: unknown;
      formula?: string;
      text?: unknown;
      error?: string;
    };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return flatten(v.result);
    if ('text' in v) return flatten(v.text);
    if ('error' in v) return null;
  }
  return null;
}
