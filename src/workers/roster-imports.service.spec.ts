import { FiguresChanged } from '../common/events/figures-changed';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { UnitOfWork } from '../database/unit-of-work';
import { ImportKind, ImportRun, ImportStatus } from '../imports/entities/import-run.entity';
import { ImportPipeline } from '../imports/import-pipeline';
import { ImportRunsRepository } from '../imports/import-runs.repository';
import { ImportRunsService } from '../imports/import-runs.service';
import { EnterpriseScopeService } from '../organisations/enterprise-scope';
import { RosterImportsService, SeenPeriod } from './roster-imports.service';
import { inMemoryWorkers, personRegistry } from '../../test/support/in-memory-workers';
import { RosterField } from './roster/roster-columns';
import { RosterRowValidator } from './roster/roster-row.validator';
import { WorkersRepository } from './workers.repository';

/** The import runs table, as far as the pipeline uses it: one run, its counters and its errors. */
function fakeRuns(imp: ImportRun) {
  return {
    errors: [] as unknown[],
    findById: jest.fn(async () => Object.assign(new ImportRun(), imp)),
    markRunning: jest.fn(async () => {
      if (imp.status === ImportStatus.Queued) imp.status = ImportStatus.Running;
    }),
    advance: jest.fn(async (_m: EntityManager, _id: number, expected: number, counts: Partial<ImportRun>) => {
      if (imp.totalRows !== expected) return false;
      Object.assign(imp, counts);
      return true;
    }),
    insertErrors: jest.fn(async function (this: { errors: unknown[] }, rows: unknown[]) {
      this.errors.push(...rows);
    }),
    finish: jest.fn(async (_id: number, status: ImportStatus) => {
      imp.status = status;
    }),
  };
}

