import { Transaction } from '../database/unit-of-work';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { FormError } from '../common/errors/form-error';
import { Page } from '../common/http/pagination';
import { TempUpload } from '../files/file-upload';
import { ImportRowError } from '../imports/entities/import-row-error.entity';
import { ImportKind, ImportRun } from '../imports/entities/import-run.entity';
import {
  ChunkResult,
  ImportKindHandler,
  ImportPipeline,
  ImportSheet,
  RowProblem,
  SheetDataRow,
} from '../imports/import-pipeline';
import { ImportRunsService } from '../imports/import-runs.service';
import { cellsOf } from '../imports/spreadsheet/columns';
import { LearningRecordsService } from '../learning-records/learning-records.service';
import {
  AttendanceField,
  AttendanceHeader,
  attendanceHeader,
  isHeader,
  matchAttendanceHeader,
} from './attendance-file/attendance-columns';
import {
  AttendanceCells,
  AttendanceProblem,
  AttendanceRowValidator,
} from './attendance-file/attendance-row.validator';
import { assertStarted, AttendanceService } from './attendance.service';
import { checkinTiming } from './checkin-window';
import { AttendanceMethod } from './entities/session-attendance.entity';
import { LearningSession } from './entities/learning-session.entity';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { vietnamDateOf } from '../common/time/vietnam-time';
import { Workforce } from '../workers/workforce';

/**
 * Attendance sheets: the officer uploads an XLSX or CSV listing who came to a session (by CCCD or
 * employee code); the import pipeline (src/imports) reads it in the background and hands the rows
 * here in chunks. Each row is matched to a worker employed at the session's enterprise on its day;
 * their attendance and learning records are saved with the chunk, so a sheet imported again
 * records nothing new. What the pipeline counts as "created" is a presence recorded.
 */
@Injectable()
export class AttendanceImportsService implements ImportKindHandler, OnModuleInit {
  readonly kind = ImportKind.Attendance;

  constructor(
    private readonly runs: ImportRunsService,
    private readonly pipeline: ImportPipeline,
    private readonly sessions: SessionsRepository,
    private readonly workforce: Workforce,
    private readonly sessionsService: SessionsService,
    private readonly attendance: AttendanceService,
    private readonly validator: AttendanceRowValidator,
    private readonly learningRecords: LearningRecordsService,
    private readonly pii: PiiCipher,
  ) {}

  onModuleInit(): void {
    this.pipeline.register(this);
  }

  /** Keeps an uploaded sheet of a session the actor may write to, and queues its import. */
  async createFromUpload(
    actor: Actor,
    sessionId: number,
    upload: TempUpload | undefined,
  ): Promise<ImportRun> {
    if (!upload) throw FormError.field('file', 'import.upload.required');
    const session = await this.sessionsService.getForWrite(actor, sessionId);
    assertStarted(session, new Date(), 'file');
    return this.runs.start(actor, ImportKind.Attendance, sessionId, upload);
  }

  async page(actor: Actor, sessionId: number, page: number, size: number): Promise<Page<ImportRun>> {
    await this.sessionsService.get(actor, sessionId);
    return this.runs.page(ImportKind.Attendance, [sessionId], page, size);
  }

  /** An import of the session, if the actor may see the session; else 404. */
  async findInScope(actor: Actor, sessionId: number, importId: number): Promise<ImportRun> {
    await this.sessionsService.get(actor, sessionId);
    return this.runs.find(ImportKind.Attendance, importId, [sessionId]);
  }

  errorsPage(importId: number, page: number, size: number): Promise<Page<ImportRowError>> {
    return this.runs.errorsPage(importId, page, size);
  }

  errors(importId: number): AsyncGenerator<ImportRowError> {
    return this.runs.errors(importId);
  }

  // --- the pipeline's handler -------------------------------------------------------------------

