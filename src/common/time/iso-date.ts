/**
 * Calendar dates written 'YYYY-MM-DD' (DATE columns, <input type=date>). They have no time zone:
 * the arithmetic runs at UTC midnight, where every day is 24 hours long.
 */
const DAY_MS = 86_400_000;
const utcMidnight = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);

/** The date a number of days after (or, negative, before) an ISO date. */
export function addDays(isoDate: string, days: number): string {
  return new Date(utcMidnight(isoDate) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The date a number of whole years after an ISO date (29/02 → 28/02 in common years). */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y + years, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/** Days from one ISO date to another: negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return (utcMidnight(to) - utcMidnight(from)) / DAY_MS;
}

/** dd/mm/yyyy, as the roster files and pages write dates. */
export function toDmy(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
