import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline, Readable, Transform } from 'node:stream';
import { centralEntries, inflateEntry, InflateBudget, ZipBombError, ZipEntry } from '../../files/zip-entries';
import { CellValue } from './cells';

export interface SheetRow {
  /** As the spreadsheet numbers it (the header is usually row 1). */
  rowNumber: number;
  cells: CellValue[];
}

/** What an uploaded spreadsheet really is, by its bytes (spreadsheet-kind.ts). */
export type SpreadsheetKind = 'xlsx' | 'csv';

/** The file as a whole cannot be read; `key` says why, in a message the officer can act on. */
export class SpreadsheetError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'SpreadsheetError';
  }
}

/** How far through the file the reader is, from 0 to 1. */
export type ProgressListener = (fraction: number) => void;

/**
 * Streams the rows of an uploaded spreadsheet (a worksheet of an XLSX, the first unless another is
 * named by its position, or a UTF-8 CSV) without loading it whole and without writing anything,
 * saying how far it has got so a progress bar can follow: by the bytes of the file (of the
 * worksheet, for XLSX) read so far.
 */
export async function* readSpreadsheet(
  path: string,
  kind: SpreadsheetKind,
  onProgress: ProgressListener = () => undefined,
  sheetIndex = 0,
): AsyncGenerator<SheetRow> {
  // A missing file is the server's problem (e.g. an upload directory not shared with the job
  // process), not the officer's: it fails as is, so the job is retried.
  await stat(path);
  if (kind === 'xlsx') yield* readXlsx(path, onProgress, sheetIndex);
  else if (sheetIndex === 0) yield* readCsv(path, onProgress);
  else throw new SpreadsheetError('import.error.noSheet', { sheet: sheetIndex + 1 });
}

/** How many worksheets an XLSX holds (a CSV is one sheet); 0 when it cannot be read. */
export async function countSheets(path: string, kind: SpreadsheetKind): Promise<number> {
  if (kind === 'csv') return 1;
  return (await worksheetEntries(path).catch(() => [])).length;
}

/** A worksheet part in the ZIP: xl/worksheets/sheetN.xml, N counting the workbook's sheets from 1. */
const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** The worksheets in the workbook's order (by the number in their part's name). */
async function worksheetEntries(path: string): Promise<ZipEntry[]> {
  return ((await centralEntries(path)) ?? [])
    .filter((e) => SHEET.test(e.name))
    .sort((a, b) => Number(SHEET.exec(a.name)![1]) - Number(SHEET.exec(b.name)![1]));
}

/**
 * The parsers of exceljs's streaming WorkbookReader (exceljs 4.4.0, pinned), one per part. Its own
 * parse() walks the ZIP in file order and, when a worksheet comes before the shared strings (as
 * Excel saves them), first copies the sheet, inflated, to a file in os.tmpdir() (the tmp package)
 * that is deleted only once the sheet is read to its end, or at a clean process exit: every import
 * that stopped early (a header error, the first sheet only, an exception) left the full CCCD numbers
 * outside the upload store. Here each part is inflated from the central directory when the parser
 * needs it, so nothing is written anywhere.
 */
interface WorkbookParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseWorksheet(entry: Readable, sheetNo: string): Iterable<{ value: AsyncIterable<ExcelJS.Row> }>;
}

async function* readXlsx(
  path: string,
  onProgress: ProgressListener,
  sheetIndex: number,
): AsyncGenerator<SheetRow> {
  const entries = await centralEntries(path).catch(() => null);
  const sheets = entries ? await worksheetEntries(path).catch(() => []) : [];
  if (!entries || sheets.length === 0) throw new SpreadsheetError('import.error.unreadableXlsx');
  const sheet = sheets[sheetIndex];
  if (!sheet) throw new SpreadsheetError('import.error.noSheet', { sheet: sheetIndex + 1 });
  // Every part read counts against one limit, so a bomb stops here too, whatever the upload check saw.
  const budget = new InflateBudget();
  const opened: Readable[] = [];
  const inflate = (entry: ZipEntry, onRead?: (bytes: number) => void) => {
    // Decoded as a stream, so a Vietnamese letter split between two chunks stays whole.
    const stream = inflateEntry(path, entry, budget, onRead).setEncoding('utf8');
    opened.push(stream);
    return stream;
  };
  const part = (name: string) => entries.find((e) => e.name === name);
  const book = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell date cells from number cells.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookParts;
  try {
    const rels = part('xl/_rels/workbook.xml.rels');
    if (rels) await book._parseRels(inflate(rels));
    const workbook = part('xl/workbook.xml');
    if (workbook) await book._parseWorkbook(inflate(workbook));
    const styles = part('xl/styles.xml');
    if (styles) await book._parseStyles(inflate(styles));
    const strings = part('xl/sharedStrings.xml');
    if (strings) for await (const event of book._parseSharedStrings(inflate(strings))) void event;
    // Progress by the compressed bytes of the sheet read so far.
    let read = 0;
    const sheetNo = SHEET.exec(sheet.name)![1];
    const [worksheet] = book._parseWorksheet(
      inflate(sheet, (bytes) => (read += bytes)),
      sheetNo,
    );
    for await (const row of worksheet.value) {
      const values = row.values as unknown[];
      const cells: CellValue[] = [];
      for (let i = 1; i < values.length; i++) cells.push(flatten(values[i]));
      onProgress(Math.min(1, read / Math.max(1, sheet.compressedSize)));
      yield { rowNumber: row.number, cells };
    }
  } catch (error) {
    if (error instanceof ZipBombError) throw new SpreadsheetError('import.upload.bomb');
    throw error instanceof SpreadsheetError ? error : new SpreadsheetError('import.error.unreadableXlsx');
  } finally {
    for (const stream of opened) stream.destroy();
  }
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
    if (error instanceof SpreadsheetError) throw error;
    throw new SpreadsheetError('import.error.unreadableCsv', { row: rowNumber + 1 });
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