describe(RosterImportsService.name, () => {
  const pii = new PiiCipher({ piiKeys: [{ id: 'k1', key: randomBytes(32) }], piiHmacKey: randomBytes(32) });
  const manager = {} as EntityManager;
  const unitOfWork = {
    run: (work: (m: EntityManager) => Promise<unknown>) => work(manager),
  } as unknown as UnitOfWork;
  const dir = mkdtempSync(join(tmpdir(), 'roster-spec-'));
  beforeAll(() => jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined));

  /** The roster handler on the real pipeline, over fakes of the runs table and the workers. */
  function build(imp: ImportRun) {
    const fakes = inMemoryWorkers();
    const workers = fakes.repo;
    const imports = fakeRuns(imp);
    const figures = new FiguresChanged();
    const pipeline = new ImportPipeline(imports as unknown as ImportRunsRepository, unitOfWork, figures, {
      dir,
      maxFileBytes: 1024 * 1024,
      importFileRetentionDays: 7,
    });
    const sut = new RosterImportsService(
      {} as ImportRunsService,
      pipeline,
      workers as unknown as WorkersRepository,
      new RosterRowValidator(),
      personRegistry(fakes, pii),
      pii,
      {} as EnterpriseScopeService,
    );
    sut.onModuleInit();
    return { sut, pipeline, workers, imports, figures };
  }

  const newImport = (storedName: string, totalRows = 0) =>
    Object.assign(new ImportRun(), {
      id: 9,
      kind: ImportKind.Roster,
      targetId: 5,
      uploadedBy: 1,
      storedName,
      status: ImportStatus.Queued,
      totalRows,
      createdCount: totalRows,
      updatedCount: 0,
      unchangedCount: 0,
      errorCount: 0,
    });
  const progress = { runId: 1, attempt: 1, progress: jest.fn(async () => undefined) };

  describe('check', () => {
    it('reports a row of the same person whose working period overlaps an earlier row', () => {
      const { sut } = build(newImport('x.csv'));
      const seen = new Map<string, SeenPeriod[]>();
      const cells = {
        fullName: 'Nguyễn Văn An',
        dateOfBirth: '15/03/1990',
        gender: 'Nam',
        cccd: '067090012345',
        startDate: '01/06/2015',
      };
      expect(sut.check(12, cells, seen).row).not.toBeNull();
      const second = sut.check(40, { ...cells, fullName: 'Nguyễn Văn Ân' }, seen);
      expect(second.row).toBeNull();
      expect(second.problems).toEqual([
        { field: RosterField.Cccd, key: 'roster.error.overlap', params: { row: 12 } },
      ]);
      // A later time there (a re-hire) is fine once the first row says when they left.
      const rehired = new Map<string, SeenPeriod[]>();
      expect(sut.check(12, { ...cells, endDate: '31/12/2018' }, rehired).row).not.toBeNull();
      expect(sut.check(13, { ...cells, startDate: '01/03/2021' }, rehired).problems).toEqual([]);
    });
  });

  describe('process', () => {
    const csv = (name: string, lines: string[]) => {
      writeFileSync(join(dir, name), `\uFEFF${lines.join('\r\n')}\r\n`);
      return name;
    };
    const header = 'Họ và tên,Ngày sinh,Giới tính,Số CCCD,Ngày vào làm';

    it('saves valid rows, reports invalid ones, and completes', async () => {
      const imp = newImport(
        csv('mixed.csv', [
          'DANH SÁCH NGƯỜI LAO ĐỘNG',
          '',
          header,
          'Nguyễn Văn An,15/03/1990,Nam,067090012345,01/06/2015',
          'Lê Thị Hoa,2/1/1991,Nữ,067191000001,2019-05-01',
          'Trần Văn Bình,1/1/1990,Nam,12345,01/06/2015',
        ]),
      );
      const { pipeline, workers, imports } = build(imp);
      const result = await pipeline.process(9, progress);
      expect(result).toMatchObject({ status: 'COMPLETED', rows: 3, created: 2, errors: 1 });
      expect(workers.workers.map((w) => w.fullName)).toEqual(['Nguyễn Văn An', 'Lê Thị Hoa']);
      expect(imports.errors).toEqual([
        { importId: 9, rowNumber: 6, columnName: 'Số CCCD', messageKey: 'roster.error.cccd', params: null },
      ]);
    });

    it('tells the figures from the earliest day a saved employment starts or ends', async () => {
      const imp = newImport(
        csv('past.csv', [
          'Họ và tên,Ngày sinh,Giới tính,Số CCCD,Ngày vào làm,Ngày nghỉ việc',
          'Nguyễn Văn An,15/03/1990,Nam,067090012345,01/06/2024,',
          'Lê Thị Hoa,2/1/1991,Nữ,067191000001,2019-05-01,2023-08-31',
          // Refused (bad CCCD): its earlier date moves nothing.
          'Trần Văn Bình,1/1/1990,Nam,12345,01/06/2015,',
        ]),
      );
      const { pipeline, figures } = build(imp);
      const published: [string, string | undefined][] = [];
      figures.subscribe('spec', async (change, since) => {
        published.push([change, since]);
      });
      await pipeline.process(9, progress);
      expect(published).toEqual([['import', '2019-05-01']]);
    });

    it('fails the whole import when a required column is missing', async () => {
      const imp = newImport(
        csv('missing.csv', ['Họ và tên;Ngày sinh;Giới tính', 'Nguyễn Văn An;15/03/1990;Nam']),
      );
      const { pipeline, workers, imports } = build(imp);
      await expect(pipeline.process(9, progress)).resolves.toMatchObject({ status: 'FAILED' });
      expect(workers.insertMany).not.toHaveBeenCalled();
      expect(imports.errors).toEqual([
        expect.objectContaining({
          rowNumber: 1,
          messageKey: 'import.error.missingColumn',
          params: { column: 'Số CCCD' },
        }),
        expect.objectContaining({
          rowNumber: 1,
          messageKey: 'import.error.missingColumn',
          params: { column: 'Ngày vào làm' },
        }),
      ]);
    });

    it('resumes after the rows an earlier attempt already saved', async () => {
      const imp = newImport(
        csv('resume.csv', [
          header,
          'Nguyễn Văn An,15/03/1990,Nam,067090012345,01/06/2015',
          'Lê Thị Hoa,2/1/1991,Nữ,067191000001,2019-05-01',
        ]),
        1,
      );
      imp.status = ImportStatus.Running;
      const { pipeline, workers } = build(imp);
      await expect(pipeline.process(9, progress)).resolves.toMatchObject({
        status: 'COMPLETED',
        rows: 2,
        created: 2,
      });
      expect(workers.workers.map((w) => w.fullName)).toEqual(['Lê Thị Hoa']);
    });

    it('closes the import with a message when the last attempt fails, and lets earlier ones retry', async () => {
      const lines = [header, 'Nguyễn Văn An,15/03/1990,Nam,067090012345,01/06/2015'];
      const imp = newImport(csv('broken-db.csv', lines));
      const { pipeline, workers, imports } = build(imp);
      workers.findByHashes.mockRejectedValue(new Error('connection lost'));
      jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      await expect(pipeline.process(9, { ...progress, attempt: 1 })).rejects.toThrow('connection lost');
      expect(imp.status).toBe(ImportStatus.Running);
      await expect(pipeline.process(9, { ...progress, attempt: 3 })).rejects.toThrow('connection lost');
      expect(imp.status).toBe(ImportStatus.Failed);
      expect(imports.errors).toEqual([
        expect.objectContaining({ rowNumber: 0, messageKey: 'import.error.internal' }),
      ]);
    });

    it('leaves a finished import as it is', async () => {
      const imp = Object.assign(newImport('gone.csv', 4), { status: ImportStatus.Completed });
      const { pipeline, imports } = build(imp);
      await expect(pipeline.process(9, progress)).resolves.toMatchObject({ status: 'COMPLETED', rows: 4 });
      expect(imports.markRunning).not.toHaveBeenCalled();
    });
  });
});
