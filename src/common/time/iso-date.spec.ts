import { addDays, addYears, daysBetween, toDmy } from './iso-date';

describe('ISO calendar dates', () => {
  describe(addYears.name, () => {
    it('moves by whole years; 29/02 becomes 28/02 in a common year', () => {
      expect(addYears('2008-02-29', 15)).toBe('2023-02-28');
      expect(addYears('2008-02-29', 16)).toBe('2024-02-29');
      expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
      expect(addYears('2000-06-30', 35)).toBe('2035-06-30');
      expect(addYears('2025-12-31', 1)).toBe('2026-12-31');
    });
  });

  describe(addDays.name, () => {
    it('moves by days across months, years and 29/02', () => {
      expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
      expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
      expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
      expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
      expect(addDays('2025-03-10', 15)).toBe('2025-03-25');
      expect(addDays('2025-03-10', -90)).toBe('2024-12-10');
    });
  });

  describe(daysBetween.name, () => {
    it('counts whole days from one date to another, negative when the second is earlier', () => {
      expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
      expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
      expect(daysBetween('2025-03-25', '2025-03-10')).toBe(-15);
      expect(daysBetween('2025-01-01', '2025-01-01')).toBe(0);
      expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    });
  });

  describe(toDmy.name, () => {
    it('writes dd/mm/yyyy, as roster files and pages do, and nothing for nothing', () => {
      expect(toDmy('2024-02-29')).toBe('29/02/2024');
      expect(toDmy('2025-07-01T00:00:00.000Z')).toBe('01/07/2025');
      expect(toDmy(null)).toBe('');
      expect(toDmy(undefined)).toBe('');
      expect(toDmy('')).toBe('');
    });
  });
});
