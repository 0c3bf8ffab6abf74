import {
  hourInVietnam,
  parseVietnamDateTime,
  thisYearInVietnam,
  todayInVietnam,
  toVietnamInput,
  VIETNAM_OFFSET,
  vietnamDateOf,
  vietnamDateTime,
  vietnamDayEnd,
  vietnamDayStart,
} from './vietnam-time';

/** 23:59:59.999 and 00:00 in Hà Nội on each side of 1 July 2025. */
const BEFORE_MIDNIGHT = new Date('2025-06-30T16:59:59.999Z');
const MIDNIGHT = new Date('2025-06-30T17:00:00.000Z');

describe('Vietnam time', () => {
  it('keeps a fixed offset of seven hours', () => {
    expect(VIETNAM_OFFSET).toBe('+07:00');
  });

  describe(vietnamDateOf.name, () => {
    it('turns to the next day at midnight in Vietnam, seven hours before UTC', () => {
      expect(vietnamDateOf(BEFORE_MIDNIGHT)).toBe('2025-06-30');
      expect(vietnamDateOf(MIDNIGHT)).toBe('2025-07-01');
      expect(vietnamDateOf(new Date('2025-06-30T18:30:00Z'))).toBe('2025-07-01');
    });

    it('knows 29/02 and the new year', () => {
      expect(vietnamDateOf(new Date('2024-02-28T17:00:00Z'))).toBe('2024-02-29');
      expect(vietnamDateOf(new Date('2024-02-29T17:00:00Z'))).toBe('2024-03-01');
      expect(vietnamDateOf(new Date('2025-02-28T17:00:00Z'))).toBe('2025-03-01');
      expect(vietnamDateOf(new Date('2025-12-31T16:59:59Z'))).toBe('2025-12-31');
      expect(vietnamDateOf(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
    });
  });

  describe(todayInVietnam.name, () => {
    it('is the Vietnam date of the moment given, now by default', () => {
      expect(todayInVietnam(MIDNIGHT)).toBe('2025-07-01');
      expect(todayInVietnam(BEFORE_MIDNIGHT)).toBe('2025-06-30');
      expect(todayInVietnam()).toBe(vietnamDateOf(new Date()));
    });
  });

  describe(thisYearInVietnam.name, () => {
    it('turns at midnight on 1 January in Vietnam, while it is still 31 December in UTC', () => {
      expect(thisYearInVietnam(new Date('2025-12-31T16:59:59Z'))).toBe(2025);
      expect(thisYearInVietnam(new Date('2025-12-31T17:00:00Z'))).toBe(2026);
      expect(thisYearInVietnam()).toBe(Number(todayInVietnam().slice(0, 4)));
    });
  });

  describe(hourInVietnam.name, () => {
    it('reads the hour on a 24-hour clock, 0 at midnight', () => {
      expect(hourInVietnam(new Date('2026-11-24T18:30:00Z'))).toBe(1);
      expect(hourInVietnam(new Date('2026-11-25T16:59:00Z'))).toBe(23);
      expect(hourInVietnam(MIDNIGHT)).toBe(0);
      expect(hourInVietnam(BEFORE_MIDNIGHT)).toBe(23);
    });
  });

  describe(toVietnamInput.name, () => {
    it('writes what a datetime-local field shows', () => {
      expect(toVietnamInput(MIDNIGHT)).toBe('2025-07-01T00:00');
      expect(toVietnamInput(BEFORE_MIDNIGHT)).toBe('2025-06-30T23:59');
      expect(toVietnamInput(new Date('2024-02-28T18:05:00Z'))).toBe('2024-02-29T01:05');
    });
  });

  describe(vietnamDateTime.name, () => {
    it('writes an instant in Vietnam time with its offset, to the second', () => {
      expect(vietnamDateTime(new Date('2025-03-09T17:30:00.000Z'))).toBe('2025-03-10T00:30:00+07:00');
      expect(vietnamDateTime(BEFORE_MIDNIGHT)).toBe('2025-06-30T23:59:59+07:00');
      expect(vietnamDateTime(new Date('2024-02-28T17:00:00Z'))).toBe('2024-02-29T00:00:00+07:00');
    });
  });

  describe(parseVietnamDateTime.name, () => {
    it('reads a datetime-local value as Vietnam time', () => {
      expect(parseVietnamDateTime('2025-07-01T00:00')).toEqual(MIDNIGHT);
      expect(parseVietnamDateTime('2025-06-30T23:59:59.999')).toEqual(BEFORE_MIDNIGHT);
      expect(parseVietnamDateTime('2024-02-29T00:00')).toEqual(new Date('2024-02-28T17:00:00Z'));
    });

    it('reads an ISO time with its own offset as given', () => {
      expect(parseVietnamDateTime('2025-06-30T17:00:00Z')).toEqual(MIDNIGHT);
      expect(parseVietnamDateTime('2025-07-01T02:00:00+09:00')).toEqual(MIDNIGHT);
    });

    it('refuses what is not a real date and time, and times before 2000', () => {
      expect(parseVietnamDateTime('2025-02-29T10:00')).toBeNull();
      expect(parseVietnamDateTime('2025-04-31T10:00')).toBeNull();
      expect(parseVietnamDateTime('2025-13-01T10:00')).toBeNull();
      expect(parseVietnamDateTime('2025-06-30T24:00')).toBeNull();
      expect(parseVietnamDateTime('1999-12-31T23:00')).toBeNull();
      expect(parseVietnamDateTime('1999-12-31T23:00:00Z')).toBeNull();
      expect(parseVietnamDateTime('2025-06-30 10:00')).toBeNull();
      expect(parseVietnamDateTime('soon')).toBeNull();
    });
  });

  describe('the bounds of a Vietnam day', () => {
    it('are its first and last millisecond in Vietnam', () => {
      expect(vietnamDayStart('2025-07-01')).toEqual(MIDNIGHT);
      expect(vietnamDayEnd('2025-06-30')).toEqual(BEFORE_MIDNIGHT);
      expect(vietnamDayStart('2024-02-29')).toEqual(new Date('2024-02-28T17:00:00Z'));
      expect(vietnamDayEnd('2024-02-29')).toEqual(new Date('2024-02-29T16:59:59.999Z'));
    });
  });
});