  async open(run: ImportRun): Promise<ImportSheet<AttendanceHeader> | { fail: string }> {
    const session = await this.sessions.findById(run.targetId);
    if (!session) return { fail: 'activities.import.error.sessionGone' };
    if (checkinTiming(session, new Date()) === 'early') return { fail: 'activities.error.notStarted' };
    // The first row naming each worker, across the whole sheet (a later one is a duplicate).
    const seen = new Map<number, number>();
    return {
      noHeaderMessage: 'activities.import.error.noHeader',
      readHeader: (cells) => {
        const header = matchAttendanceHeader(cells);
        return isHeader(header) ? { header } : null;
      },
      isEmptyRow: (header, cells) => this.validator.isEmpty(cellsOf(header, cells) as AttendanceCells),
      saveChunk: (header, rows, manager) => this.saveChunk(run, session, header, rows, seen, manager),
    };
  }

  /**
   * Checks a chunk's rows and finds their workers among those employed on the session's day; with a
   * manager, records their attendance (and learning records) in the pipeline's transaction. Rows
   * an earlier run saved are announced again: it may have stopped before announcing them (the
   * listeners are safe to run twice).
   */
  private async saveChunk(
    run: ImportRun,
    session: LearningSession,
    header: AttendanceHeader,
    rows: SheetDataRow[],
    seen: Map<number, number>,
    manager: Transaction | null,
  ): Promise<ChunkResult> {
    const checked = rows.map((r) => ({
      rowNumber: r.rowNumber,
      ...this.validator.validate(r.rowNumber, cellsOf(header, r.cells) as AttendanceCells),
    }));
    const day = vietnamDateOf(session.startsAt);
    const hashOf = new Map<string, string>();
    for (const c of checked) if (c.row?.cccd) hashOf.set(c.row.cccd, this.pii.blindIndex(c.row.cccd));
    const codes = [...new Set(checked.map((c) => c.row?.employeeCode).filter((v): v is string => !!v))];
    const [byHash, byCode] = await Promise.all([
      this.workforce.employedByCccdHash(session.enterpriseId, day, [...new Set(hashOf.values())]),
      this.workforce.employedByCode(session.enterpriseId, day, codes),
    ]);
    const workerIds: number[] = [];
    const problems: RowProblem[] = [];
    let refused = 0;
    for (const c of checked) {
      let found: AttendanceProblem[] = c.problems;
      if (c.row) {
        const matched = this.validator.match(
          c.row,
          c.row.cccd ? byHash.get(hashOf.get(c.row.cccd)!) : undefined,
          c.row.employeeCode ? byCode.get(c.row.employeeCode.toLowerCase()) : undefined,
        );
        found = matched.problems;
        if (matched.workerId !== null) {
          const first = seen.get(matched.workerId);
          if (first !== undefined && first !== c.rowNumber)
            found = [{ field: null, key: 'activities.import.error.duplicate', params: { row: first } }];
          else {
            seen.set(matched.workerId, c.rowNumber);
            workerIds.push(matched.workerId);
          }
        }
      }
      if (found.length === 0) continue;
      refused++;
      problems.push(
        ...found.map((p) => ({
          rowNumber: c.rowNumber,
          columnName: p.field
            ? (header.columns.get(p.field as AttendanceField)?.label ?? attendanceHeader(p.field))
            : null,
          messageKey: p.key,
          params: p.params ?? null,
        })),
      );
    }
    if (!manager)
      return {
        created: 0,
        updated: 0,
        unchanged: 0,
        refused: 0,
        problems: [],
        afterCommit: () => this.learningRecords.announce(workerIds),
      };
    const added = await this.attendance.recordWithin(
      manager,
      session,
      workerIds,
      AttendanceMethod.Import,
      run.uploadedBy,
    );
    return {
      created: added.length,
      updated: 0,
      unchanged: workerIds.length - added.length,
      refused,
      problems,
      afterCommit: () => this.learningRecords.announce(added, vietnamDateOf(session.startsAt)),
    };
  }
}
