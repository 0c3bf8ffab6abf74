import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Actor } from '../common/access/actor';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { FormError } from '../common/errors/form-error';
import { translateRef } from '../common/i18n/i18n';
import { Locale } from '../common/i18n/messages';
import { Page, pageOf } from '../common/http/pagination';
import { uploadsConfig, UploadsConfig } from '../config';
import { UnitOfWork } from '../database/unit-of-work';
import { TempUpload } from '../files/file-upload';
import { JobResult } from '../jobs/entities/job-run.entity';
import { JobContext } from '../jobs/job-handler.decorator';
import { MAX_ATTEMPTS } from '../jobs/job-executor';
import { JobQueue } from '../jobs/job-queue';
import { LearningRecordsService } from '../learning-records/learning-records.service';
import { readRosterFile, RosterFileError, SheetRow } from '../workers/roster/roster-file.reader';
import { isBlank } from '../workers/roster/roster-values';
import { detectRosterKind } from '../workers/roster-upload';
import {
  AttendanceField,
  AttendanceHeader,
  attendanceHeader,
  HEADER_SEARCH_ROWS,
  isHeader,
  matchAttendanceHeader,
} from './attendance-file/attendance-columns';
import {
  AttendanceCells,
  AttendanceProblem,
  AttendanceRowValidator,
} from './attendance-file/attendance-row.validator';
import {
  AttendanceImportCounts,
  AttendanceImportsRepository,
  NewAttendanceImportError,
} from './attendance-imports.repository';
import { assertStarted, AttendanceService } from './attendance.service';
import { checkinTiming } from './checkin-window';
import { AttendanceImportError } from './entities/attendance-import-error.entity';
import { AttendanceImport, AttendanceImportStatus } from './entities/attendance-import.entity';
import { AttendanceMethod } from './entities/session-attendance.entity';
import { LearningSession } from './entities/learning-session.entity';
import { SessionsService } from './sessions.service';
import { SessionsRepository } from './sessions.repository';
import { vietnamDateOf } from './vietnam-time';

/** Where attendance sheets live, under the upload directory. */
export const ATTENDANCE_UPLOAD_DIR = 'attendance';

/** Rows saved per transaction: their look-ups, their attendance and records, the counters, one commit. */
export const CHUNK_SIZE = 500;

/** Thrown when another run of the same import saved the chunk first; the transaction rolls back. */
class ImportOvertakenError extends Error {}

interface PendingRow {
  rowNumber: number;
  cells: AttendanceCells;
}

/**
 * Attendance sheets: the officer uploads an XLSX or CSV listing who came (by CCCD or employee code),
 * a background job ('attendance.import') reads it as a stream and records the attendance in chunks.
 * Each chunk is one transaction holding its attendance rows, their learning records, its error
 * reports and the import's counters (compare-and-set on the checkpoint), so a run that stops
 * half-way resumes where it left off, and a sheet imported again records nothing new.
 */
@Injectable()
export class AttendanceImportsService {
  private readonly logger = new Logger(AttendanceImportsService.name);

  constructor(
    private readonly imports: AttendanceImportsRepository,
    private readonly sessions: SessionsRepository,
    private readonly sessionsService: SessionsService,
    private readonly attendance: AttendanceService,
    private readonly validator: AttendanceRowValidator,
    private readonly learningRecords: LearningRecordsService,
    private readonly unitOfWork: UnitOfWork,
    private readonly pii: PiiCipher,
    private readonly queue: JobQueue,
    @Inject(uploadsConfig.KEY) private readonly uploads: UploadsConfig,
  ) {}

  /**
   * Keeps an uploaded sheet under a random name and queues its import. The file is checked by its
   * bytes (XLSX or UTF-8 CSV) first; a refused file is not kept.
   */
  async createFromUpload(
    actor: Actor,
    sessionId: number,
    upload: TempUpload | undefined,
  ): Promise<AttendanceImport> {
    if (!upload) throw FormError.field('file', 'roster.upload.required');
    const session = await this.sessionsService.getForWrite(actor, sessionId);
    assertStarted(session, new Date(), 'file');
    const kind = await detectRosterKind(upload.path, upload.size);
    const storedName = `${ATTENDANCE_UPLOAD_DIR}/${randomUUID()}.${kind}`;
    const path = join(this.uploads.dir, storedName);
    await mkdir(join(this.uploads.dir, ATTENDANCE_UPLOAD_DIR), { recursive: true });
    await rename(upload.path, path);
    try {
      const created = await this.imports.create({
        sessionId,
        uploadedBy: actor.userId,
        originalName: upload.originalName,
        storedName,
        sha256: upload.sha256,
      });
      const run = await this.queue.enqueue(
        'attendance.import',
        { importId: created.id },
        { key: created.id, requestedBy: actor.userId },
      );
      await this.imports.setJobRun(created.id, run.id);
      return Object.assign(created, { jobRunId: run.id });
    } catch (error) {
      await unlink(path).catch(() => undefined);
      throw error;
    }
  }

