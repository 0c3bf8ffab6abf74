import { Inject, Injectable, Logger } from '@nestjs/common';
import { rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { EntityManager } from 'typeorm';
import { Actor } from '../common/access/actor';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { FormError } from '../common/errors/form-error';
import { translateRef } from '../common/i18n/i18n';
import { Locale } from '../common/i18n/messages';
import { Page, pageOf } from '../common/http/pagination';
import { isValidCccdFormat } from '../common/validation/cccd';
import { uploadsConfig, UploadsConfig } from '../config';
import { UnitOfWork } from '../database/unit-of-work';
import { JobResult } from '../jobs/entities/job-run.entity';
import { JobContext } from '../jobs/job-handler.decorator';
import { MAX_ATTEMPTS } from '../jobs/job-executor';
import { JobQueue } from '../jobs/job-queue';
import { EnterpriseScope, EnterpriseScopeService } from '../organisations/enterprise-scope';
import { Enterprise } from '../organisations/entities/enterprise.entity';
import { RosterImportError } from './entities/roster-import-error.entity';
import { RosterImport, RosterImportStatus } from './entities/roster-import.entity';
import { Worker } from './entities/worker.entity';
import { EntryOutcome, EntryRefusal, PersonRegistry } from './identity/person-registry';
import { ReconciliationSource } from './reconciliation/entities/identity-reconciliation.entity';
import {
  NewRosterImportError,
  RosterImportCounts,
  RosterImportListItem,
  RosterImportsRepository,
} from './roster-imports.repository';
import {
  columnHeader,
  HEADER_SEARCH_ROWS,
  HeaderMatch,
  matchRosterHeader,
  MIN_HEADER_MATCHES,
  RosterField,
} from './roster/roster-columns';
import { readRosterFile, RosterFileError, SheetRow } from './roster/roster-file.reader';
import { overlaps } from './roster/roster-merge';
import { RosterRow, RosterRowValidator, RowCells, RowProblem } from './roster/roster-row.validator';
import { isBlank, parseCccd } from './roster/roster-values';
import { detectRosterKind, StoredUpload } from './roster-upload';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { WORKER_SCOPE_ROLES } from './workers.access';
import { WorkersRepository } from './workers.repository';

/** Rows saved per transaction: one look-up of existing workers, batched inserts, one commit. */
export const CHUNK_SIZE = 500;

/** An earlier row of the same person in the file (dates null when that row was not valid). */
export interface SeenPeriod {
  rowNumber: number;
  startDate: string | null;
  endDate?: string | null;
}

const REFUSAL_MESSAGES: Record<EntryRefusal, string> = {
  identityDiffers: 'roster.error.identityDiffers',
  alreadyOnRoster: 'roster.error.duplicate',
  secondOpen: 'roster.error.secondOpen',
};

/** A data row after checking: either a row to save or the problems to report. */
export interface CheckedRow {
  rowNumber: number;
  row: RosterRow | null;
  cccdHash: string | null;
  problems: RowProblem[];
}

/** Thrown when another run of the same import saved the chunk first; the transaction rolls back. */
class ImportOvertakenError extends Error {}

/**
 * Roster imports: the officer uploads a file, a background job ('roster.import') reads it as a
 * stream and saves it in chunks. Each chunk is one transaction holding its rows (person and
 * employment together), its error reports and the import's counters, so a run that stops half-way
 * resumes from the last committed chunk and ends in the same state. Rows are matched on the
 * CCCD's blind index and on (worker, enterprise, start date); a row that matches what is stored
 * changes nothing.
 */
@Injectable()
export class RosterImportsService {
  private readonly logger = new Logger(RosterImportsService.name);

  constructor(
    private readonly imports: RosterImportsRepository,
    private readonly workers: WorkersRepository,
    private readonly validator: RosterRowValidator,
    private readonly registry: PersonRegistry,
    private readonly unitOfWork: UnitOfWork,
    private readonly pii: PiiCipher,
    private readonly scopes: EnterpriseScopeService,
    private readonly queue: JobQueue,
    @Inject(uploadsConfig.KEY) private readonly uploads: UploadsConfig,
  ) {}

  /** Enterprises the actor may import into: an officer's own; any for the federation admin. */
  async targets(actor: Actor): Promise<Enterprise[]> {
    return this.workers.enterprisesInScope(await this.scope(actor));
  }

  /**
   * Records an uploaded file and queues its import. The file is checked by its bytes (XLSX or UTF-8
   * CSV) before anything is queued; a refused file is deleted at once.
   */
  async createFromUpload(
    actor: Actor,
    enterpriseId: number | undefined,
    upload: StoredUpload | undefined,
  ): Promise<RosterImport> {
    if (!upload) throw FormError.field('file', 'roster.upload.required');
    let path = upload.path;
    try {
      const enterprise = await this.targetEnterprise(actor, enterpriseId);
      const kind = await detectRosterKind(upload.path, upload.size);
      const storedName = upload.storedName.replace(/\.upload$/, `.${kind}`);
      await rename(upload.path, join(this.uploads.dir, storedName));
      path = join(this.uploads.dir, storedName);
      const created = await this.imports.create({
        enterpriseId: enterprise.id,
        uploadedBy: actor.userId,
        originalName: upload.originalName,
        storedName,
        sha256: upload.sha256,
      });
      const run = await this.queue.enqueue(
        'roster.import',
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

  private async targetEnterprise(actor: Actor, enterpriseId: number | undefined): Promise<Enterprise> {
    const scope = await this.scope(actor);
    if (enterpriseId === undefined) {
      // An officer of one enterprise need not choose it.
      if (!scope.all && scope.enterpriseIds.length === 1 && scope.unitPaths.length === 0)
        enterpriseId = scope.enterpriseIds[0];
      else throw FormError.field('enterpriseId', 'validation.required');
    }
    const enterprise = await this.workers.enterpriseInScope(enterpriseId, scope);
    if (!enterprise) throw FormError.field('enterpriseId', 'roster.upload.enterpriseOutOfScope');
    return enterprise;
  }

  async page(actor: Actor, page: number, size: number): Promise<Page<RosterImportListItem>> {
    const [items, total] = await this.imports.page(await this.scope(actor), (page - 1) * size, size);
    return pageOf(items, total, page, size);
  }

  /** An import of an enterprise in the actor's scope, or 404. */
  async findInScope(actor: Actor, id: number): Promise<RosterImportListItem> {
    const found = await this.imports.findInScope(id, await this.scope(actor));
    if (!found) throw new OutOfScopeException();
    return found;
  }

  async errorsPage(importId: number, page: number, size: number): Promise<Page<RosterImportError>> {
    const [items, total] = await this.imports.errorsPage(importId, (page - 1) * size, size);
    return pageOf(items, total, page, size);
  }

  async *errors(importId: number): AsyncGenerator<RosterImportError> {
    for await (const batch of this.imports.streamErrors(importId)) yield* batch;
  }

  // --- the job ------------------------------------------------------------------------------

  /** The 'roster.import' job. Safe to run again: a finished import is left as it is. */
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
        this.logger.error({ event: 'roster_import_error', importId, error: (error as Error)?.message });
        await this.fail(
          imp,
          [{ rowNumber: 0, columnName: null, messageKey: 'roster.error.internal', params: null }],
          imp,
        ).catch(() => undefined);
      }
      throw error;
    }
  }

  private async run(imp: RosterImport, context: JobContext): Promise<JobResult> {
    const path = join(this.uploads.dir, imp.storedName);
    // Resume from the last committed chunk of an earlier attempt.
    const counts: RosterImportCounts = {
      totalRows: imp.totalRows,
      createdCount: imp.createdCount,
      updatedCount: imp.updatedCount,
      unchangedCount: imp.unchangedCount,
      errorCount: imp.errorCount,
    };
    const checkpoint = imp.totalRows;
    let done = 0;
    let dataRows = 0;
    let lastRow = 0;
    let chunk: CheckedRow[] = [];
    let header: { match: HeaderMatch; rowNumber: number } | null = null;
    const seen = new Map<string, SeenPeriod[]>();
    try {
      for await (const sheetRow of readRosterFile(path, imp.kind, (fraction) => (done = fraction))) {
        lastRow = sheetRow.rowNumber;
        if (!header) {
          const found = this.findHeader(sheetRow, lastRow);
          if (found === 'skip') continue;
          if (found === 'none' || found.match.missing.length > 0)
            return this.fail(imp, headerProblems(found, lastRow), counts);
          header = found;
          continue;
        }
        const cells = cellsOf(header.match, sheetRow.cells);
        if (this.validator.isEmpty(cells)) continue;
        dataRows++;
        const checked = this.check(sheetRow.rowNumber, cells, seen);
        if (dataRows <= checkpoint) continue; // saved by an earlier attempt
        chunk.push(checked);
        if (chunk.length >= CHUNK_SIZE) {
          await this.saveChunk(imp, header.match, chunk, counts);
          chunk = [];
          await context.progress(done * 100);
        }
      }
    } catch (error) {
      if (!(error instanceof RosterFileError)) throw error;
      if (chunk.length > 0 && header) await this.saveChunk(imp, header.match, chunk, counts);
      return this.fail(
        imp,
        [{ rowNumber: lastRow + 1, columnName: null, messageKey: error.key, params: error.params }],
        counts,
      );
    }
    if (!header) return this.fail(imp, headerProblems('none', 0), counts);
    if (chunk.length > 0) await this.saveChunk(imp, header.match, chunk, counts);
    if (dataRows === 0)
      return this.fail(
        imp,
        [
          {
            rowNumber: header.rowNumber + 1,
            columnName: null,
            messageKey: 'roster.error.noRows',
            params: null,
          },
        ],
        counts,
      );
    await this.imports.finish(imp.id, RosterImportStatus.Completed);
    return summary({ ...imp, ...counts, status: RosterImportStatus.Completed });
  }

  private findHeader(
    row: SheetRow,
    position: number,
  ): { match: HeaderMatch; rowNumber: number } | 'skip' | 'none' {
    if (row.cells.every((c) => isBlank(c))) return 'skip';
    const match = matchRosterHeader(row.cells);
    if (match.columns.size >= MIN_HEADER_MATCHES) return { match, rowNumber: row.rowNumber };
    return position >= HEADER_SEARCH_ROWS ? 'none' : 'skip';
  }

  /**
   * Validates one row and catches a row of the same person (CCCD) whose working period overlaps an
   * earlier row of the file. Two rows of one person are fine when their periods do not overlap: a
   * worker who left and was hired again.
   */
  check(rowNumber: number, cells: RowCells, seen: Map<string, SeenPeriod[]>): CheckedRow {
    const { row, problems } = this.validator.validate(rowNumber, cells);
    const cccd = parseCccd(cells.cccd);
    let cccdHash: string | null = null;
    if (cccd && isValidCccdFormat(cccd)) {
      cccdHash = this.pii.blindIndex(cccd);
      const earlier = seen.get(cccdHash) ?? [];
      const period = row ? { rowNumber, startDate: row.startDate, endDate: row.endDate } : null;
      const clash = earlier.find(
        (e) => !period || !e.startDate || overlaps({ startDate: e.startDate, endDate: e.endDate }, period),
      );
      if (clash) {
        problems.push({
          field: RosterField.Cccd,
          key: period && clash.startDate ? 'roster.error.overlap' : 'roster.error.duplicate',
          params: { row: clash.rowNumber },
        });
        return { rowNumber, row: null, cccdHash, problems };
      }
      seen.set(cccdHash, [...earlier, period ?? { rowNumber, startDate: null, endDate: null }]);
    }
    return { rowNumber, row, cccdHash, problems };
  }

  /**
   * Saves one chunk in one transaction: its valid rows, its error reports and the import's counters
   * (compare-and-set on the checkpoint, so two runs of the same import cannot both save a chunk).
   */
  private async saveChunk(
    imp: RosterImport,
    header: HeaderMatch,
    chunk: CheckedRow[],
    counts: RosterImportCounts,
  ): Promise<void> {
    const valid = chunk.filter(
      (c): c is CheckedRow & { row: RosterRow; cccdHash: string } => !!c.row && !!c.cccdHash,
    );
    const invalid = chunk.filter((c) => !c.row);
    const errors: NewRosterImportError[] = invalid.flatMap((c) =>
      c.problems.map((p) => ({
        importId: imp.id,
        rowNumber: c.rowNumber,
        columnName: header.columns.get(p.field)?.label ?? columnHeader(p.field),
        messageKey: p.key,
        params: p.params ?? null,
      })),
    );
    const next = await this.unitOfWork.run(async (manager) => {
      const outcomes = await this.saveRows(manager, imp, valid);
      const refused = outcomes.filter((o) => o.result === 'refused');
      const refusedErrors: NewRosterImportError[] = refused.map((o) => ({
        importId: imp.id,
        rowNumber: o.key,
        columnName: header.columns.get(RosterField.Cccd)?.label ?? columnHeader(RosterField.Cccd),
        messageKey: REFUSAL_MESSAGES[o.refusal!],
        params: null,
      }));
      const after: RosterImportCounts = {
        totalRows: counts.totalRows + chunk.length,
        createdCount: counts.createdCount + outcomes.filter((o) => o.result === 'created').length,
        updatedCount: counts.updatedCount + outcomes.filter((o) => o.result === 'updated').length,
        unchangedCount: counts.unchangedCount + outcomes.filter((o) => o.result === 'unchanged').length,
        errorCount: counts.errorCount + invalid.length + refused.length,
      };
      await this.imports.insertErrors(
        [...errors, ...refusedErrors].sort((a, b) => a.rowNumber - b.rowNumber),
        manager,
      );
      if (!(await this.imports.advance(manager, imp.id, counts.totalRows, after)))
        throw new ImportOvertakenError(`roster import ${imp.id} was advanced by another run`);
      return after;
    });
    Object.assign(counts, next);
  }

  /**
   * Saves some valid rows (people and their employments at the import's enterprise) under the
   * identity rules of PersonRegistry, inside the caller's transaction. The uploader is who asked.
   */
  saveRows(
    manager: EntityManager,
    imp: Pick<RosterImport, 'id' | 'enterpriseId' | 'uploadedBy'>,
    rows: { row: RosterRow; cccdHash: string }[],
  ): Promise<EntryOutcome[]> {
    if (rows.length === 0) return Promise.resolve([]);
    return this.registry.register(manager, {
      enterpriseId: imp.enterpriseId,
      entries: rows.map(({ row, cccdHash }) => ({
        key: row.rowNumber,
        cccd: row.cccd,
        cccdHash,
        identity: { fullName: row.fullName, dateOfBirth: row.dateOfBirth, gender: row.gender },
        employment: {
          startDate: row.startDate,
          endDate: row.endDate,
          employeeCode: row.employeeCode,
          unionMember: row.unionMember,
          phone: row.phone,
          email: row.email,
        },
      })),
      requester: { userId: imp.uploadedBy },
      source: { kind: ReconciliationSource.RosterImport, importId: imp.id },
      mode: 'merge',
      identityAuthority: false,
    });
  }

  private async fail(
    imp: RosterImport,
    problems: Omit<NewRosterImportError, 'importId'>[],
    counts: RosterImportCounts,
  ): Promise<JobResult> {
    await this.unitOfWork.run(async (manager) => {
      await this.imports.insertErrors(
        problems.map((p) => ({ ...p, importId: imp.id })),
        manager,
      );
      await this.imports.finish(imp.id, RosterImportStatus.Failed, manager);
    });
    this.logger.log({ event: 'roster_import_failed', importId: imp.id, reason: problems[0]?.messageKey });
    return summary({ ...imp, ...counts, status: RosterImportStatus.Failed });
  }

  // --- reading an import back ----------------------------------------------------------------

  /**
   * The workers an import brought in, with their rows: the stored file is read again and each row
   * that was saved (no error reported for it) is looked up by its CCCD. Batches, in file order.
   */
  async *importedWorkers(imp: RosterImport): AsyncGenerator<{ worker: Worker; row: RosterRow }[]> {
    if (imp.status !== RosterImportStatus.Completed) return;
    const skip = await this.imports.errorRowNumbers(imp.id);
    let header: HeaderMatch | null = null;
    let batch: { hash: string; row: RosterRow }[] = [];
    const flush = async () => {
      const found = new Map(
        (await this.workers.findByHashes(batch.map((b) => b.hash))).map((w) => [w.cccdHash, w]),
      );
      const result = batch
        .filter((b) => found.has(b.hash))
        .map((b) => ({ worker: found.get(b.hash)!, row: b.row }));
      batch = [];
      return result;
    };
    for await (const sheetRow of readRosterFile(join(this.uploads.dir, imp.storedName), imp.kind)) {
      if (!header) {
        const found = this.findHeader(sheetRow, sheetRow.rowNumber);
        if (typeof found === 'object') header = found.match;
        continue;
      }
      if (skip.has(sheetRow.rowNumber)) continue;
      const { row } = this.validator.validate(sheetRow.rowNumber, cellsOf(header, sheetRow.cells));
      if (!row) continue;
      batch.push({ hash: this.pii.blindIndex(row.cccd), row });
      if (batch.length >= CHUNK_SIZE) yield await flush();
    }
    if (batch.length > 0) yield await flush();
  }

  private scope(actor: Actor): Promise<EnterpriseScope> {
    return this.scopes.scopeOf(actor, ...WORKER_SCOPE_ROLES);
  }
}

/** The cells of the recognised columns of one row. */
function cellsOf(header: HeaderMatch, cells: SheetRow['cells']): RowCells {
  const out: RowCells = {};
  for (const [field, { index }] of header.columns) out[field] = cells[index] ?? null;
  return out;
}

function headerProblems(
  found: { match: HeaderMatch; rowNumber: number } | 'none',
  rowNumber: number,
): Omit<NewRosterImportError, 'importId'>[] {
  if (found === 'none')
    return [{ rowNumber, columnName: null, messageKey: 'roster.error.noHeader', params: null }];
  return found.match.missing.map((field) => ({
    rowNumber: found.rowNumber,
    columnName: columnHeader(field),
    messageKey: 'roster.error.missingColumn',
    params: { column: columnHeader(field) },
  }));
}

/** An error report line in the reader's language; the column is named as the file names it. */
export function describeRosterError(locale: Locale, error: RosterImportError): string {
  return translateRef(locale, {
    key: error.messageKey,
    params: { column: error.columnName ?? '', ...(error.params ?? {}) },
  });
}

export function summary(imp: RosterImportCounts & { id: number; status: RosterImportStatus }): JobResult {
  return {
    importId: imp.id,
    status: imp.status,
    rows: imp.totalRows,
    created: imp.createdCount,
    updated: imp.updatedCount,
    unchanged: imp.unchangedCount,
    errors: imp.errorCount,
  };
}
