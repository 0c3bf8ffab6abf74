import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { formatDate, formatDateTime, formatHours, registerViewHelpers } from './view-helpers';

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

  describe(formatHours.name, () => {
    it('writes hours with a decimal comma in Vietnamese, a point in English, up to two decimals', () => {
      expect(formatHours(7.5, 'vi')).toBe('7,5');
      expect(formatHours('7.50', 'vi')).toBe('7,5');
      expect(formatHours(0.75, 'vi')).toBe('0,75');
      expect(formatHours(2, 'vi')).toBe('2');
      expect(formatHours(1250.5, 'vi')).toBe('1.250,5');
      expect(formatHours(7.499999999, 'vi')).toBe('7,5');
      expect(formatHours(7.5, 'en')).toBe('7.5');
      expect(formatHours(null, 'vi')).toBe('');
      expect(formatHours('', 'vi')).toBe('');
    });

    // "7.5" on one page and "7,5" on another came from each page formatting hours its own way.
    it('is the only way pages and code format hours', () => {
      const root = join(__dirname, '..', '..', '..');
      const files = (dir: string, suffix: string): string[] =>
        readdirSync(dir).flatMap((entry) => {
          const path = join(dir, entry);
          if (statSync(path).isDirectory()) return files(path, suffix);
          return path.endsWith(suffix) && !path.endsWith('.spec.ts') ? [path] : [];
        });
      const offending = [
        ...files(join(root, 'views'), '.hbs').flatMap((file) =>
          [
            ...readFileSync(file, 'utf8').matchAll(
              /\(?number [\w.]*[hH]ours\b[^)}]*|hours=[\w.]*[hH]ours\b/g,
            ),
          ].map((m) => `${relative(root, file)}: ${m[0]}`),
        ),
        ...files(join(root, 'src'), '.ts')
          .filter((file) => !file.endsWith(join('common', 'views', 'view-helpers.ts')))
          .flatMap((file) =>
            [...readFileSync(file, 'utf8').matchAll(/formatNumber\([^)]*[hH]ours[^)]*\)/g)].map(
              (m) => `${relative(root, file)}: ${m[0]}`,
            ),
          ),
      ];
      expect(offending).toEqual([]);
    });
  });

  describe('focusableTables', () => {
    it('lets the tables of sanitised lesson text take the focus, and nothing else', () => {
      const hbs = Handlebars.create();
      registerViewHelpers(hbs as never);
      const render = hbs.compile('{{{focusableTables body}}}|{{focusableTables body}}');
      const [raw, escaped] = render({ body: '<p>Bảng</p><table><tr><td>1</td></tr></table>' }).split('|');
      expect(raw).toBe('<p>Bảng</p><table tabindex="0"><tr><td>1</td></tr></table>');
      expect(escaped).not.toContain('<');
      expect(render({ body: null })).toBe('|');
    });
  });
  describe('fieldValue', () => {
    const hbs = Handlebars.create();
    registerViewHelpers(hbs as never);
    const render = (template: string, context: object) => hbs.compile(template)(context);
    const checkbox = '{{#if (fieldValue "whole")}}checked{{else}}unchecked{{/if}}';

    it('shows nothing for a field without a fallback, so a checkbox starts unticked', () => {
      expect(render(checkbox, {})).toBe('unchecked');
    });

    it('shows what was typed when the form comes back, else the fallback', () => {
      expect(render(checkbox, { form: { submitted: true, values: { whole: 'true' } } })).toBe('checked');
      expect(render('{{fieldValue "name" saved}}', { saved: 'Mai' })).toBe('Mai');
      expect(
        render('{{fieldValue "name" saved}}', { saved: 'Mai', form: { submitted: true, values: {} } }),
      ).toBe('');
    });
  });
});
