import type { Response } from 'express';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify';
import { translate } from '../i18n/i18n';
import { Locale } from '../i18n/messages';

export type ExportFormat = 'xlsx' | 'csv';
export type Cell = string | number | boolean | Date | null | undefined;

export interface ExportColumn<T> {
  /** Message key of the header. */
  header: string;
  value: (row: T) => Cell;
  width?: number;
}

export interface TableExport<T> {
  filename: string;
  sheet: string;
  columns: ExportColumn<T>[];
  rows: AsyncIterable<T> | Iterable<T>;
}

export function isExportFormat(value: unknown): value is ExportFormat {
  return value === 'xlsx' || value === 'csv';
}

/**
 * Streams one table as XLSX or CSV. Both formats take their cells from the same column functions,
 * so the two files always hold the same numbers as each other and as the page. `more` tables go
 * into the workbook as further sheets (a CSV file holds one table: the first).
 */
export async function sendTable<T>(
  res: Response,
  format: ExportFormat,
  locale: Locale,
  table: TableExport<T>,
  more: TableExport<unknown>[] = [],
): Promise<void> {
  const headers = table.columns.map((c) => translate(locale, c.header));
  const filename = `${table.filename}.${format}`;
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (format === 'csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.write('\uFEFF'); // Excel opens UTF-8 CSV with Vietnamese correctly only with a byte-order mark.
    const csv = stringify({ header: true, columns: headers });
    csv.pipe(res);
    for await (const row of table.rows) {
      if (!csv.write(table.columns.map((c) => csvCell(c.value(row)))))
        await new Promise((r) => csv.once('drain', r));
    }
    csv.end();
    await new Promise((resolve) => res.on('finish', resolve));
    return;
  }
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true });
  const used = new Set<string>();
  for (const each of [table as TableExport<unknown>, ...more]) {
    const sheet = workbook.addWorksheet(uniqueSheetName(each.sheet, used));
    const labels = each.columns.map((c) => translate(locale, c.header));
    sheet.columns = each.columns.map((c, i) => ({
      header: labels[i],
      width: c.width ?? Math.max(12, labels[i].length + 2),
    }));
    sheet.getRow(1).font = { bold: true };
    for await (const row of each.rows) {
      sheet.addRow(each.columns.map((c) => c.value(row) ?? null)).commit();
    }
    sheet.commit();
  }
  await workbook.commit();
}

/** A worksheet name Excel accepts (31 characters, none of : \\ / ? * [ ]), different from the others. */
function uniqueSheetName(name: string, used: Set<string>): string {
  const base =
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 27)} (${n})`;
  used.add(candidate.toLowerCase());
  return candidate;
}

/** Text that starts like a formula is prefixed with ' so a spreadsheet shows it instead of running it. */
function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
  return String(value);
}
