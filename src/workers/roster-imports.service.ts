import { Transaction } from '../database/unit-of-work';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { FormError } from '../common/errors/form-error';
import { Page, pageOf } from '../common/http/pagination';
import { isValidCccdFormat } from '../common/validation/cccd';
import { TempUpload } from '../files/file-upload';
import { ImportRowError } from '../imports/entities/import-row-error.entity';
import { ImportKind, ImportRun, ImportStatus } from '../imports/entities/import-run.entity';
import {
  ChunkResult,
  ImportKindHandler,
  ImportPipeline,
  ImportSheet,
  requiredHeader,
  RowProblem,
  SheetDataRow,
} from '../imports/import-pipeline';
import { ImportRunsService } from '../imports/import-runs.service';
import { CellValue, parseCccd } from '../imports/spreadsheet/cells';
import { cellsOf } from '../imports/spreadsheet/columns';
import { readSpreadsheet } from '../imports/spreadsheet/spreadsheet-reader';
import { EnterpriseScope, EnterpriseScopeService } from '../organisations/enterprise-scope';
import { Enterprise } from '../organisations/entities/enterprise.entity';
import { Worker } from './entities/worker.entity';
import { EntryOutcome, EntryRefusal, PersonRegistry } from './identity/person-registry';
import { ReconciliationSource } from './reconciliation/entities/identity-reconciliation.entity';
import { columnHeader, HeaderMatch, matchRosterHeader, RosterField } from './roster/roster-columns';
import { overlaps } from './roster/roster-merge';
import {
  RosterRow,
  RosterRowValidator,
  RowCells,
  RowProblem as RosterProblem,
} from './roster/roster-row.validator';
import { WORKER_SCOPE_ROLES } from './workers.access';
import { WorkersRepository } from './workers.repository';

/** Rows of the file looked up together when an import is read back. */
const READ_BACK_BATCH = 500;

/** A roster import as the pages show it: the run and the enterprise's name. */
export interface RosterImportListItem extends ImportRun {
  enterpriseName: string;
}

/** A data row after checking: either a row to save or the problems to report. */
export interface CheckedRow {
  rowNumber: number;
  row: RosterRow | null;
  cccdHash: string | null;
  problems: RosterProblem[];
}

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

/**
 * Roster imports: the officer uploads a file of their enterprise's workers; the import pipeline
 * (src/imports) reads it in the background and hands the rows here in chunks. Each row is checked,
 * then saved under PersonRegistry's identity rules (people matched on their CCCD's blind index,
 * employments on their period), so importing the same file again changes nothing.
 */
@Injectable()
export class RosterImportsService implements ImportKindHandler, OnModuleInit {
  readonly kind = ImportKind.Roster;

  constructor(
    private readonly runs: ImportRunsService,
    private readonly pipeline: ImportPipeline,
    private readonly workers: WorkersRepository,
    private readonly validator: RosterRowValidator,
    private readonly registry: PersonRegistry,
    private readonly pii: PiiCipher,
    private readonly scopes: EnterpriseScopeService,
  ) {}

  onModuleInit(): void {
    this.pipeline.register(this);
  }

  /** Enterprises the actor may import into: an officer's own; any for the federation admin. */
  async targets(actor: Actor): Promise<Enterprise[]> {
    return this.workers.enterprisesInScope(await this.scope(actor));
  }

  /** Records an uploaded file for an enterprise in scope and queues its import. */
  async createFromUpload(
    actor: Actor,
    enterpriseId: number | undefined,
    upload: TempUpload | undefined,
  ): Promise<ImportRun> {
    if (!upload) throw FormError.field('file', 'import.upload.required');
    const enterprise = await this.targetEnterprise(actor, enterpriseId);
    return this.runs.start(actor, ImportKind.Roster, enterprise.id, upload);
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
    const found = await this.runs.page(ImportKind.Roster, await this.targetIds(actor), page, size);
    return pageOf(await this.withNames(found.items), found.total, page, size);
  }

  /** An import of an enterprise in the actor's scope, or 404. */
  async findInScope(actor: Actor, id: number): Promise<RosterImportListItem> {
    const [item] = await this.withNames([
      await this.runs.find(ImportKind.Roster, id, await this.targetIds(actor)),
    ]);
    return item;
  }

  errorsPage(importId: number, page: number, size: number): Promise<Page<ImportRowError>> {
    return this.runs.errorsPage(importId, page, size);
  }

  errors(importId: number): AsyncGenerator<ImportRowError> {
    return this.runs.errors(importId);
  }

  // --- the pipeline's handler -------------------------------------------------------------------

  async open(run: ImportRun): Promise<ImportSheet<HeaderMatch>> {
    const seen = new Map<string, SeenPeriod[]>();
    return {
      noHeaderMessage: 'roster.error.noHeader',
      readHeader: (cells, rowNumber) => readRosterHeader(cells, rowNumber),
      isEmptyRow: (header, cells) => this.validator.isEmpty(cellsOf(header, cells) as RowCells),
      saveChunk: (header, rows, manager) => this.saveChunk(run, header, rows, seen, manager),
    };
  }

