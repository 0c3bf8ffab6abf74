import { formatDate, formatDateTime } from './view-helpers';

/** 23:59:59.999 and 00:00 in Hà Nội on each side of 1 July 2025. */
const BEFORE_MIDNIGHT = new Date('2025-06-30T16:59:59.999Z');
const MIDNIGHT = new Date('2025-06-30T17:00:00.000Z');

describe('view helpers', () => {
  describe(formatDate.name, () => {
    it('writes dd/mm/yyyy: a date column as it is, an instant on its Vietnam day', () => {
      expect(formatDate('2024-02-29')).toBe('29/02/2024');
      expect(formatDate(MIDNIGHT)).toBe('01/07/2025');
      expect(formatDate(BEFORE_MIDNIGHT)).toBe('30/06/2025');
      expect(formatDate('2025-06-30T17:00:00.000Z')).toBe('01/07/2025');
      // A DATE from mysql2: a Date at UTC midnight.
      expect(formatDate(new Date('1968-02-29T00:00:00Z'))).toBe('29/02/1968');
    });

    it('writes nothing for nothing or for what is not a date', () => {
      expect(formatDate(null)).toBe('');
      expect(formatDate('')).toBe('');
      expect(formatDate(undefined)).toBe('');
      expect(formatDate('not a date')).toBe('');
      expect(formatDate(new Date(NaN))).toBe('');
    });
  });

  describe(formatDateTime.name, () => {
    it('writes dd/mm/yyyy HH:mm in Vietnam time on a 24-hour clock', () => {
      expect(formatDateTime(MIDNIGHT)).toBe('01/07/2025 00:00');
      expect(formatDateTime(BEFORE_MIDNIGHT)).toBe('30/06/2025 23:59');
      expect(formatDateTime('2024-02-28T18:05:00Z')).toBe('29/02/2024 01:05');
    });

    it('writes nothing for nothing or for what is not a date', () => {
      expect(formatDateTime(null)).toBe('');
      expect(formatDateTime('')).toBe('');
      expect(formatDateTime('not a date')).toBe('');
    });
  });
});
