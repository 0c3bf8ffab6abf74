import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { UnitOfWork } from '../database/unit-of-work';
import { JobQueue } from '../jobs/job-queue';
import { EnterpriseScopeService } from '../organisations/enterprise-scope';
import { RosterImport, RosterImportStatus } from './entities/roster-import.entity';
import { RosterImportsRepository } from './roster-imports.repository';
import { RosterImportsService, SeenPeriod } from './roster-imports.service';
import { inMemoryWorkers, personRegistry } from '../../test/support/in-memory-workers';
import { RosterField } from './roster/roster-columns';
import { RosterRowValidator } from './roster/roster-row.validator';
import { WorkersRepository } from './workers.repository';

function fakeImports(imp: RosterImport) {
  return {
    errors: [] as unknown[],
    findById: jest.fn(async () => Object.assign(new RosterImport(), imp)),
    markRunning: jest.fn(async () => {
      if (imp.status === RosterImportStatus.Queued) imp.status = RosterImportStatus.Running;
    }),
    advance: jest.fn(
      async (_m: EntityManager, _id: number, expected: number, counts: Partial<RosterImport>) => {
        if (imp.totalRows !== expected) return false;
        Object.assign(imp, counts);
        return true;
      },
    ),
    insertErrors: jest.fn(async function (this: { errors: unknown[] }, rows: unknown[]) {
      this.errors.push(...rows);
    }),
    finish: jest.fn(async (_id: number, status: RosterImportStatus) => {
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

  function build(imp: RosterImport) {
    const fakes = inMemoryWorkers();
    const workers = fakes.repo;
    const imports = fakeImports(imp);
    const sut = new RosterImportsService(
      imports as unknown as RosterImportsRepository,
      workers as unknown as WorkersRepository,
      new RosterRowValidator(),
      personRegistry(fakes, pii),
      unitOfWork,
      pii,
      {} as EnterpriseScopeService,
      {} as JobQueue,
      { dir, maxFileBytes: 1024 * 1024, importFileRetentionDays: 7 },
    );
    return { sut, workers, imports };
  }

  const newImport = (storedName: string, totalRows = 0) =>
    Object.assign(new RosterImport(), {
      id: 9,
      enterpriseId: 5,
      storedName,
      status: RosterImportStatus.Queued,
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
      const { sut, workers, imports } = build(imp);
      const result = await sut.process(9, progress);
      expect(result).toMatchObject({ status: 'COMPLETED', rows: 3, created: 2, errors: 1 });
      expect(workers.workers.map((w) => w.fullName)).toEqual(['Nguyễn Văn An', 'Lê Thị Hoa']);
      expect(imports.errors).toEqual([
        { importId: 9, rowNumber: 6, columnName: 'Số CCCD', messageKey: 'roster.error.cccd', params: null },
      ]);
    });

    it('fails the whole import when a required column is missing', async () => {
      const imp = newImport(
        csv('missing.csv', ['Họ và tên;Ngày sinh;Giới tính', 'Nguyễn Văn An;15/03/1990;Nam']),
      );
      const { sut, workers, imports } = build(imp);
      await expect(sut.process(9, progress)).resolves.toMatchObject({ status: 'FAILED' });
      expect(workers.insertMany).not.toHaveBeenCalled();
      expect(imports.errors).toEqual([
        expect.objectContaining({
          rowNumber: 1,
          messageKey: 'roster.error.missingColumn',
          params: { column: 'Số CCCD' },
        }),
        expect.objectContaining({
          rowNumber: 1,
          messageKey: 'roster.error.missingColumn',
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
      imp.status = RosterImportStatus.Running;
      const { sut, workers } = build(imp);
      await expect(sut.process(9, progress)).resolves.toMatchObject({
        status: 'COMPLETED',
        rows: 2,
        created: 2,
      });
      expect(workers.workers.map((w) => w.fullName)).toEqual(['Lê Thị Hoa']);
    });

    it('closes the import with a message when the last attempt fails, and lets earlier ones retry', async () => {
      const lines = [header, 'Nguyễn Văn An,15/03/1990,Nam,067090012345,01/06/2015'];
      const imp = newImport(csv('broken-db.csv', lines));
      const { sut, workers, imports } = build(imp);
      workers.findByHashes.mockRejectedValue(new Error('connection lost'));
      jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      await expect(sut.process(9, { ...progress, attempt: 1 })).rejects.toThrow('connection lost');
      expect(imp.status).toBe(RosterImportStatus.Running);
      await expect(sut.process(9, { ...progress, attempt: 3 })).rejects.toThrow('connection lost');
      expect(imp.status).toBe(RosterImportStatus.Failed);
      expect(imports.errors).toEqual([
        expect.objectContaining({ rowNumber: 0, messageKey: 'roster.error.internal' }),
      ]);
    });

    it('leaves a finished import as it is', async () => {
      const imp = Object.assign(newImport('gone.csv', 4), { status: RosterImportStatus.Completed });
      const { sut, imports } = build(imp);
      await expect(sut.process(9, progress)).resolves.toMatchObject({ status: 'COMPLETED', rows: 4 });
      expect(imports.markRunning).not.toHaveBeenCalled();
    });
  });
});
