import { FiguresChanged } from '../common/events/figures-changed';
import { Injectable, Logger } from '@nestjs/common';
import { join } from 'node:path';
import { EntityManager } from 'typeorm';
import { Inject } from '@nestjs/common';
import { MessageRef } from '../common/i18n/messages';
import { uploadsConfig, UploadsConfig } from '../config';
import { UnitOfWork } from '../database/unit-of-work';
import { JobResult } from '../jobs/entities/job-run.entity';
import { JobContext } from '../jobs/job-handler.decorator';
import { MAX_ATTEMPTS } from '../jobs/job-executor';
import { ImportKind, ImportRun, ImportStatus } from './entities/import-run.entity';
import { ImportCounts, ImportRunsRepository, NewImportRowError } from './import-runs.repository';
import { CellValue, isBlank } from './spreadsheet/cells';
import { HEADER_SEARCH_ROWS, HeaderMatch } from './spreadsheet/columns';
import { readSpreadsheet, SpreadsheetError } from './spreadsheet/spreadsheet-reader';

/** Rows saved per transaction: their look-ups, their writes, their errors and the counters, one commit. */
export const CHUNK_SIZE = 500;

/** One problem of one row (row 0: the file as a whole), as a message key the page translates. */
export interface RowProblem {
  rowNumber: number;
  /** The column's header as the file writes it; null for the row as a whole. */
  columnName: string | null;
  messageKey: string;
  params?: MessageRef['params'] | null;
}

/** A header row names at least this many known columns (a title row above it names fewer). */
const MIN_HEADER_MATCHES = 2;

/**
 * The header rule of sheets with required columns: null for a row naming fewer than two known
 * columns (a title, a blank line), the header when it has every required column, else one problem
 * per missing column, named as the template names it.
 */
export function requiredHeader<F extends string, H extends HeaderMatch<F>>(
  match: H,
  rowNumber: number,
  columnHeader: (field: F) => string,
): { header: H } | { problems: RowProblem[] } | null {
  if (match.columns.size < MIN_HEADER_MATCHES) return null;
  if (match.missing.length === 0) return { header: match };
  return {
    problems: match.missing.map((field) => ({
      rowNumber,
      columnName: columnHeader(field),
      messageKey: 'import.error.missingColumn',
      params: { column: columnHeader(field) },
    })),
  };
}

export interface SheetDataRow {
  rowNumber: number;
  cells: CellValue[];
}

/** What saving a chunk did: rows created, updated, unchanged or refused, with the refusals' problems. */
export interface ChunkResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows refused (one row may have several problems). */
  refused: number;
  problems: RowProblem[];
  /** Work for after the chunk is committed, e.g. announcing new learning records. */
  afterCommit?: () => Promise<void>;
  /**
   * The earliest day whose figures the chunk's changes move (YYYY-MM-DD), when the kind knows it:
   * a back-dated one makes the closed years' year-end figures be computed again.
   */
  since?: string | null;
}

/** How one kind reads and saves the sheet of one run; it may keep state across chunks (e.g. duplicates). */
export interface ImportSheet<H> {
  /** The header, if this row is it; problems when it is a header that lacks a required column. */
  readHeader(cells: CellValue[], rowNumber: number): { header: H } | { problems: RowProblem[] } | null;
  /** The message of a file whose header is not in its first rows. */
  readonly noHeaderMessage: string;
  /** A row with nothing in any known column is skipped (blank lines between blocks). */
  isEmptyRow(header: H, cells: CellValue[]): boolean;
  /**
   * Saves one chunk inside the pipeline's transaction. With no manager, the rows were saved by an
   * earlier attempt: they are only read again, for the sheet's own state across chunks.
   */
  saveChunk(header: H, rows: SheetDataRow[], manager: EntityManager | null): Promise<ChunkResult>;
}

/** A kind of import: domains register one (roster, attendance, enterprises, the history imports). */
export interface ImportKindHandler {
  readonly kind: ImportKind;
  /** The sheet of a run, or the message key of a reason the whole import cannot run (e.g. the session is gone). */
  open(run: ImportRun): Promise<ImportSheet<unknown> | { fail: string }>;
  /** After a run that saved its rows (not a dry run) completed, e.g. to write it to the audit trail. */
  completed?(run: ImportRun & ImportCounts): Promise<void>;
}

/** Thrown when another run of the same import saved the chunk first; the transaction rolls back. */
class ImportOvertakenError extends Error {}

