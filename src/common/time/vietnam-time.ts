/**
 * Vietnam keeps UTC+7 all year (no daylight saving), so a time typed on screen converts to UTC with
 * a fixed offset. Screens show and take Vietnam time; the database keeps UTC.
 *
 * Adding the offset is also much cheaper than an Intl.DateTimeFormat (these run per row on pages
 * and in roll-ups). It matches the tz database's Asia/Ho_Chi_Minh from 13 June 1975 on; no instant
 * the app keeps is older (calendar dates, such as births, are 'YYYY-MM-DD' and need no zone).
 */
export const VIETNAM_OFFSET = '+07:00';
const OFFSET_MS = 7 * 3_600_000;

/** The instant as Vietnam's wall clock, 'YYYY-MM-DDTHH:mm:ss.sssZ' (the Z is not true, only the digits). */
const wallClock = (instant: Date) => new Date(instant.getTime() + OFFSET_MS).toISOString();

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
  return wallClock(instant).slice(0, 10);
}

/** Today in Vietnam, 'YYYY-MM-DD' (`now` is for tests and for "the day of this moment"). */
export function todayInVietnam(now = new Date()): string {
  return vietnamDateOf(now);
}

/** The current year in Vietnam: it turns at midnight there, seven hours before it does in UTC. */
export function thisYearInVietnam(now = new Date()): number {
  return Number(vietnamDateOf(now).slice(0, 4));
}

/** The hour in Vietnam, 0–23. */
export function hourInVietnam(instant: Date): number {
  return Number(wallClock(instant).slice(11, 13));
}

/** 'YYYY-MM-DDTHH:mm' in Vietnam time, for a datetime-local field. */
export function toVietnamInput(instant: Date): string {
  return wallClock(instant).slice(0, 16);
}

/** An instant in Vietnam's time with its offset: '2025-03-10T07:00:00+07:00'. */
export function vietnamDateTime(instant: Date): string {
  return wallClock(instant).slice(0, 19) + VIETNAM_OFFSET;
}

/** The first millisecond of a Vietnam day ('YYYY-MM-DD'), as an instant. */
export function vietnamDayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000${VIETNAM_OFFSET}`);
}

/** The last millisecond of a Vietnam day ('YYYY-MM-DD'), as an instant. */
export function vietnamDayEnd(day: string): Date {
  return new Date(`${day}T23:59:59.999${VIETNAM_OFFSET}`);
}
