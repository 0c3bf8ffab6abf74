import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { foldVietnamese, likeContains } from '../common/text/vietnamese';

export const EXPORT_BATCH = 500;

/**
 * Accent-insensitive "contains" search: the text typed is folded like the search_key columns,
 * so "dak mil" finds "Đắk Mil". Other columns given (a tax code, a unit code) are searched too.
 */
export function whereSearch<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  text: string | undefined,
  columns: string[],
): SelectQueryBuilder<T> {
  const folded = text ? foldVietnamese(text) : '';
  if (!folded) return query;
  const conditions = columns.map((c) => `${c} LIKE :search ESCAPE '!'`);
  return query.andWhere(`(${conditions.join(' OR ')})`, { search: likeContains(folded) });
}

/** Reads a long list batch by batch, so an export never holds the whole table in memory. */
export async function* inBatches<T>(
  fetch: (skip: number, take: number) => Promise<T[]>,
  size = EXPORT_BATCH,
): AsyncGenerator<T> {
  for (let skip = 0; ; skip += size) {
    const batch = await fetch(skip, size);
    yield* batch;
    if (batch.length < size) return;
  }
}

export function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