/** Ends a dry run's chunk transaction: what the chunk would have done, with its writes rolled back. */
class DryRunRollback extends Error {
  constructor(readonly result: ChunkResult) {
    super('dry run');
  }
}

const EMPTY_RESULT: ChunkResult = { created: 0, updated: 0, unchanged: 0, refused: 0, problems: [] };

/**
 * The one import pipeline: a background job reads an uploaded sheet as a stream (the safety limits
 * are the reader's), finds its header, and hands the rows in chunks to the kind's handler. Each
 * chunk is one transaction holding its writes, its error reports and the run's counters
 * (compare-and-set on the checkpoint), so a run that stops half-way resumes from the last committed
 * chunk and ends in the same state, and a second copy of the job cannot save a chunk twice.
 */
@Injectable()
export class ImportPipeline {
  private readonly logger = new Logger(ImportPipeline.name);
  private readonly handlers = new Map<ImportKind, ImportKindHandler>();

  constructor(
    private readonly runs: ImportRunsRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly figures: FiguresChanged,
    @Inject(uploadsConfig.KEY) private readonly uploads: UploadsConfig,
  ) {}

  register(handler: ImportKindHandler): void {
    this.handlers.set(handler.kind, handler);
  }

  /** The 'import.run' job. Safe to run again: a finished run is left as it is. */
  async process(importId: number, context: JobContext): Promise<JobResult> {
    const found = await this.runs.findById(importId);
    if (!found) return { importId, missing: true };
    if (found.finished) return summary(found);
    await this.runs.markRunning(importId);
    const run = (await this.runs.findById(importId))!;
    try {
      return await this.run(run, context);
    } catch (error) {
      // After the last attempt the run is closed with a message, instead of seeming to run forever.
      if (context.attempt >= MAX_ATTEMPTS && !(error instanceof ImportOvertakenError)) {
        this.logger.error({
          event: 'import_error',
          importId,
          kind: run.kind,
          error: (error as Error)?.message,
        });
        await this.fail(run, [problemAt(0, 'import.error.internal')], run).catch(() => undefined);
      }
      throw error;
    }
  }

  private async run(run: ImportRun, context: JobContext): Promise<JobResult> {
    const counts: ImportCounts = {
      totalRows: run.totalRows,
      createdCount: run.createdCount,
      updatedCount: run.updatedCount,
      unchangedCount: run.unchangedCount,
      errorCount: run.errorCount,
    };
    const handler = this.handlers.get(run.kind);
    if (!handler) throw new Error(`No import handler for ${run.kind}`);
    const opened = await handler.open(run);
    if ('fail' in opened) return this.fail(run, [problemAt(0, opened.fail)], counts);
    const sheet = opened;
    // Rows up to the checkpoint were saved by an earlier attempt: read again, not saved again.
    const checkpoint = run.totalRows;
    let header: { value: unknown; rowNumber: number } | null = null;
    let dataRows = 0;
    let lastRow = 0;
    let done = 0;
    let chunk: SheetDataRow[] = [];
    let replaying = false;
    let since: string | null = null;
    const flush = async () => {
      const saved = await this.saveChunk(run, sheet, header!.value, chunk, counts, replaying);
      if (saved.since && (!since || saved.since < since)) since = saved.since;
      chunk = [];
    };
    try {
      for await (const row of readSpreadsheet(
        this.pathOf(run),
        run.fileKind,
        (f) => (done = f),
        run.sheetIndex,
      )) {
        lastRow = row.rowNumber;
        if (!header) {
          if (row.cells.every((c) => isBlank(c))) continue;
          const found = sheet.readHeader(row.cells, row.rowNumber);
          if (found && 'problems' in found) return this.fail(run, found.problems, counts);
          if (found) header = { value: found.header, rowNumber: row.rowNumber };
          else if (row.rowNumber >= HEADER_SEARCH_ROWS)
            return this.fail(run, [problemAt(0, sheet.noHeaderMessage)], counts);
          continue;
        }
        if (sheet.isEmptyRow(header.value, row.cells)) continue;
        dataRows++;
        // A chunk is either all saved by an earlier attempt or all new.
        if (chunk.length > 0 && replaying !== dataRows <= checkpoint) await flush();
        replaying = dataRows <= checkpoint;
        chunk.push(row);
        if (chunk.length >= CHUNK_SIZE) {
          await flush();
          await context.progress(done * 100);
        }
      }
    } catch (error) {
      if (!(error instanceof SpreadsheetError)) throw error;
      if (chunk.length > 0 && header) await flush();
      return this.fail(
        run,
        [{ rowNumber: lastRow + 1, columnName: null, messageKey: error.key, params: error.params }],
        counts,
      );
    }
    if (!header) return this.fail(run, [problemAt(0, sheet.noHeaderMessage)], counts);
    if (chunk.length > 0) await flush();
    if (dataRows === 0)
      return this.fail(run, [problemAt(header.rowNumber + 1, 'import.error.noRows')], counts);
    await this.runs.finish(run.id, ImportStatus.Completed);
    if (!run.dryRun) {
      if (counts.createdCount + counts.updatedCount > 0)
        await this.figures.publish(isHistory(run.kind) ? 'history' : 'import', since ?? undefined);
      await handler.completed?.(Object.assign(run, counts, { status: ImportStatus.Completed }));
    }
    return summary({ ...run, ...counts, status: ImportStatus.Completed });
  }

