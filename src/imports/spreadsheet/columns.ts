import { foldVietnamese } from '../../common/text/vietnamese';

/** A column a sheet may have, as one kind of import describes it. */
export interface ColumnSpec<F extends string> {
  field: F;
  /** The header of the downloadable template; also how the column is named in error reports. */
  header: string;
  required?: boolean;
  /** Other headers people write for the same column (Vietnamese and English), compared folded. */
  aliases: string[];
}

/** Where each recognised column is, and its header as written in the file; which required ones are missing. */
export interface HeaderMatch<F extends string> {
  columns: Map<F, { index: number; label: string }>;
  missing: F[];
}

/** A title row or two may come first: the header is looked for among the first rows. */
export const HEADER_SEARCH_ROWS = 10;

/** "Ngày sinh (dd/mm/yyyy)*" → "ngay sinh": folded, hints in brackets and punctuation dropped. */
export function normaliseHeader(text: string): string {
  return foldVietnamese(text.replace(/\([^)]*\)|\[[^\]]*]/g, ' '))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Recognises a header row against a kind's columns; unknown columns (STT, notes, signatures) are
 * ignored and the first of two same columns wins.
 */
export function headerMatcher<F extends string>(
  specs: readonly ColumnSpec<F>[],
): (cells: readonly unknown[]) => HeaderMatch<F> {
  const byHeader = new Map<string, F>(
    specs.flatMap((c) =>
      [c.header, c.field, ...c.aliases].map((h) => [normaliseHeader(h), c.field] as [string, F]),
    ),
  );
  const required = specs.filter((c) => c.required).map((c) => c.field);
  return (cells) => {
    const columns = new Map<F, { index: number; label: string }>();
    cells.forEach((cell, index) => {
      if (typeof cell !== 'string') return;
      const field = byHeader.get(normaliseHeader(cell));
      if (field && !columns.has(field)) columns.set(field, { index, label: cell.trim().slice(0, 100) });
    });
    return { columns, missing: required.filter((f) => !columns.has(f)) };
  };
}

/** The cells of the recognised columns of one row. */
export function cellsOf<F extends string, V>(
  header: HeaderMatch<F>,
  cells: readonly V[],
): Partial<Record<F, V | null>> {
  const out: Partial<Record<F, V | null>> = {};
  for (const [field, { index }] of header.columns) out[field] = cells[index] ?? null;
  return out;
}