  async page(actor: Actor, sessionId: number, page: number, size: number): Promise<Page<AttendanceImport>> {
    await this.sessionsService.get(actor, sessionId);
    const [items, total] = await this.imports.pageForSession(sessionId, (page - 1) * size, size);
    return pageOf(items, total, page, size);
  }

  /** An import of the session, if the actor may see the session; else 404. */
  async findInScope(actor: Actor, sessionId: number, importId: number): Promise<AttendanceImport> {
    const found = await this.imports.findInScope(
      importId,
      sessionId,
      await this.sessionsService.readScope(actor),
    );
    if (!found) throw new OutOfScopeException();
    return found;
  }

  async errorsPage(importId: number, page: number, size: number): Promise<Page<AttendanceImportError>> {
    const [items, total] = await this.imports.errorsPage(importId, (page - 1) * size, size);
    return pageOf(items, total, page, size);
  }

  errors(importId: number): AsyncGenerator<AttendanceImportError> {
    return this.imports.streamErrors(importId);
  }

  // --- the job ------------------------------------------------------------------------------

  /** The 'attendance.import' job. Safe to run again: a finished import is left as it is. */
  async process(importId: number, context: JobContext): Promise<JobResult> {
    const found = await this.imports.findById(importId);
    if (!found) return { importId, missing: true };
    if (found.finished) return summary(found);
    await this.imports.markRunning(importId);
    const imp = (await this.imports.findById(importId))!;
    try {
      return await this.run(imp, context);
    } catch (error) {
      // After the last attempt the import is closed with a message, instead of seeming to run forever.
      if (context.attempt >= MAX_ATTEMPTS && !(error instanceof ImportOvertakenError)) {
        this.logger.error({ event: 'attendance_import_error', importId, error: (error as Error)?.message });
        await this.fail(imp, [problemAt(0, 'roster.error.internal')], imp).catch(() => undefined);
      }
      throw error;
    }
  }

  private async run(imp: AttendanceImport, context: JobContext): Promise<JobResult> {
    const counts: AttendanceImportCounts = {
      totalRows: imp.totalRows,
      recordedCount: imp.recordedCount,
      unchangedCount: imp.unchangedCount,
      errorCount: imp.errorCount,
    };
    const session = await this.sessions.findById(imp.sessionId);
    if (!session) return this.fail(imp, [problemAt(0, 'activities.import.error.sessionGone')], counts);
    if (checkinTiming(session, new Date()) === 'early')
      return this.fail(imp, [problemAt(0, 'activities.error.notStarted')], counts);
    // Rows up to the checkpoint were saved by an earlier attempt: they are read again only to know
    // which workers they named (a later row naming the same worker is a duplicate).
    const checkpoint = imp.totalRows;
    const seen = new Map<number, number>();
    let header: AttendanceHeader | null = null;
    let headerRow = 0;
    let dataRows = 0;
    let lastRow = 0;
    let done = 0;
    let chunk: PendingRow[] = [];
    const flush = async () => {
      await this.handleChunk(imp, session, header!, chunk, counts, seen, dataRows <= checkpoint);
      chunk = [];
    };
    try {
      for await (const sheetRow of readRosterFile(this.pathOf(imp), imp.kind, (f) => (done = f))) {
        lastRow = sheetRow.rowNumber;
        if (!header) {
          if (sheetRow.cells.every((c) => isBlank(c))) continue;
          const found = matchAttendanceHeader(sheetRow.cells);
          if (isHeader(found)) {
            header = found;
            headerRow = sheetRow.rowNumber;
          } else if (sheetRow.rowNumber >= HEADER_SEARCH_ROWS) {
            return this.fail(imp, [problemAt(0, 'activities.import.error.noHeader')], counts);
          }
          continue;
        }
        const cells = cellsOf(header, sheetRow);
        if (this.validator.isEmpty(cells)) continue;
        dataRows++;
        chunk.push({ rowNumber: sheetRow.rowNumber, cells });
        if (chunk.length >= CHUNK_SIZE) {
          await flush();
          await context.progress(done * 100);
        }
      }
    } catch (error) {
      if (!(error instanceof RosterFileError)) throw error;
      if (chunk.length > 0 && header) await flush();
      return this.fail(
        imp,
        [{ rowNumber: lastRow + 1, columnName: null, messageKey: error.key, params: error.params }],
        counts,
      );
    }
    if (!header) return this.fail(imp, [problemAt(0, 'activities.import.error.noHeader')], counts);
    if (chunk.length > 0) await flush();
    if (dataRows === 0) return this.fail(imp, [problemAt(headerRow + 1, 'roster.error.noRows')], counts);
    await this.imports.finish(imp.id, AttendanceImportStatus.Completed);
    return summary({ ...imp, ...counts, status: AttendanceImportStatus.Completed });
  }