  /**
   * One chunk: saved with its errors and the counters in one transaction, or only read again. A
   * dry run saves the chunk in a transaction it rolls back, then records what it found.
   */
  private async saveChunk(
    run: ImportRun,
    sheet: ImportSheet<unknown>,
    header: unknown,
    rows: SheetDataRow[],
    counts: ImportCounts,
    savedBefore: boolean,
  ): Promise<ChunkResult> {
    if (savedBefore) {
      const replayed = await sheet.saveChunk(header, rows, null);
      if (!run.dryRun) await replayed.afterCommit?.();
      return replayed;
    }
    const tried = run.dryRun ? await this.tryChunk(sheet, header, rows) : null;
    let result = EMPTY_RESULT;
    const next = await this.unitOfWork.run(async (manager) => {
      result = tried ?? (await sheet.saveChunk(header, rows, manager));
      const after: ImportCounts = {
        totalRows: counts.totalRows + rows.length,
        createdCount: counts.createdCount + result.created,
        updatedCount: counts.updatedCount + result.updated,
        unchangedCount: counts.unchangedCount + result.unchanged,
        errorCount: counts.errorCount + result.refused,
      };
      await this.runs.insertErrors(
        [...result.problems]
          .sort((a, b) => a.rowNumber - b.rowNumber)
          .map((p) => ({ ...p, params: p.params ?? null, importId: run.id })),
        manager,
      );
      if (!(await this.runs.advance(manager, run.id, counts.totalRows, after)))
        throw new ImportOvertakenError(`import ${run.id} was advanced by another run`);
      return after;
    });
    Object.assign(counts, next);
    if (!run.dryRun) await result.afterCommit?.();
    return result;
  }

  /** What saving the chunk would do, found by saving it and rolling the transaction back. */
  private async tryChunk(
    sheet: ImportSheet<unknown>,
    header: unknown,
    rows: SheetDataRow[],
  ): Promise<ChunkResult> {
    try {
      await this.unitOfWork.run(async (manager) => {
        throw new DryRunRollback(await sheet.saveChunk(header, rows, manager));
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.result;
      throw error;
    }
    throw new Error('unreachable: a dry run always rolls back');
  }

  private async fail(run: ImportRun, problems: RowProblem[], counts: ImportCounts): Promise<JobResult> {
    await this.unitOfWork.run(async (manager) => {
      await this.runs.insertErrors(
        problems.map((p): NewImportRowError => ({ ...p, params: p.params ?? null, importId: run.id })),
        manager,
      );
      await this.runs.finish(run.id, ImportStatus.Failed, manager);
    });
    this.logger.log({
      event: 'import_failed',
      importId: run.id,
      kind: run.kind,
      reason: problems[0]?.messageKey,
    });
    return summary({ ...run, ...counts, status: ImportStatus.Failed });
  }

  private pathOf(run: ImportRun): string {
    return join(this.uploads.dir, run.storedName);
  }
}

function isHistory(kind: ImportKind): boolean {
  return (
    kind === ImportKind.HistoryTitles ||
    kind === ImportKind.HistoryTrainings ||
    kind === ImportKind.HistoryResults
  );
}

export function problemAt(rowNumber: number, messageKey: string): RowProblem {
  return { rowNumber, columnName: null, messageKey, params: null };
}

export function summary(run: ImportCounts & { id: number; status: ImportStatus }): JobResult {
  return {
    importId: run.id,
    status: run.status,
    rows: run.totalRows,
    created: run.createdCount,
    updated: run.updatedCount,
    unchanged: run.unchangedCount,
    errors: run.errorCount,
  };
}