  private async saveChunk(
    run: ImportRun,
    header: HeaderMatch,
    rows: SheetDataRow[],
    seen: Map<string, SeenPeriod[]>,
    manager: Transaction | null,
  ): Promise<ChunkResult> {
    const checked = rows.map((r) => this.check(r.rowNumber, cellsOf(header, r.cells) as RowCells, seen));
    if (!manager) return { created: 0, updated: 0, unchanged: 0, refused: 0, problems: [] };
    const columnOf = (field: RosterField) => header.columns.get(field)?.label ?? columnHeader(field);
    const invalid = checked.filter((c) => !c.row);
    const problems: RowProblem[] = invalid.flatMap((c) =>
      c.problems.map((p) => ({
        rowNumber: c.rowNumber,
        columnName: columnOf(p.field),
        messageKey: p.key,
        params: p.params ?? null,
      })),
    );
    const outcomes = await this.saveRows(
      manager,
      run,
      checked.filter((c): c is CheckedRow & { row: RosterRow; cccdHash: string } => !!c.row && !!c.cccdHash),
    );
    const refused = outcomes.filter((o) => o.result === 'refused');
    problems.push(
      ...refused.map((o) => ({
        rowNumber: o.key,
        columnName: columnOf(RosterField.Cccd),
        messageKey: REFUSAL_MESSAGES[o.refusal!],
        params: null,
      })),
    );
    const count = (result: EntryOutcome['result']) => outcomes.filter((o) => o.result === result).length;
    // A past employment moves past figures: the earliest day a saved row starts or ends.
    const changed = new Set(
      outcomes.filter((o) => o.result === 'created' || o.result === 'updated').map((o) => o.key),
    );
    const days = checked
      .filter((c) => c.row && changed.has(c.rowNumber))
      .flatMap((c) => [c.row!.startDate, c.row!.endDate ?? null])
      .filter((d): d is string => !!d);
    return {
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      refused: invalid.length + refused.length,
      problems,
      since: days.length > 0 ? days.reduce((a, b) => (b < a ? b : a)) : null,
    };
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
   * Saves some valid rows (people and their employments at the import's enterprise) under the
   * identity rules of PersonRegistry, inside the caller's transaction. The uploader is who asked.
   */
  saveRows(
    manager: Transaction,
    run: Pick<ImportRun, 'id' | 'targetId' | 'uploadedBy'>,
    rows: { row: RosterRow; cccdHash: string }[],
  ): Promise<EntryOutcome[]> {
    if (rows.length === 0) return Promise.resolve([]);
    return this.registry.register(manager, {
      enterpriseId: run.targetId,
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
      requester: { userId: run.uploadedBy },
      source: { kind: ReconciliationSource.RosterImport, importId: run.id },
      mode: 'merge',
      identityAuthority: false,
    });
  }

  // --- reading an import back ----------------------------------------------------------------

  /**
   * The workers an import brought in, with their rows: the stored file is read again and each row
   * that was saved (no error reported for it) is looked up by its CCCD. Batches, in file order.
   */
  async *importedWorkers(run: ImportRun): AsyncGenerator<{ worker: Worker; row: RosterRow }[]> {
    if (run.status !== ImportStatus.Completed) return;
    const skip = await this.runs.errorRowNumbers(run.id);
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
    for await (const sheetRow of readSpreadsheet(this.runs.pathOf(run), run.fileKind)) {
      if (!header) {
        const found = readRosterHeader(sheetRow.cells, sheetRow.rowNumber);
        if (found && 'header' in found) header = found.header;
        continue;
      }
      if (skip.has(sheetRow.rowNumber)) continue;
      const { row } = this.validator.validate(
        sheetRow.rowNumber,
        cellsOf(header, sheetRow.cells) as RowCells,
      );
      if (!row) continue;
      batch.push({ hash: this.pii.blindIndex(row.cccd), row });
      if (batch.length >= READ_BACK_BATCH) yield await flush();
    }
    if (batch.length > 0) yield await flush();
  }

  private async targetIds(actor: Actor): Promise<number[] | null> {
    const scope = await this.scope(actor);
    return scope.all ? null : scope.enterpriseIds;
  }

  private async withNames(runs: ImportRun[]): Promise<RosterImportListItem[]> {
    const names = await this.workers.enterpriseNames([...new Set(runs.map((r) => r.targetId))]);
    return runs.map((r) => Object.assign(r, { enterpriseName: names.get(r.targetId) ?? '' }));
  }

  private scope(actor: Actor): Promise<EnterpriseScope> {
    return this.scopes.scopeOf(actor, ...WORKER_SCOPE_ROLES);
  }
}

/** The roster's header: the first row naming at least two roster columns, with the required ones. */
function readRosterHeader(cells: CellValue[], rowNumber: number) {
  return requiredHeader(matchRosterHeader(cells), rowNumber, columnHeader);
}