  /**
   * Checks a chunk's rows, finds their workers among those employed on the session's day, and
   * (unless it was saved before) records their attendance with the error reports and counters in
   * one transaction.
   */
  private async handleChunk(
    imp: AttendanceImport,
    session: LearningSession,
    header: AttendanceHeader,
    rows: PendingRow[],
    counts: AttendanceImportCounts,
    seen: Map<number, number>,
    savedBefore: boolean,
  ): Promise<void> {
    const checked = rows.map((r) => ({
      rowNumber: r.rowNumber,
      ...this.validator.validate(r.rowNumber, r.cells),
    }));
    const day = vietnamDateOf(session.startsAt);
    const hashOf = new Map<string, string>();
    for (const c of checked) if (c.row?.cccd) hashOf.set(c.row.cccd, this.pii.blindIndex(c.row.cccd));
    const codes = [...new Set(checked.map((c) => c.row?.employeeCode).filter((v): v is string => !!v))];
    const [byHash, byCode] = await Promise.all([
      this.sessions.employedByCccdHash(session.enterpriseId, day, [...new Set(hashOf.values())]),
      this.sessions.employedByCode(session.enterpriseId, day, codes),
    ]);
    const workerIds: number[] = [];
    const errors: NewAttendanceImportError[] = [];
    let invalidRows = 0;
    for (const c of checked) {
      let problems: AttendanceProblem[] = c.problems;
      if (c.row) {
        const matched = this.validator.match(
          c.row,
          c.row.cccd ? byHash.get(hashOf.get(c.row.cccd)!) : undefined,
          c.row.employeeCode ? byCode.get(c.row.employeeCode.toLowerCase()) : undefined,
        );
        problems = matched.problems;
        if (matched.workerId !== null) {
          const first = seen.get(matched.workerId);
          if (first !== undefined && first !== c.rowNumber)
            problems = [{ field: null, key: 'activities.import.error.duplicate', params: { row: first } }];
          else {
            seen.set(matched.workerId, c.rowNumber);
            workerIds.push(matched.workerId);
          }
        }
      }
      if (problems.length > 0) {
        invalidRows++;
        errors.push(
          ...problems.map((p) => ({
            importId: imp.id,
            rowNumber: c.rowNumber,
            columnName: p.field ? (header.columns.get(p.field)?.label ?? attendanceHeader(p.field)) : null,
            messageKey: p.key,
            params: p.params ?? null,
          })),
        );
      }
    }
    // Saved by an earlier run, which may have stopped before announcing them: announce again (the
    // listeners are safe to run twice; a run still waiting is joined).
    if (savedBefore) {
      await this.learningRecords.announce(workerIds);
      return;
    }
    const { next, added } = await this.unitOfWork.run(async (manager) => {
      const added = await this.attendance.recordWithin(
        manager,
        session,
        workerIds,
        AttendanceMethod.Import,
        imp.uploadedBy,
      );
      const next: AttendanceImportCounts = {
        totalRows: counts.totalRows + rows.length,
        recordedCount: counts.recordedCount + added.length,
        unchangedCount: counts.unchangedCount + (workerIds.length - added.length),
        errorCount: counts.errorCount + invalidRows,
      };
      await this.imports.insertErrors(errors, manager);
      if (!(await this.imports.advance(manager, imp.id, counts.totalRows, next)))
        throw new ImportOvertakenError(`attendance import ${imp.id} was advanced by another run`);
      return { next, added };
    });
    Object.assign(counts, next);
    await this.learningRecords.announce(added);
  }

  private async fail(
    imp: AttendanceImport,
    problems: Omit<NewAttendanceImportError, 'importId'>[],
    counts: AttendanceImportCounts,
  ): Promise<JobResult> {
    await this.unitOfWork.run(async (manager) => {
      await this.imports.insertErrors(
        problems.map((p) => ({ ...p, importId: imp.id })),
        manager,
      );
      await this.imports.finish(imp.id, AttendanceImportStatus.Failed, manager);
    });
    this.logger.log({ event: 'attendance_import_failed', importId: imp.id, reason: problems[0]?.messageKey });
    return summary({ ...imp, ...counts, status: AttendanceImportStatus.Failed });
  }

  private pathOf(imp: AttendanceImport): string {
    return join(this.uploads.dir, imp.storedName);
  }
}

function problemAt(rowNumber: number, messageKey: string): Omit<NewAttendanceImportError, 'importId'> {
  return { rowNumber, columnName: null, messageKey, params: null };
}

function cellsOf(header: AttendanceHeader, row: SheetRow): AttendanceCells {
  const out: AttendanceCells = {};
  for (const [field, { index }] of header.columns) out[field as AttendanceField] = row.cells[index] ?? null;
  return out;
}

/** An error report line in the reader's language; the column is named as the file names it. */
export function describeAttendanceError(locale: Locale, error: AttendanceImportError): string {
  return translateRef(locale, {
    key: error.messageKey,
    params: { column: error.columnName ?? '', ...(error.params ?? {}) },
  });
}

export function summary(
  imp: AttendanceImportCounts & { id: number; status: AttendanceImportStatus },
): JobResult {
  return {
    importId: imp.id,
    status: imp.status,
    rows: imp.totalRows,
    recorded: imp.recordedCount,
    unchanged: imp.unchangedCount,
    errors: imp.errorCount,
  };
}
