import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import '../../messages';
import { hasMessage, messageKeys, translate } from './i18n';

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path, suffix) : path.endsWith(suffix) ? [path] : [];
  });
}

describe('message catalog', () => {
  const viewsDir = join(__dirname, '..', '..', '..', 'views');

  it('has a Vietnamese and an English text for every key used by a template', () => {
    const missing: string[] = [];
    for (const file of files(viewsDir, '.hbs')) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/[{(]t "([^"]+)"/g)) {
        if (!hasMessage(match[1])) missing.push(`${file.slice(viewsDir.length + 1)}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  // Texts drawn by code rather than by a template, such as the PDFs': a missing key would print itself.
  it('has a Vietnamese and an English text for every key the code translates by name', () => {
    const srcDir = join(__dirname, '..', '..');
    const keys: string[] = [];
    const missing: string[] = [];
    for (const file of files(srcDir, '.ts').filter((f) => !f.endsWith('.spec.ts'))) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\b(?:translate\(\s*[\w.']+,|t\()\s*'([^']+)'/g)) {
        keys.push(match[1]);
        if (!hasMessage(match[1])) missing.push(`${file.slice(srcDir.length + 1)}: ${match[1]}`);
      }
    }
    expect(keys.length).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('has no empty texts', () => {
    const empty = messageKeys().filter((key) => !translate('vi', key).trim() || !translate('en', key).trim());
    expect(empty).toEqual([]);
  });

  it('fills in parameters', () => {
    expect(translate('vi', 'list.total', { count: 3 })).toBe('Tổng số: 3');
    expect(translate('en', 'pagination.page', { page: 2, pages: 5 })).toBe('Page 2 of 5');
  });
});
