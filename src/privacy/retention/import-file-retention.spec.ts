import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig, UploadsConfig } from '../../config';
import { ImportFileRetention, retentionCutoff } from './import-file-retention.service';

describe(ImportFileRetention.name, () => {
  let root: string;
  let uploads: string;
  let due: Record<string, { id: number; stored_name: string }[]>;
  let queries: { sql: string; params: unknown[] }[];

  const sut = (days: number) => {
    const manager = {
      connection: { driver: { options: { type: 'better-sqlite3' } } },
      query: jest.fn(async (sql: string, params: unknown[]) => {
        queries.push({ sql, params });
        const table = /FROM (\w+)/.exec(sql)?.[1];
        return sql.startsWith('SELECT') && table ? (due[table] ?? []) : [];
      }),
    };
    return new ImportFileRetention(
      { manager } as unknown as DataSource,
      { dir: uploads, maxFileBytes: 1, importFileRetentionDays: days } as UploadsConfig,
      { env: 'test' } as AppConfig,
    );
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hoctap-retention-'));
    uploads = join(root, 'uploads');
    mkdirSync(join(uploads, 'attendance'), { recursive: true });
    queries = [];
    due = {};
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('deletes the files of finished imports past the retention period and marks them', async () => {
    writeFileSync(join(uploads, 'a.csv'), '001195001111');
    writeFileSync(join(uploads, 'attendance', 'b.xlsx'), 'x');
    due = {
      roster_imports: [
        { id: 1, stored_name: 'a.csv' },
        { id: 2, stored_name: 'gone-already.csv' },
      ],
      attendance_imports: [{ id: 5, stored_name: 'attendance/b.xlsx' }],
    };
    const now = new Date('2026-05-10T12:00:00Z');
    await expect(sut(7).sweep(now)).resolves.toBe(3);
    expect(existsSync(join(uploads, 'a.csv'))).toBe(false);
    expect(existsSync(join(uploads, 'attendance', 'b.xlsx'))).toBe(false);
    const select = queries.find((q) => q.sql.includes('FROM roster_imports'))!;
    expect(select.sql).toContain('status IN (?, ?)');
    expect(select.params).toEqual(['COMPLETED', 'FAILED', '2026-05-03 12:00:00.000']);
    const updates = queries.filter((q) => q.sql.startsWith('UPDATE'));
    expect(updates.map((q) => q.params[1])).toEqual([1, 2, 5]);
    expect(updates[0].sql).toContain('file_deleted_at IS NULL');
  });

  it('with 0 days takes every finished import, whatever its age', async () => {
    await sut(0).sweep(new Date());
    const select = queries.find((q) => q.sql.includes('FROM roster_imports'))!;
    expect(select.sql).not.toContain('updated_at');
    expect(select.params).toEqual(['COMPLETED', 'FAILED']);
  });

  it('never deletes a file outside the upload store', async () => {
    writeFileSync(join(root, 'outside.txt'), 'keep me');
    due = { roster_imports: [{ id: 9, stored_name: '../outside.txt' }] };
    await sut(0).sweep(new Date());
    expect(existsSync(join(root, 'outside.txt'))).toBe(true);
  });

  it('computes the cutoff as the retention period before now', () => {
    const now = new Date('2026-05-10T12:00:00Z');
    expect(retentionCutoff(now, 7).toISOString()).toBe('2026-05-03T12:00:00.000Z');
  });
});
