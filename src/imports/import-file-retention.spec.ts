import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, UploadsConfig } from '../config';
import { ImportKind, ImportRun, ImportStatus } from './entities/import-run.entity';
import { ImportFileRetention, retentionCutoff } from './import-file-retention';
import { ImportRunsRepository } from './import-runs.repository';

describe(ImportFileRetention.name, () => {
  let root: string;
  let uploads: string;
  let runs: ImportRun[];

  /** The repository's two calls over a list of runs, as the database would answer them. */
  const repository = {
    dueForFileDeletion: async (cutoff: Date | null) =>
      runs.filter((r) => r.finished && !r.fileDeletedAt && (!cutoff || r.updatedAt <= cutoff)),
    markFileDeleted: async (id: number, at: Date) => {
      const run = runs.find((r) => r.id === id)!;
      run.fileDeletedAt ??= at;
    },
  };
  const sut = (days: number) =>
    new ImportFileRetention(
      repository as unknown as ImportRunsRepository,
      { dir: uploads, maxFileBytes: 1, importFileRetentionDays: days } as UploadsConfig,
      { env: 'test' } as AppConfig,
    );
  const run = (id: number, storedName: string, status: ImportStatus, updatedAt: string) =>
    Object.assign(new ImportRun(), {
      id,
      kind: id % 2 ? ImportKind.Roster : ImportKind.Attendance,
      storedName,
      status,
      updatedAt: new Date(updatedAt),
      fileDeletedAt: null,
    });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'hoctap-retention-'));
    uploads = join(root, 'uploads');
    mkdirSync(join(uploads, 'imports'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('deletes the files of finished imports past the retention period and marks them; keeps the rest', async () => {
    for (const name of ['old.csv', 'failed.xlsx', 'recent.csv', 'running.csv'])
      writeFileSync(join(uploads, 'imports', name), '001195001111');
    runs = [
      run(1, 'imports/old.csv', ImportStatus.Completed, '2026-05-01T00:00:00Z'),
      run(2, 'imports/failed.xlsx', ImportStatus.Failed, '2026-05-02T00:00:00Z'),
      run(3, 'imports/gone-already.csv', ImportStatus.Completed, '2026-05-01T00:00:00Z'),
      run(4, 'imports/recent.csv', ImportStatus.Completed, '2026-05-09T00:00:00Z'),
      run(5, 'imports/running.csv', ImportStatus.Running, '2026-05-01T00:00:00Z'),
    ];
    const now = new Date('2026-05-10T12:00:00Z');
    await expect(sut(7).sweep(now)).resolves.toBe(3);
    const left = ['old.csv', 'failed.xlsx', 'recent.csv', 'running.csv'].filter((n) =>
      existsSync(join(uploads, 'imports', n)),
    );
    expect(left).toEqual(['recent.csv', 'running.csv']);
    expect(runs.map((r) => r.fileDeletedAt?.toISOString() ?? null)).toEqual([
      now.toISOString(),
      now.toISOString(),
      now.toISOString(),
      null,
      null,
    ]);
    // A second sweep has nothing left to do.
    await expect(sut(7).sweep(now)).resolves.toBe(0);
  });

  it('with 0 days takes every finished import, whatever its age', async () => {
    runs = [run(1, 'imports/today.csv', ImportStatus.Completed, new Date().toISOString())];
    await expect(sut(0).sweep(new Date())).resolves.toBe(1);
  });

  it('never deletes a file outside the upload store', async () => {
    writeFileSync(join(root, 'outside.txt'), 'keep me');
    runs = [run(9, '../outside.txt', ImportStatus.Completed, '2020-01-01T00:00:00Z')];
    await sut(0).sweep(new Date());
    expect(existsSync(join(root, 'outside.txt'))).toBe(true);
  });

  it('computes the cutoff as the retention period before now', () => {
    const now = new Date('2026-05-10T12:00:00Z');
    expect(retentionCutoff(now, 7).toISOString()).toBe('2026-05-03T12:00:00.000Z');
  });
});
