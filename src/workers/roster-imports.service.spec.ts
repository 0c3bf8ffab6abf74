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
import { Employment } from './entities/employment.entity';
import { RosterImport, RosterImportStatus } from './entities/roster-import.entity';
import { Gender, Worker } from './entities/worker.entity';
import { RosterImportsRepository } from './roster-imports.repository';
import { RosterImportsService } from './roster-imports.service';
import { RosterField } from './roster/roster-columns';
import { RosterRow, RosterRowValidator } from './roster/roster-row.validator';
import { NewEmployment, NewWorker, WorkersRepository } from './workers.repository';

/** An in-memory stand-in for the workers repository: enough to see what a chunk changes. */
function fakeWorkers() {
  const workers: Worker[] = [];
  const employments: Employment[] = [];
  const repo = {
    workers,
    employments,
    findByHashes: jest.fn(async (hashes: string[]) => workers.filter((w) => hashes.includes(w.cccdHash))),
    insertMany: jest.fn(async (rows: NewWorker[]) => {
      for (const row of rows)
        workers.push(Object.assign(new Worker(), row, { id: workers.length + 1, userId: null }));
    }),
    update: jest.fn(async (id: number, changes: Partial<Worker>) => {
      Object.assign(
        workers.find((w) => w.id === id)!,
        changes,
      );
    }),
    employmentsAt: jest.fn(async (ids: number[], enterpriseId: number) =>
      employments.filter((e) => ids.includes(e.workerId) && e.enterpriseId === enterpriseId),
    ),
    insertEmployments: jest.fn(async (rows: NewEmployment[]) => {
      for (const row of rows)
        employments.push(Object.assign(new Employment(), row, { id: employments.length + 1 }));
    }),
    updateEmployment: jest.fn(async (id: number, changes: Partial<Employment>) => {
      Object.assign(
        employments.find((e) => e.id === id)!,
        changes,
      );
    }),
  };
  return repo;
}

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

const row = (overrides: Partial<RosterRow> = {}): RosterRow => ({
  rowNumber: 2,
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1990-03-15',
  gender: Gender.Male,
  cccd: '067090012345',
  employeeCode: 'NV0001',
  phone: '0912345678',
  email: null,
  startDate: '2015-06-01',
  endDate: null,
  unionMember: true,
  ...overrides,
});

describe(RosterImportsService.name, () => {
  const pii = new PiiCipher({ piiKeys: [{ id: 'k1', key: randomBytes(32) }], piiHmacKey: randomBytes(32) });
  const manager = {} as EntityManager;
  const unitOfWork = {
    run: (work: (m: EntityManager) => Promise<unknown>) => work(manager),
  } as unknown as UnitOfWork;
  const dir = mkdtempSync(join(tmpdir(), 'roster-spec-'));
  beforeAll(() => jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined));

  function build(imp: RosterImport) {
    const workers = fakeWorkers();
    const imports = fakeImports(imp);
    const sut = new RosterImportsService(
      imports as unknown as RosterImportsRepository,
      workers as unknown as WorkersRepository,
      new RosterRowValidator(),
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
  const hashed = (r: RosterRow) => ({ row: r, cccdHash: pii.blindIndex(r.cccd) });

  describe('upsertRows', () => {
    it('creates the person and the employment, encrypting the CCCD', async () => {
      const { sut, workers } = build(newImport('x.csv'));
      await expect(sut.upsertRows(manager, 5, [hashed(row())])).resolves.toEqual({
        created: 1,
        updated: 0,
        unchanged: 0,
      });
      expect(workers.workers[0].cccdEncrypted).not.toContain('067090012345');
      expect(pii.decrypt(workers.workers[0].cccdEncrypted)).toBe('067090012345');
      expect(workers.employments[0]).toMatchObject({
        workerId: 1,
        enterpriseId: 5,
        employeeCode: 'NV0001',
        unionMember: true,
      });
    });

    it('changes nothing when the same rows come again', async () => {
      const { sut, workers } = build(newImport('x.csv'));
      const rows = [
        hashed(row()),
        hashed(
          row({
            rowNumber: 3,
            cccd: '067191000001',
            fullName: 'Lê Thị Hoa',
            gender: Gender.Female,
            dateOfBirth: '1991-01-02',
          }),
        ),
      ];
      await sut.upsertRows(manager, 5, rows);
      workers.update.mockClear();
      workers.insertMany.mockClear();
      await expect(sut.upsertRows(manager, 5, rows)).resolves.toEqual({
        created: 0,
        updated: 0,
        unchanged: 2,
      });
      expect(workers.update).not.toHaveBeenCalled();
      expect(workers.updateEmployment).not.toHaveBeenCalled();
      expect(workers.insertMany).not.toHaveBeenCalled();
      expect(workers.employments).toHaveLength(2);
    });

    it('updates what differs, and leaves alone what the file does not carry', async () => {
      const { sut, workers } = build(newImport('x.csv'));
      await sut.upsertRows(manager, 5, [hashed(row())]);
      const changed = row({
        phone: undefined,
        email: 'an@example.com',
        endDate: '2024-12-31',
        unionMember: undefined,
      });
      await expect(sut.upsertRows(manager, 5, [hashed(changed)])).resolves.toEqual({
        created: 0,
        updated: 1,
        unchanged: 0,
      });
      expect(workers.workers[0]).toMatchObject({ phone: '0912345678', email: 'an@example.com' });
      expect(workers.employments[0]).toMatchObject({ endDate: '2024-12-31', unionMember: true });
    });

    it('adds a new employment for a known person who starts again or elsewhere', async () => {
      const { sut, workers } = build(newImport('x.csv'));
      await sut.upsertRows(manager, 5, [hashed(row())]);
      await expect(sut.upsertRows(manager, 6, [hashed(row())])).resolves.toEqual({
        created: 1,
        updated: 0,
        unchanged: 0,
      });
      expect(workers.workers).toHaveLength(1);
      expect(workers.employments.map((e) => e.enterpriseId)).toEqual([5, 6]);
    });
  });

  describe('check', () => {
    it('reports a CCCD already used by an earlier row of the file', () => {
      const { sut } = build(newImport('x.csv'));
      const seen = new Map<string, number>();
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
        { field: RosterField.Cccd, key: 'roster.error.duplicate', params: { row: 12 } },
      ]);
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
