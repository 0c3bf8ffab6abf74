import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsNotCccd } from '../validation/validators';

export const PAGE_SIZE = 20;

/** ?page=&q= on every list page and API list. */
export class PageQuery {
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(200)
  size?: number;

  /** Free text; never a CCCD, which would land in the URL (see IsNotCccd). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsNotCccd()
  q?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
  pages: number;
}

export function pageOf<T>(items: T[], total: number, page: number, size: number): Page<T> {
  return { items, total, page, size, pages: Math.max(1, Math.ceil(total / size)) };
}

export function pageWindow(query: PageQuery): { page: number; size: number; skip: number } {
  // Within PageQuery's bounds even when read from a raw query string (a form page rendered again):
  // ?page=1e23 would otherwise reach SQL as an offset no database takes.
  const page = within(query.page, 1, 100_000, 1);
  const size = within(query.size, 1, 200, PAGE_SIZE);
  return { page, size, skip: (page - 1) * size };
}

function within(value: number | undefined, min: number, max: number, fallback: number): number {
  return Number.isSafeInteger(value) ? Math.min(Math.max(value!, min), max) : fallback;
}
