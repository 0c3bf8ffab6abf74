/**
 * Vietnam keeps UTC+7 all year (no daylight saving), so a time typed on screen converts to UTC with
 * a fixed offset. Screens show and take Vietnam time; the database keeps UTC.
 */
export const VIETNAM_OFFSET = '+07:00';
const OFFSET_MS = 7 * 3_600_000;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * 'YYYY-MM-DDTHH:mm' (what <input type=datetime-local> sends) read as Vietnam time, or an ISO 8601
 * time with its own offset; null when it is not a real date and time.
 */
export function parseVietnamDateTime(value: string): Date | null {
  const local = LOCAL.exec(value);
  if (local) {
    const [, y, mo, d, h, mi] = local.map(Number);
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
    const date = new Date(`${value}${VIETNAM_OFFSET}`);
    if (Number.isNaN(date.getTime()) || vietnamDateOf(date) !== value.slice(0, 10) || y < 2000) return null;
    return date;
  }
  if (!WITH_ZONE.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 2000 ? null : date;
}

/** The calendar date in Vietnam of an instant, 'YYYY-MM-DD'. */
export function vietnamDateOf(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DDTHH:mm' in Vietnam time, for a datetime-local field. */
export function toVietnamInput(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}
