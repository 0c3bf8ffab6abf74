import { RowProblem } from './import-pipeline';
import { CellValue, cellText, INVALID, isBlank, parseCccd, parseSheetDate } from './spreadsheet/cells';
import { cellsOf, HeaderMatch } from './spreadsheet/columns';

/** A row's problem at one of its columns (null: the row as a whole), named as the file names it. */
export function rowProblem<F extends string>(
  header: HeaderMatch<F>,
  columnHeader: (field: F) => string,
  rowNumber: number,
  field: F | null,
  messageKey: string,
  params?: RowProblem['params'],
): RowProblem {
  return {
    rowNumber,
    columnName: field ? (header.columns.get(field)?.label ?? columnHeader(field)) : null,
    messageKey,
    params: params ?? null,
  };
}

/**
 * Reads the cells of one sheet's rows field by field, collecting each problem (named at its column)
 * instead of stopping at the first: a row with any problem is then left out whole.
 */
export class RowReader<F extends string> {
  readonly problems: RowProblem[] = [];

  constructor(
    private readonly header: HeaderMatch<F>,
    private readonly columnHeader: (field: F) => string,
    readonly today: string,
  ) {}

  /** The recognised cells of a row. */
  cells(row: { cells: CellValue[] }): Partial<Record<F, CellValue>> {
    return cellsOf(this.header, row.cells) as Partial<Record<F, CellValue>>;
  }

  at(rowNumber: number, field: F | null, messageKey: string, params?: RowProblem['params']): void {
    this.problems.push(rowProblem(this.header, this.columnHeader, rowNumber, field, messageKey, params));
  }

  /** How many problems row `rowNumber` has so far. */
  count(rowNumber: number): number {
    return this.problems.filter((p) => p.rowNumber === rowNumber).length;
  }

  text(
    rowNumber: number,
    cells: Partial<Record<F, CellValue>>,
    field: F,
    required: boolean,
    max = 300,
  ): string {
    const value = cellText(cells[field]);
    if (!value && required) this.at(rowNumber, field, 'import.row.required');
    return value.slice(0, max);
  }

  /** A date not in the future. */
  date(rowNumber: number, cells: Partial<Record<F, CellValue>>, field: F, required: boolean): string | null {
    const value = parseSheetDate(cells[field] ?? null);
    if (value === INVALID) this.at(rowNumber, field, 'import.row.date');
    else if (value === null) {
      if (required) this.at(rowNumber, field, 'import.row.required');
    } else if (value > this.today) this.at(rowNumber, field, 'import.row.future');
    else return value;
    return null;
  }

  cccd(rowNumber: number, cells: Partial<Record<F, CellValue>>, field: F): string {
    const value = parseCccd(cells[field] ?? null) ?? '';
    if (!value) this.at(rowNumber, field, 'import.row.required');
    return value;
  }

  /** Hours of learning: more than 0, at most 9,999; "1,5" is read as 1.5. */
  hours(rowNumber: number, cells: Partial<Record<F, CellValue>>, field: F): number {
    const cell = cells[field];
    const value = typeof cell === 'number' ? cell : Number(cellText(cell).replace(',', '.'));
    if (isBlank(cell ?? null)) this.at(rowNumber, field, 'import.row.required');
    else if (!Number.isFinite(value) || value <= 0 || value > 9999)
      this.at(rowNumber, field, 'import.row.hours');
    return Math.round(value * 100) / 100;
  }
}
